package ru.zamena.app.dashboard;

import ru.zamena.core.targets.TrendForecast.Text;

import java.util.List;

/** The dashboard's answers, as the API and the CLI write them (snake_case JSON; /work/notes/dashboard-api.md). */
public final class DashboardViews {
    private DashboardViews() {}

    public record OrgRef(String slug, String name, String kind) {}

    public record TreeNode(String slug, String name, String kind, List<TreeNode> children) {}

    public record Tree(OrgRef org, List<TreeNode> children) {}

    /** A target as it applies: {@code org} is who set it (null: the profile). */
    public record TargetView(String measure, double value, int year, String source, String org, boolean unverified) {}

    /** One period of a measure: the domestic share ({@code value}) and the other origins' shares of {@code n}. */
    public record SeriesPoint(String period, double value, double domestic, double openSource, double foreign, double unknown, Number n) {}

    public record ProjectedPoint(String period, double value, double low, double high) {}

    public record ForecastView(String method, Text methodText, List<ProjectedPoint> points, String verdict, Double missByPoints, Text text) {}

    /** {@code note} says why a series is empty (e.g. no purchases stored, so no spend). */
    public record Measure(String id, Text title, TargetView target, List<SeriesPoint> series, ForecastView forecast, String note) {}

    public record ChildMeasure(String id, Double value, TargetView target, String verdict) {}

    public record ChildMeasures(String slug, String name, String kind, List<ChildMeasure> measures) {}

    public record Measures(OrgRef org, String basis, List<Measure> measures, List<ChildMeasures> children) {}

    public record BreakdownRow(String key, Text label, Number domestic, Number openSource, Number foreign, Number unknown, Number total) {}

    public record Breakdown(String dim, String period, String basis, List<BreakdownRow> rows, String note) {}

    public record Alternative(String productId, String product, String vendor, String country, boolean registry) {}

    public record ForeignProduct(String productId, String product, String vendor, String country, long seats, long orgs,
                                 List<Alternative> alternatives) {}

    public record TopForeign(String period, List<ForeignProduct> rows) {}

    /** {@code effective}: the one that applies to the organisation (its own, else an ancestor's, else the profile's). */
    public record TargetRow(String measure, double value, int year, String source, String org, boolean unverified, boolean effective) {}

    public record Targets(List<TargetRow> targets) {}
}
