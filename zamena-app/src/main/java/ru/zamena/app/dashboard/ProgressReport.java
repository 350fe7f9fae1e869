package ru.zamena.app.dashboard;

import ru.zamena.app.dashboard.DashboardViews.*;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.report.ReportDocument;
import ru.zamena.report.ReportDocument.Fact;
import ru.zamena.report.ReportFormat;
import ru.zamena.report.ReportTable;
import ru.zamena.report.ReportTable.Column;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.*;

/**
 * The progress report an IT head sends upward: the organisation and period, each measure against
 * its target with the forecast and verdict, the organisations below, the top gaps (foreign
 * products still in use that have alternatives) and the plan (the next replacements, largest
 * first). Russian by default, English on request; JSON, XLSX, PDF (and CSV of the measures).
 */
public final class ProgressReport {
    static final int TOP_GAPS = 15;
    private final DashboardService dashboard;

    public ProgressReport(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    /** One measure on one basis, as of the report's period. */
    public record MeasureLine(String id, String title, String basis, String period, Double value, Double target, Integer targetYear,
                              String targetSource, boolean targetUnverified, String forecastPeriod, Double forecast, Double low, Double high,
                              String verdict, Double missByPoints, String text, String method, String note) {}

    public record ChildLine(String slug, String name, String measure, Double value, Double target, String verdict) {}

    /** The next replacement: a foreign product in use and what to put in its place. */
    public record PlanStep(int rank, String productId, String product, String vendor, long seats, long orgs,
                           String replacementId, String replacement, String replacementVendor, String replacementCountry, boolean registry) {}

    public record Report(OrgRef org, String period, String lang, LocalDate generatedOn, List<MeasureLine> measures, List<ChildLine> children,
                         List<ForeignProduct> topGaps, List<PlanStep> plan) {}

    /** {@code period} null: the latest period with an audit. */
    public Report build(Caller caller, String org, Integer period, String lang) {
        if (lang != null && !lang.equalsIgnoreCase("ru") && !lang.equalsIgnoreCase("en"))
            throw new IllegalArgumentException("lang must be ru or en, got '" + lang + "'");
        boolean ru = lang == null || lang.equalsIgnoreCase("ru");
        TopForeign gaps = dashboard.topForeign(caller, org, period, TOP_GAPS);
        Integer p = period != null ? period : gaps.period() == null ? null : Integer.valueOf(gaps.period());
        var lines = new ArrayList<MeasureLine>();
        var children = new ArrayList<ChildLine>();
        OrgRef ref = null;
        for (Basis basis : Basis.values()) {
            Measures ms = dashboard.measures(caller, org, basis, p);
            ref = ms.org();
            for (Measure m : ms.measures()) {
                // By spend the installed-software measure is the purchases measure again: shown once.
                if (basis == Basis.SPEND && m.id().equals(MeasureId.SOFTWARE_DOMESTIC_SHARE.id())) continue;
                if (m.series().isEmpty() && basis != Basis.COUNT) continue;
                lines.add(line(m, basis, ru));
            }
            if (basis == Basis.SEATS)
                for (ChildMeasures c : ms.children())
                    for (ChildMeasure x : c.measures())
                        if (x.value() != null) children.add(new ChildLine(c.slug(), c.name(), title(x.id(), ru), x.value(),
                                x.target() == null ? null : x.target().value(), x.verdict()));
        }
        return new Report(ref, p == null ? null : p.toString(), ru ? "ru" : "en", LocalDate.now(), lines, children, gaps.rows(), plan(gaps.rows()));
    }

    private static MeasureLine line(Measure m, Basis basis, boolean ru) {
        SeriesPoint last = m.series().isEmpty() ? null : m.series().getLast();
        ForecastView f = m.forecast();
        ProjectedPoint h = f == null ? null : f.points().getLast();
        TargetView t = m.target();
        return new MeasureLine(m.id(), ru ? m.title().ru() : m.title().en(), basis.word(), last == null ? null : last.period(),
                last == null ? null : last.value(), t == null ? null : t.value(), t == null ? null : t.year(), t == null ? null : t.source(),
                t != null && t.unverified(), h == null ? null : h.period(), h == null ? null : h.value(), h == null ? null : h.low(),
                h == null ? null : h.high(), f == null ? null : f.verdict(), f == null ? null : f.missByPoints(),
                f == null ? null : ru ? f.text().ru() : f.text().en(), f == null ? null : ru ? f.methodText().ru() : f.methodText().en(), m.note());
    }

    /** The largest foreign products first, each with its best alternative (a registered one when there is one). */
    private static List<PlanStep> plan(List<ForeignProduct> gaps) {
        var out = new ArrayList<PlanStep>();
        for (ForeignProduct g : gaps) {
            if (g.alternatives().isEmpty()) continue;
            Alternative a = g.alternatives().stream().filter(Alternative::registry).findFirst().orElse(g.alternatives().getFirst());
            out.add(new PlanStep(out.size() + 1, g.productId(), g.product(), g.vendor(), g.seats(), g.orgs(), a.productId(), a.product(),
                    a.vendor(), a.country(), a.registry()));
        }
        return out;
    }

    private static String title(String id, boolean ru) {
        var t = MeasureId.of(id).title();
        return ru ? t.ru() : t.en();
    }

    // ------------------------------------------------------------------ as a document

    public static void write(Report r, ReportFormat format, OutputStream out) throws IOException {
        format.write(document(r), out);
    }

    public static ReportDocument document(Report r) {
        boolean ru = r.lang().equals("ru");
        var facts = new ArrayList<Fact>();
        facts.add(new Fact(ru ? "Организация" : "Organisation", r.org().name() + " (" + r.org().slug() + ")"));
        facts.add(new Fact(ru ? "Отчётный период" : "Reporting period", r.period() == null ? (ru ? "нет данных" : "no data") : r.period()));
        facts.add(new Fact(ru ? "Дата отчёта" : "Report date", r.generatedOn().toString()));
        for (MeasureLine m : r.measures())
            if (m.verdict() != null && m.basis().equals("count"))
                facts.add(new Fact(m.title(), m.text()));
        facts.add(new Fact(ru ? "Метод прогноза" : "Forecast method", r.measures().stream().map(MeasureLine::method).filter(Objects::nonNull)
                .findFirst().orElse(ru ? "данных для прогноза нет" : "no data to forecast")));

        var measures = ReportTable.of(ru ? "Показатели и цели" : "Measures and targets",
                Column.text(ru ? "Показатель" : "Measure", 30), Column.text(ru ? "Основа" : "Basis", 8), Column.text(ru ? "Период" : "Period", 7),
                Column.percent(ru ? "Значение" : "Value"), Column.percent(ru ? "Цель" : "Target"), Column.integer(ru ? "Год цели" : "Target year"),
                Column.text(ru ? "Прогноз на" : "Forecast for", 8), Column.percent(ru ? "Прогноз" : "Forecast"),
                Column.text(ru ? "Интервал" : "Band", 12), Column.text(ru ? "Оценка" : "Verdict", 16), Column.decimal(ru ? "Отставание, п.п." : "Short by, points"),
                Column.text(ru ? "Источник цели" : "Target source", 50));
        for (MeasureLine m : r.measures())
            measures.row(m.title(), basisWord(m.basis(), ru), m.period(), m.value(), m.target(), m.targetYear() == null ? null : (long) m.targetYear(),
                    m.forecastPeriod(), m.forecast(), m.low() == null ? null : pct(m.low()) + "–" + pct(m.high()) + "%",
                    verdictWord(m.verdict(), ru), m.missByPoints(),
                    m.targetSource() == null ? m.note() : m.targetSource() + (m.targetUnverified() ? (ru ? " (не проверено)" : " (unverified)") : ""));

        var children = ReportTable.of(ru ? "Подведомственные организации (по установкам)" : "Organisations below (by seats)",
                Column.text(ru ? "Организация" : "Organisation", 36), Column.text(ru ? "Показатель" : "Measure", 30),
                Column.percent(ru ? "Значение" : "Value"), Column.percent(ru ? "Цель" : "Target"), Column.text(ru ? "Оценка" : "Verdict", 16));
        for (ChildLine c : r.children()) children.row(c.name(), c.measure(), c.value(), c.target(), verdictWord(c.verdict(), ru));

        var gaps = ReportTable.of(ru ? "Главные разрывы: иностранные продукты в использовании" : "Top gaps: foreign products in use",
                Column.text(ru ? "Продукт" : "Product", 28), Column.text(ru ? "Производитель" : "Vendor", 18), Column.text(ru ? "Страна" : "Country", 6),
                Column.integer(ru ? "Установки" : "Seats"), Column.integer(ru ? "Организации" : "Organisations"),
                Column.text(ru ? "Альтернативы" : "Alternatives", 60));
        for (ForeignProduct g : r.topGaps())
            gaps.row(g.product(), g.vendor(), g.country(), g.seats(), g.orgs(), DashboardTables.alternatives(g));

        var plan = ReportTable.of(ru ? "План: следующие замены" : "Plan: the next replacements",
                Column.integer("#"), Column.text(ru ? "Заменить" : "Replace", 28), Column.integer(ru ? "Установки" : "Seats"),
                Column.text(ru ? "На" : "With", 28), Column.text(ru ? "Производитель" : "Vendor", 20), Column.text(ru ? "Страна" : "Country", 6),
                Column.text(ru ? "В реестре" : "In the register", 8));
        for (PlanStep s : r.plan())
            plan.row((long) s.rank(), s.product(), s.seats(), s.replacement(), s.replacementVendor(), s.replacementCountry(),
                    s.registry() ? (ru ? "да" : "yes") : (ru ? "нет" : "no"));

        String title = (ru ? "Отчёт о ходе импортозамещения: " : "Import substitution progress report: ") + r.org().name()
                + (r.period() == null ? "" : ", " + r.period());
        return new ReportDocument(title, facts, List.of(measures.build(), children.build(), gaps.build(), plan.build()), 0);
    }

    private static String basisWord(String basis, boolean ru) {
        if (!ru) return basis;
        return switch (basis) {
            case "count" -> "продукты";
            case "seats" -> "установки";
            default -> "затраты";
        };
    }

    static String verdictWord(String verdict, boolean ru) {
        if (verdict == null) return null;
        return switch (verdict) {
            case "on_track" -> ru ? "по плану" : "on track";
            case "at_risk" -> ru ? "под угрозой" : "at risk";
            default -> ru ? "не будет достигнута" : "will miss";
        };
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f", v * 100);
    }
}
