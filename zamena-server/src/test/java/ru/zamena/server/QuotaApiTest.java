package ru.zamena.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.zamena.app.compliance.ComplianceService;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/orgs/{org}/quotas}: the report of recorded purchases, for the organisation's own keys only. */
class QuotaApiTest {
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(QuotaApiTest.class);
        s.createOrg("city", false);
        s.createOrg("other", false);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void quotaReportOfRecordedPurchases(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.csv");
        Files.writeString(f, "id,date,law,kii,okpd2,name,origin_country,registry_number,price\n"
                + "1,2023-03-01,44-FZ,false,26.20.15.000,Desktop,RU,РЭ-9,100\n2,2023-03-01,44-FZ,false,26.20.15.000,Desktop,CN,,100\n");
        s.zamena.purchases().checkAndRecord(Caller.localOperator(), "city", f, ComplianceService.Options.of("ru"), o -> {});
        String viewer = s.key("city", Role.VIEWER);

        var r = s.get("api/v1/orgs/city/quotas?year=2023", viewer);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        var desktops = r.json().get("quotas").findValues("okpd2");
        assertThat(desktops).extracting(n -> n.asText()).contains("26.20.15");
        var line = java.util.stream.StreamSupport.stream(r.json().get("quotas").spliterator(), false)
                .filter(n -> n.get("okpd2").asText().equals("26.20.15")).findFirst().orElseThrow();
        assertThat(line.get("share_by_amount").asDouble()).isEqualTo(50.0);
        assertThat(line.get("status").asText()).isEqualTo("MET"); // 2023 minimum is 50% in the placeholder table

        assertThat(s.get("api/v1/orgs/city/quotas?year=2023").status()).isEqualTo(401);
        assertThat(s.get("api/v1/orgs/city/quotas?year=2023", s.key("other", Role.ADMIN)).status()).isEqualTo(403);
        assertThat(s.get("api/v1/orgs/city/quotas", viewer).status()).isEqualTo(400);
        var noQuotas = s.get("api/v1/orgs/city/quotas?year=2040", viewer);
        assertThat(noQuotas.status()).isEqualTo(400);
        assertThat(noQuotas.json().get("detail").asText()).contains("no quotas for 2040");
    }
}
