package ru.zamena.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.zamena.core.catalog.*;
import ru.zamena.core.registry.Inn;
import ru.zamena.ingest.catalog.CatalogFiles;
import ru.zamena.store.Database;
import ru.zamena.store.testing.TestDatabase;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The curated catalog that ships in data/: consistent, big enough, and answering the questions users ask. */
class RealCatalogIT {
    static Database db;
    static Zamena zamena;
    static CatalogData data;

    @BeforeAll
    static void start() {
        var dir = TestCatalog.root().resolve("data");
        data = CatalogFiles.read(dir).data();
        db = TestDatabase.create(RealCatalogIT.class);
        zamena = new Zamena(db, TestCatalog.config(dir));
        zamena.catalog().loadCuratedIfChanged();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void filesAreConsistent() {
        assertThat(data.problems(Set.of("RU"))).isEmpty();
    }

    @Test
    void catalogMeetsTheSizePromisedInTheReadme() {
        CatalogStats s = zamena.catalog().stats();
        assertThat(s.products()).isGreaterThanOrEqualTo(400);
        assertThat(s.vendors()).isGreaterThanOrEqualTo(150);
        assertThat(s.alternatives()).isGreaterThanOrEqualTo(200);
        assertThat(s.categories()).isGreaterThanOrEqualTo(25);
    }

    @Test
    void everyRecordSaysWhereItsFactsComeFrom() {
        assertThat(data.products()).allSatisfy(p -> assertThat(p.source()).as(p.id()).isNotBlank());
        assertThat(data.alternatives()).allSatisfy(a -> assertThat(a.source()).as(a.fromId() + "->" + a.toId()).isNotBlank());
        assertThat(data.vendors()).allSatisfy(v -> assertThat(v.source() != null || v.website() != null).as(v.id()).isTrue());
    }

    @Test
    void russianInnsHaveValidCheckDigits() {
        for (Vendor v : data.vendors()) {
            if (v.inn() == null) continue;
            assertThat(v.country()).as(v.id()).isEqualTo("RU");
            assertThat(Inn.valid(v.inn())).as(v.id() + " INN " + v.inn()).isTrue();
        }
    }

    @Test
    void microsoftOfficeOnAstraHasDomesticOfficeSuites() {
        var alts = zamena.catalog().alternatives(zamena.catalog().resolve("Microsoft Office").id(), null, "astra");
        assertThat(alts).isNotEmpty();
        assertThat(alts).allSatisfy(a -> {
            assertThat(a.platforms()).isNotEmpty();
            assertThat(a.source()).isNotBlank();
        });
        var names = new HashSet<String>();
        alts.forEach(a -> { names.add(a.product().name()); if (a.product().nameRu() != null) names.add(a.product().nameRu()); });
        assertThat(names).anyMatch(n -> n.contains("МойОфис") || n.contains("MyOffice"));
        assertThat(names).anyMatch(n -> n.contains("Р7") || n.contains("R7"));
        assertThat(alts.getFirst().product().origin()).isEqualTo(Origin.DOMESTIC);
    }

    @ParameterizedTest(name = "\"{0}\" and \"{1}\" find the same product first")
    @CsvSource({
            "МойОфис, MyOffice",
            "moi ofis, МойОфис",
            "Касперский, Kaspersky",
            "1С:Бухгалтерия, 1C:Accounting",
            "Астра Линукс, Astra Linux",
            "Яндекс Браузер, Yandex Browser",
    })
    void scriptsMeet(String a, String b) {
        var first = zamena.catalog().search(SearchQuery.of(a));
        var second = zamena.catalog().search(SearchQuery.of(b));
        assertThat(first).isNotEmpty();
        assertThat(second).isNotEmpty();
        assertThat(first.getFirst().id()).isEqualTo(second.getFirst().id());
    }
}
