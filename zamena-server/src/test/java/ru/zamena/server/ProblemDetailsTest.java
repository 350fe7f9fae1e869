package ru.zamena.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.zamena.core.tenancy.Role;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.zamena.server.OpenApi.assertConforms;
import static ru.zamena.server.TestServer.enc;

/** Every failure is an RFC 9457 problem: right status, application/problem+json, the five members, no internals. */
class ProblemDetailsTest {
    static TestServer s;
    static String admin;

    @BeforeAll
    static void start() {
        s = TestServer.start(ProblemDetailsTest.class);
        s.createOrg("acme", false);
        admin = s.key("acme", Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static JsonNode problem(TestServer.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("type").asText()).isEqualTo("about:blank");
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("detail").asText()).isNotBlank();
        assertThat(p.get("instance").asText()).startsWith("/");
        assertThat(r.body()).doesNotContain("Exception", "\tat ", "ru.zamena", "jdbc:", "SQL");
        return p;
    }

    @ParameterizedTest(name = "{0} -> 400 ({1})")
    @CsvSource({
            "/api/v1/products?limit=0, limit",
            "/api/v1/products?limit=101, limit",
            "/api/v1/products?limit=ten, limit",
            "/api/v1/products?kind=furniture, kind",
            "/api/v1/products?origin=martian, origin",
            "/api/v1/products?country=Russia, country",
            "/api/v1/products?cursor=not-a-cursor, cursor",
            "/api/v1/vendors?cursor=AAAA, cursor",
            "/api/v1/vendors?limit=-1, limit",
    })
    void badParametersAre400AndNameTheParameter(String path, String parameter) {
        var r = s.get(path);
        JsonNode p = problem(r, 400);
        assertThat(p.get("parameter").asText()).isEqualTo(parameter);
        assertThat(p.get("instance").asText()).isEqualTo(path.substring(0, path.indexOf('?')));
        assertConforms("GET", path.startsWith("/api/v1/products") ? "/products" : "/vendors", r);
    }

    @Test
    void aCursorOfAnotherQueryIsRefused() {
        String cursor = s.get("/api/v1/products?limit=2").json().get("next_cursor").asText();
        assertThat(s.get("/api/v1/products?limit=2&cursor=" + enc(cursor)).status()).isEqualTo(200);
        JsonNode p = problem(s.get("/api/v1/products?limit=2&category=dbms&cursor=" + enc(cursor)), 400);
        assertThat(p.get("detail").asText()).contains("different query");
        // A products cursor is not a vendors cursor either.
        problem(s.get("/api/v1/vendors?cursor=" + enc(cursor)), 400);
    }

    @Test
    void unknownPlatformIs400AndListsTheKnownOnes() {
        var r = s.get("/api/v1/products/microsoft-office/alternatives?os=beos");
        JsonNode p = problem(r, 400);
        assertThat(p.get("detail").asText()).contains("unknown os 'beos'").contains("astra-se");
        assertConforms("GET", "/products/{id}/alternatives", r);
    }

    @Test
    void missingThingsAre404() {
        var product = s.get("/api/v1/products/no-such-product");
        assertThat(problem(product, 404).get("detail").asText()).isEqualTo("product 'no-such-product' not found");
        assertConforms("GET", "/products/{id}", product);
        assertConforms("GET", "/vendors/{id}", s.get("/api/v1/vendors/no-such-vendor"));
        assertThat(problem(s.get("/api/v1/products/zzqxwvj/alternatives"), 404).get("detail").asText()).contains("zzqxwvj");
        assertThat(problem(s.get("/api/v1/no-such-route"), 404).get("instance").asText()).isEqualTo("/api/v1/no-such-route");
        problem(s.get("/no-such-page.html"), 404);
        problem(s.send("DELETE", "/api/v1/orgs/acme/aliases/" + enc("нет такого"), admin, null, null), 404);
    }

    @Test
    void wrongMethodIs405() {
        assertThat(problem(s.send("DELETE", "/api/v1/products", null, null, null), 405).get("detail").asText())
                .isEqualTo("DELETE is not allowed on /api/v1/products");
    }

    @Test
    void missingOrInvalidKeyIs401WithAChallenge() {
        var none = s.get("/api/v1/orgs");
        problem(none, 401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertConforms("GET", "/orgs", none);
        // A key that is presented is checked even where none is needed.
        problem(s.get("/api/v1/products", "zk_deadbeef_notarealkeyatall"), 401);
        var basic = s.send("GET", "/api/v1/products", null, null, null);
        assertThat(basic.status()).isEqualTo(200);
    }

    @Test
    void badBodiesAre400WithoutJavaNames() {
        byte[] notJson = "{\"slug\": ".getBytes(StandardCharsets.UTF_8);
        problem(s.send("POST", "/api/v1/orgs/acme/api-keys", admin, "application/json", notJson), 400);
        JsonNode unknownField = problem(s.sendJson("POST", "/api/v1/orgs/acme/api-keys", admin,
                java.util.Map.of("name", "ci", "role", "viewer", "scope", "all")), 400);
        assertThat(unknownField.get("detail").asText()).isEqualTo("unknown field 'scope' in the request body");
        JsonNode badRole = problem(s.sendJson("POST", "/api/v1/orgs/acme/api-keys", admin, java.util.Map.of("name", "ci", "role", "root")), 400);
        assertThat(badRole.get("parameter").asText()).isEqualTo("role");
        problem(s.send("PUT", "/api/v1/orgs/acme/aliases/x", admin, "application/json", new byte[0]), 400);
        JsonNode noLetters = problem(s.sendJson("PUT", "/api/v1/orgs/acme/aliases/" + enc("--"), admin, java.util.Map.of("product_id", "libreoffice")), 400);
        assertThat(noLetters.get("detail").asText()).contains("alias");
    }

    @Test
    void tooLargeJsonBodyIs413() {
        byte[] big = ("{\"name\":\"" + "x".repeat(2 << 20) + "\",\"role\":\"viewer\"}").getBytes(StandardCharsets.UTF_8);
        problem(s.send("POST", "/api/v1/orgs/acme/api-keys", admin, "application/json", big), 413);
    }
}
