package ru.zamena.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.zamena.app.compliance.ComplianceService;
import ru.zamena.app.compliance.DecisionJson;
import ru.zamena.core.compliance.ProcurementItem;
import ru.zamena.ingest.procurement.ItemSink;
import ru.zamena.ingest.procurement.ProcurementReaders;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/check}: the same cases through the engine directly and through REST give the same answers. */
class CheckApiTest {
    static TestServer s;

    static final String CASES = """
            id,date,law,kii,okpd2,name,origin_country,registry_number,price
            sw-before,2015-12-31,44-FZ,false,58.29.12,Foreign CAD,US,,1
            sw-on,2016-01-01,44-FZ,false,58.29.12,Foreign CAD,US,,1
            sw-registered,2016-01-01,44-FZ,false,58.29.12,Domestic CAD,RU,1234,1
            kii-2024,2024-12-31,none,true,58.29.12,Foreign DB,US,,1
            kii-2025,2025-01-01,none,true,58.29.12,Foreign DB,US,,1
            laptop-2024,2024-12-31,44-FZ,false,26.20.11.110,Laptop,CN,,1
            laptop-2025,2025-01-01,44-FZ,false,26.20.11.110,Laptop,CN,,1
            switch-2025,2025-01-01,44-FZ,false,26.30.11.110,Switch,CN,,1
            paper-223,2025-01-01,223-FZ,false,17.12.14,Paper,FI,,1
            bad-law,2025-01-01,45-FZ,false,17.12.14,Paper,FI,,1
            """;

    @BeforeAll
    static void start() {
        s = TestServer.start(CheckApiTest.class);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static JsonNode post(String query, String body) throws Exception {
        var req = HttpRequest.newBuilder(URI.create(s.server.url() + "api/v1/check" + query))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        var res = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json = TestServer.JSON.readTree(res.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("_status", res.statusCode());
        return json;
    }

    @Test
    void restGivesWhatTheEngineGives() throws Exception {
        // the engine, directly: read the same CSV, decide each item
        var direct = new ArrayList<Map<String, Object>>();
        var service = s.zamena.compliance();
        ProcurementReaders.read(new StringReader(CASES), "cases", ProcurementReaders.Defaults.NONE, new ItemSink() {
            @Override public void item(ProcurementItem item) {
                try {
                    direct.add(DecisionJson.of(service.decide(item, ComplianceService.Options.of("ru")), "en"));
                } catch (ru.zamena.core.compliance.ItemRejectedException e) {
                    // rejected by the engine: not in the decided list either way
                }
            }
            @Override public void rejected(ru.zamena.ingest.InputException problem) {}
        });
        JsonNode rest = post("", CASES);
        assertThat(rest.get("_status").asInt()).isEqualTo(200);
        assertThat(TestServer.JSON.convertValue(rest.get("items"), List.class)).isEqualTo(TestServer.JSON.convertValue(direct, List.class));
        assertThat(rest.get("items")).extracting(j -> j.get("id").asText() + "=" + j.get("verdict").asText()).containsExactly(
                "sw-on=JUSTIFICATION_REQUIRED", "sw-registered=ALLOWED", "kii-2024=ALLOWED", "kii-2025=PROHIBITED",
                "laptop-2024=RESTRICTED", "laptop-2025=PROHIBITED", "switch-2025=RESTRICTED", "paper-223=PREFERENCE");
        assertThat(rest.get("rejected")).extracting(j -> j.get("id").asText()).containsExactly("sw-before", "null");
        assertThat(rest.get("rejected").get(1).get("error").asText()).contains("unknown procurement law '45-FZ'");
        assertThat(rest.get("counts").get("read").asInt()).isEqualTo(10);
        assertThat(rest.get("counts").get("decided").asInt()).isEqualTo(8);
    }

    @Test
    void russianReasonsAndWhatIfDate() throws Exception {
        JsonNode rest = post("?lang=ru&date=2024-06-01", "id,date,law,kii,okpd2,name,origin_country,registry_number,price\nL,2025-06-01,44-FZ,false,26.20.11,Ноутбук,CN,,1\n");
        JsonNode item = rest.get("items").get(0);
        assertThat(item.get("verdict").asText()).isEqualTo("RESTRICTED");
        assertThat(item.get("rules").get(0).get("ref").asText()).startsWith("Постановление Правительства Российской Федерации № 878");
    }

    @Test
    void badInputIsAProblem() throws Exception {
        JsonNode xxe = post("", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        assertThat(xxe.get("_status").asInt()).isEqualTo(400);
        assertThat(xxe.get("detail").asText()).contains("DOCTYPE");
        assertThat(post("?date=tomorrow", "x").get("_status").asInt()).isEqualTo(400);
        assertThat(post("?profile=xx", "id\n").get("_status").asInt()).isEqualTo(400);
    }

    @Test
    void justificationDraftOnRequest() throws Exception {
        JsonNode rest = post("?justification=true", CASES);
        assertThat(rest.get("items").get(0).get("justification").asText()).startsWith("DRAFT").contains("Foreign CAD", "Decree No. 1236");
        assertThat(rest.get("items").get(1).get("justification").isNull()).isTrue();
        assertThat(post("", CASES).get("items").get(0).has("justification")).isFalse();
    }

    @Test
    void euProfileAndSovereigntyScore() throws Exception {
        JsonNode eu = post("?profile=eu", "id,date,law,kii,okpd2,name,origin_country,registry_number,price,cpv\nx,2024-01-01,none,false,,PC,CN,,1,30213300\n");
        assertThat(eu.get("items").get(0).get("verdict").asText()).isEqualTo("PREFERENCE");
        var req = HttpRequest.newBuilder(URI.create(s.server.url() + "api/v1/sovereignty"))
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString("""
                        service: Example
                        objectives: {SOV-1: 4, SOV-2: 4, SOV-3: 4, SOV-4: 4, SOV-5: 4, SOV-6: 4, SOV-7: 4, SOV-8: 1}
                        """, StandardCharsets.UTF_8)).build();
        var res = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode score = TestServer.JSON.readTree(res.body());
        assertThat(score.get("score").asDouble()).isEqualTo(96.25);
        assertThat(score.get("level").asText()).isEqualTo("SEAL-1");
        assertThat(score.get("limited_by")).extracting(JsonNode::asText).containsExactly("SOV-8");
        var bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.server.url() + "api/v1/sovereignty"))
                .POST(HttpRequest.BodyPublishers.ofString("service: X\nobjectives: {SOV-1: 9}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("objectives.SOV-1");
    }
}
