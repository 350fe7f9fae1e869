package ru.zamena.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ru.zamena.core.catalog.SearchQuery;
import ru.zamena.core.tenancy.Caller;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.zamena.server.OpenApi.assertConforms;
import static ru.zamena.server.TestServer.enc;

/**
 * The W3C reconciliation service over HTTP, on the real curated catalog (data/) in PostgreSQL, as
 * OpenRefine uses it. Every JSON answer is checked against the specification's JSON schemas (when
 * the shared fixtures are present) and against openapi.yaml.
 */
class ReconciliationApiTest {
    static final String R = "/api/v1/reconcile";
    static TestServer s;
    /** A product imported from a register file whose name carries markup. */
    static String scriptId;

    @BeforeAll
    static void start() throws IOException {
        Path root = Path.of(System.getProperty("zamena.root", "..")).toAbsolutePath().normalize();
        s = TestServer.start(ReconciliationApiTest.class, root.resolve("data"));
        // Register data comes from outside: a name with markup must reach the preview escaped.
        Path file = Files.createTempFile("reestr", ".csv");
        Files.writeString(file, """
                Registration number,Software name,Software class,Rights holder,INN,OGRN,Decision date,Order number,Website,Status,Excluded on,Exclusion reason,Trusted
                99901,"<script>alert('x')</script> Скрипт Офис & Co",02.05 Офисные приложения,ООО «Скрипт <b>»,,,2024-01-15,№ 1,,registered,,,false
                """, StandardCharsets.UTF_8);
        s.zamena.registry().importFile(Caller.localOperator(), file, null);
        Files.delete(file);
        scriptId = s.zamena.catalog().search(SearchQuery.of("Скрипт Офис")).getFirst().id();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    // ------------------------------------------------------------------ helpers

    /** Sends a batch the way OpenRefine does: POST, form-encoded field 'queries'. */
    static TestServer.Response post(String batchJson) {
        return post(R, "queries=" + enc(batchJson));
    }

    static TestServer.Response post(String path, String form) {
        var r = s.send("POST", path, null, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
        assertConforms("POST", "/reconcile", r);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
        return r;
    }

    static JsonNode reconcile(String batchJson) {
        var r = post(batchJson);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        ReconciliationSchemas.assertValid("reconciliation-result-batch.json", r.json());
        return r.json();
    }

    /** The candidates for one query given as its JSON object. */
    static JsonNode candidates(String queryJson) {
        return reconcile("{\"q0\": " + queryJson + "}").get("q0").get("result");
    }

    static JsonNode get(String template, String path, String schema) {
        var r = s.get(path);
        assertThat(r.status()).as("%s: %s", path, r.body()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertConforms("GET", template, r);
        if (schema != null) ReconciliationSchemas.assertValid(schema, r.json());
        return r.json();
    }

    static List<String> ids(JsonNode items) {
        var out = new ArrayList<String>();
        items.forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    static String q(String text) {
        return TestServer.JSON.valueToTree(Map.of("query", text)).toString();
    }

    static TestServer.Response bad(TestServer.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith(Problems.CONTENT_TYPE);
        return r;
    }

    // ------------------------------------------------------------------ the validator itself

    @Test
    void theSchemaCheckAcceptsTheSpecificationsValidExamplesAndRejectsItsInvalidOnes() {
        ReconciliationSchemas.assumePresent();
        assertThat(ReconciliationSchemas.valid("manifest.json", ReconciliationSchemas.example("manifest_valid_wikidata.json"))).isTrue();
        assertThat(ReconciliationSchemas.valid("manifest.json", ReconciliationSchemas.example("manifest_invalid_missing-version.json"))).isFalse();
        assertThat(ReconciliationSchemas.valid("reconciliation-result-batch.json",
                ReconciliationSchemas.example("reconciliation-result-batch_valid_example-full.json"))).isTrue();
        for (String invalid : List.of("missing-id", "no-result", "root-array"))
            assertThat(ReconciliationSchemas.valid("reconciliation-result-batch.json",
                    ReconciliationSchemas.example("reconciliation-result-batch_invalid_" + invalid + ".json"))).as(invalid).isFalse();
    }

    // ------------------------------------------------------------------ manifest

    @Test
    void theManifestDescribesTheServiceWithUrlsOfThisServer() {
        JsonNode m = get("/reconcile", R, "manifest.json");
        String base = s.server.url().replaceFirst("/$", "");
        assertThat(m.get("versions").toString()).contains("\"0.2\"");
        assertThat(m.get("identifierSpace").asText()).isEqualTo(base + "/api/v1/products/");
        assertThat(m.get("defaultTypes").get(0).get("id").asText()).isEqualTo("product");
        assertThat(m.get("batchSize").asInt()).isEqualTo(ReconciliationQuery.MAX_BATCH);
        // The view template opens the web page's product view, which the page addresses as #/product/<id>.
        assertThat(m.get("view").get("url").asText()).isEqualTo(base + "/#/product/{{id}}");
        assertThat(s.get("/app.js").body()).contains("'#/product/'");
        assertThat(m.get("preview").get("url").asText()).isEqualTo(base + R + "/preview?id={{id}}");
        assertThat(m.get("preview").get("width").asInt()).isEqualTo(ReconciliationPreview.WIDTH);
        assertThat(m.get("preview").get("height").asInt()).isEqualTo(ReconciliationPreview.HEIGHT);
        // Every service the manifest announces answers at the URL it gives.
        for (String kind : List.of("entity", "type", "property")) {
            JsonNode svc = m.get("suggest").get(kind);
            String url = svc.get("service_url").asText() + svc.get("service_path").asText();
            assertThat(url).startsWith(base);
            assertThat(s.get(url.substring(base.length()) + "?prefix=a").status()).as(url).isEqualTo(200);
        }
        JsonNode propose = m.get("extend").get("propose_properties");
        assertThat(s.get((propose.get("service_url").asText() + propose.get("service_path").asText()).substring(base.length()) + "?type=product")
                .status()).isEqualTo(200);
        // lang carries into the names and the preview URL.
        JsonNode ru = get("/reconcile", R + "?lang=ru", "manifest.json");
        assertThat(ru.get("defaultTypes").get(0).get("name").asText()).isEqualTo("Продукт");
        assertThat(ru.get("preview").get("url").asText()).endsWith("preview?id={{id}}&lang=ru");
    }

    // ------------------------------------------------------------------ queries

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "МойОфис | ncloudtech-myoffice",
            "MyOffice | ncloudtech-myoffice",
            "Moi Ofis | ncloudtech-myoffice",
            "1С:Предприятие | 1c-enterprise",
            "1C:Enterprise 8.3 | 1c-enterprise",
            "Microsoft Office Professional Plus 2019 | microsoft-office",
            "Kaspersky Endpoint Security 11.7 | kaspersky-endpoint-security",
            "Astra Linux | astra-linux-se",
            "ncloudtech-myoffice | ncloudtech-myoffice",
    })
    void aClearNameInAnyScriptIsASureMatch(String name, String id) {
        JsonNode result = candidates(q(name));
        JsonNode best = result.get(0);
        assertThat(best.get("id").asText()).isEqualTo(id);
        assertThat(best.get("match").asBoolean()).as("match for %s: %s", name, result).isTrue();
        assertThat(best.get("score").asDouble()).isBetween(90.0, 100.0);
        assertThat(best.get("type").findValuesAsText("id")).startsWith("product");
        assertThat(best.get("features").findValuesAsText("id")).contains("name");
        // Only the best can be a match, and the list is sorted by score.
        for (int i = 1; i < result.size(); i++) {
            assertThat(result.get(i).get("match").asBoolean()).isFalse();
            assertThat(result.get(i).get("score").asDouble()).isLessThanOrEqualTo(result.get(i - 1).get("score").asDouble());
        }
    }

    @Test
    void cyrillicAndLatinSpellingsFindTheSameProduct() {
        JsonNode batch = reconcile("{\"cyr\": " + q("МойОфис") + ", \"lat\": " + q("MyOffice") + ", \"translit\": " + q("Moi Ofis") + "}");
        assertThat(ids(batch.get("cyr").get("result"))).first().isEqualTo("ncloudtech-myoffice");
        assertThat(ids(batch.get("lat").get("result"))).first().isEqualTo("ncloudtech-myoffice");
        assertThat(ids(batch.get("translit").get("result"))).first().isEqualTo("ncloudtech-myoffice");
    }

    @Test
    void aNameOfManyProductsIsNoSureMatch() {
        // "Касперский" is the vendor: several of its products come close, none is chosen for the user.
        JsonNode result = candidates(q("Касперский"));
        assertThat(result.size()).isGreaterThan(2);
        assertThat(result).allSatisfy(c -> {
            assertThat(c.get("match").asBoolean()).isFalse();
            assertThat(c.get("description").asText()).startsWith("Kaspersky (RU)");
        });
    }

    @Test
    void candidatesDescribeVendorCountryCategoryOriginAndRegister() {
        JsonNode best = candidates(q("Microsoft Office")).get(0);
        assertThat(best.get("name").asText()).isEqualTo("Microsoft Office");
        assertThat(best.get("description").asText()).isEqualTo("Microsoft (US) · Office suites · foreign");
        assertThat(best.get("type").toString()).contains("{\"id\":\"office-suite\",\"name\":\"Office suites\"}");
        JsonNode script = candidates(q("Скрипт Офис")).get(0);
        assertThat(script.get("id").asText()).isEqualTo(scriptId);
        assertThat(script.get("description").asText()).endsWith("in the software register, № 99901");
        // In Russian when asked.
        var ru = post(R + "?lang=ru", "queries=" + enc("{\"q0\": " + q("Microsoft Office") + "}"));
        JsonNode ruBest = ru.json().get("q0").get("result").get(0);
        assertThat(ruBest.get("name").asText()).isEqualTo("Майкрософт Офис");
        assertThat(ruBest.get("description").asText()).contains("иностранный");
    }

    @Test
    void aBatchAnswersEveryQueryUnderItsOwnKey() {
        JsonNode batch = reconcile("{\"a\": " + q("PostgreSQL") + ", \"b\": " + q("Astra Linux") + ", \"c\": " + q("zzqxwv qqq") + "}");
        assertThat(batch.size()).isEqualTo(3);
        assertThat(ids(batch.get("a").get("result"))).first().isEqualTo("postgresql");
        assertThat(ids(batch.get("b").get("result"))).first().isEqualTo("astra-linux-se");
        assertThat(batch.get("c").get("result")).isEmpty();
        assertThat(reconcile("{}")).isEmpty();
    }

    @Test
    void aTypeNarrowsToACategory() {
        JsonNode any = candidates("{\"query\": \"Postgres\", \"limit\": 10}");
        assertThat(any.findValuesAsText("id")).contains("postgis"); // a GIS extension, not a DBMS
        JsonNode dbms = candidates("{\"query\": \"Postgres\", \"type\": \"dbms\", \"limit\": 10}");
        assertThat(dbms).isNotEmpty().allSatisfy(c -> assertThat(c.get("type").findValuesAsText("id")).contains("dbms"));
        assertThat(ids(dbms)).doesNotContain("postgis").contains("postgresql");
        JsonNode two = candidates("{\"query\": \"Postgres\", \"type\": [\"dbms\", \"maps-gis\"], \"limit\": 10}");
        assertThat(ids(two)).contains("postgis", "postgresql");
        assertThat(candidates("{\"query\": \"Postgres\", \"type\": \"product\", \"limit\": 10}").size()).isEqualTo(any.size());
    }

    @Test
    void aVendorByNameOrIdNarrowsTheCandidates() {
        JsonNode all = candidates("{\"query\": \"Мой Офис\", \"limit\": 10}");
        assertThat(all.findValuesAsText("description")).anyMatch(d -> !d.startsWith("New Cloud Technologies"));
        for (String vendor : List.of("ncloudtech", "New Cloud Technologies", "ООО «Новые облачные технологии»", "новые облачные технологии")) {
            JsonNode narrowed = candidates("{\"query\": \"Мой Офис\", \"limit\": 10, \"properties\": [{\"pid\": \"vendor\", \"v\": \"" + vendor + "\"}]}");
            assertThat(narrowed).as(vendor).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.get("description").asText()).startsWith("New Cloud Technologies (RU)"));
            assertThat(narrowed.get(0).get("id").asText()).isEqualTo("ncloudtech-myoffice");
            assertThat(narrowed.get(0).get("match").asBoolean()).as(vendor).isTrue();
            assertThat(narrowed.get(0).get("features").toString()).contains("{\"id\":\"vendor\",\"value\":true}");
        }
        JsonNode kaspersky = candidates("{\"query\": \"KES\", \"properties\": [{\"pid\": \"vendor\", \"v\": \"АО «Лаборатория Касперского»\"}]}");
        assertThat(ids(kaspersky)).first().isEqualTo("kaspersky-endpoint-security");
        // A reconciled value gives its id; several values mean any of them.
        JsonNode either = candidates("{\"query\": \"Office\", \"limit\": 10, \"properties\": [{\"pid\": \"vendor\", \"v\": [{\"id\": \"microsoft\", \"name\": \"MS\"}, \"R7\"]}]}");
        assertThat(either).isNotEmpty().allSatisfy(c -> assertThat(c.get("description").asText()).matches("(Microsoft|R7) \\(.*"));
        assertThat(ids(either)).contains("microsoft-office", "r7-office");
        assertThat(candidates("{\"query\": \"Мой Офис\", \"properties\": [{\"pid\": \"vendor\", \"v\": \"Oracle\"}]}")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RU", "ru", "Russia", "Россия", "Российская Федерация"})
    void aCountryByCodeOrNameNarrowsTheCandidates(String country) {
        JsonNode ru = candidates("{\"query\": \"Office\", \"limit\": 10, \"properties\": [{\"pid\": \"country\", \"v\": \"" + country + "\"}]}");
        assertThat(ru).isNotEmpty().allSatisfy(c -> assertThat(c.get("description").asText()).contains("(RU)"));
        assertThat(ids(ru)).doesNotContain("microsoft-office");
    }

    @Test
    void severalCountriesOrAnOriginNarrowToo() {
        JsonNode foreign = candidates("{\"query\": \"Office\", \"limit\": 10, \"properties\": [{\"pid\": \"country\", \"v\": [\"US\", \"CN\"]}]}");
        assertThat(foreign).isNotEmpty().allSatisfy(c -> assertThat(c.get("description").asText()).containsAnyOf("(US)", "(CN)"));
        assertThat(ids(foreign)).contains("microsoft-office");
        JsonNode domestic = candidates("{\"query\": \"Postgres\", \"limit\": 10, \"properties\": [{\"pid\": \"origin\", \"v\": \"domestic\"}]}");
        assertThat(domestic).isNotEmpty().allSatisfy(c -> assertThat(c.get("description").asText()).contains("domestic"));
        assertThat(ids(domestic)).doesNotContain("postgresql");
    }

    @Test
    void propertiesAloneListMatchingProducts() {
        JsonNode listed = candidates("{\"properties\": [{\"pid\": \"vendor\", \"v\": \"kaspersky\"}], \"limit\": 3}");
        assertThat(listed).hasSize(3).allSatisfy(c -> {
            assertThat(c.get("description").asText()).startsWith("Kaspersky (RU)");
            assertThat(c.get("match").asBoolean()).isFalse();
        });
    }

    @Test
    void limitCapsTheCandidates() {
        assertThat(candidates("{\"query\": \"Office\", \"limit\": 2}")).hasSize(2);
        assertThat(candidates("{\"query\": \"Office\"}")).hasSize(ReconciliationQuery.DEFAULT_LIMIT);
        assertThat(candidates("{\"query\": \"Office\", \"limit\": 1000}").size()).isLessThanOrEqualTo(ReconciliationQuery.MAX_LIMIT);
    }

    // ------------------------------------------------------------------ how queries arrive

    @Test
    void queriesArriveAsFormFieldQueryParameterOrJsonBody() {
        String batch = "{\"q0\": {\"query\": \"Astra Linux\", \"limit\": 1}}";
        JsonNode viaForm = reconcile(batch);
        var viaGet = s.get(R + "?queries=" + enc(batch));
        assertThat(viaGet.status()).isEqualTo(200);
        assertConforms("GET", "/reconcile", viaGet);
        assertThat(viaGet.json()).isEqualTo(viaForm);
        var viaJson = s.send("POST", R, null, "application/json", batch.getBytes(StandardCharsets.UTF_8));
        assertThat(viaJson.status()).isEqualTo(200);
        assertConforms("POST", "/reconcile", viaJson);
        assertThat(viaJson.json()).isEqualTo(viaForm);
    }

    @Test
    void aCallbackWrapsTheAnswerForJsonp() {
        String batch = "{\"q0\": {\"query\": \"Astra Linux\", \"limit\": 1}}";
        var viaGet = s.get(R + "?callback=jQuery123_456&queries=" + enc(batch));
        assertThat(viaGet.status()).isEqualTo(200);
        assertThat(viaGet.contentType()).startsWith("text/javascript");
        assertConforms("GET", "/reconcile", viaGet);
        assertThat(viaGet.body()).startsWith("/**/jQuery123_456({\"q0\":").endsWith(");");
        var viaForm = post(R, "callback=cb.handle&queries=" + enc(batch));
        assertThat(viaForm.body()).startsWith("/**/cb.handle({\"q0\":");
        assertThat(s.get(R + "?callback=cb").body()).startsWith("/**/cb({\"versions\"");
        // A callback that is not a plain name could inject script.
        assertThat(bad(s.get(R + "?callback=" + enc("alert(document.cookie)//"))).json().get("parameter").asText()).isEqualTo("callback");
    }

    // ------------------------------------------------------------------ malformed queries

    @Test
    void malformedBatchesAreClearBadRequests() {
        var notJson = bad(post(R, "queries=" + enc("{\"q0\": {\"query\": \"Office\"")));
        assertThat(notJson.json().get("parameter").asText()).isEqualTo("queries");
        assertThat(notJson.json().get("detail").asText()).startsWith("queries is not valid JSON (line 1, column");
        assertThat(bad(post("[\"Office\"]")).json().get("detail").asText()).contains("JSON object of queries");
        assertThat(bad(post("{\"q0\": \"Office\"}")).json().get("detail").asText()).contains("query 'q0' must be a JSON object");
        assertThat(bad(post("{\"q0\": {\"query\": 42}}")).json().get("detail").asText()).contains("'query' must be a string");
        assertThat(bad(post("{\"q0\": {\"query\": \"Office\", \"limit\": 0}}")).json().get("detail").asText()).contains("'limit' must be a positive whole number");
        assertThat(bad(post("{\"q0\": {\"query\": \"Office\", \"type\": \"person\"}}")).json().get("detail").asText()).contains("unknown type 'person'");
        assertThat(bad(post("{\"q0\": {\"query\": \"Office\", \"properties\": [{\"pid\": \"colour\", \"v\": \"red\"}]}}")).json().get("detail").asText())
                .contains("unknown property 'colour'");
        assertThat(bad(post("{\"q0\": {\"query\": \"Office\", \"properties\": [{\"pid\": \"alternatives\", \"v\": \"x\"}]}}")).json().get("detail").asText())
                .contains("can be fetched with data extension");
        assertThat(bad(post("{\"q0\": {\"query\": \"Office\", \"properties\": [{\"pid\": \"country\", \"v\": \"Narnia\"}]}}")).json().get("detail").asText())
                .contains("country 'Narnia'");
        assertThat(bad(post("{\"q0\": {\"query\": \"Office\", \"properties\": [{\"pid\": \"origin\", \"v\": \"alien\"}]}}")).json().get("detail").asText())
                .contains("origin 'alien'");
        assertThat(bad(post("{\"q0\": {\"query\": \"  \"}}")).json().get("detail").asText()).contains("needs a non-empty 'query'");
        assertThat(bad(s.send("POST", R, null, "application/x-www-form-urlencoded", new byte[0])).json().get("detail").asText()).startsWith("nothing to do");
        var big = new StringBuilder("{");
        for (int i = 0; i <= ReconciliationQuery.MAX_BATCH; i++) big.append(i == 0 ? "" : ",").append("\"q").append(i).append("\": ").append(q("Office"));
        var tooMany = post(big.append("}").toString());
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.json().get("detail").asText()).contains("at most " + ReconciliationQuery.MAX_BATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty-properties", "empty-query", "misnamed-property"})
    void theSpecificationsInvalidQueryBatchesAreRefused(String example) {
        ReconciliationSchemas.assumePresent();
        JsonNode batch = ReconciliationSchemas.example("reconciliation-query-batch_invalid_" + example + ".json");
        assertThat(ReconciliationSchemas.valid("reconciliation-query-batch.json", batch)).isFalse();
        assertThat(bad(post(batch.toString())).json().get("parameter").asText()).isEqualTo("queries");
    }

    @Test
    void theBatchesThisTestSendsAreValidQueries() {
        ReconciliationSchemas.assumePresent();
        for (String batch : List.of("{\"q0\": {\"query\": \"Мой Офис\", \"type\": [\"dbms\", \"maps-gis\"], \"limit\": 10, \"type_strict\": \"should\","
                + " \"properties\": [{\"pid\": \"vendor\", \"v\": [{\"id\": \"microsoft\", \"name\": \"MS\"}, \"R7\"]}, {\"pid\": \"country\", \"v\": \"RU\"}]}}",
                "{\"q0\": {\"properties\": [{\"pid\": \"vendor\", \"v\": \"kaspersky\"}], \"limit\": 3}}")) {
            assertThat(ReconciliationSchemas.valid("reconciliation-query-batch.json", parse(batch))).as(batch).isTrue();
            reconcile(batch);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return TestServer.JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------ suggest

    @Test
    void suggestEntityCompletesNamesInAnyScript() {
        JsonNode cyr = get("/reconcile/suggest/entity", R + "/suggest/entity?prefix=" + enc("МойОф"), "suggest-entities-response.json");
        assertThat(ids(cyr.get("result"))).contains("ncloudtech-myoffice");
        JsonNode byId = get("/reconcile/suggest/entity", R + "/suggest/entity?prefix=microsoft-office", "suggest-entities-response.json");
        assertThat(ids(byId.get("result"))).first().isEqualTo("microsoft-office");
        assertThat(byId.get("result").get(0).get("notable").findValuesAsText("id")).containsExactly("product", "office-suite");
        JsonNode next = get("/reconcile/suggest/entity", R + "/suggest/entity?prefix=Kaspersky&cursor=2", "suggest-entities-response.json");
        JsonNode first = get("/reconcile/suggest/entity", R + "/suggest/entity?prefix=Kaspersky", "suggest-entities-response.json");
        assertThat(ids(first.get("result")).subList(2, 5)).isEqualTo(ids(next.get("result")).subList(0, 3));
        assertThat(get("/reconcile/suggest/entity", R + "/suggest/entity", "suggest-entities-response.json").get("result")).isEmpty();
        // A category as type narrows; other types (what the column was reconciled against elsewhere) do not.
        JsonNode dbms = get("/reconcile/suggest/entity", R + "/suggest/entity?prefix=Post&type=dbms", "suggest-entities-response.json");
        assertThat(dbms.get("result")).isNotEmpty().allSatisfy(e -> assertThat(e.get("notable").findValuesAsText("id")).contains("dbms"));
        assertThat(get("/reconcile/suggest/entity", R + "/suggest/entity?prefix=Post&type=Q5", null).get("result").size())
                .isGreaterThanOrEqualTo(dbms.get("result").size());
        assertThat(bad(s.get(R + "/suggest/entity?prefix=a&cursor=-1")).json().get("parameter").asText()).isEqualTo("cursor");
    }

    @Test
    void suggestTypeGivesProductAndCategories() {
        JsonNode all = get("/reconcile/suggest/type", R + "/suggest/type", "suggest-types-response.json");
        assertThat(ids(all.get("result"))).first().isEqualTo("product");
        assertThat(ids(all.get("result"))).contains("dbms", "office-suite");
        JsonNode office = get("/reconcile/suggest/type", R + "/suggest/type?prefix=" + enc("офис") + "&lang=ru", "suggest-types-response.json");
        assertThat(ids(office.get("result"))).contains("office-suite");
        JsonNode suite = office.get("result").get(ids(office.get("result")).indexOf("office-suite"));
        assertThat(suite.get("name").asText()).isEqualTo("Офисные приложения");
        assertThat(suite.get("broader").findValuesAsText("id")).containsExactly("product");
    }

    @Test
    void suggestPropertyGivesWhatQueriesAndExtensionUnderstand() {
        JsonNode all = get("/reconcile/suggest/property", R + "/suggest/property", "suggest-properties-response.json");
        assertThat(ids(all.get("result"))).containsExactly("vendor", "country", "origin", "category", "registry", "alternatives");
        assertThat(ids(get("/reconcile/suggest/property", R + "/suggest/property?prefix=" + enc("стра") + "&lang=ru", "suggest-properties-response.json")
                .get("result"))).containsExactly("country");
    }

    // ------------------------------------------------------------------ preview

    @Test
    void previewIsASmallHtmlCard() {
        var r = s.get(R + "/preview?id=microsoft-office");
        assertThat(r.status()).isEqualTo(200);
        assertConforms("GET", "/reconcile/preview", r);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(r.header("Content-Security-Policy")).contains("default-src 'none'").doesNotContain("frame-ancestors");
        assertThat(r.body()).contains("<h1>Microsoft Office</h1>", "Microsoft · \uD83C\uDDFA\uD83C\uDDF8 US", "foreign", "Office suites",
                "Alternatives", "MyOffice Standard").doesNotContain("<script", "src=", "href=");
        var ru = s.get(R + "/preview?id=microsoft-office&lang=ru");
        assertThat(ru.body()).contains("<html lang=\"ru\">", "<h1>Майкрософт Офис</h1>", "иностранный", "Альтернативы");
    }

    @Test
    void previewLanguageFollowsAcceptLanguage() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(s.server.url() + "api/v1/reconcile/preview?id=ncloudtech-myoffice"))
                .header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5").build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        assertThat(body).contains("<h1>МойОфис Стандартный</h1>", "Заменяет");
    }

    @Test
    void previewEscapesMarkupFromTheRegister() {
        var r = s.get(R + "/preview?id=" + enc(scriptId));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("<script", "<b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Скрипт Офис &amp; Co", "№ 99901");
    }

    @Test
    void previewOfNothingIsAProblem() {
        var missing = s.get(R + "/preview?id=no-such-product");
        assertThat(missing.status()).isEqualTo(404);
        assertConforms("GET", "/reconcile/preview", missing);
        assertThat(bad(s.get(R + "/preview")).json().get("parameter").asText()).isEqualTo("id");
    }

    // ------------------------------------------------------------------ data extension

    @Test
    void dataExtensionFetchesPropertiesOfReconciledProducts() {
        String query = "{\"ids\": [\"microsoft-office\", \"" + scriptId + "\", \"no-such-product\"], \"properties\": [{\"id\": \"vendor\"}, {\"id\": \"country\"},"
                + " {\"id\": \"origin\"}, {\"id\": \"category\"}, {\"id\": \"registry\"}, {\"id\": \"alternatives\", \"settings\": {\"limit\": \"2\"}}]}";
        ReconciliationSchemas.assertValid("data-extension-query.json", parse(query));
        var r = post(R, "extend=" + enc(query));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode ext = r.json();
        ReconciliationSchemas.assertValid("data-extension-response.json", ext);
        assertThat(ids(ext.get("meta"))).containsExactly("vendor", "country", "origin", "category", "registry", "alternatives");
        JsonNode office = ext.get("rows").get("microsoft-office");
        assertThat(office.get("vendor").toString()).isEqualTo("[{\"str\":\"Microsoft\"}]");
        assertThat(office.get("country").toString()).isEqualTo("[{\"str\":\"US\"}]");
        assertThat(office.get("origin").toString()).isEqualTo("[{\"str\":\"foreign\"}]");
        assertThat(office.get("registry")).isEmpty();
        assertThat(office.get("alternatives")).hasSize(2);
        assertThat(office.get("alternatives").get(0).get("id").asText()).isEqualTo("ncloudtech-myoffice");
        assertThat(ext.get("rows").get(scriptId).get("registry").toString()).isEqualTo("[{\"str\":\"99901\"}]");
        assertThat(ext.get("rows").get("no-such-product").get("vendor")).isEmpty();
        var viaGet = s.get(R + "?extend=" + enc(query));
        assertThat(viaGet.json()).isEqualTo(ext);
        assertThat(bad(post(R, "extend=" + enc("{\"ids\": [\"x\"], \"properties\": [{\"id\": \"colour\"}]}"))).json().get("parameter").asText())
                .isEqualTo("extend");
    }

    @Test
    void propertyProposalsListWhatExtensionFetches() {
        JsonNode p = get("/reconcile/properties", R + "/properties?type=dbms&limit=2", "data-extension-property-proposal.json");
        assertThat(p.get("type").asText()).isEqualTo("dbms");
        assertThat(ids(p.get("properties"))).containsExactly("vendor", "country");
        assertThat(bad(s.get(R + "/properties?type=person")).json().get("parameter").asText()).isEqualTo("type");
    }

    // ------------------------------------------------------------------ CORS

    @Test
    void everyPathAllowsOtherOriginsIncludingPreflight() throws Exception {
        var http = HttpClient.newHttpClient();
        for (String path : ReconciliationRoutes.PATHS) {
            var preflight = HttpRequest.newBuilder(URI.create(s.server.url() + "api/v1" + path))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://openrefine.example:3333")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "content-type").build();
            var r = http.send(preflight, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(204);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue("*");
            assertThat(r.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET", "POST");
            assertThat(r.headers().firstValue("Access-Control-Allow-Headers").orElse("")).containsIgnoringCase("content-type");
        }
        // Errors too, so a page can read what was wrong.
        assertThat(bad(s.get(R + "?queries=nope")).header("Access-Control-Allow-Origin")).isEqualTo("*");
        // Only this service: the rest of the API stays same-origin.
        assertThat(s.get("/api/v1/products").header("Access-Control-Allow-Origin")).isNull();
    }
}
