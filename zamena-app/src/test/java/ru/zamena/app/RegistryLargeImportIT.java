package ru.zamena.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.ingest.registry.RegistryFileGenerator;
import ru.zamena.store.Database;
import ru.zamena.store.testing.TestDatabase;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A register export of the real register's size, streamed and merged; a newer version's changes counted exactly. */
class RegistryLargeImportIT {
    static final Charset CP1251 = Charset.forName("windows-1251");
    static final Caller OP = Caller.localOperator();
    static Database db;
    static Zamena zamena;
    @TempDir static Path dir;

    @BeforeAll
    static void start() {
        db = TestDatabase.create(RegistryLargeImportIT.class);
        zamena = new Zamena(db, TestCatalog.config(TestCatalog.dir()));
        zamena.catalog().loadCuratedIfChanged();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static long entries() {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from registry_entry where registry = 'ru-software'").mapTo(Long.class).one());
    }

    @Test
    void generatedRegisterOfThirtyFiveThousandEntriesImportsAndReimportsIdempotently() throws IOException {
        Path f = dir.resolve("generated.xml");
        RegistryFileGenerator.write(f, 35_000, 7, RegistryFileGenerator.Format.XML, CP1251, false);
        long before = entries();
        var run = zamena.registry().importFile(OP, f, null);
        assertThat(run.counts()).containsEntry("read", 35_000L).containsEntry("rejected", 0L);
        // Entries the curated catalog declared (e.g. No. 283) are completed, not added twice.
        assertThat(run.counts().get("added") + run.counts().get("changed")).isEqualTo(35_000L);
        assertThat(entries()).isEqualTo(before + run.counts().get("added"));
        assertThat(zamena.registry().importFile(OP, f, null).status()).isEqualTo("unchanged");
        assertThat(entries()).isEqualTo(before + run.counts().get("added"));
        Path next = dir.resolve("generated-next.csv");
        var summary = RegistryFileGenerator.write(next, 35_000, 7, RegistryFileGenerator.Format.CSV, StandardCharsets.UTF_8, true);
        var changed = zamena.registry().importFile(OP, next, null);
        assertThat(changed.counts().get("added")).isEqualTo(summary.added());
        assertThat(changed.counts().get("excluded")).isEqualTo(summary.newlyExcluded());
        assertThat(changed.counts().get("changed")).isEqualTo(summary.changed());
    }
}
