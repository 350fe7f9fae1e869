package ru.zamena.report;

import java.util.List;

/**
 * A report as every export format sees it: a title, facts (label and value) and tables. The
 * {@code primary} table is the one single-table formats (CSV) write and spreadsheet formats put on
 * a sheet of its own; the facts and other tables form the summary.
 */
public record ReportDocument(String title, List<Fact> facts, List<ReportTable> tables, int primary) {
    public record Fact(String label, String value) {}

    public ReportDocument {
        facts = List.copyOf(facts);
        tables = List.copyOf(tables);
        if (tables.isEmpty() || primary < 0 || primary >= tables.size()) throw new IllegalArgumentException("primary must name one of the tables");
    }

    public ReportTable primaryTable() {
        return tables.get(primary);
    }
}
