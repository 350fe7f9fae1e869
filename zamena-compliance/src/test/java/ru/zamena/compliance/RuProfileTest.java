package ru.zamena.compliance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.zamena.core.compliance.Analogue;
import ru.zamena.core.compliance.CatalogFacts;
import ru.zamena.core.compliance.ComplianceEngine;
import ru.zamena.core.compliance.Decision;
import ru.zamena.core.compliance.ItemFacts;
import ru.zamena.core.compliance.ItemRejectedException;
import ru.zamena.core.compliance.Law;
import ru.zamena.core.compliance.ProcurementItem;
import ru.zamena.core.compliance.Rule;
import ru.zamena.core.compliance.Verdict;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipped {@code ru} rule pack, rule by rule: items just before, on and after each effective date,
 * per procurement law and KII flag. Each row: date, law, kii, OKPD2, origin, register number (empty:
 * none), full analogues in the catalog → expected verdict and the rules that fire (';'-separated).
 */
class RuProfileTest {
    static ComplianceEngine engine;

    @BeforeAll
    static void load() {
        Path root = Path.of(System.getProperty("zamena.root", "..")).toAbsolutePath();
        engine = new Profiles(root.resolve("data/profiles")).engine("ru");
    }

    static Decision check(String date, String law, boolean kii, String okpd2, String origin, String registry, int fullAnalogues) {
        var item = new ProcurementItem("x", LocalDate.parse(date), Law.parse(law), kii, okpd2, null, "Item", origin, registry, null);
        var analogues = java.util.stream.IntStream.range(0, fullAnalogues)
                .mapToObj(i -> new Analogue("a" + i, "Analogue " + i, "Vendor", "RU", List.of("100" + i), true)).toList();
        var catalog = new CatalogFacts(null, null, null, null, null, null, false, List.of(), false, List.of(), analogues);
        return engine.check(new ItemFacts(item, catalog));
    }

    @ParameterizedTest(name = "{0} {1} kii={2} {3} {4} reg={5} analogues={6} -> {7} [{8}]")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            # Decree 1236: software under 44-FZ, from 2016-01-01
            2015-12-31|44-FZ|false|58.29.12|US|     |0|                      |
            2016-01-01|44-FZ|false|58.29.12|US|     |0|JUSTIFICATION_REQUIRED|ru.pp1236
            2016-01-02|44-FZ|false|58.29.12|US|     |0|JUSTIFICATION_REQUIRED|ru.pp1236
            2016-01-02|44-FZ|false|58.29.12|RU|1234 |0|ALLOWED               |
            2016-01-02|44-FZ|false|58.29.12|RU|     |0|JUSTIFICATION_REQUIRED|ru.pp1236
            2016-01-02|223-FZ|false|58.29.12|US|    |0|ALLOWED               |
            2016-01-02|none|false|58.29.12|US|      |0|ALLOWED               |
            2016-01-02|44-FZ|false|62.01.29|US|     |0|JUSTIFICATION_REQUIRED|ru.pp1236
            # a registered full analogue makes the justification impossible
            2016-01-02|44-FZ|false|58.29.12|US|     |2|PROHIBITED            |ru.pp1236.analogue;ru.pp1236
            2016-01-02|44-FZ|false|58.29.12|RU|4321 |2|ALLOWED               |
            # Decree 166: purchase approval for KII under 223-FZ from 2022-03-31 to 2024-12-31
            2022-03-30|223-FZ|true|58.29.12|US|     |0|PREFERENCE            |ru.pp925
            2022-03-31|223-FZ|true|58.29.12|US|     |0|JUSTIFICATION_REQUIRED|ru.ukaz166.purchase;ru.pp925
            2022-04-01|223-FZ|true|58.29.12|US|     |0|JUSTIFICATION_REQUIRED|ru.ukaz166.purchase;ru.pp925
            2022-04-01|223-FZ|false|58.29.12|US|    |0|PREFERENCE            |ru.pp925
            2024-12-31|223-FZ|true|58.29.12|US|     |0|JUSTIFICATION_REQUIRED|ru.ukaz166.purchase;ru.pp925
            # Decree 166: use ban on significant KII objects from 2025-01-01, whatever the law
            2025-01-01|223-FZ|true|58.29.12|US|     |0|PROHIBITED            |ru.ukaz166.use-ban;ru.pp925
            2025-01-01|none|true|58.29.12|US|       |0|PROHIBITED            |ru.ukaz166.use-ban
            2025-01-01|44-FZ|true|58.29.12|US|      |0|PROHIBITED            |ru.ukaz166.use-ban;ru.pp1236
            2024-12-31|none|true|58.29.12|US|       |0|ALLOWED               |
            2025-01-02|none|true|58.29.12|RU|555   |0|ALLOWED               |
            2025-01-02|none|false|58.29.12|US|      |0|ALLOWED               |
            # Decree 878: radio-electronics under 44-FZ, 2019-07-10 to 2024-12-31
            2019-07-09|44-FZ|false|26.20.11.110|CN|  |0|ALLOWED              |
            2019-07-10|44-FZ|false|26.20.11.110|CN|  |0|RESTRICTED           |ru.pp878
            2019-07-11|44-FZ|false|26.20.11.110|CN|  |0|RESTRICTED           |ru.pp878
            2019-07-11|44-FZ|false|26.20.11.110|RU|77|0|ALLOWED              |
            2019-07-11|223-FZ|false|26.20.11.110|CN| |0|PREFERENCE           |ru.pp925
            2024-12-31|44-FZ|false|26.30.11.110|CN|  |0|RESTRICTED           |ru.pp878
            # Decree 1875 from 2025-01-01: laptops banned (Annex 1), networking restricted (Annex 2), other goods preference (Annex 3)
            2025-01-01|44-FZ|false|26.20.11.110|CN|  |0|PROHIBITED           |ru.pp1875.annex1
            2025-01-02|44-FZ|false|26.20.11.110|CN|  |0|PROHIBITED           |ru.pp1875.annex1
            2025-01-01|44-FZ|false|26.30.11.110|CN|  |0|RESTRICTED           |ru.pp1875.annex2
            2025-01-01|44-FZ|false|17.12.14|FI|      |0|PREFERENCE           |ru.pp1875.annex3
            2025-01-01|44-FZ|false|17.12.14|BY|      |0|ALLOWED              |
            2025-01-01|44-FZ|false|17.12.14|   |     |0|PREFERENCE           |ru.pp1875.annex3
            2024-12-31|44-FZ|false|17.12.14|FI|      |0|ALLOWED              |
            # Decrees 616 and 617: industrial goods under 44-FZ, 2020-04-30 to 2024-12-31
            2020-04-29|44-FZ|false|29.10.21|DE|      |0|ALLOWED              |
            2020-04-30|44-FZ|false|29.10.21|DE|      |0|PROHIBITED           |ru.pp616
            2020-05-01|44-FZ|false|29.10.21|DE|      |0|PROHIBITED           |ru.pp616
            2024-12-31|44-FZ|false|29.10.21|DE|      |0|PROHIBITED           |ru.pp616
            2025-01-01|44-FZ|false|29.10.21|DE|      |0|PROHIBITED           |ru.pp1875.annex1
            2020-04-29|44-FZ|false|28.13.11|DE|      |0|ALLOWED              |
            2020-04-30|44-FZ|false|28.13.11|DE|      |0|RESTRICTED           |ru.pp617
            2020-04-30|44-FZ|false|28.13.11|DE|8899  |0|ALLOWED              |
            # Decree 925: 223-FZ priority from 2017-01-01, EAEU origin treated as Russian
            2016-12-31|223-FZ|false|17.12.14|FI|     |0|ALLOWED              |
            2017-01-01|223-FZ|false|17.12.14|FI|     |0|PREFERENCE           |ru.pp925
            2017-01-02|223-FZ|false|17.12.14|KZ|     |0|ALLOWED              |
            2017-01-02|223-FZ|false|17.12.14|   |    |0|PREFERENCE           |ru.pp925
            2017-01-02|44-FZ|false|17.12.14|FI|      |0|ALLOWED              |
            """)
    void verdicts(String date, String law, boolean kii, String okpd2, String origin, String registry, int analogues, Verdict expected, String rules) {
        if (date.equals("2015-12-31")) {
            assertThatThrownBy(() -> check(date, law, kii, okpd2, origin, registry, analogues))
                    .isInstanceOf(ItemRejectedException.class).hasMessageContaining("2016-01-01");
            return;
        }
        Decision d = check(date, law, kii, okpd2, origin, registry, analogues);
        List<String> fired = d.fired().stream().map(f -> f.rule().id()).toList();
        assertThat(d.verdict()).as("fired %s", fired).isEqualTo(expected);
        assertThat(fired).containsExactlyInAnyOrderElementsOf(rules == null ? List.of() : Arrays.asList(rules.split(";")));
        for (var f : d.fired()) {
            assertThat(f.reasonRu()).isNotBlank().doesNotContain("${");
            assertThat(f.reasonEn()).isNotBlank().doesNotContain("${");
            assertThat(f.rule().reference().cite()).contains(f.rule().reference().number());
        }
        assertThat(d.analogues()).hasSize(expected == Verdict.ALLOWED ? 0 : analogues);
    }

    @Test
    void everyRuleHasTitlesReferenceAndReasons() {
        assertThat(engine.rules()).extracting(Rule::id).contains("ru.pp1236", "ru.pp1236.analogue", "ru.pp878", "ru.pp616", "ru.pp617",
                "ru.pp925", "ru.ukaz166.purchase", "ru.ukaz166.use-ban", "ru.pp1875.annex1", "ru.pp1875.annex2", "ru.pp1875.annex3");
        for (Rule r : engine.rules()) {
            assertThat(r.titleRu()).as(r.id()).isNotBlank();
            assertThat(r.titleEn()).as(r.id()).isNotBlank();
            assertThat(r.reference().date()).as(r.id()).isNotNull();
            assertThat(r.reference().cite("ru")).as(r.id()).contains("№");
        }
        assertThat(engine.profile().quotas()).isNotEmpty().allSatisfy(q -> assertThat(q.unverified()).isTrue());
        assertThat(engine.profile().group("eaeu")).containsExactlyInAnyOrder("RU", "AM", "BY", "KZ", "KG");
    }

    @Test
    void theSameItemOnDifferentDatesMeetsTheRulesOfThatDate() {
        assertThat(check("2024-06-01", "44-FZ", false, "26.20.11", "CN", null, 0).verdict()).isEqualTo(Verdict.RESTRICTED);
        assertThat(check("2025-06-01", "44-FZ", false, "26.20.11", "CN", null, 0).verdict()).isEqualTo(Verdict.PROHIBITED);
        assertThat(engine.rulesInForce(LocalDate.parse("2024-06-01"))).extracting(Rule::id).contains("ru.pp878").doesNotContain("ru.pp1875.annex1");
    }
}
