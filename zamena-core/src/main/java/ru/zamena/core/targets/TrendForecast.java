package ru.zamena.core.targets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Forecasts a share (0..1) measured once a year to a target year, with an 80% band, and says
 * plainly whether the target will be met.
 *
 * <p>Method: an ordinary least-squares straight line through the yearly shares, extended to the
 * target year, clamped to 0..1, with the textbook prediction interval of a new observation
 * ({@code t(0.90, n-2) · s · sqrt(1 + 1/n + (x - mean)² / Sxx)}). Why a straight line: organisations
 * have three to five yearly audits, which support two parameters at most; a logistic (S-curve) fit
 * would extrapolate a saturation the data cannot show and is undefined at shares of exactly 0 or 1;
 * and "+8 points a year" is a claim a head of IT can check by hand. With fewer than three points
 * the scatter cannot be measured, so the band assumes the share may drift by up to
 * {@value #PRIOR_DRIFT_PER_YEAR} a year either way, and the method says so.
 *
 * <p>Verdict at the horizon (the target year, or the next year when the target year has passed:
 * a target keeps applying once its year is over): on track when the forecast reaches the target;
 * at risk when it does not but the band does; will miss (by so many percentage points) when even
 * the band's upper end stays below it.
 */
public final class TrendForecast {
    /** Assumed year-to-year drift of a share when the data cannot measure it (one or two points). */
    static final double PRIOR_DRIFT_PER_YEAR = 0.10;

    public enum Verdict { ON_TRACK, AT_RISK, WILL_MISS }

    /** One measured share: the year and its value 0..1. */
    public record Point(int year, double value) {}

    /** A forecast year with the band. */
    public record Projected(int year, double value, double low, double high) {}

    /** Words in Russian and English. */
    public record Text(String ru, String en) {}

    /**
     * The forecast: how it was made (in words), the projected years up to the horizon, the verdict
     * (null without a target) and by how many percentage points the forecast misses it (null unless
     * the verdict is not on track).
     */
    public record Forecast(Text method, List<Projected> points, Verdict verdict, Double missByPoints, Text text) {
        public Forecast {
            points = List.copyOf(points);
        }

        /** The last projected point: the horizon. */
        public Projected horizon() {
            return points.isEmpty() ? null : points.getLast();
        }
    }

    private TrendForecast() {}

    /**
     * Forecasts {@code series} (any order, one point a year) to {@code targetYear}; {@code target}
     * null gives a forecast one year ahead without a verdict. Null when the series is empty.
     */
    public static Forecast forecast(List<Point> series, Double target, Integer targetYear) {
        if (series.isEmpty()) return null;
        List<Point> s = new ArrayList<>(series);
        s.sort(Comparator.comparingInt(Point::year));
        int last = s.getLast().year();
        int horizon = targetYear == null ? last + 1 : Math.max(targetYear, last + 1);
        Line line = fit(s);
        var points = new ArrayList<Projected>();
        for (int y = last + 1; y <= horizon; y++) {
            double v = line.at(y);
            double half = line.halfWidth(y, last);
            points.add(new Projected(y, clamp(v), clamp(v - half), clamp(v + half)));
        }
        Projected h = points.getLast();
        Verdict verdict = null;
        Double miss = null;
        if (target != null) {
            if (h.value() >= target - 1e-9) verdict = Verdict.ON_TRACK;
            else if (h.high() >= target - 1e-9) verdict = Verdict.AT_RISK;
            else verdict = Verdict.WILL_MISS;
            if (verdict != Verdict.ON_TRACK) miss = round1((target - h.value()) * 100);
        }
        boolean passed = targetYear != null && targetYear <= last;
        return new Forecast(line.method(), points, verdict, miss, text(verdict, miss, target, h, targetYear, passed));
    }

    /** A straight line with what is known of its scatter. */
    private record Line(int n, double intercept, double slope, double meanX, double sxx, double s, double t) {
        double at(int year) {
            return intercept + slope * year;
        }

        /** Half the width of the 80% band at {@code year}. */
        double halfWidth(int year, int last) {
            if (n < 3) return Math.min(1, PRIOR_DRIFT_PER_YEAR * (year - last));
            return t * s * Math.sqrt(1 + 1.0 / n + (year - meanX) * (year - meanX) / sxx);
        }

        Text method() {
            String drift = pct(PRIOR_DRIFT_PER_YEAR);
            return switch (n) {
                case 1 -> new Text(
                        "Одно измерение: тенденцию определить нельзя, прогноз сохраняет текущую долю; полоса допускает изменение до ±"
                                + drift + " п.п. в год, поэтому она широкая.",
                        "One measurement: no trend can be measured, so the forecast keeps the current share; the band allows a change of up to ±"
                                + drift + " points a year, so it is wide.");
                case 2 -> new Text(
                        "Два измерения: прямая через обе точки; разброс измерить нельзя, полоса допускает отклонение до ±" + drift
                                + " п.п. в год, поэтому она широкая.",
                        "Two measurements: the straight line through both; the scatter cannot be measured, so the band allows up to ±" + drift
                                + " points a year either way and is wide.");
                default -> new Text(
                        "Линейный тренд по " + n + " годовым значениям (метод наименьших квадратов), продолженный до года цели; полоса — 80% интервал прогноза "
                                + "(t-распределение, " + (n - 2) + " ст. св.); значения ограничены 0–100%. Наклон: " + signed(slope * 100) + " п.п. в год.",
                        "Straight-line trend through " + n + " yearly values (least squares), extended to the target year; the band is the 80% prediction "
                                + "interval (t distribution, " + (n - 2) + " degrees of freedom); values are kept within 0–100%. Slope: "
                                + signed(slope * 100) + " points a year.");
            };
        }
    }

    private static Line fit(List<Point> s) {
        int n = s.size();
        double mx = s.stream().mapToDouble(Point::year).average().orElseThrow();
        double my = s.stream().mapToDouble(Point::value).average().orElseThrow();
        if (n == 1) return new Line(1, my, 0, mx, 0, 0, 0);
        double sxx = 0, sxy = 0;
        for (Point p : s) {
            sxx += (p.year() - mx) * (p.year() - mx);
            sxy += (p.year() - mx) * (p.value() - my);
        }
        if (sxx == 0) throw new IllegalArgumentException("two measurements for one year");
        double slope = sxy / sxx, intercept = my - slope * mx;
        if (n == 2) return new Line(2, intercept, slope, mx, sxx, 0, 0);
        double sse = 0;
        for (Point p : s) {
            double r = p.value() - (intercept + slope * p.year());
            sse += r * r;
        }
        return new Line(n, intercept, slope, mx, sxx, Math.sqrt(sse / (n - 2)), t90(n - 2));
    }

    /** The 0.90 quantile of Student's t (two-sided 80%) for {@code df} degrees of freedom. */
    static double t90(int df) {
        double[] table = {3.078, 1.886, 1.638, 1.533, 1.476, 1.440, 1.415, 1.397, 1.383, 1.372,
                1.363, 1.356, 1.350, 1.345, 1.341, 1.337, 1.333, 1.330, 1.328, 1.325};
        if (df < 1) throw new IllegalArgumentException("degrees of freedom must be positive");
        if (df <= table.length) return table[df - 1];
        if (df <= 30) return 1.310 + (1.325 - 1.310) * (30 - df) / 10.0;
        return 1.2816; // the normal quantile
    }

    private static Text text(Verdict v, Double miss, Double target, Projected h, Integer targetYear, boolean passed) {
        String value = pct(h.value()), band = pct(h.low()) + "–" + pct(h.high()) + "%";
        if (v == null)
            return new Text("Прогноз на " + h.year() + ": " + value + "% (" + band + "); цель не задана.",
                    "Forecast for " + h.year() + ": " + value + "% (" + band + "); no target set.");
        String goal = pct(target) + "%";
        String passedRu = passed ? "Год цели (" + targetYear + ") прошёл, цель действует и дальше. " : "";
        String passedEn = passed ? "The target year (" + targetYear + ") has passed; the target still applies. " : "";
        return switch (v) {
            case ON_TRACK -> new Text(passedRu + "Идёт по плану: прогноз на " + h.year() + " — " + value + "% (" + band + ") при цели " + goal + ".",
                    passedEn + "On track: " + value + "% forecast for " + h.year() + " (" + band + ") against a target of " + goal + ".");
            case AT_RISK -> new Text(passedRu + "Под угрозой: прогноз на " + h.year() + " — " + value + "% (" + band + "), цель " + goal
                    + " достижима только при ускорении (не хватает " + pts(miss) + " п.п.).",
                    passedEn + "At risk: " + value + "% forecast for " + h.year() + " (" + band + "); the target of " + goal
                            + " is reachable only if progress speeds up (" + pts(miss) + " points short).");
            case WILL_MISS -> new Text(passedRu + "Цель не будет достигнута: прогноз на " + h.year() + " — " + value + "% (" + band + "), цель " + goal
                    + ", отставание " + pts(miss) + " п.п.",
                    passedEn + "Will miss by " + pts(miss) + " points: " + value + "% forecast for " + h.year() + " (" + band + ") against a target of " + goal + ".");
        };
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f", share * 100);
    }

    private static String pts(Double points) {
        return String.format(Locale.ROOT, "%.1f", points);
    }

    private static String signed(double v) {
        return String.format(Locale.ROOT, "%+.1f", v);
    }
}
