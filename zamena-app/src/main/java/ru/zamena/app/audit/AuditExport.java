package ru.zamena.app.audit;

import ru.zamena.report.ReportDocument;
import ru.zamena.report.ReportDocument.Fact;
import ru.zamena.report.ReportFormat;
import ru.zamena.report.ReportTable;
import ru.zamena.report.ReportTable.Column;
import ru.zamena.store.AuditStore;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Audits and diffs as report documents, for the CSV, XLSX and PDF exports of the CLI and the API. */
public final class AuditExport {
    /** A PDF lists every item only for small audits; the spreadsheet always has them all. */
    static final int PDF_ITEMS = 300;
    static final int PDF_TOP = 30;

    private AuditExport() {}

    public static void write(AuditReport report, ReportFormat format, OutputStream out) throws IOException {
        format.write(document(report, format == ReportFormat.PDF), out);
    }

    public static void write(AuditDiff diff, ReportFormat format, OutputStream out) throws IOException {
        format.write(document(diff), out);
    }

    /** {@code printable}: the shorter version for PDF (top foreign products; items only when few). */
    static ReportDocument document(AuditReport r, boolean printable) {
        AuditStore.Audit a = r.audit();
        var s = r.summary();
        var facts = new ArrayList<Fact>();
        facts.add(new Fact("Organisation", a.org()));
        if (a.label() != null) facts.add(new Fact("Label", a.label()));
        facts.add(new Fact("Created", a.createdAt() + " by " + a.createdBy()));
        facts.add(new Fact("Target platform", platform(a)));
        facts.add(new Fact("Files", a.files().stream().map(f -> f.name() + " (" + f.format() + ", " + f.items() + " rows)").collect(Collectors.joining("; "))));
        facts.add(new Fact("Items (distinct names)", Long.toString(s.items())));
        facts.add(new Fact("Occurrences (rows, seats)", Long.toString(s.occurrences())));
        facts.add(new Fact("Matched / review / unmatched", s.matched() + " / " + s.review() + " / " + s.unmatched()));
        facts.add(new Fact("Decided by the organisation's judgments", Long.toString(s.decidedByJudgment())));
        s.flags().forEach((flag, n) -> facts.add(new Fact("Flag " + flag, Long.toString(n))));

        var tables = new ArrayList<ReportTable>();
        tables.add(shares("Shares by origin", "Origin", r.byOrigin(), Integer.MAX_VALUE));
        int top = printable ? PDF_TOP : Integer.MAX_VALUE;
        tables.add(shares("By category", "Category", r.byCategory(), top));
        tables.add(shares("By vendor country", "Country", r.byCountry(), top));
        tables.add(shares("By vendor", "Vendor", r.byVendor(), top));
        tables.add(topForeign(r.items(), printable ? PDF_TOP : Integer.MAX_VALUE));
        int primary = tables.size() - 1;
        if (!printable || r.items().size() <= PDF_ITEMS) {
            tables.add(items(r.items()));
            primary = tables.size() - 1;
        } else {
            facts.add(new Fact("Items", "the " + r.items().size() + " items are in the XLSX or CSV export"));
        }
        return new ReportDocument("Inventory audit #" + a.id() + " of " + a.org(), facts, tables, primary);
    }

    static ReportDocument document(AuditDiff d) {
        var facts = new ArrayList<Fact>();
        facts.add(new Fact("From audit", "#" + d.fromAudit()));
        facts.add(new Fact("To audit", "#" + d.toAudit()));
        facts.add(new Fact("Replaced / added / removed", d.replaced().size() + " / " + d.added().size() + " / " + d.removed().size()));
        facts.add(new Fact("Present in both, count changed", Integer.toString(d.changedCount())));
        var shares = ReportTable.of("Shares of occurrences by origin", Column.text("Origin", 14), Column.percent("From"), Column.percent("To"),
                Column.percent("Change"), Column.integer("From occurrences"), Column.integer("To occurrences"));
        d.originShares().forEach(x -> shares.row(x.origin(), x.from(), x.to(), x.delta(), x.fromOccurrences(), x.toOccurrences()));
        var changes = ReportTable.of("Changes", Column.text("Change", 10), Column.text("Name", 40), Column.text("Product id", 24),
                Column.text("Replaced by", 30), Column.text("Origin", 12), Column.integer("From occurrences"), Column.integer("To occurrences"));
        d.replaced().forEach(x -> changes.row("replaced", x.fromProduct(), x.fromProductId(), x.toProduct(), x.toOrigin(), x.fromOccurrences(), x.toOccurrences()));
        d.added().forEach(x -> changes.row("added", x.name(), x.productId(), null, x.origin(), 0L, x.occurrences()));
        d.removed().forEach(x -> changes.row("removed", x.name(), x.productId(), null, x.origin(), x.occurrences(), 0L));
        return new ReportDocument("Audit #" + d.fromAudit() + " → #" + d.toAudit(), facts, List.of(shares.build(), changes.build()), 1);
    }

    private static ReportTable shares(String title, String key, List<AuditReport.Share> shares, int top) {
        var t = ReportTable.of(title, Column.text(key, 30), Column.integer("Items"), Column.percent("Item share"),
                Column.integer("Occurrences"), Column.percent("Occurrence share"));
        shares.stream().limit(top).forEach(x -> t.row(x.key(), x.items(), x.itemShare(), x.occurrences(), x.occurrenceShare()));
        return t.build();
    }

    /** Foreign products by occurrences, with what replaces them on the target platform. */
    private static ReportTable topForeign(List<AuditReport.Item> items, int top) {
        var t = ReportTable.of("Top foreign products", Column.text("Product", 30), Column.text("Vendor", 20), Column.text("Country", 8),
                Column.integer("Occurrences"), Column.text("Alternatives on the target platform", 50), Column.text("Flags", 30));
        items.stream().filter(i -> "foreign".equals(i.origin()))
                .sorted((x, y) -> Integer.compare(y.occurrences(), x.occurrences()))
                .limit(top)
                .forEach(i -> t.row(i.product(), i.vendor(), i.country(), (long) i.occurrences(), alternatives(i), String.join(", ", i.flags())));
        return t.build();
    }

    private static ReportTable items(List<AuditReport.Item> items) {
        var t = ReportTable.of("Items", Column.integer("#"), Column.text("Name", 40), Column.text("Publisher", 24), Column.text("Versions", 16),
                Column.integer("Occurrences"), Column.integer("Hosts"), Column.text("Status", 10), Column.text("Decided by", 10),
                Column.text("Product id", 24), Column.text("Product", 28), Column.text("Vendor", 20), Column.text("Country", 8),
                Column.text("Origin", 12), Column.text("Category", 20), Column.decimal("Score"), Column.text("Flags", 30),
                Column.text("Alternatives", 50));
        for (AuditReport.Item i : items)
            t.row((long) i.seq(), i.name(), i.publisher(), String.join(", ", i.versions()), (long) i.occurrences(), (long) i.hosts(), i.status(),
                    i.decidedBy(), i.productId(), i.product(), i.vendor(), i.country(), i.origin(), i.category(), i.score(),
                    String.join(", ", i.flags()), alternatives(i));
        return t.build();
    }

    static String alternatives(AuditReport.Item i) {
        return i.alternatives().stream().map(a -> a.name() + " (" + (a.country() == null ? a.origin() : a.country())
                + (a.registered() ? ", registered" : "") + ")").collect(Collectors.joining("; "));
    }

    /** "e2k / astra", "any CPU / astra" or "any". */
    public static String platform(AuditStore.Audit a) {
        if (a.cpu() == null && a.os() == null) return "any";
        return (a.cpu() == null ? "any CPU" : a.cpu()) + " / " + (a.os() == null ? "any OS" : a.os().toLowerCase(Locale.ROOT));
    }
}
