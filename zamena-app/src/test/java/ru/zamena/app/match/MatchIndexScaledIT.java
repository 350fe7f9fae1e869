package ru.zamena.app.match;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.zamena.app.TestCatalog;
import ru.zamena.app.Zamena;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.ingest.registry.RegistryFileGenerator;
import ru.zamena.store.Database;
import ru.zamena.store.MatchNamesStore;
import ru.zamena.store.testing.TestDatabase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real curated catalog plus a generated register export, 35,000+ products as in `zamena bench match`:
 * the labelled set still meets the quality goals, and the index follows catalog changes made through SQL
 * (no code path tells it) by the generation counter of V6.
 */
class MatchIndexScaledIT {
    static Database db;
    static Zamena zamena;
    @TempDir static Path dir;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create(MatchIndexScaledIT.class);
        zamena = new Zamena(db, TestCatalog.config(TestCatalog.root().resolve("data")));
        zamena.catalog().loadCuratedIfChanged();
        Path f = dir.resolve("registry.xml");
        RegistryFileGenerator.write(f, 35_000, 42, RegistryFileGenerator.Format.XML, StandardCharsets.UTF_8, false);
        zamena.registry().importFile(Caller.localOperator(), f, null);
    }

    @AfterAll
    static void stop() {
        zamena.matcher().index().close();
        db.close();
    }

    @Test
    void labelledSetMeetsTheGoalsOnTheScaledCatalog() {
        var matcher = zamena.matcher();
        assertThat(matcher.index().get().products()).isGreaterThanOrEqualTo(35_000);
        var report = MatcherEvaluation.run(matcher, TestCatalog.root().resolve("data/eval/match-labelled.tsv"));
        System.out.println("scaled catalog (" + matcher.index().get().products() + " products):\n" + report);
        assertThat(report.current().precision()).isGreaterThanOrEqualTo(0.98);
        assertThat(report.current().recall()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void indexFollowsCatalogChangesMadeElsewhere() throws Exception {
        var store = new MatchNamesStore(db);
        try (var live = new LiveMatchIndex(store, java.util.Set.of("RU"), Duration.ZERO)) {
            var matcher = new InventoryMatcher(null, live);
            assertThat(matcher.match("Zorvex Office Suite", null).status()).isEqualTo(InventoryMatcher.UNMATCHED);
            long before = store.generation();
            // What an administrator promoting an organisation's alias would do, straight in SQL.
            db.jdbi().useHandle(h -> h.execute("update product set aliases = aliases || '{Zorvex Office Suite}' where id = 'libreoffice'"));
            assertThat(store.generation()).isEqualTo(before + 1);
            // Readers keep the old index while a background check rebuilds it.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            InventoryMatcher.Match m = matcher.match("Zorvex Office Suite", null);
            while (m.product() == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
                m = matcher.match("Zorvex Office Suite", null);
            }
            assertThat(m.product()).isNotNull();
            assertThat(m.product().id()).isEqualTo("libreoffice");
            assertThat(live.rebuilds()).isGreaterThanOrEqualTo(1);
            // A transaction that changes several tables bumps the counter once.
            long now = store.generation();
            db.jdbi().useTransaction(h -> {
                h.execute("update vendor set aliases = aliases where id = 'microsoft'");
                h.execute("update product set aliases = aliases where id = 'microsoft-office'");
            });
            assertThat(store.generation()).isEqualTo(now + 1);
        }
    }
}
