package ru.zamena.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.zamena.app.compliance.ComplianceService;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/orgs/{org}/purchases}: record a checked file once per content (as the CLI does), list the files; per organisation. */
class PurchaseApiTest {
    static TestServer s;
    static final String CSV = "id,date,law,kii,okpd2,name,origin_country,registry_number,price\n"
            + "1,2023-03-01,44-FZ,false,26.20.15.000,Desktop,RU,РЭ-9,100\n2,2023-03-01,44-FZ,false,26.20.15.000,Desktop,CN,,300\n";

    @BeforeAll
    static void start() {
        s = TestServer.start(PurchaseApiTest.class);
        s.createOrg("school", false);
        s.createOrg("other", false);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static byte[] multipart(String boundary, String fileName, String content) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recordOnceByContentThenListAndReport(@TempDir Path dir) throws Exception {
        String editor = s.key("school", Role.EDITOR), viewer = s.key("school", Role.VIEWER);
        var first = s.send("POST", "api/v1/orgs/school/purchases", editor, "multipart/form-data; boundary=xyz", multipart("xyz", "2023-q1.csv", CSV));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("status").asText()).isEqualTo("recorded");
        assertThat(first.json().at("/file/name").asText()).isEqualTo("2023-q1.csv");
        assertThat(first.json().at("/file/items").asInt()).isEqualTo(2);
        assertThat(first.json().at("/counts/read").asInt()).isEqualTo(2);

        // the same bytes as a plain body under another name: already recorded, nothing added
        var again = s.send("POST", "api/v1/orgs/school/purchases?name=copy.csv", editor, "text/csv", CSV.getBytes(StandardCharsets.UTF_8));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("already_recorded");
        assertThat(again.json().at("/file/name").asText()).isEqualTo("2023-q1.csv");
        // and through the CLI's path too: the same SHA-256
        Path f = dir.resolve("same.csv");
        Files.writeString(f, CSV);
        var cli = s.zamena.purchases().checkAndRecord(Caller.localOperator(), "school", f, ComplianceService.Options.of("ru"), o -> {});
        assertThat(cli.status().name()).isEqualTo("ALREADY_RECORDED");

        var list = s.get("api/v1/orgs/school/purchases", viewer);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("files")).hasSize(1);
        assertThat(list.json().at("/files/0/sha256").asText()).hasSize(64);
        var quota = s.get("api/v1/orgs/school/quotas?year=2023", viewer);
        assertThat(quota.json().get("quotas").findValues("items").stream().mapToInt(n -> n.asInt()).sum()).isEqualTo(2);
    }

    @Test
    void aFileWithRejectedItemsIsNotRecordedAndSaysWhy() throws Exception {
        String editor = s.key("school", Role.EDITOR);
        String bad = CSV.replace("1,2023-03-01,44-FZ", "9,2023-03-01,45-FZ");
        var r = s.send("POST", "api/v1/orgs/school/purchases?name=bad.csv", editor, "text/csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("status").asText()).isEqualTo("not_recorded");
        assertThat(r.json().get("file").isNull()).isTrue();
        assertThat(r.json().at("/rejected/0/error").asText()).isEqualTo("bad.csv: line 2 (record 1): item 9: unknown procurement law '45-FZ' (expected 44-FZ, 223-FZ or none)");
        assertThat(r.json().at("/counts/decided").asInt()).isEqualTo(1);
        var unreadable = s.send("POST", "api/v1/orgs/school/purchases?name=x.xml", editor, "application/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>".getBytes(StandardCharsets.UTF_8));
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().get("detail").asText()).startsWith("x.xml").contains("DOCTYPE").doesNotContain("zamena-purchases");
    }

    @Test
    void onlyTheOrganisationsEditorsRecordAndItsMembersList() {
        byte[] body = CSV.replace("Desktop", "Workstation").getBytes(StandardCharsets.UTF_8);
        assertThat(s.send("POST", "api/v1/orgs/school/purchases", null, "text/csv", body).status()).isEqualTo(401);
        assertThat(s.send("POST", "api/v1/orgs/school/purchases", s.key("school", Role.VIEWER), "text/csv", body).status()).isEqualTo(403);
        String otherAdmin = s.key("other", Role.ADMIN);
        assertThat(s.send("POST", "api/v1/orgs/school/purchases", otherAdmin, "text/csv", body).status()).isEqualTo(403);
        assertThat(s.get("api/v1/orgs/school/purchases", otherAdmin).status()).isEqualTo(403);
        assertThat(s.get("api/v1/orgs/school/purchases").status()).isEqualTo(401);
        // the other organisation sees only its own (none)
        assertThat(s.get("api/v1/orgs/other/purchases", otherAdmin).json().get("files")).isEmpty();
    }
}
