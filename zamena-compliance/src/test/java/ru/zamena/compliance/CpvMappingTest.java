package ru.zamena.compliance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.zamena.core.compliance.CatalogFacts;
import ru.zamena.core.compliance.ComplianceEngine;
import ru.zamena.core.compliance.CpvMapping;
import ru.zamena.core.compliance.Decision;
import ru.zamena.core.compliance.ItemFacts;
import ru.zamena.core.compliance.Law;
import ru.zamena.core.compliance.ProcurementItem;
import ru.zamena.core.compliance.Verdict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ru profile's CPV→OKPD2 table: items stated only by CPV meet the Russian rules, with the derivation said. */
class CpvMappingTest {
    static ComplianceEngine engine;
    static Path profiles;

    @BeforeAll
    static void load() {
        profiles = Path.of(System.getProperty("zamena.root", "..")).toAbsolutePath().resolve("data/profiles");
        engine = new Profiles(profiles).engine("ru");
    }

    static Decision check(String date, String okpd2, String cpv, CatalogFacts catalog) {
        var item = new ProcurementItem("x", LocalDate.parse(date), Law.FZ44, false, okpd2, cpv, "Item", "US", null, null);
        return engine.check(new ItemFacts(item, catalog));
    }

    @ParameterizedTest(name = "CPV {0} -> OKPD2 {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            30213100   |26.20.11|CLOSE
            30213100-6 |26.20.11|CLOSE
            30213200   |26.20.11|CLOSE
            30213300   |26.20.15|APPROXIMATE
            30213000   |26.20.1 |APPROXIMATE
            30211000   |26.20.14|APPROXIMATE
            30236000   |26.20.4 |APPROXIMATE
            32420000   |26.30.11|APPROXIMATE
            32421000   |27.32   |APPROXIMATE
            31712310   |26.12   |CLOSE
            48000000   |58.29   |APPROXIMATE
            48760000   |58.29   |APPROXIMATE
            48761000   |58.29   |APPROXIMATE
            48820000   |26.20.14|APPROXIMATE
            72262000   |62.01   |APPROXIMATE
            72268000   |58.29   |APPROXIMATE
            72600000   |62.02   |APPROXIMATE
            """)
    void the_most_specific_row_wins(String cpv, String okpd2, CpvMapping.Confidence confidence) {
        var row = engine.profile().cpvMapping().find(cpv).orElseThrow();
        assertThat(row.okpd2()).isEqualTo(okpd2);
        assertThat(row.confidence()).isEqualTo(confidence);
    }

    @Test
    void codes_outside_the_table_or_not_cpv_find_nothing() {
        var mapping = engine.profile().cpvMapping();
        assertThat(mapping.find("03111000")).isEmpty(); // seeds
        assertThat(mapping.find("30100000")).isEmpty(); // office machines: a sibling of 302, not under it
        assertThat(mapping.find("3021310")).isEmpty();
        assertThat(mapping.find("laptop")).isEmpty();
    }

    @Test
    void a_laptop_by_cpv_only_gets_the_radio_electronics_ban_of_2025_with_the_derivation_said() {
        Decision d = check("2025-03-01", null, "30213100", CatalogFacts.NONE);
        assertThat(d.verdict()).isEqualTo(Verdict.PROHIBITED);
        assertThat(d.fired()).extracting(f -> f.rule().id()).containsExactly("ru.pp1875.annex1");
        assertThat(d.facts().okpd2()).isEqualTo("26.20.11");
        assertThat(d.notes()).extracting(n -> n.text("en")).containsExactly("OKPD2 26.20.11 derived from CPV 30213100 via mapping (close)");
        assertThat(d.notes().getFirst().text("ru")).contains("ОКПД2 26.20.11 выведен из CPV 30213100");
        // before 2025 the same item fell under Decree 878
        assertThat(check("2024-12-31", null, "30213100", CatalogFacts.NONE).fired()).extracting(f -> f.rule().id()).containsExactly("ru.pp878");
    }

    @Test
    void an_approximate_row_says_so() {
        Decision d = check("2025-03-01", null, "30213300", CatalogFacts.NONE);
        assertThat(d.verdict()).isEqualTo(Verdict.PROHIBITED);
        assertThat(d.notes()).extracting(n -> n.text("en")).containsExactly("OKPD2 26.20.15 derived from CPV 30213300 via mapping (approximate)");
    }

    @Test
    void foreign_software_by_cpv_only_needs_the_decree_1236_justification() {
        Decision d = check("2024-06-01", null, "48000000", CatalogFacts.NONE);
        assertThat(d.verdict()).isEqualTo(Verdict.JUSTIFICATION_REQUIRED);
        assertThat(d.fired()).extracting(f -> f.rule().id()).containsExactly("ru.pp1236");
        assertThat(d.notes()).extracting(n -> n.text("en")).containsExactly("OKPD2 58.29 derived from CPV 48000000 via mapping (approximate)");
    }

    @Test
    void an_explicit_okpd2_wins_over_the_cpv() {
        // stated as software, classified by CPV as a laptop: the stated code decides, nothing is derived
        Decision d = check("2025-03-01", "58.29.12", "30213100", CatalogFacts.NONE);
        assertThat(d.fired()).extracting(f -> f.rule().id()).containsExactly("ru.pp1236");
        assertThat(d.facts().okpd2()).isEqualTo("58.29.12");
        assertThat(d.notes()).isEmpty();
    }

    @Test
    void an_unknown_cpv_is_decided_by_the_catalog_only_and_says_so() {
        var office = new CatalogFacts("p1", "Office Suite", "Vendor", "US", "office", "58.29.21", true, List.of(), false, List.of(), List.of());
        Decision d = check("2024-06-01", null, "39130000", office); // office furniture by CPV, a software product by name
        assertThat(d.fired()).extracting(f -> f.rule().id()).containsExactly("ru.pp1236");
        assertThat(d.notes()).extracting(n -> n.text("en")).containsExactly(
                "CPV 39130000 is not in the CPV→OKPD2 mapping of profile ru: decided by catalog enrichment only, OKPD2 58.29.21 is the category code of product 'Office Suite'");

        Decision unknown = check("2024-06-01", null, "39130000", CatalogFacts.NONE);
        assertThat(unknown.verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(unknown.notes()).extracting(n -> n.text("en")).containsExactly(
                "CPV 39130000 is not in the CPV→OKPD2 mapping of profile ru: the catalog knows no product by this name either; rules keyed on OKPD2 codes could not apply");
    }

    @Test
    void profiles_without_a_table_add_no_notes() {
        var eu = new Profiles(profiles).engine("eu");
        var item = new ProcurementItem("x", LocalDate.parse("2025-03-01"), Law.NONE, false, null, "30213100", "Item", "CN", null, null);
        assertThat(eu.check(ItemFacts.of(item)).notes()).isEmpty();
    }

    @Test
    void a_broken_table_names_the_file_and_line(@TempDir Path dir) throws IOException {
        Path ru = dir.resolve("ru");
        Files.createDirectories(ru);
        Files.writeString(ru.resolve("profile.yaml"), "id: ru\ncovers_from: 2016-01-01\nrule_files: []\ncpv_okpd2: cpv.tsv\n");
        String header = "cpv\tokpd2\tconfidence\tcpv_title\tokpd2_title\tnote\tsource\n";
        Files.writeString(ru.resolve("cpv.tsv"), header + "30213100\t26.20.11\tsure\tPortable\tНоутбуки\t\ttitles\n");
        assertThatThrownBy(() -> ProfileLoader.load(dir, "ru")).hasMessageContaining("cpv.tsv: line 2: confidence must be close or approximate, not 'sure'");
        Files.writeString(ru.resolve("cpv.tsv"), header + "3021310\t26.20.11\tclose\tPortable\tНоутбуки\t\ttitles\n");
        assertThatThrownBy(() -> ProfileLoader.load(dir, "ru")).hasMessageContaining("line 2: '3021310' is not an 8-digit CPV code");
        Files.writeString(ru.resolve("cpv.tsv"), header + "30213100\t26.2011\tclose\tPortable\tНоутбуки\t\ttitles\n");
        assertThatThrownBy(() -> ProfileLoader.load(dir, "ru")).hasMessageContaining("'26.2011' is not an OKPD2 code");
        Files.writeString(ru.resolve("cpv.tsv"), header + "30213100\t26.20.11\tclose\tA\tB\t\ttitles\n30213100-6\t26.20.11\tclose\tA\tB\t\ttitles\n");
        assertThatThrownBy(() -> ProfileLoader.load(dir, "ru")).hasMessageContaining("CPV 30213100-6 is mapped twice");
    }
}
