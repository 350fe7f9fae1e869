package ru.zamena.app.match;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.zamena.app.TestCatalog;
import ru.zamena.app.Zamena;
import ru.zamena.store.Database;
import ru.zamena.store.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The matcher against the real catalog and the labelled evaluation set. */
class InventoryMatcherIT {
    static Database db;
    static Zamena zamena;
    static InventoryMatcher matcher;

    @BeforeAll
    static void start() {
        db = TestDatabase.create(InventoryMatcherIT.class);
        zamena = new Zamena(db, TestCatalog.config(TestCatalog.root().resolve("data")));
        zamena.catalog().loadCuratedIfChanged();
        matcher = zamena.matcher();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void labelledSetMeetsPrecisionAndRecall() {
        var report = MatcherEvaluation.run(matcher, TestCatalog.root().resolve("data/eval/match-labelled.tsv"));
        System.out.println(report);
        assertThat(report.current().rows()).isGreaterThanOrEqualTo(300);
        assertThat(report.current().precision()).isGreaterThanOrEqualTo(0.98);
        assertThat(report.current().recall()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void officeWithEditionYearAndLanguageMatches() {
        var m = matcher.match("Microsoft Office Professional Plus 2019 - ru-ru", "Microsoft Corporation");
        assertThat(m.status()).isEqualTo(InventoryMatcher.MATCHED);
        assertThat(m.product().id()).isEqualTo("microsoft-office");
        assertThat(m.evidence()).containsEntry("cleaned", "Microsoft Office").containsKeys("removed", "matched_alias", "name_score", "publisher_score", "thresholds");
        assertThat(m.evidence().get("removed").toString()).contains("year:2019").contains("language:ru-ru");
        var noPublisher = matcher.match("Microsoft Office Professional Plus 2019 - ru-ru", null);
        assertThat(noPublisher.product().id()).isEqualTo("microsoft-office");
    }

    @Test
    void updatesAreNotInstallations() {
        var m = matcher.match("Security Update for Microsoft Office 2016 (KB5002138)", "Microsoft Corporation");
        assertThat(m.status()).isEqualTo(InventoryMatcher.UNMATCHED);
        assertThat(m.product()).isNull();
        assertThat(m.evidence()).containsEntry("reason", "update");
    }

    @Test
    void driversMatchNothing() {
        var m = matcher.match("NVIDIA Graphics Driver 546.33", "NVIDIA Corporation");
        assertThat(m.status()).isEqualTo(InventoryMatcher.UNMATCHED);
        assertThat(m.product()).isNull();
        assertThat(matcher.match("NVIDIA Graphics Driver 546.33", null).status()).isEqualTo(InventoryMatcher.UNMATCHED);
    }
}
