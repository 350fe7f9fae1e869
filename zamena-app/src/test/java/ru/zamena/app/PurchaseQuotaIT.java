package ru.zamena.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.zamena.app.compliance.ComplianceService;
import ru.zamena.app.compliance.PurchaseService;
import ru.zamena.core.compliance.QuotaReport;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;
import ru.zamena.store.AccessDeniedException;
import ru.zamena.store.Database;
import ru.zamena.store.testing.TestDatabase;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recording checked purchases (once per file, all or nothing, per organisation) and the yearly quota report made from them. */
class PurchaseQuotaIT {
    static Database db;
    static Zamena zamena;
    static final Caller OPERATOR = Caller.localOperator();
    static final ComplianceService.Options RU = ComplianceService.Options.of("ru");
    static final ComplianceService.Listener IGNORE = o -> {};

    // 2024, 44-FZ: four laptops (two registered, 100 each; two foreign, 300 each), one registered server;
    // a 223-FZ laptop and a 2023 laptop do not count towards the 2024 44-FZ quotas.
    static final String PURCHASES = """
            id,date,law,kii,okpd2,name,origin_country,registry_number,price
            1,2024-03-01,44-FZ,false,26.20.11.110,Ноутбук А,RU,РЭ-1,100
            2,2024-03-01,44-FZ,false,26.20.11.110,Ноутбук А,RU,РЭ-1,100
            3,2024-04-01,44-FZ,false,26.20.11.110,Laptop B,CN,,300
            4,2024-05-01,44-FZ,false,26.20.11.110,Laptop B,CN,,300
            5,2024-05-01,44-FZ,false,26.20.14.000,Сервер,RU,РЭ-2,1000
            6,2024-05-01,223-FZ,false,26.20.11.110,Laptop B,CN,,300
            7,2023-12-31,44-FZ,false,26.20.11.110,Laptop B,CN,,300
            """;

    @BeforeAll
    static void start() {
        db = TestDatabase.create(PurchaseQuotaIT.class);
        zamena = new Zamena(db, TestCatalog.config(TestCatalog.dir()));
        zamena.catalog().loadCuratedIfChanged();
        zamena.tenants().createOrganisation(OPERATOR, "acme", "Acme", null, false);
        zamena.tenants().createOrganisation(OPERATOR, "beta", "Beta", null, false);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void recordOnceThenReportTheShortfall(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("2024.csv");
        Files.writeString(f, PURCHASES);
        PurchaseService purchases = zamena.purchases();
        var first = purchases.checkAndRecord(OPERATOR, "acme", f, RU, IGNORE);
        assertThat(first.status()).isEqualTo(PurchaseService.Status.RECORDED);
        assertThat(first.file().items()).isEqualTo(7);
        // the same content again, even under another name: nothing is added
        Path copy = dir.resolve("copy.csv");
        Files.copy(f, copy);
        var again = purchases.checkAndRecord(OPERATOR, "acme", copy, RU, IGNORE);
        assertThat(again.status()).isEqualTo(PurchaseService.Status.ALREADY_RECORDED);
        assertThat(again.file().name()).isEqualTo("2024.csv");

        QuotaReport report = purchases.quotas(OPERATOR, "acme", 2024, "ru");
        var laptops = line(report, "26.20.11");
        assertThat(laptops.items()).isEqualTo(4);
        assertThat(laptops.domesticItems()).isEqualTo(2);
        assertThat(laptops.shareByCount()).isEqualTo(50.0);
        assertThat(laptops.shareByAmount()).isEqualTo(25.0);
        // minimum 60% (placeholder value of the table): 480 of 800 by money, 3 of 4 items
        assertThat(laptops.shortfallAmount()).isEqualByComparingTo(new BigDecimal("280"));
        assertThat(laptops.shortfallItems()).isEqualTo(1);
        assertThat(laptops.status()).isEqualTo(QuotaReport.Status.SHORT);
        assertThat(line(report, "26.20.14").status()).isEqualTo(QuotaReport.Status.MET);
        assertThat(line(report, "26.20.15").status()).isEqualTo(QuotaReport.Status.NO_PURCHASES);
        // the 2023 laptop counts in 2023 only
        assertThat(line(purchases.quotas(OPERATOR, "acme", 2023, "ru"), "26.20.11").items()).isEqualTo(1);
        // another organisation sees none of it, and may not read acme's report
        assertThat(line(purchases.quotas(OPERATOR, "beta", 2024, "ru"), "26.20.11").status()).isEqualTo(QuotaReport.Status.NO_PURCHASES);
        var betaViewer = new Caller("key:test", 2, "beta", Role.VIEWER, false);
        assertThatThrownBy(() -> purchases.quotas(betaViewer, "acme", 2024, "ru")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> purchases.checkAndRecord(new Caller("key:v", 1, "acme", Role.VIEWER, false), "acme", f, RU, IGNORE))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aFileWithRejectedItemsOrAWhatIfDateIsNotRecorded(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "id,date,law,kii,okpd2,name,origin_country,registry_number,price\n"
                + "1,2022-03-01,44-FZ,false,26.20.15.000,Desktop,CN,,500\n2,2022-03-01,45-FZ,false,26.20.15.000,Desktop,CN,,500\n");
        var r = zamena.purchases().checkAndRecord(OPERATOR, "beta", f, RU, IGNORE);
        assertThat(r.status()).isEqualTo(PurchaseService.Status.NOT_RECORDED);
        assertThat(r.counts().rejected()).isEqualTo(1);
        assertThat(line(zamena.purchases().quotas(OPERATOR, "beta", 2022, "ru"), "26.20.15").items()).isZero();
        var whatIf = new ComplianceService.Options("ru", LocalDate.of(2025, 1, 1), null);
        assertThatThrownBy(() -> zamena.purchases().checkAndRecord(OPERATOR, "beta", f, whatIf, IGNORE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("what-if");
        assertThatThrownBy(() -> zamena.purchases().quotas(OPERATOR, "beta", 2030, "ru"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no quotas for 2030 (years with quotas: 2021-2024)");
    }

    static QuotaReport.Line line(QuotaReport report, String okpd2) {
        return report.lines().stream().filter(l -> l.quota().okpd2().equals(okpd2)).findFirst().orElseThrow();
    }
}
