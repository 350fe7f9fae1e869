package ru.zamena.ingest.inventory.table;

import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.inventory.PullingInventoryReader;
import ru.zamena.ingest.inventory.table.Columns.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rows of a spreadsheet (CSV or XLSX) as inventory items: the first non-blank row is the header, blank rows
 * are skipped, and a row that cannot be an item (no name, a bad quantity) is skipped with a warning rather
 * than ending the reading. Each item is an "application" with {@code quantity} seats (1 when not given).
 */
abstract class TableInventoryReader extends PullingInventoryReader {
    /** Warnings kept in full; past this only their number grows (a broken column could warn on every row). */
    static final int MAX_WARNINGS = 1000;

    /** One row: its cells (null or blank when empty) and its position (the line of a CSV, the row number of a sheet). */
    record Row(List<String> cells, long position) {
        boolean blank() {
            for (String c : cells) if (c != null && !c.isBlank()) return false;
            return true;
        }

        String cell(int index) {
            return index < 0 || index >= cells.size() || cells.get(index) == null ? null : cells.get(index).strip();
        }
    }

    final String fileName;
    private final Map<String, String> mapping;
    private final List<InputException> warnings = new ArrayList<>();
    private long moreWarnings;
    private Columns columns;

    TableInventoryReader(String fileName, Map<String, String> mapping) {
        this.fileName = fileName;
        this.mapping = mapping;
    }

    /** The next row, blank or not; null at the end of the table. Problems are thrown as {@link InputException}. */
    abstract Row readRow();

    /** A problem at {@code row}, in this format's words for a position. */
    abstract InputException at(Row row, String reason);

    /** Whether cells past the header's width mean a broken row (CSV: an unquoted delimiter) or are just ignored (XLSX notes). */
    abstract boolean extraCellsAreAProblem();

    /** Reads the header row and decides the columns; XLSX overrides this to choose the sheet. */
    Columns header() {
        Row header = nextNonBlank();
        if (header == null) throw new InputException(fileName, 0, 0, "the table has no header row (it is empty)");
        return decide(header);
    }

    /** The columns {@code header} gives with the user's mapping; throws when there is no name column. */
    final Columns decide(Row header) {
        List<String> names = header.cells().stream().map(c -> c == null ? "" : c.strip()).toList();
        return Columns.decide(names, mapping, reason -> at(header, reason), warnings);
    }

    final Row nextNonBlank() {
        Row row;
        while ((row = readRow()) != null && row.blank()) {
            // blank rows separate nothing in an inventory
        }
        return row;
    }

    @Override
    protected final InventoryItem pull() {
        if (columns == null) columns = header();
        for (Row row; (row = nextNonBlank()) != null; ) {
            InventoryItem item = item(row);
            if (item != null) return item;
        }
        return null;
    }

    /** The row as an item, or null (with a warning) when it cannot be one. */
    private InventoryItem item(Row row) {
        if (extraCellsAreAProblem()) {
            for (int i = columns.width(); i < row.cells().size(); i++) {
                String extra = row.cell(i);
                if (extra != null && !extra.isEmpty()) {
                    return skip(row, "the row has " + row.cells().size() + " cells but the header has " + columns.width()
                            + " (a delimiter inside a value without quotes?); row skipped");
                }
            }
        }
        String name = row.cell(columns.of(Role.NAME));
        if (name == null || name.isEmpty()) {
            return skip(row, "the row has no name (column " + Columns.letter(columns.of(Role.NAME)) + " is empty); row skipped");
        }
        int quantity = 1;
        String q = row.cell(columns.of(Role.QUANTITY));
        if (q != null && !q.isEmpty()) {
            quantity = quantity(q);
            if (quantity < 1) return skip(row, "the quantity '" + q + "' is not a whole number of at least 1; row skipped");
        }
        return new InventoryItem(name, blankToNull(row.cell(columns.of(Role.VERSION))), blankToNull(row.cell(columns.of(Role.PUBLISHER))),
                null, null, "application", null, blankToNull(row.cell(columns.of(Role.HOST))), row.position(), quantity);
    }

    /** "25", "1 000", "3.0" (a number cell) → the count; anything else → 0. */
    static int quantity(String text) {
        String s = text.replaceAll("[\\s\\u00A0\\u202F]", "").replaceFirst("[.,]0+$", "");
        if (!s.matches("[0-9]{1,9}")) return 0;
        return Integer.parseInt(s);
    }

    private InventoryItem skip(Row row, String reason) {
        if (warnings.size() < MAX_WARNINGS) warnings.add(at(row, reason));
        else moreWarnings++;
        return null;
    }

    @Override
    public final List<InputException> warnings() {
        if (moreWarnings == 0) return List.copyOf(warnings);
        List<InputException> all = new ArrayList<>(warnings);
        all.add(new InputException(fileName, 0, 0, moreWarnings + " more rows skipped (only the first " + MAX_WARNINGS + " are listed)"));
        return all;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
