package ru.zamena.server;

import io.javalin.http.Context;
import ru.zamena.app.dashboard.Basis;
import ru.zamena.app.dashboard.DashboardService;
import ru.zamena.app.dashboard.DashboardTables;
import ru.zamena.app.dashboard.ProgressReport;
import ru.zamena.report.ReportFormat;
import ru.zamena.report.ReportTable;

import java.util.Locale;

/**
 * The dashboard over HTTP: hierarchy, measures with forecasts, breakdowns, top foreign products,
 * targets and the progress report of an organisation. Every read also answers {@code ?format=csv}
 * with the same rows. The service checks who may read what (an organisation and those below it).
 */
final class DashboardRoutes {
    private final DashboardService dashboard;
    private final ProgressReport reports;

    DashboardRoutes(DashboardService dashboard, ProgressReport reports) {
        this.dashboard = dashboard;
        this.reports = reports;
    }

    /** The body of PUT /orgs/{org}/targets/{measure}. */
    record TargetBody(Double value, Integer year) {}

    void tree(Context ctx) {
        var tree = dashboard.tree(Auth.required(ctx), org(ctx));
        answer(ctx, tree, () -> DashboardTables.tree(tree), "tree");
    }

    void measures(Context ctx) {
        var m = dashboard.measures(Auth.required(ctx), org(ctx), basis(ctx));
        answer(ctx, m, () -> DashboardTables.measures(m), "measures");
    }

    void breakdown(Context ctx) {
        String dim = Params.text(ctx, "dim");
        if (dim == null) dim = "category";
        if (!DashboardService.DIMENSIONS.contains(dim.toLowerCase(Locale.ROOT)))
            throw ApiException.badParameter("dim", "dim must be category, country, platform or vendor, got '" + dim + "'");
        var b = dashboard.breakdown(Auth.required(ctx), org(ctx), dim.toLowerCase(Locale.ROOT), period(ctx), basis(ctx));
        answer(ctx, b, () -> DashboardTables.breakdown(b), "breakdown-" + b.dim());
    }

    void topForeign(Context ctx) {
        var t = dashboard.topForeign(Auth.required(ctx), org(ctx), period(ctx), Params.limit(ctx, 20, 200));
        answer(ctx, t, () -> DashboardTables.topForeign(t), "top-foreign");
    }

    void targets(Context ctx) {
        var t = dashboard.targets(Auth.required(ctx), org(ctx));
        answer(ctx, t, () -> DashboardTables.targets(t), "targets");
    }

    void putTarget(Context ctx) {
        var caller = Auth.required(ctx);
        TargetBody body = ctx.bodyAsClass(TargetBody.class);
        if (body == null || body.value() == null || body.year() == null)
            throw ApiException.badParameter("body", "send {\"value\": 0.8, \"year\": 2027}: a share from 0 to 1 and a year");
        try {
            ctx.json(dashboard.putTarget(caller, org(ctx), ctx.pathParam("measure"), body.value(), body.year()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("body", e.getMessage());
        }
    }

    void report(Context ctx) {
        var caller = Auth.required(ctx);
        String f = Params.text(ctx, "format");
        String lang = Params.text(ctx, "lang");
        var report = reports.build(caller, org(ctx), period(ctx), lang == null ? "ru" : lang);
        if (f == null || f.equalsIgnoreCase("json")) {
            ctx.json(report);
            return;
        }
        ReportFormat format = ReportFormat.of(f);
        if (format == null) throw ApiException.badParameter("format", "format must be json, csv, xlsx or pdf, got '" + f + "'");
        AuditRoutes.download(ctx, format, "progress-" + report.org().slug() + "-" + report.period(), out -> ProgressReport.write(report, format, out));
    }

    /** JSON, or the same rows as CSV when {@code format=csv}. */
    private static void answer(Context ctx, Object json, java.util.function.Supplier<ReportTable> table, String name) {
        String f = Params.text(ctx, "format");
        if (f == null || f.equalsIgnoreCase("json")) {
            ctx.json(json);
            return;
        }
        if (!f.equalsIgnoreCase("csv")) throw ApiException.badParameter("format", "format must be json or csv, got '" + f + "'");
        AuditRoutes.download(ctx, ReportFormat.CSV, name, out -> ReportFormat.CSV.write(DashboardTables.document(name, table.get()), out));
    }

    private static String org(Context ctx) {
        return ctx.pathParam("org");
    }

    private static Basis basis(Context ctx) {
        try {
            return Basis.of(Params.text(ctx, "basis"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("basis", e.getMessage());
        }
    }

    private static Integer period(Context ctx) {
        String p = Params.text(ctx, "period");
        if (p == null) return null;
        try {
            int y = Integer.parseInt(p);
            if (y >= 1990 && y <= 2100) return y;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badParameter("period", "period must be a year such as 2025, got '" + p + "'");
    }
}
