package ru.zamena.ingest.inventory.table;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.inventory.host.HostInventoryReader;
import ru.zamena.ingest.io.MalformedTextException;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * A CSV inventory, streamed with commons-csv: RFC 4180 quotes, the delimiter told from the header line
 * ({@code ;} as Russian Excel writes it, {@code ,} or tab), the encoding told by
 * {@link ru.zamena.ingest.io.TextDecoding}. {@link ru.zamena.core.inventory.InventoryItem#position()} is the line
 * a row starts on. A row may hold at most {@link #MAX_ROW_CHARS} characters, so a quote that is never
 * closed cannot pull the rest of a huge file into memory.
 */
final class CsvInventoryReader extends TableInventoryReader {
    static final int MAX_ROW_CHARS = 1 << 20;

    private final RowBudget source;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long endLine;

    CsvInventoryReader(Reader in, char delimiter, String fileName, Map<String, String> mapping) throws IOException {
        super(fileName, mapping);
        this.source = new RowBudget(in);
        // Empty lines are kept as records so that each record's first line is known exactly (blank rows are skipped later).
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        this.parser = CSVParser.parse(source, format);
        this.records = parser.iterator();
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    Row readRow() {
        long line = endLine + 1;
        try {
            source.startRow();
            if (!records.hasNext()) return null;
            CSVRecord record = records.next();
            endLine = parser.getCurrentLineNumber();
            return new Row(record.toList(), line);
        } catch (UncheckedIOException e) {
            throw problem(line, e.getCause());
        } catch (IllegalStateException e) {
            throw problem(line, e);
        }
    }

    private InputException problem(long line, Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MalformedTextException m) return m.toInputException(fileName);
            if (c instanceof RowTooLong) return new InputException(fileName, line, 0, "a row longer than " + MAX_ROW_CHARS
                    + " characters: probably a quote (\") that is never closed");
        }
        String detail = e.getMessage() == null ? "" : e.getMessage();
        if (detail.contains("EOF reached before encapsulated token finished"))
            return new InputException(fileName, line, 0, "a quote (\") opened in this row is never closed", e);
        if (detail.contains("between encapsulated token and delimiter"))
            return new InputException(fileName, line, 0, "text after a closing quote (\"); a quote inside a quoted value is written twice (\"\")", e);
        return HostInventoryReader.fileProblem(fileName, line, e);
    }

    @Override
    InputException at(Row row, String reason) {
        return new InputException(fileName, row.position(), 0, reason);
    }

    @Override
    boolean extraCellsAreAProblem() {
        return true;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Bounds the characters read for one row. */
    private static final class RowBudget extends FilterReader {
        private long used;

        RowBudget(Reader in) {
            super(in);
        }

        void startRow() {
            used = 0;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            // The parser reads ahead in blocks, so the budget is a block larger than the row limit.
            if (used > MAX_ROW_CHARS + 64 * 1024) throw new RowTooLong();
            int n = super.read(buf, off, len);
            if (n > 0) used += n;
            return n;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }
    }

    private static final class RowTooLong extends IOException {
        RowTooLong() {
            super("row too long", null);
        }
    }
}
