package ru.zamena.ingest.inventory.table;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.inventory.InventoryReader;
import ru.zamena.ingest.inventory.host.HostInventoryReader;
import ru.zamena.ingest.io.TextDecoding;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Opens spreadsheets of software (CSV, XLSX) with a column mapping, and tells a CSV header row from other text. */
public final class TableReaders {
    private static final char[] DELIMITERS = {';', '\t', ','};

    private TableReaders() {}

    /** True when the text starts with a header row that has a software-name column, or when a mapping says it is a table. */
    public static boolean isTable(String head, Map<String, String> columns) {
        if (columns != null && !columns.isEmpty()) return true;
        return headerCells(head).stream().anyMatch(Columns::isNameHeader);
    }

    /** True when the first line is split into several columns by ';', ',' or a tab. */
    public static boolean isDelimited(String head) {
        return headerCells(head).size() > 1;
    }

    /** Opens a CSV file; the delimiter is the one most used in its first line. */
    public static InventoryReader openCsv(Path file, String name, Map<String, String> columns) {
        Reader in = null;
        try {
            in = TextDecoding.open(file).reader();
            char delimiter = delimiter(firstLine(file, name));
            return new CsvInventoryReader(in, delimiter, name, columns == null ? Map.of() : columns);
        } catch (IOException e) {
            closeQuietly(in);
            throw HostInventoryReader.fileProblem(name, 0, e);
        }
    }

    /** Opens an XLSX workbook: the first sheet with a header row that has a name column (or the first sheet, with a mapping). */
    public static InventoryReader openXlsx(Path file, String name, Map<String, String> columns) {
        return XlsxInventoryReader.open(file, name, columns == null ? Map.of() : columns, XlsxInventoryReader.Limits.DEFAULT);
    }

    /** The first non-blank line's cells, split by its delimiter; empty when there is no such line. */
    static List<String> headerCells(String head) {
        String line = head.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        if (line.isEmpty()) return List.of();
        try (CSVParser p = CSVParser.parse(line, CSVFormat.RFC4180.builder().setDelimiter(delimiter(line)).setLenientEof(true).get())) {
            for (CSVRecord r : p) return r.toList();
            return List.of();
        } catch (IOException | RuntimeException e) {
            return List.of(); // not CSV-shaped: leave it to the other formats' errors
        }
    }

    /** The delimiter used most often outside quotes in {@code line}; ';' wins ties (Russian Excel). */
    static char delimiter(String line) {
        char best = ',';
        int bestCount = 0;
        for (char d : DELIMITERS) {
            int count = 0;
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') quoted = !quoted;
                else if (c == d && !quoted) count++;
            }
            if (count > bestCount) {
                best = d;
                bestCount = count;
            }
        }
        return best;
    }

    private static String firstLine(Path file, String name) throws IOException {
        try (Reader in = TextDecoding.open(file).reader()) {
            var sb = new StringBuilder();
            boolean content = false;
            for (int c; (c = in.read()) >= 0 && sb.length() < CsvInventoryReader.MAX_ROW_CHARS; ) {
                if (c == '\n' || c == '\r') {
                    if (content) break;
                    continue;
                }
                if (c != '\uFEFF') sb.append((char) c);
                content |= !Character.isWhitespace(c) && c != '\uFEFF';
            }
            return sb.toString();
        }
    }

    private static void closeQuietly(Reader in) {
        if (in == null) return;
        try {
            in.close();
        } catch (IOException ignored) {
            // the open failed already; that is what the user hears
        }
    }
}
