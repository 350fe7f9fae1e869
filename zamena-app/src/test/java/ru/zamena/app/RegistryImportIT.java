package ru.zamena.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import ru.zamena.core.catalog.SearchQuery;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;
import ru.zamena.ingest.InputException;
import ru.zamena.store.AccessDeniedException;
import ru.zamena.store.Database;
import ru.zamena.store.RegistryStore;
import ru.zamena.store.testing.TestDatabase;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Registry imports on real PostgreSQL: merging with the curated catalog, idempotence, change tracking, bad files. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryImportIT {
    static final Charset CP1251 = Charset.forName("windows-1251");
    static Database db;
    static Zamena zamena;
    static Path dir;
    static final Caller OP = Caller.localOperator();

    // CSV as users get it: CP1251, semicolons, Russian headers, quotes inside names.
    static final String V1 = """
            Реестровый номер;Наименование ПО;Класс ПО;Правообладатель;ИНН;ОГРН;Дата решения;Статус
            283;МойОфис Стандартный;Офисные приложения;ООО "Новые облачные технологии";7704786030;;20.04.2016;
            4001;Postgres Pro Enterprise;Системы управления базами данных;ООО "ППГ";7743835300;;01.02.2017;
            4002;Р7-Офис. Профессиональный (R7 Office);Офисные приложения;АО "Р7";7727351130;;05.03.2018;
            4003;Операционная система "Звезда";Операционные системы;ООО "Звезда Софт";7707083893;;10.10.2020;
            4004;Учёт кадров "Кадры+";Прочее;ИП Иванов И. И.;500100732259;;11.11.2021;
            """;
    static final String V2 = """
            Реестровый номер;Наименование ПО;Класс ПО;Правообладатель;ИНН;ОГРН;Дата решения;Статус;Дата исключения
            283;МойОфис Стандартный;Офисные приложения;ООО "Новые облачные технологии";7704786030;;20.04.2016;;
            4001;Postgres Pro Enterprise;Системы управления базами данных;ООО "ППГ";7743835300;;01.02.2017;;
            4002;Р7-Офис. Профессиональный (R7 Office);Офисные приложения;АО "Р7";7727351130;;05.03.2018;;
            4003;Операционная система "Звезда 2";Операционные системы;ООО "Звезда Софт";7707083893;;10.10.2020;;
            4004;Учёт кадров "Кадры+";Прочее;ИП Иванов И. И.;500100732259;;11.11.2021;Исключено;01.06.2025
            4005;Почтовый сервер "Голубь";Почтовые приложения;ООО "Звезда Софт";7707083893;;12.12.2025;;
            """;

    @BeforeAll
    static void start() throws IOException {
        db = TestDatabase.create(RegistryImportIT.class);
        zamena = new Zamena(db, TestCatalog.config(TestCatalog.dir()));
        zamena.catalog().loadCuratedIfChanged();
        dir = Files.createTempDirectory("registry-it");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static long entries() {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from registry_entry where registry = 'ru-software'").mapTo(Long.class).one());
    }

    static String productOf(String number) {
        return db.jdbi().withHandle(h -> h.createQuery("select product_id from registry_entry where number = :n").bind("n", number).mapTo(String.class).one());
    }

    @Test
    @Order(1)
    void firstImportMergesWithTheCuratedCatalog() throws IOException {
        Path f = Files.writeString(dir.resolve("reestr-v1.csv"), V1, CP1251);
        RegistryStore.ImportRun run = zamena.registry().importFile(OP, f, null);
        assertThat(run.status()).isEqualTo("ok");
        assertThat(run.counts()).containsEntry("read", 5L).containsEntry("rejected", 0L).containsEntry("added", 4L);
        // 283 was declared by the curated MyOffice row: linked by registry number, not duplicated.
        assertThat(productOf("283")).isEqualTo("ncloudtech-myoffice");
        // The holder's INN is a known vendor and the name is one of its products.
        assertThat(productOf("4001")).isEqualTo("postgres-pro");
        // Name in brackets matches a curated domestic product.
        assertThat(productOf("4002")).isEqualTo("r7-office");
        assertThat(zamena.catalog().product("r7-office").orElseThrow().product().registry()).isEqualTo("ru-software");
        // Unknown products get a product of their own, under a vendor made from the holder.
        assertThat(productOf("4003")).isEqualTo("reg-4003");
        var created = zamena.catalog().product("reg-4003").orElseThrow();
        assertThat(created.product().category()).isEqualTo("operating-system");
        assertThat(created.vendor().inn()).isEqualTo("7707083893");
        assertThat(created.vendor().country()).isEqualTo("RU");
        assertThat(created.product().registry()).isEqualTo("ru-software");
        assertThat(zamena.catalog().product("reg-4004").orElseThrow().product().category()).isEqualTo("other-software");
        // Registry names become searchable, in either script.
        assertThat(zamena.catalog().search(SearchQuery.of("Zvezda")).getFirst().id()).isEqualTo("reg-4003");
        assertThat(zamena.catalog().product("ncloudtech-myoffice").orElseThrow().registryEntries().getFirst().uncertain()).isFalse();
    }

    @Test
    @Order(2)
    void sameFileAgainChangesNothing() throws IOException {
        long before = entries();
        Path f = Files.writeString(dir.resolve("copy-of-v1.csv"), V1, CP1251);
        RegistryStore.ImportRun run = zamena.registry().importFile(OP, f, null);
        assertThat(run.status()).isEqualTo("unchanged");
        assertThat(entries()).isEqualTo(before);
        // Same records in another encoding and order: a different file, but no change either.
        Path utf8 = Files.writeString(dir.resolve("v1-utf8.csv"), V1, StandardCharsets.UTF_8);
        RegistryStore.ImportRun again = zamena.registry().importFile(OP, utf8, null);
        assertThat(again.status()).isEqualTo("ok");
        assertThat(again.counts()).containsEntry("unchanged", 5L).containsEntry("added", 0L).containsEntry("changed", 0L);
    }

    @Test
    @Order(3)
    void newerFileRecordsChangesAndExclusions() throws IOException {
        Path f = Files.writeString(dir.resolve("reestr-v2.csv"), V2, CP1251);
        RegistryStore.ImportRun run = zamena.registry().importFile(OP, f, null);
        assertThat(run.counts()).containsEntry("added", 1L).containsEntry("changed", 1L).containsEntry("excluded", 1L).containsEntry("unchanged", 3L);
        var changes = zamena.registry().changes(run.id());
        assertThat(changes).extracting(RegistryStore.Change::number, RegistryStore.Change::change)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("4003", "changed"),
                        org.assertj.core.groups.Tuple.tuple("4004", "excluded"), org.assertj.core.groups.Tuple.tuple("4005", "added"));
        assertThat(zamena.catalog().product("reg-4003").orElseThrow().product().name()).isEqualTo("Операционная система \"Звезда 2\"");
        var excluded = zamena.catalog().product("reg-4004").orElseThrow().registryEntries().getFirst();
        assertThat(excluded.status()).isEqualTo("excluded");
        assertThat(excluded.excludedOn()).hasToString("2025-06-01");
        // The holder seen twice is one vendor.
        assertThat(zamena.catalog().product("reg-4005").orElseThrow().vendor().id()).isEqualTo("inn-7707083893");
    }

    @Test
    @Order(4)
    void malformedXmlStoresNothing() throws IOException {
        long before = entries();
        long runs = zamena.registry().runs(100).size();
        Path f = Files.writeString(dir.resolve("broken.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <registry><item><registrationNumber>5001</registrationNumber><name>Новое ПО</name></item>
                <item><registrationNumber>5002</registrationNumber><name>Оборванная запись""");
        assertThatThrownBy(() -> zamena.registry().importFile(OP, f, null))
                .isInstanceOf(InputException.class).hasMessageContaining("broken.xml");
        assertThat(entries()).isEqualTo(before);
        var last = zamena.registry().runs(1).getFirst();
        assertThat(last.status()).isEqualTo("failed");
        assertThat(last.message()).contains("broken.xml");
        assertThat(zamena.registry().runs(100)).hasSize((int) runs + 1);
    }

    @Test
    @Order(5)
    void externalEntitiesAreRefused() throws IOException {
        long before = entries();
        Path f = Files.writeString(dir.resolve("xxe.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE registry [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <registry><item><registrationNumber>6001</registrationNumber><name>&e;</name></item></registry>""");
        assertThatThrownBy(() -> zamena.registry().importFile(OP, f, null)).isInstanceOf(InputException.class);
        assertThat(entries()).isEqualTo(before);
        long leaked = db.jdbi().withHandle(h -> h.createQuery("select count(*) from registry_entry where name like '%root:%'").mapTo(Long.class).one());
        assertThat(leaked).isZero();
    }

    @Test
    @Order(6)
    void badRecordsAreRejectedOneByOneAndTheRestImported() throws IOException {
        Path f = Files.writeString(dir.resolve("partly-bad.csv"), """
                Реестровый номер;Наименование ПО;Класс ПО;Правообладатель;ИНН;Дата решения
                7001;Хорошая программа;Браузеры;ООО "Х";7707083893;01.01.2022
                abc;Плохой номер;Браузеры;ООО "Х";7707083893;01.01.2022
                7002;Плохая дата;Браузеры;ООО "Х";7707083893;32.13.2022
                7003;Программа без ИНН;Браузеры;ООО "Игрек";;01.01.2022
                """, StandardCharsets.UTF_8);
        var run = zamena.registry().importFile(OP, f, null);
        assertThat(run.counts()).containsEntry("read", 2L).containsEntry("rejected", 2L).containsEntry("added", 2L);
        assertThat(zamena.catalog().product("reg-7003").orElseThrow().vendor().id()).isEqualTo("registry-unknown-holder");
        assertThat(zamena.catalog().product("reg-7001").orElseThrow().product().category()).isEqualTo("browser");
        assertThat(run.errors()).hasSize(2).allSatisfy(e -> assertThat(e).contains("partly-bad.csv"));
    }

    @Test
    @Order(7)
    void onlyOperatorAdminsImport() throws IOException {
        Path f = Files.writeString(dir.resolve("x.csv"), V1, CP1251);
        var viewer = new Caller("key:x", 5, "someorg", Role.ADMIN, false);
        assertThatThrownBy(() -> zamena.registry().importFile(viewer, f, null)).isInstanceOf(AccessDeniedException.class);
    }
}
