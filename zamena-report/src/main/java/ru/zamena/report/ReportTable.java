package ru.zamena.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A titled table whose columns say how to show their values (numbers stay numbers in spreadsheets). */
public record ReportTable(String title, List<Column> columns, List<List<Object>> rows) {
    public enum Type { TEXT, INTEGER, DECIMAL, PERCENT }

    /** A column; {@code width} is a hint in characters for spreadsheets and PDF. */
    public record Column(String name, Type type, int width) {
        public static Column text(String name, int width) { return new Column(name, Type.TEXT, width); }
        public static Column integer(String name) { return new Column(name, Type.INTEGER, 10); }
        public static Column decimal(String name) { return new Column(name, Type.DECIMAL, 8); }
        /** A share 0..1, shown as a percentage. */
        public static Column percent(String name) { return new Column(name, Type.PERCENT, 8); }
    }

    public ReportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A table filled row by row. */
    public static Builder of(String title, Column... columns) {
        return new Builder(title, Arrays.asList(columns));
    }

    public static final class Builder {
        private final String title;
        private final List<Column> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String title, List<Column> columns) {
            this.title = title;
            this.columns = columns;
        }

        public Builder row(Object... values) {
            if (values.length != columns.size()) throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
            rows.add(Arrays.asList(values));
            return this;
        }

        public ReportTable build() {
            return new ReportTable(title, columns, rows);
        }
    }

    /** A value as text: percentages with one decimal, decimals with three, null as empty. */
    public static String text(Object v, Type type) {
        if (v == null) return "";
        if (v instanceof Number n) return switch (type) {
            case PERCENT -> String.format(java.util.Locale.ROOT, "%.1f%%", n.doubleValue() * 100);
            case DECIMAL -> String.format(java.util.Locale.ROOT, "%.3f", n.doubleValue());
            default -> n instanceof Double || n instanceof Float ? String.format(java.util.Locale.ROOT, "%.3f", n.doubleValue()) : n.toString();
        };
        return v.toString();
    }
}
