package ru.zamena.app.dashboard;

import ru.zamena.app.dashboard.DashboardViews.*;
import ru.zamena.report.ReportDocument;
import ru.zamena.report.ReportTable;
import ru.zamena.report.ReportTable.Column;

import java.util.List;
import java.util.stream.Collectors;

/** The dashboard's answers as tables: the rows of each endpoint's CSV, and parts of the progress report. */
public final class DashboardTables {
    private DashboardTables() {}

    /** A one-table document (what CSV writes). */
    public static ReportDocument document(String title, ReportTable table) {
        return new ReportDocument(title, List.of(), List.of(table), 0);
    }

    public static ReportTable tree(Tree t) {
        var b = ReportTable.of("Organisations", Column.text("slug", 20), Column.text("name", 40), Column.text("kind", 10), Column.text("parent", 20),
                Column.integer("depth"));
        b.row(t.org().slug(), t.org().name(), t.org().kind(), null, 0L);
        for (TreeNode n : t.children()) treeRows(b, n, t.org().slug(), 1);
        return b.build();
    }

    private static void treeRows(ReportTable.Builder b, TreeNode n, String parent, long depth) {
        b.row(n.slug(), n.name(), n.kind(), parent, depth);
        for (TreeNode c : n.children()) treeRows(b, c, n.slug(), depth + 1);
    }

    /** One row per measure and period, measured or forecast. */
    public static ReportTable measures(Measures m) {
        var b = ReportTable.of("Measures", Column.text("org", 20), Column.text("measure", 28), Column.text("basis", 6), Column.text("period", 6),
                Column.text("kind", 9), Column.decimal("value"), Column.decimal("domestic"), Column.decimal("open_source"), Column.decimal("foreign"),
                Column.decimal("unknown"), Column.decimal("n"), Column.decimal("low"), Column.decimal("high"), Column.decimal("target"),
                Column.integer("target_year"), Column.text("verdict", 10));
        for (Measure x : m.measures()) {
            Double target = x.target() == null ? null : x.target().value();
            Long year = x.target() == null ? null : (long) x.target().year();
            for (SeriesPoint p : x.series())
                b.row(m.org().slug(), x.id(), m.basis(), p.period(), "measured", p.value(), p.domestic(), p.openSource(), p.foreign(), p.unknown(),
                        p.n().doubleValue(), null, null, target, year, null);
            if (x.forecast() != null)
                for (ProjectedPoint p : x.forecast().points())
                    b.row(m.org().slug(), x.id(), m.basis(), p.period(), "forecast", p.value(), null, null, null, null, null, p.low(), p.high(),
                            target, year, x.forecast().verdict());
        }
        for (ChildMeasures c : m.children())
            for (ChildMeasure x : c.measures())
                b.row(c.slug(), x.id(), m.basis(), null, "child", x.value(), null, null, null, null, null, null, null,
                        x.target() == null ? null : x.target().value(), x.target() == null ? null : (long) x.target().year(), x.verdict());
        return b.build();
    }

    public static ReportTable breakdown(Breakdown d) {
        var b = ReportTable.of("By " + d.dim(), Column.text("key", 24), Column.text("label_ru", 30), Column.text("label_en", 30),
                Column.decimal("domestic"), Column.decimal("open_source"), Column.decimal("foreign"), Column.decimal("unknown"), Column.decimal("total"));
        for (BreakdownRow r : d.rows())
            b.row(r.key(), r.label().ru(), r.label().en(), r.domestic(), r.openSource(), r.foreign(), r.unknown(), r.total());
        return b.build();
    }

    public static ReportTable topForeign(TopForeign t) {
        var b = ReportTable.of("Top foreign products", Column.text("product_id", 20), Column.text("product", 30), Column.text("vendor", 20),
                Column.text("country", 7), Column.integer("seats"), Column.integer("orgs"), Column.text("alternatives", 60));
        for (ForeignProduct r : t.rows()) b.row(r.productId(), r.product(), r.vendor(), r.country(), r.seats(), r.orgs(), alternatives(r));
        return b.build();
    }

    public static String alternatives(ForeignProduct r) {
        return r.alternatives().stream().map(a -> a.product() + " (" + (a.country() == null ? "open source" : a.country())
                + (a.registry() ? ", registry" : "") + ")").collect(Collectors.joining("; "));
    }

    public static ReportTable targets(Targets t) {
        var b = ReportTable.of("Targets", Column.text("measure", 28), Column.decimal("value"), Column.integer("year"), Column.text("source", 60),
                Column.text("org", 20), Column.text("unverified", 6), Column.text("effective", 6));
        for (TargetRow r : t.targets())
            b.row(r.measure(), r.value(), (long) r.year(), r.source(), r.org(), Boolean.toString(r.unverified()), Boolean.toString(r.effective()));
        return b.build();
    }
}
