package ru.zamena.compliance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.zamena.core.compliance.Analogue;
import ru.zamena.core.compliance.CatalogFacts;
import ru.zamena.core.compliance.ComplianceEngine;
import ru.zamena.core.compliance.Decision;
import ru.zamena.core.compliance.ItemFacts;
import ru.zamena.core.compliance.JustificationDraft;
import ru.zamena.core.compliance.Law;
import ru.zamena.core.compliance.ProcurementItem;
import ru.zamena.core.compliance.Verdict;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The justification draft for Decree 1236 items: item, rule and reference, register classes, analogues, placeholders. */
class JustificationDraftTest {
    static ComplianceEngine engine;

    @BeforeAll
    static void load() {
        engine = new Profiles(Path.of(System.getProperty("zamena.root", "..")).toAbsolutePath().resolve("data/profiles")).engine("ru");
    }

    static Decision check(String name, String okpd2, List<Analogue> analogues, List<String> classes) {
        var item = new ProcurementItem("T-1/2", LocalDate.parse("2024-06-01"), Law.FZ44, false, okpd2, null, name, "US", null, null);
        var catalog = new CatalogFacts("autocad", "AutoCAD", "Autodesk", "US", "cad", "58.29.2", true, classes, false, List.of(), analogues);
        return engine.check(new ItemFacts(item, catalog));
    }

    @Test
    void draftNamesTheItemRuleClassesAndEachAnalogueWithWhyItIsOrIsNotSuitable() {
        var partial = new Analogue("kompas", "КОМПАС-3D", "АСКОН", "RU", List.of("1234"), false, "no DWG round-trip");
        Decision d = check("AutoCAD 2024", "58.29.29", List.of(partial), List.of("Системы автоматизированного проектирования"));
        assertThat(d.verdict()).isEqualTo(Verdict.JUSTIFICATION_REQUIRED);

        String en = JustificationDraft.of(d, "en").orElseThrow();
        assertThat(en).contains("T-1/2", "AutoCAD 2024", "58.29.29", "44-FZ", "2024-06-01")
                .contains("Government Decree No. 1236 of 2015-11-16, p. 2")
                .contains("- Системы автоматизированного проектирования")
                .contains("КОМПАС-3D (АСКОН; register No. 1234)", "Catalog: no DWG round-trip", "partial replacement. Not suitable because: [")
                .contains("[list the requirements no registered product meets")
                .contains("[position, name, signature, date]");

        String ru = JustificationDraft.of(d, "ru").orElseThrow();
        assertThat(ru).contains("ПРОЕКТ", "Постановление Правительства Российской Федерации № 1236 от 2015-11-16",
                "реестр № 1234", "частичной заменой", "[должность, ФИО, подпись, дата]");
    }

    @Test
    void withoutAnaloguesOrClassesTheOfficerIsAskedForThem() {
        String en = JustificationDraft.of(check("Foreign tool", "62.01.29", List.of(), List.of()), "en").orElseThrow();
        assertThat(en).contains("knows no registered domestic analogue", "[list the products found in the register",
                "[class(es) of the Russian software register");
    }

    @Test
    void onlyForJustificationRequiredItems() {
        var full = new Analogue("kompas", "КОМПАС-3D", "АСКОН", "RU", List.of("1234"), true, null);
        Decision prohibited = check("AutoCAD 2024", "58.29.29", List.of(full), List.of());
        assertThat(prohibited.verdict()).isEqualTo(Verdict.PROHIBITED);
        assertThat(JustificationDraft.of(prohibited, "en")).isEmpty();
        Decision hardware = check("Laptop", "26.20.11.110", List.of(), List.of());
        assertThat(JustificationDraft.of(hardware, "en")).isEmpty();
    }
}
