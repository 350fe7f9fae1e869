package ru.zamena.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import ru.zamena.core.tenancy.Role;
import ru.zamena.report.PdfFonts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static ru.zamena.server.OpenApi.assertConforms;

/** Audits and the review queue over HTTP: uploads, downloads, roles, tenancy, the contract. */
class AuditApiTest {
    static TestServer s;
    static String editor, viewer, admin, outsider, operator;
    static final String SBOM = cyclonedx("Microsoft Office Professional Plus 2019", "Microsoft Corporation",
            "Microsoft Office Professional Plus 2019", "Microsoft Corporation", "МойОфис Стандартный", "Новые облачные технологии",
            "Oracle Databse Expres", "Oracle Corporation", "Acme Inventory Helper", "Acme Widgets Ltd");
    static final String SBOM_LATER = cyclonedx("Р7-Офис", "Р7", "МойОфис Стандартный", "Новые облачные технологии",
            "Oracle Databse Expres", "Oracle Corporation");

    @BeforeAll
    static void start() {
        s = TestServer.start(AuditApiTest.class);
        s.createOrg("dept", false);
        s.createOrg("rival", false);
        s.createOrg("ops", true);
        editor = s.key("dept", Role.EDITOR);
        viewer = s.key("dept", Role.VIEWER);
        admin = s.key("dept", Role.ADMIN);
        outsider = s.key("rival", Role.ADMIN);
        operator = s.key("ops", Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static String cyclonedx(String... nameAndPublisher) {
        var sb = new StringBuilder("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"version\": 1, \"components\": [\n");
        for (int i = 0; i < nameAndPublisher.length; i += 2)
            sb.append(i > 0 ? ",\n" : "").append("{\"type\": \"application\", \"name\": \"").append(nameAndPublisher[i])
                    .append("\", \"publisher\": \"").append(nameAndPublisher[i + 1]).append("\"}");
        return sb.append("\n]}\n").toString();
    }

    /** A multipart/form-data upload of files (name → content) and form fields. */
    static TestServer.Response upload(String org, String key, Map<String, String> files, Map<String, String> fields) {
        String boundary = "zamena-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        fields.forEach((k, v) -> part(body, boundary, "Content-Disposition: form-data; name=\"" + k + "\"", v));
        files.forEach((name, content) -> part(body, boundary, "Content-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream", content));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var r = s.send("POST", "/api/v1/orgs/" + org + "/audits", key, "multipart/form-data; boundary=" + boundary, body.toByteArray());
        assertConforms("POST", "/orgs/{org}/audits", r);
        return r;
    }

    private static void part(ByteArrayOutputStream out, String boundary, String headers, String content) {
        out.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n" + content + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    static TestServer.Response get(String template, String path, String key) {
        var r = s.get(path, key);
        assertConforms("GET", template, r);
        return r;
    }

    static long auditOf(String content, String label) {
        var r = upload("dept", editor, Map.of(label + ".cdx.json", content), Map.of("label", label, "os", "astra"));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json().at("/audit/id").asLong();
    }

    @Test
    void theReportingPeriodIsTheYearStoredUnlessGiven() {
        var r = upload("dept", editor, Map.of("period.cdx.json", SBOM + "\n"), Map.of("period", "2025", "label", "for 2025"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().at("/audit/id").asLong();
        assertThat(r.json().at("/audit/period").asInt()).isEqualTo(2025);
        JsonNode listed = get("/orgs/{org}/audits", "/api/v1/orgs/dept/audits", viewer).json();
        assertThat(listed).filteredOn(a -> a.get("id").asLong() == id).singleElement()
                .satisfies(a -> assertThat(a.get("period").asInt()).isEqualTo(2025));
        // the same file said to stand for another year: the stored audit moves, nothing new is stored
        var again = upload("dept", editor, Map.of("period.cdx.json", SBOM + "\n"), Map.of("period", "2024"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().at("/audit/id").asLong()).isEqualTo(id);
        assertThat(again.json().at("/audit/period").asInt()).isEqualTo(2024);

        var stored = upload("dept", editor, Map.of("now.cdx.json", SBOM + "\n\n"), Map.of());
        assertThat(stored.json().at("/audit/period").asInt()).isEqualTo(java.time.Year.now().getValue());
        for (String bad : java.util.List.of("20x5", "1066")) {
            var refused = upload("dept", editor, Map.of("bad.cdx.json", SBOM + "\n\n\n"), Map.of("period", bad));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("period must be a year between 1990 and 2100");
        }
    }

    @Test
    void anEditorAuditsUploadsAndTheSameFilesAgainAreUnchanged() {
        var r = upload("dept", editor, Map.of("pcs.cdx.json", SBOM), Map.of("label", "pcs", "os", "astra", "force", "true"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode j = r.json();
        assertThat(j.get("outcome").asText()).isEqualTo("created");
        assertThat(j.at("/summary/occurrences").asInt()).isEqualTo(5);
        assertThat(j.at("/summary/items").asInt()).isEqualTo(4);
        assertThat(j.at("/audit/files/0/format").asText()).isEqualTo("cyclonedx-json");
        assertThat(r.header("Location")).isEqualTo("/api/v1/orgs/dept/audits/" + j.at("/audit/id").asLong());
        var again = upload("dept", editor, Map.of("renamed.json", SBOM), Map.of("os", "astra"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asText()).isEqualTo("unchanged");
        assertThat(again.json().at("/audit/id").asLong()).isEqualTo(j.at("/audit/id").asLong());

        assertThat(upload("dept", viewer, Map.of("x.json", SBOM), Map.of()).status()).isEqualTo(403);
        assertThat(upload("rival", editor, Map.of("x.json", SBOM), Map.of()).status()).isEqualTo(403);
        var list = get("/orgs/{org}/audits", "/api/v1/orgs/dept/audits", viewer);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aBrokenFileIsA400NamingItAndStoresNothing() {
        int before = get("/orgs/{org}/audits", "/api/v1/orgs/dept/audits?limit=500", viewer).json().size();
        var r = upload("dept", editor, Map.of("good.json", SBOM_LATER + " ", "broken.json", "{\"bomFormat\": \"CycloneDX\", \"components\": [{\"name\": "),
                Map.of("force", "true"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).startsWith("broken.json: line 1");
        assertThat(get("/orgs/{org}/audits", "/api/v1/orgs/dept/audits?limit=500", viewer).json().size()).isEqualTo(before);
        var unknownOs = upload("dept", editor, Map.of("good.json", SBOM), Map.of("os", "beos"));
        assertThat(unknownOs.status()).isEqualTo(400);
        assertThat(unknownOs.json().get("detail").asText()).contains("unknown os 'beos'");
    }

    @Test
    void theReportAsJsonCsvXlsxAndPdf() throws IOException {
        long id = auditOf(SBOM, "exports");
        String path = "/api/v1/orgs/dept/audits/" + id;
        var json = get("/orgs/{org}/audits/{id}", path, viewer);
        assertThat(json.status()).isEqualTo(200);
        var office = json.json().get("items").get(0);
        assertThat(office.get("product_id").asText()).isEqualTo("microsoft-office");
        assertThat(office.get("occurrences").asInt()).isEqualTo(2);
        assertThat(office.get("alternatives").findValuesAsText("product_id")).contains("ncloudtech-myoffice");
        assertThat(json.json().get("by_origin").findValuesAsText("key")).containsExactly("domestic", "foreign", "open_source", "unknown");

        var csv = get("/orgs/{org}/audits/{id}", path + "?format=csv", viewer);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("audit-" + id + ".csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).contains("Name", "Origin", "Alternatives");
        assertThat(lines).hasSize(5);
        assertThat(csv.body()).contains("МойОфис Стандартный");

        byte[] xlsx = bytes(path, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Summary");
            var items = wb.getSheet("Items");
            assertThat(items.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Name");
            assertThat(items.getLastRowNum()).isEqualTo(4);
            assertThat(items.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(2.0); // occurrences stay numbers
            assertThat(items.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(items.getPaneInformation().isFreezePane()).isTrue();
        }

        assumeTrue(PdfFonts.find() != null, "no Unicode TrueType font on this machine for PDF export");
        byte[] pdf = bytes(path + "?format=pdf", null);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var reader = new PdfReader(pdf)) {
            var extractor = new PdfTextExtractor(reader);
            var text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) text.append(extractor.getTextFromPage(page)).append('\n');
            assertThat(text).contains("Inventory audit #" + id, "Shares by origin", "Microsoft Office", "МойОфис");
        }
    }

    /** The body of a download, asked for by Accept header (when given) or by the query. */
    private static byte[] bytes(String path, String accept) {
        var b = HttpRequest.newBuilder(URI.create(s.server.url() + path.replaceFirst("^/", ""))).header("Authorization", "Bearer " + viewer);
        if (accept != null) b.header("Accept", accept);
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void itemsArePagedAndDiffsCompareTwoAudits() {
        long a = auditOf(SBOM, "before");
        long b = auditOf(SBOM_LATER, "after");
        String items = "/api/v1/orgs/dept/audits/" + a + "/items";
        var first = get("/orgs/{org}/audits/{id}/items", items + "?limit=3", viewer);
        assertThat(first.json().get("items").size()).isEqualTo(3);
        String cursor = first.json().get("next_cursor").asText();
        var second = get("/orgs/{org}/audits/{id}/items", items + "?limit=3&cursor=" + cursor, viewer);
        assertThat(second.json().get("items").findValuesAsText("seq")).containsExactly("4");
        assertThat(second.json().get("next_cursor").isNull()).isTrue();

        var diff = get("/orgs/{org}/audits/{id}/diff/{other}", "/api/v1/orgs/dept/audits/" + a + "/diff/" + b, viewer);
        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.json().get("replaced").findValuesAsText("to_product_id")).containsExactly("r7-office");
        assertThat(diff.json().get("removed").findValuesAsText("name")).containsExactly("Acme Inventory Helper");
        var csv = get("/orgs/{org}/audits/{id}/diff/{other}", "/api/v1/orgs/dept/audits/" + a + "/diff/" + b + "?format=csv", viewer);
        assertThat(csv.body()).contains("replaced,Microsoft Office,microsoft-office,R7-Office");
        // Another organisation's key sees none of it, not even whether it exists.
        assertThat(get("/orgs/{org}/audits/{id}", "/api/v1/orgs/dept/audits/" + a, outsider).status()).isEqualTo(403);
        assertThat(get("/orgs/{org}/audits/{id}", "/api/v1/orgs/rival/audits/" + a, outsider).status()).isEqualTo(404);
        assertThat(get("/orgs/{org}/audits/{id}/items", items, outsider).status()).isEqualTo(403);
        assertThat(get("/orgs/{org}/audits/{id}", "/api/v1/orgs/dept/audits/x", viewer).status()).isEqualTo(400);
        assertThat(get("/orgs/{org}/audits/{id}", "/api/v1/orgs/dept/audits/" + a + "?format=doc", viewer).status()).isEqualTo(400);
    }

    @Test
    void reviewDecisionsFollowRoles() {
        auditOf(SBOM, "review");
        var queue = get("/orgs/{org}/review", "/api/v1/orgs/dept/review", viewer);
        assertThat(queue.status()).isEqualTo(200);
        JsonNode oracle = null;
        for (JsonNode q : queue.json()) if (q.get("raw_name").asText().startsWith("Oracle")) oracle = q;
        assertThat(oracle).as(queue.body()).isNotNull();
        assertThat(oracle.get("candidate_id").asText()).isEqualTo("oracle-database");
        String path = "/api/v1/orgs/dept/review/" + oracle.get("id").asLong();

        assertThat(decide(path, viewer, Map.of("decision", "accept")).status()).isEqualTo(403);
        assertThat(decide(path, outsider, Map.of("decision", "accept")).status()).isEqualTo(403);
        assertThat(decide(path, editor, Map.of("decision", "maybe")).status()).isEqualTo(400);
        assertThat(decide(path, editor, Map.of("decision", "pick")).status()).isEqualTo(400);
        assertThat(decide(path, editor, Map.of("decision", "pick", "product_id", "no-such")).status()).isEqualTo(404);
        var accepted = decide(path, editor, Map.of("decision", "accept", "note", "our Oracle"));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("status").asText()).isEqualTo("accepted");
        assertThat(accepted.json().get("product_id").asText()).isEqualTo("oracle-database");
        assertThat(get("/orgs/{org}/review", "/api/v1/orgs/dept/review?status=accepted", viewer).json().findValuesAsText("raw_name"))
                .contains("Oracle Databse Expres");
        assertThat(get("/orgs/{org}/review", "/api/v1/orgs/dept/review?status=later", viewer).status()).isEqualTo(400);

        // The next audit of the name follows the decision.
        var next = upload("dept", editor, Map.of("review.json", SBOM), Map.of("os", "astra", "force", "true"));
        long id = next.json().at("/audit/id").asLong();
        var report = get("/orgs/{org}/audits/{id}", "/api/v1/orgs/dept/audits/" + id, viewer).json();
        JsonNode item = null;
        for (JsonNode i : report.get("items")) if (i.get("name").asText().startsWith("Oracle")) item = i;
        assertThat(item.get("decided_by").asText()).isEqualTo("judgment");
        assertThat(item.get("status").asText()).isEqualTo("matched");

        // Promotion into the global catalog is for the operator's admins only.
        var byOrgAdmin = s.sendJson("POST", "/api/v1/orgs/dept/aliases/promote", admin, Map.of());
        assertConforms("POST", "/orgs/{org}/aliases/promote", byOrgAdmin);
        assertThat(byOrgAdmin.status()).isEqualTo(403);
        var promoted = s.send("POST", "/api/v1/orgs/dept/aliases/promote", operator, null, null);
        assertConforms("POST", "/orgs/{org}/aliases/promote", promoted);
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.json().findValuesAsText("product_id")).contains("oracle-database");
        var search = s.get("/api/v1/products?q=" + TestServer.enc("Oracle Databse Expres") + "&limit=1");
        assertThat(search.json().at("/items/0/id").asText()).isEqualTo("oracle-database");
    }

    private static TestServer.Response decide(String path, String key, Map<String, String> body) {
        var r = s.sendJson("POST", path, key, body);
        assertConforms("POST", "/orgs/{org}/review/{id}", r);
        return r;
    }
}
