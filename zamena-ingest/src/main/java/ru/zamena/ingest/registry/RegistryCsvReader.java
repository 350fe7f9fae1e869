package ru.zamena.ingest.registry;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.registry.RegistryFields.Field;
import ru.zamena.ingest.registry.RegistryFields.Raw;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Streams register entries out of a CSV export with commons-csv. A header row is required; it may
 * follow a few title rows (a spreadsheet saved as CSV), and its cells name the columns through
 * {@link RegistryFields}. The delimiter is whichever of {@code ;}, tab and {@code ,} makes that
 * header readable. Columns it does not know are ignored; rows with no known value are skipped.
 */
public final class RegistryCsvReader extends RegistryReader {
    /** How far down a header row is looked for: exported sheets start with a few title rows. */
    static final int HEADER_SEARCH_LINES = 30;
    private static final char[] DELIMITERS = {';', '\t', ','};

    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final Field[] columns;
    private final String[] headers;
    private final long linesBeforeHeader;
    private long index;

    /** Reads CSV text from {@code in} (already decoded, see {@code TextDecoding}); {@code fileName} is for messages. */
    public RegistryCsvReader(Reader in, String fileName, Mode mode) {
        super(fileName, mode);
        BufferedReader text = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        try {
            int skip = -1;
            char delimiter = ';';
            text.mark(1 << 20);
            var start = new ArrayList<String>();
            for (int i = 0; i < HEADER_SEARCH_LINES && skip < 0; i++) {
                String line = text.readLine();
                if (line == null) break;
                if (start.size() < 2 && !line.isBlank()) start.add(line.length() > 120 ? line.substring(0, 120) + "…" : line);
                for (char d : DELIMITERS) {
                    if (isHeader(cells(line, d))) { skip = i; delimiter = d; break; }
                }
            }
            text.reset();
            if (skip < 0) throw new InputException(fileName, 1, 0, "no header row with a registration number and a name column "
                    + "(such as «Реестровый номер;Наименование ПО») in the first " + HEADER_SEARCH_LINES + " lines"
                    + (start.isEmpty() ? "; the file is empty" : "; the file starts with: " + String.join(" / ", start)));
            for (int i = 0; i < skip; i++) text.readLine();
            linesBeforeHeader = skip;
            parser = format(delimiter).parse(text);
            rows = parser.iterator();
            List<String> header = rows.next().toList();
            headers = header.toArray(String[]::new);
            columns = header.stream().map(h -> RegistryFields.field(h).orElse(null)).toArray(Field[]::new);
        } catch (IOException | UncheckedIOException e) {
            throw fileProblem(fileName, 0, e);
        }
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote('"').setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).setTrim(true).get();
    }

    private static List<String> cells(String line, char delimiter) {
        try (CSVParser p = format(delimiter).parse(new StringReader(line))) {
            Iterator<CSVRecord> it = p.iterator();
            return it.hasNext() ? it.next().toList() : List.of();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // a title line with a stray quote is just not the header
        }
    }

    private static boolean isHeader(List<String> cells) {
        boolean number = false, name = false;
        for (String c : cells) {
            Field f = RegistryFields.field(c).orElse(null);
            number |= f == Field.NUMBER;
            name |= f == Field.NAME;
        }
        return number && name;
    }

    @Override
    Raw readRaw() {
        while (true) {
            long line = linesBeforeHeader + parser.getCurrentLineNumber() + 1;
            CSVRecord row;
            try {
                if (!rows.hasNext()) return null;
                row = rows.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw problem(line, e);
            }
            var raw = new Raw(index + 1, line);
            for (int i = 0; i < Math.min(row.size(), columns.length); i++)
                if (columns[i] != null) raw.add(columns[i], headers[i], row.get(i));
            if (raw.isBlank()) continue; // spreadsheets leave rows of empty cells and footers behind
            index++;
            return raw;
        }
    }

    @Override
    String expectedLayout() {
        return "the file has a header row but no data rows below it";
    }

    private InputException problem(long line, RuntimeException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof CharacterCodingException) return fileProblem(fileName, line, cause);
        String message = String.valueOf(cause.getMessage());
        String reason;
        if (message.contains("EOF reached before encapsulated token finished"))
            reason = "a quoted field is never closed: a \" without its closing quote runs to the end of the file";
        else if (message.contains("invalid char between encapsulated token and delimiter"))
            reason = "text after the closing quote of a field (a quote inside a quoted field must be doubled: \"\")";
        else
            reason = "malformed CSV: " + message;
        return new InputException(fileName, line, 0, reason, e);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
