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
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard API on the demo (real catalog, a fifth of its size): answers conform to
 * openapi.yaml, CSV carries the same rows, the hierarchy rule holds (a ministry reads its agencies,
 * an agency not its sibling nor its ministry), targets need an admin, reports read back.
 */
class DashboardApiTest {
    static TestServer s;
    static String ministryViewer, agencyViewer, agencyAdmin, outsider;

    @BeforeAll
    static void start() {
        Path root = Path.of(System.getProperty("zamena.root", "..")).toAbsolutePath().normalize();
        s = TestServer.start(DashboardApiTest.class, root.resolve("data"));
        s.zamena.demo().load(line -> {}, 0.2);
        ministryViewer = s.key("demo", Role.VIEWER);
        agencyViewer = s.key("demo-nalog", Role.VIEWER);
        agencyAdmin = s.key("demo-nalog", Role.ADMIN);
        s.createOrg("elsewhere", false);
        outsider = s.key("elsewhere", Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static TestServer.Response get(String template, String path, String key) {
        var r = s.get(path, key);
        OpenApi.assertConforms("GET", template, r);
        return r;
    }

    @Test
    void treeAndMeasuresOfTheMinistry() {
        JsonNode tree = get("/orgs/{org}/tree", "/api/v1/orgs/demo/tree", ministryViewer).json();
        assertThat(tree.at("/org/slug").asText()).isEqualTo("demo");
        assertThat(tree.get("children").size()).isEqualTo(4);
        assertThat(tree.at("/children/0/children/0/kind").asText()).isEqualTo("unit");

        for (String basis : List.of("count", "seats", "spend")) {
            JsonNode m = get("/orgs/{org}/measures", "/api/v1/orgs/demo/measures?basis=" + basis, ministryViewer).json();
            assertThat(m.get("basis").asText()).isEqualTo(basis);
            assertThat(m.get("measures")).extracting(x -> x.get("id").asText())
                    .containsExactly("software_domestic_share", "processor_domestic_share", "purchases_domestic_share");
            assertThat(m.get("children").size()).isEqualTo(4);
        }
        JsonNode software = s.get("/api/v1/orgs/demo/measures", ministryViewer).json().at("/measures/0");
        assertThat(software.get("series").size()).isEqualTo(3);
        assertThat(software.at("/target/value").asDouble()).isEqualTo(0.9);
        assertThat(software.at("/target/source").asText()).startsWith("profile ru:");
        assertThat(software.at("/forecast/method").asText()).contains("least squares");
        assertThat(software.at("/forecast/verdict").asText()).isIn("on_track", "at_risk", "will_miss");
        assertThat(software.at("/forecast/text/ru").asText()).isNotBlank();
    }

    @Test
    void everyReadAnswersCsvWithTheSameRows() {
        var measures = s.get("/api/v1/orgs/demo/measures?basis=seats&format=csv", ministryViewer);
        OpenApi.assertConforms("GET", "/orgs/{org}/measures", measures);
        assertThat(measures.contentType()).startsWith("text/csv");
        assertThat(measures.body()).startsWith("\uFEFF");
        List<String> lines = measures.body().lines().toList();
        assertThat(lines.getFirst()).contains("org", "measure", "period", "value", "target", "verdict");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("demo,software_domestic_share,seats,2026,measured"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("demo,software_domestic_share,seats,2027,forecast"));

        var breakdown = get("/orgs/{org}/breakdown", "/api/v1/orgs/demo/breakdown?dim=category&period=2026&format=csv", ministryViewer);
        JsonNode json = s.get("/api/v1/orgs/demo/breakdown?dim=category&period=2026", ministryViewer).json();
        assertThat(breakdown.body().lines().count()).isEqualTo(json.get("rows").size() + 1L);
        assertThat(breakdown.body()).contains("Офисные приложения");

        for (String path : List.of("tree", "top-foreign", "targets")) {
            var r = s.get("/api/v1/orgs/demo/" + path + "?format=csv", ministryViewer);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.contentType()).startsWith("text/csv");
        }
        assertThat(s.get("/api/v1/orgs/demo/tree?format=xml", ministryViewer).status()).isEqualTo(400);
    }

    @Test
    void breakdownsAndTopForeign() {
        for (String dim : List.of("category", "country", "platform", "vendor")) {
            JsonNode b = get("/orgs/{org}/breakdown", "/api/v1/orgs/demo/breakdown?dim=" + dim, ministryViewer).json();
            assertThat(b.get("period").asText()).isEqualTo("2026");
            assertThat(b.get("rows").size()).as(dim).isPositive();
        }
        JsonNode country = s.get("/api/v1/orgs/demo/breakdown?dim=country&basis=spend", ministryViewer).json();
        assertThat(country.get("rows")).anySatisfy(r -> assertThat(r.get("key").asText()).isEqualTo("RU"));
        JsonNode top = get("/orgs/{org}/top-foreign", "/api/v1/orgs/demo/top-foreign?limit=5", ministryViewer).json();
        assertThat(top.get("rows").size()).isEqualTo(5);
        assertThat(top.at("/rows/0/seats").asLong()).isGreaterThanOrEqualTo(top.at("/rows/1/seats").asLong());
        assertThat(top.at("/rows/0/alternatives").size()).isPositive();
        assertThat(s.get("/api/v1/orgs/demo/breakdown?dim=colour", ministryViewer).status()).isEqualTo(400);
        assertThat(s.get("/api/v1/orgs/demo/measures?basis=euros", ministryViewer).status()).isEqualTo(400);
        assertThat(s.get("/api/v1/orgs/demo/top-foreign?period=last", ministryViewer).status()).isEqualTo(400);
    }

    @Test
    void parentsReadBelowThemselvesOnly() {
        assertThat(get("/orgs/{org}/measures", "/api/v1/orgs/demo-nalog-msk/measures", ministryViewer).status()).isEqualTo(200);
        assertThat(s.get("/api/v1/orgs/demo-nalog-msk/audits", ministryViewer).status()).isEqualTo(200); // the drill-down reads audits too
        assertThat(get("/orgs/{org}/measures", "/api/v1/orgs/demo-nalog-msk/measures", agencyViewer).status()).isEqualTo(200);
        assertThat(get("/orgs/{org}/measures", "/api/v1/orgs/demo-stat/measures", agencyViewer).status()).isEqualTo(403);
        assertThat(get("/orgs/{org}/tree", "/api/v1/orgs/demo/tree", agencyViewer).status()).isEqualTo(403);
        assertThat(get("/orgs/{org}/top-foreign", "/api/v1/orgs/demo/top-foreign", outsider).status()).isEqualTo(403);
        assertThat(get("/orgs/{org}/measures", "/api/v1/orgs/demo/measures", null).status()).isEqualTo(401);
        assertThat(get("/orgs/{org}/tree", "/api/v1/orgs/nowhere/tree", s.key("demo", Role.VIEWER)).status()).isEqualTo(403);
    }

    @Test
    void ownTargetsNeedAnAdminAndApplyBelow() {
        String path = "/api/v1/orgs/demo-nalog/targets/software_domestic_share";
        var denied = s.sendJson("PUT", path, agencyViewer, Map.of("value", 0.95, "year", 2028));
        OpenApi.assertConforms("PUT", "/orgs/{org}/targets/{measure}", denied);
        assertThat(denied.status()).isEqualTo(403);
        var ok = s.sendJson("PUT", path, agencyAdmin, Map.of("value", 0.95, "year", 2028));
        OpenApi.assertConforms("PUT", "/orgs/{org}/targets/{measure}", ok);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("org").asText()).isEqualTo("demo-nalog");
        JsonNode unit = get("/orgs/{org}/targets", "/api/v1/orgs/demo-nalog-spb/targets", agencyViewer).json().get("targets");
        assertThat(unit).filteredOn(t -> t.get("effective").asBoolean() && t.get("measure").asText().equals("software_domestic_share"))
                .singleElement().satisfies(t -> {
                    assertThat(t.get("value").asDouble()).isEqualTo(0.95);
                    assertThat(t.get("year").asInt()).isEqualTo(2028);
                });
        JsonNode measure = s.get("/api/v1/orgs/demo-nalog/measures", agencyViewer).json().at("/measures/0");
        assertThat(measure.at("/target/org").asText()).isEqualTo("demo-nalog");
        assertThat(measure.at("/forecast/points").size()).isEqualTo(2); // 2027 and 2028
        var bad = s.sendJson("PUT", path, agencyAdmin, Map.of("value", 1.5, "year", 2028));
        OpenApi.assertConforms("PUT", "/orgs/{org}/targets/{measure}", bad);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(s.sendJson("PUT", "/api/v1/orgs/demo-nalog/targets/happiness", agencyAdmin, Map.of("value", 0.5, "year", 2028)).status())
                .isEqualTo(400);
    }

    @Test
    void theProgressReportReadsBackAsJsonXlsxAndPdf() throws Exception {
        JsonNode json = get("/orgs/{org}/report", "/api/v1/orgs/demo/report?period=2026", ministryViewer).json();
        assertThat(json.get("period").asText()).isEqualTo("2026");
        assertThat(json.get("plan").size()).isPositive();
        assertThat(json.at("/measures/0/title").asText()).isEqualTo("Доля отечественного ПО");

        byte[] xlsx = bytes("/api/v1/orgs/demo/report?period=2026&format=xlsx&lang=en");
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var text = new StringBuilder();
            wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> text.append(cell).append(' '))));
            assertThat(text).contains("Domestic software share", "Plan: the next replacements", "Top gaps");
        }

        assumeTrue(PdfFonts.find() != null, "no Unicode TrueType font on this machine for PDF export");
        byte[] pdf = bytes("/api/v1/orgs/demo/report?format=pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var reader = new PdfReader(pdf)) {
            var extractor = new PdfTextExtractor(reader);
            var text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) text.append(extractor.getTextFromPage(page)).append('\n');
            assertThat(text).contains("Отчёт о ходе импортозамещения", "Министерство цифрового развития", "Показатели и цели", "План");
        }
    }

    private static byte[] bytes(String path) throws IOException, InterruptedException {
        var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.server.url() + path.substring(1)))
                .header("Authorization", "Bearer " + ministryViewer).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
