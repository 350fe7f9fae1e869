package ru.zamena.server;

import ru.zamena.app.audit.AuditService;
import ru.zamena.core.tenancy.Caller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small ministry for the dashboard's browser test, on the fixture catalog: two agencies with yearly
 * audits (the domestic share rising, faster in one than the other) and the ministry's own audits with a
 * doubtful name for the review queue. Audits are stored through the audit service, as an upload would;
 * their reporting years are set afterwards, as a loader of past years' inventories would.
 */
final class DashboardFixture {
    static final String MINISTRY = "minzdrav";
    static final String FAST = "agency-north";
    static final String SLOW = "agency-south";

    private DashboardFixture() {
    }

    static void load(TestServer s) {
        var op = Caller.localOperator();
        s.zamena.tenants().createOrganisation(op, MINISTRY, "Министерство здравоохранения (тест)", null, false);
        s.zamena.tenants().createOrganisation(op, FAST, "Северное агентство", MINISTRY, false);
        s.zamena.tenants().createOrganisation(op, SLOW, "Южное агентство", MINISTRY, false);
        sql(s, "update organisation set kind = 'ministry' where slug = '" + MINISTRY + "'");
        sql(s, "update organisation set kind = 'agency' where slug in ('" + FAST + "', '" + SLOW + "')");
        //                       Windows Office  MyOffice Astra  Postgres Oracle
        audit(s, FAST, 2023, inventory(8, 8, 0, 0, 1, 3));
        audit(s, FAST, 2024, inventory(6, 5, 5, 0, 2, 2));
        audit(s, FAST, 2025, inventory(3, 0, 8, 7, 3, 0));
        audit(s, SLOW, 2024, inventory(9, 9, 1, 0, 0, 4));
        audit(s, SLOW, 2025, inventory(8, 8, 2, 1, 0, 4));
        audit(s, MINISTRY, 2024, inventory(4, 4, 0, 0, 0, 1) + component("Oracle Databse Expres", "Oracle Corporation"));
        audit(s, MINISTRY, 2025, inventory(2, 2, 3, 3, 1, 0) + component("Oracle Databse Expres", "Oracle Corporation"));
    }

    /** A CycloneDX SBOM with each product repeated as often as it is installed. */
    private static String inventory(int windows, int office, int myoffice, int astra, int postgres, int oracle) {
        return repeat("Windows 10 Pro", "Microsoft Corporation", windows) + repeat("Microsoft Office Professional Plus 2019", "Microsoft Corporation", office)
                + repeat("МойОфис Стандартный", "Новые облачные технологии", myoffice) + repeat("Astra Linux SE", "РусБИТех-Астра", astra)
                + repeat("PostgreSQL 15", "PostgreSQL Global Development Group", postgres) + repeat("Oracle Database 19c", "Oracle Corporation", oracle);
    }

    private static String repeat(String name, String publisher, int times) {
        return component(name, publisher).repeat(times);
    }

    private static String component(String name, String publisher) {
        return "{\"type\": \"application\", \"name\": \"" + name + "\", \"publisher\": \"" + publisher + "\"},\n";
    }

    private static void audit(TestServer s, String org, int year, String components) {
        String sbom = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"version\": 1, \"components\": [\n"
                + components.substring(0, components.length() - 2) + "\n]}\n";
        try {
            Path file = Files.createTempFile(org + "-" + year, ".cdx.json");
            try {
                Files.writeString(file, sbom);
                var options = new AuditService.Options(null, null, String.valueOf(year), java.util.Map.of(), false);
                long id = s.zamena.audits().run(Caller.localOperator(), org, List.of(file), options, AuditService.Progress.NONE).audit().id();
                sql(s, "update inventory_audit set period = " + year + " where id = " + id);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sql(TestServer s, String statement) {
        s.db.jdbi().useHandle(h -> h.execute(statement));
    }
}
