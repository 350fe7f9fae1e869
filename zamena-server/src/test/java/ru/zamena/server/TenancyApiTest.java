package ru.zamena.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.zamena.server.OpenApi.assertConforms;
import static ru.zamena.server.TestServer.enc;

/**
 * Organisations over HTTP: a key acts for its own organisation only, roles limit what it may do,
 * revoked keys stop working and writes land in the audit log.
 */
class TenancyApiTest {
    static TestServer s;
    static String alphaAdmin, betaAdmin, opsAdmin;

    @BeforeAll
    static void start() {
        s = TestServer.start(TenancyApiTest.class);
        s.createOrg("alpha", false);
        s.createOrg("beta", false);
        s.createOrg("ops", true);
        alphaAdmin = s.key("alpha", Role.ADMIN);
        betaAdmin = s.key("beta", Role.ADMIN);
        opsAdmin = s.key("ops", Role.ADMIN);
        // beta's private data, which alpha must never see or change
        s.zamena.tenants().putAlias(Caller.localOperator(), "beta", "Офис Бета", "ncloudtech-myoffice", "beta's own name");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static TestServer.Response call(String method, String template, String path, String key, Object body) {
        var r = body == null ? s.send(method, path, key, null, null) : s.sendJson(method, path, key, body);
        assertConforms(method, template, r);
        return r;
    }

    static List<String> values(JsonNode array, String field) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void aKeySeesOnlyItsOwnOrganisation() {
        var r = call("GET", "/orgs", "/api/v1/orgs", alphaAdmin, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(values(r.json(), "slug")).containsExactly("alpha");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(call("GET", "/orgs/{org}", "/api/v1/orgs/alpha", alphaAdmin, null).json().get("slug").asText()).isEqualTo("alpha");
        assertThat(call("GET", "/orgs/{org}", "/api/v1/orgs/beta", alphaAdmin, null).status()).isEqualTo(403);
        // Whether an organisation exists is not disclosed to outsiders.
        assertThat(call("GET", "/orgs/{org}", "/api/v1/orgs/no-such-org", alphaAdmin, null).status()).isEqualTo(403);
    }

    @Test
    void anotherOrganisationsDataCannotBeReadOrWritten() {
        String betaKeyPrefix = s.zamena.tenants().apiKeys(Caller.localOperator(), "beta").getFirst().prefix();
        String alias = "/api/v1/orgs/beta/aliases/" + enc("Офис Бета");
        var attempts = List.of(
                call("GET", "/orgs/{org}/aliases", "/api/v1/orgs/beta/aliases", alphaAdmin, null),
                call("GET", "/orgs/{org}/aliases/{alias}", alias, alphaAdmin, null),
                call("PUT", "/orgs/{org}/aliases/{alias}", alias, alphaAdmin, Map.of("product_id", "libreoffice")),
                call("PUT", "/orgs/{org}/aliases/{alias}", "/api/v1/orgs/beta/aliases/new", alphaAdmin, Map.of("product_id", "libreoffice")),
                call("DELETE", "/orgs/{org}/aliases/{alias}", alias, alphaAdmin, null),
                call("GET", "/orgs/{org}/api-keys", "/api/v1/orgs/beta/api-keys", alphaAdmin, null),
                call("POST", "/orgs/{org}/api-keys", "/api/v1/orgs/beta/api-keys", alphaAdmin, Map.of("name", "intruder", "role", "admin")),
                call("DELETE", "/orgs/{org}/api-keys/{prefix}", "/api/v1/orgs/beta/api-keys/" + betaKeyPrefix, alphaAdmin, null),
                call("GET", "/orgs/{org}/audit-log", "/api/v1/orgs/beta/audit-log", alphaAdmin, null));
        for (var r : attempts) {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            // (instance echoes the caller's own request path; nothing else may mention beta's data)
            assertThat(r.json().get("detail").asText()).doesNotContain("Офис Бета", betaKeyPrefix, "ncloudtech");
        }
        // beta is untouched: its alias still points where it did, its key still works, no intruder key exists.
        var betaAliases = call("GET", "/orgs/{org}/aliases", "/api/v1/orgs/beta/aliases", betaAdmin, null).json();
        assertThat(betaAliases).singleElement().satisfies(a -> assertThat(a.get("product_id").asText()).isEqualTo("ncloudtech-myoffice"));
        assertThat(values(call("GET", "/orgs/{org}/api-keys", "/api/v1/orgs/beta/api-keys", betaAdmin, null).json(), "name"))
                .doesNotContain("intruder");
    }

    @Test
    void rolesLimitWhatAKeyMayDo() {
        var created = call("POST", "/orgs/{org}/api-keys", "/api/v1/orgs/alpha/api-keys", alphaAdmin, Map.of("name", "read only", "role", "viewer"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).as("a response with a secret is not cached").isEqualTo("no-store");
        String viewer = created.json().get("secret").asText();
        assertThat(viewer).startsWith("zk_" + created.json().get("prefix").asText());

        assertThat(call("POST", "/orgs/{org}/api-keys", "/api/v1/orgs/alpha/api-keys", viewer, Map.of("name", "escalate", "role", "admin")).status())
                .isEqualTo(403);
        assertThat(call("GET", "/orgs/{org}/api-keys", "/api/v1/orgs/alpha/api-keys", viewer, null).status()).isEqualTo(403);
        assertThat(call("GET", "/orgs/{org}/aliases", "/api/v1/orgs/alpha/aliases", viewer, null).status()).isEqualTo(200);
        assertThat(call("PUT", "/orgs/{org}/aliases/{alias}", "/api/v1/orgs/alpha/aliases/x1", viewer, Map.of("product_id", "libreoffice")).status())
                .isEqualTo(403);
        assertThat(call("GET", "/orgs/{org}/audit-log", "/api/v1/orgs/alpha/audit-log", viewer, null).status()).isEqualTo(403);

        String editor = call("POST", "/orgs/{org}/api-keys", "/api/v1/orgs/alpha/api-keys", alphaAdmin, Map.of("name", "editor", "role", "editor"))
                .json().get("secret").asText();
        assertThat(call("PUT", "/orgs/{org}/aliases/{alias}", "/api/v1/orgs/alpha/aliases/" + enc("Либра"), editor,
                Map.of("product_id", "libreoffice")).status()).isEqualTo(200);
        assertThat(call("POST", "/orgs/{org}/api-keys", "/api/v1/orgs/alpha/api-keys", editor, Map.of("name", "x", "role", "viewer")).status())
                .isEqualTo(403);
    }

    @Test
    void revokedKeysStopWorkingAtOnce() {
        JsonNode created = call("POST", "/orgs/{org}/api-keys", "/api/v1/orgs/alpha/api-keys", alphaAdmin,
                Map.of("name", "short-lived", "role", "admin")).json();
        String key = created.get("secret").asText(), prefix = created.get("prefix").asText();
        assertThat(s.get("/api/v1/orgs", key).status()).isEqualTo(200);

        assertThat(call("DELETE", "/orgs/{org}/api-keys/{prefix}", "/api/v1/orgs/alpha/api-keys/" + prefix, alphaAdmin, null).status()).isEqualTo(204);
        assertThat(call("GET", "/orgs", "/api/v1/orgs", key, null).status()).isEqualTo(401);
        // Also on public routes: a revoked key is an error, not anonymous access.
        assertThat(s.get("/api/v1/products", key).status()).isEqualTo(401);
        var listed = call("GET", "/orgs/{org}/api-keys", "/api/v1/orgs/alpha/api-keys", alphaAdmin, null).json();
        JsonNode info = null;
        for (JsonNode k : listed) if (k.get("prefix").asText().equals(prefix)) info = k;
        assertThat(info).isNotNull();
        assertThat(info.get("revoked_at").isNull()).isFalse();
        assertThat(listed.toString()).doesNotContain(key); // secrets are never listed
        assertThat(call("DELETE", "/orgs/{org}/api-keys/{prefix}", "/api/v1/orgs/alpha/api-keys/" + prefix, alphaAdmin, null).status()).isEqualTo(404);
    }

    @Test
    void aliasesRoundTripAndWritesAreAudited() {
        String path = "/api/v1/orgs/alpha/aliases/" + enc("MS Офис 2016");
        var put = call("PUT", "/orgs/{org}/aliases/{alias}", path, alphaAdmin, Map.of("product_id", "microsoft-office", "note", "how our inventory spells it"));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("alias").asText()).isEqualTo("MS Офис 2016");
        assertThat(put.json().get("created_by").asText()).startsWith("key:");

        // Aliases are matched ignoring case and punctuation.
        var get = call("GET", "/orgs/{org}/aliases/{alias}", "/api/v1/orgs/alpha/aliases/" + enc("ms офис-2016"), alphaAdmin, null);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.json().get("product_id").asText()).isEqualTo("microsoft-office");
        assertThat(values(call("GET", "/orgs/{org}/aliases", "/api/v1/orgs/alpha/aliases", alphaAdmin, null).json(), "alias")).contains("MS Офис 2016");

        assertThat(call("PUT", "/orgs/{org}/aliases/{alias}", "/api/v1/orgs/alpha/aliases/nope", alphaAdmin, Map.of("product_id", "no-such-product"))
                .status()).isEqualTo(404);
        assertThat(call("DELETE", "/orgs/{org}/aliases/{alias}", path, alphaAdmin, null).status()).isEqualTo(204);
        assertThat(call("GET", "/orgs/{org}/aliases/{alias}", path, alphaAdmin, null).status()).isEqualTo(404);

        var log = call("GET", "/orgs/{org}/audit-log", "/api/v1/orgs/alpha/audit-log?limit=500", alphaAdmin, null);
        assertThat(log.status()).isEqualTo(200);
        JsonNode entries = log.json();
        assertThat(values(entries, "action")).contains("alias.put", "alias.delete");
        JsonNode putEntry = null;
        for (JsonNode e : entries) if (e.get("action").asText().equals("alias.put") && e.get("target").asText().equals("MS Офис 2016")) putEntry = e;
        assertThat(putEntry).isNotNull();
        assertThat(putEntry.get("org").asText()).isEqualTo("alpha");
        assertThat(putEntry.get("actor").asText()).startsWith("key:");
        assertThat(putEntry.get("details").get("product").asText()).isEqualTo("microsoft-office");
        assertThat(values(entries, "org")).containsOnly("alpha");
        assertThat(call("GET", "/orgs/{org}/audit-log", "/api/v1/orgs/alpha/audit-log?limit=0", alphaAdmin, null).status()).isEqualTo(400);
    }

    @Test
    void keyCreationAndRevocationAreAudited() {
        JsonNode created = call("POST", "/orgs/{org}/api-keys", "/api/v1/orgs/alpha/api-keys", alphaAdmin, Map.of("name", "audited", "role", "viewer")).json();
        String prefix = created.get("prefix").asText();
        call("DELETE", "/orgs/{org}/api-keys/{prefix}", "/api/v1/orgs/alpha/api-keys/" + prefix, alphaAdmin, null);
        JsonNode entries = call("GET", "/orgs/{org}/audit-log", "/api/v1/orgs/alpha/audit-log", alphaAdmin, null).json();
        var forKey = new ArrayList<String>();
        entries.forEach(e -> { if (prefix.equals(e.get("target").asText())) forKey.add(e.get("action").asText()); });
        assertThat(forKey).containsExactly("api_key.revoke", "api_key.create"); // newest first
        assertThat(entries.toString()).doesNotContain(created.get("secret").asText());
    }

    @Test
    void onlyOperatorAdminsCreateOrganisations() {
        Map<String, Object> gamma = Map.of("slug", "gamma", "name", "Gamma ministry");
        assertThat(call("POST", "/orgs", "/api/v1/orgs", alphaAdmin, gamma).status()).isEqualTo(403);
        var created = call("POST", "/orgs", "/api/v1/orgs", opsAdmin, gamma);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/orgs/gamma");
        assertThat(created.json().get("operator").asBoolean()).isFalse();
        assertThat(call("POST", "/orgs", "/api/v1/orgs", opsAdmin, gamma).status()).isEqualTo(409);
        assertThat(call("POST", "/orgs", "/api/v1/orgs", opsAdmin, Map.of("slug", "Not A Slug", "name", "x")).json().get("parameter").asText())
                .isEqualTo("slug");
        assertThat(call("POST", "/orgs", "/api/v1/orgs", opsAdmin, Map.of("slug", "delta", "name", "Delta", "parent", "no-such-parent")).status())
                .isEqualTo(404);
        JsonNode opsLog = call("GET", "/orgs/{org}/audit-log", "/api/v1/orgs/ops/audit-log", opsAdmin, null).json();
        assertThat(opsLog.toString()).doesNotContain("gamma"); // recorded under the new organisation, not the operator's
        assertThat(s.zamena.tenants().auditLog(Caller.localOperator(), "gamma", 10)).extracting(e -> e.action()).contains("organisation.create");
    }

    @Test
    void xApiKeyHeaderWorksLikeBearer() {
        var r = s.send("GET", "/api/v1/orgs", null, null, null);
        assertThat(r.status()).isEqualTo(401);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.server.url() + "api/v1/orgs"))
                .header("X-API-Key", betaAdmin).build();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"beta\"").doesNotContain("\"alpha\"");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
