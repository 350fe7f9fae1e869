package ru.zamena.compliance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.zamena.core.compliance.ComplianceEngine;
import ru.zamena.core.compliance.Decision;
import ru.zamena.core.compliance.ItemFacts;
import ru.zamena.core.compliance.ItemRejectedException;
import ru.zamena.core.compliance.Law;
import ru.zamena.core.compliance.ProcurementItem;
import ru.zamena.core.compliance.Verdict;
import ru.zamena.core.compliance.sovereignty.SovereigntyScore;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code eu} profile: the same engine and file format as ru, other rules — jurisdictions are data. */
class EuProfileTest {
    static Path profiles;
    static Profiles eu;
    static ComplianceEngine engine;

    @BeforeAll
    static void load() {
        profiles = Path.of(System.getProperty("zamena.root", "..")).toAbsolutePath().resolve("data/profiles");
        eu = new Profiles(profiles);
        engine = eu.engine("eu");
    }

    @ParameterizedTest(name = "{0} cpv={1} origin={2} price={3} -> {4} [{5}]")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            # EU-origin preference (Directive 2014/25/EU Art. 85): third countries outside EU/EEA and the GPA
            2016-04-18|30213100|DE|1000      |ALLOWED   |
            2016-04-18|30213100|NO|1000      |ALLOWED   |
            2016-04-18|30213100|US|1000      |ALLOWED   |
            2016-04-18|30213100|CN|1000      |PREFERENCE|eu.dir2014-25.art85
            2016-04-18|30213100|  |1000      |ALLOWED   |
            2024-01-01|30213100|RU|1000      |PREFERENCE|eu.dir2014-25.art85
            # IPI measure on medical devices from China, from 2025-06-20, EUR 5 million or more
            2025-06-19|33100000|CN|6000000   |PREFERENCE|eu.dir2014-25.art85
            2025-06-20|33100000|CN|6000000   |RESTRICTED|eu.ipi.medical-devices;eu.dir2014-25.art85
            2025-06-20|33100000|CN|4999999   |PREFERENCE|eu.dir2014-25.art85
            2025-06-20|33100000|DE|6000000   |ALLOWED   |
            """)
    void rules(String date, String cpv, String origin, String price, Verdict verdict, String rules) {
        var item = new ProcurementItem("x", LocalDate.parse(date), Law.NONE, false, null, cpv, "Item", origin, null, new BigDecimal(price));
        Decision d = engine.check(ItemFacts.of(item));
        assertThat(d.verdict()).isEqualTo(verdict);
        assertThat(d.fired()).extracting(f -> f.rule().id())
                .containsExactlyElementsOf(rules == null ? java.util.List.of() : Arrays.asList(rules.split(";")));
    }

    @Test
    void beforeTheProfileCoversAnythingTheItemIsRejected() {
        var item = new ProcurementItem("old", LocalDate.parse("2016-04-17"), Law.NONE, false, null, "30213100", "PC", "CN", null, null);
        assertThatThrownBy(() -> engine.check(ItemFacts.of(item))).isInstanceOf(ItemRejectedException.class).hasMessageContaining("2016-04-18");
    }

    @Test
    void theExampleServiceIsScoredWithWeightsAndLimitedByItsWeakestObjective() throws Exception {
        Path file = profiles.resolve("eu/example-service.yaml");
        var score = SovereigntyScore.of(eu.sovereignty("eu"), SovereigntyLoader.assessment(Files.readString(file), file.toString()));
        // 15*3 + 10*3 + 10*4 + 15*2 + 20*2 + 15*3 + 10*3 + 5*2 = 270 of 400 → 67.5
        assertThat(score.score()).isEqualTo(67.5);
        assertThat(score.level().label()).isEqualTo("SEAL-2");
        assertThat(score.limitedBy()).containsExactly("SOV-4", "SOV-5", "SOV-8");
        assertThat(score.meetsRequired()).isTrue();
        assertThat(score.lines()).extracting(l -> l.objective().weightPercent()).containsExactly(15.0, 10.0, 10.0, 15.0, 20.0, 15.0, 10.0, 5.0);
        assertThat(eu.sovereignty("eu").objectives()).allMatch(o -> o.weightUnverified());
    }

    @Test
    void aJsonDescriptionWithALowObjectiveFailsTheRequiredLevel() {
        String json = """
                {"service": "US hyperscaler EU region", "required_level": 3, "objectives": {"SOV-1": 0, "SOV-2": 1, "SOV-3": 3,
                 "SOV-4": 2, "SOV-5": 1, "SOV-6": 2, "SOV-7": 3, "SOV-8": 4}}""";
        var score = SovereigntyScore.of(eu.sovereignty("eu"), SovereigntyLoader.assessment(json, "body"));
        assertThat(score.level().label()).isEqualTo("SEAL-0");
        assertThat(score.limitedBy()).containsExactly("SOV-1");
        assertThat(score.meetsRequired()).isFalse();
    }

    @Test
    void badDescriptionsNameTheField() {
        var f = eu.sovereignty("eu");
        assertThatThrownBy(() -> SovereigntyScore.of(f, SovereigntyLoader.assessment("service: X\nobjectives: {SOV-1: 2}", "s.yaml")))
                .hasMessageContaining("objectives.SOV-2: missing");
        assertThatThrownBy(() -> SovereigntyScore.of(f, SovereigntyLoader.assessment("service: X\nobjectives: {SOV-9: 2}", "s.yaml")))
                .hasMessageContaining("objectives.SOV-9: not an objective of eu.csf");
        assertThatThrownBy(() -> SovereigntyLoader.assessment("service: X\nobjectives: {SOV-1: {level: high}}", "s.yaml"))
                .hasMessageContaining("s.yaml: objectives.SOV-1.level: must be a whole number");
        assertThatThrownBy(() -> SovereigntyLoader.assessment("service: [unclosed", "s.yaml")).hasMessageStartingWith("s.yaml: line ");
        assertThatThrownBy(() -> SovereigntyLoader.assessment("objectives: {}", "s.yaml")).hasMessageContaining("service: missing");
        String five = "service: X\nobjectives: {SOV-1: 5, SOV-2: 0, SOV-3: 0, SOV-4: 0, SOV-5: 0, SOV-6: 0, SOV-7: 0, SOV-8: 0}";
        assertThatThrownBy(() -> SovereigntyScore.of(f, SovereigntyLoader.assessment(five, "s.yaml"))).hasMessageContaining("must be 0..4, not 5");
        assertThatThrownBy(() -> eu.sovereignty("ru")).hasMessageContaining("has no sovereignty framework");
    }
}
