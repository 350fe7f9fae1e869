package ru.zamena.core.targets;

import org.junit.jupiter.api.Test;
import ru.zamena.core.targets.TrendForecast.Point;
import ru.zamena.core.targets.TrendForecast.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrendForecastTest {

    @Test
    void aLinearSeriesIsForecastExactly() {
        // 30%, 38%, 46%, 54%: +8 points a year → 70% in 2026.
        var f = TrendForecast.forecast(List.of(new Point(2021, 0.30), new Point(2022, 0.38), new Point(2023, 0.46), new Point(2024, 0.54)), 0.70, 2026);
        assertThat(f.points()).extracting(TrendForecast.Projected::year).containsExactly(2025, 2026);
        assertThat(f.horizon().value()).isCloseTo(0.70, within(1e-9));
        assertThat(f.horizon().high() - f.horizon().low()).isCloseTo(0, within(1e-9));
        assertThat(f.verdict()).isEqualTo(Verdict.ON_TRACK);
        assertThat(f.missByPoints()).isNull();
        assertThat(f.method().en()).contains("least squares").contains("+8.0 points a year");
        assertThat(f.text().ru()).startsWith("Идёт по плану");
    }

    @Test
    void theBandOfANoisySeriesContainsTheTrueValue() {
        // True trend 20% + 6 points a year with noise of 2 points; the 80% band should hold the true value
        // at the horizon in about 80% of trials (at least 70% of 500 here, a loose bound for a fixed seed).
        var random = new Random(42);
        int inside = 0, trials = 500;
        for (int t = 0; t < trials; t++) {
            var series = new ArrayList<Point>();
            for (int y = 0; y < 5; y++) series.add(new Point(2020 + y, 0.20 + 0.06 * y + random.nextGaussian() * 0.02));
            var h = TrendForecast.forecast(series, null, 2027).horizon();
            double truth = 0.20 + 0.06 * 7;
            if (h.low() <= truth && truth <= h.high()) inside++;
        }
        assertThat(inside).isBetween((int) (trials * 0.70), (int) (trials * 0.90));
    }

    @Test
    void onePointGivesAFlatForecastWithAWideBandAndSaysSo() {
        var f = TrendForecast.forecast(List.of(new Point(2025, 0.40)), 0.90, 2028);
        assertThat(f.horizon().year()).isEqualTo(2028);
        assertThat(f.horizon().value()).isEqualTo(0.40);
        assertThat(f.horizon().low()).isCloseTo(0.10, within(1e-9));
        assertThat(f.horizon().high()).isCloseTo(0.70, within(1e-9));
        assertThat(f.method().en()).contains("One measurement").contains("wide");
        assertThat(f.verdict()).isEqualTo(Verdict.WILL_MISS);
        assertThat(f.missByPoints()).isEqualTo(50.0);
        assertThat(f.text().en()).startsWith("Will miss by 50.0 points");
    }

    @Test
    void twoPointsDrawTheLineAndWidenTheBand() {
        var f = TrendForecast.forecast(List.of(new Point(2024, 0.50), new Point(2025, 0.60)), 0.80, 2027);
        assertThat(f.horizon().value()).isCloseTo(0.80, within(1e-9));
        assertThat(f.horizon().high() - f.horizon().low()).isCloseTo(0.40, within(1e-9));
        assertThat(f.method().en()).contains("Two measurements").contains("cannot be measured");
        assertThat(f.verdict()).isEqualTo(Verdict.ON_TRACK);
    }

    @Test
    void atRiskWhenOnlyTheBandReachesTheTarget() {
        var f = TrendForecast.forecast(List.of(new Point(2023, 0.50), new Point(2024, 0.55), new Point(2025, 0.56)), 0.70, 2027);
        assertThat(f.verdict()).isEqualTo(Verdict.AT_RISK);
        assertThat(f.horizon().value()).isLessThan(0.70);
        assertThat(f.horizon().high()).isGreaterThanOrEqualTo(0.70);
        assertThat(f.missByPoints()).isPositive();
    }

    @Test
    void aPassedTargetYearIsForecastToTheNextYear() {
        var f = TrendForecast.forecast(List.of(new Point(2023, 0.70), new Point(2024, 0.72), new Point(2025, 0.74)), 0.90, 2024);
        assertThat(f.horizon().year()).isEqualTo(2026);
        assertThat(f.verdict()).isEqualTo(Verdict.WILL_MISS);
        assertThat(f.missByPoints()).isCloseTo(14.0, within(1e-9));
        assertThat(f.text().en()).contains("target year (2024) has passed");
    }

    @Test
    void sharesStayWithinZeroAndOne() {
        var f = TrendForecast.forecast(List.of(new Point(2023, 0.80), new Point(2024, 0.90), new Point(2025, 0.99)), 0.9, 2030);
        assertThat(f.points()).allSatisfy(p -> {
            assertThat(p.value()).isBetween(0.0, 1.0);
            assertThat(p.low()).isBetween(0.0, 1.0);
            assertThat(p.high()).isBetween(0.0, 1.0);
        });
        assertThat(TrendForecast.forecast(List.of(), 0.9, 2030)).isNull();
    }

    @Test
    void rollUpsAddCountsNotShares() {
        var big = Counts.ZERO.plus("domestic", 90).plus("foreign", 10);   // 90%
        var small = Counts.ZERO.plus("domestic", 1).plus("foreign", 9);   // 10%
        assertThat(big.plus(small).domesticShare()).isCloseTo(91 / 110.0, within(1e-12)); // not 50%
        assertThat(Counts.ZERO.plus("weird", 3).unknown()).isEqualTo(3);
    }

    @Test
    void kindsMapToTargetClasses() {
        assertThat(OrgKind.targetClass(OrgKind.AGENCY)).isEqualTo(OrgKind.TargetClass.AUTHORITY);
        assertThat(OrgKind.targetClass(null)).isEqualTo(OrgKind.TargetClass.AUTHORITY);
        assertThat(OrgKind.targetClass(OrgKind.COMPANY)).isEqualTo(OrgKind.TargetClass.STATE_COMPANY);
    }
}
