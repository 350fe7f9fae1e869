package ru.zamena.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.zamena.core.tenancy.Role;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.zamena.server.OpenApi.assertConforms;

/**
 * An organisation's kind set over REST (POST /orgs, PATCH /orgs/{org}) decides which profile target
 * applies to it and to those below it without a kind: authorities 90%, state companies 70% for the
 * installed software share in the ru profile (data/profiles/ru/targets.yaml).
 */
class OrgKindApiTest {
    static TestServer s;
    static String operator;

    @BeforeAll
    static void start() {
        Path root = Path.of(System.getProperty("zamena.root", "..")).toAbsolutePath().normalize();
        s = TestServer.start(OrgKindApiTest.class, root.resolve("data"));
        s.createOrg("ops", true);
        operator = s.key("ops", Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static TestServer.Response send(String method, String template, String path, String key, Object body) {
        var r = s.sendJson(method, "/api/v1" + path, key, body);
        assertConforms(method, template, r);
        return r;
    }

    /** The installed-software target in force for {@code org}, as /targets and /measures say it. */
    static double softwareTarget(String org, String key) {
        JsonNode targets = s.get("/api/v1/orgs/" + org + "/targets", key).json().get("targets");
        double effective = 0;
        for (JsonNode t : targets)
            if (t.get("effective").asBoolean() && t.get("measure").asText().equals("software_domestic_share")) effective = t.get("value").asDouble();
        JsonNode measure = s.get("/api/v1/orgs/" + org + "/measures", key).json().at("/measures/0");
        assertThat(measure.get("id").asText()).isEqualTo("software_domestic_share");
        assertThat(measure.at("/target/value").asDouble()).as("measures and targets agree").isEqualTo(effective);
        return effective;
    }

    @Test
    void theKindSetAtCreationAndChangedLaterDecidesTheTarget() {
        var created = send("POST", "/orgs", "/orgs", operator, Map.of("slug", "holding", "name", "Госхолдинг", "kind", "holding"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("kind").asText()).isEqualTo("holding");
        var sub = send("POST", "/orgs", "/orgs", operator, Map.of("slug", "holding-plant", "name", "Завод", "parent", "holding"));
        assertThat(sub.json().get("kind").isNull()).isTrue();
        String admin = s.key("holding", Role.ADMIN), viewer = s.key("holding", Role.VIEWER), subViewer = s.key("holding-plant", Role.VIEWER);

        // a state company, and the plant without a kind takes its holding's
        assertThat(softwareTarget("holding", viewer)).isEqualTo(0.7);
        assertThat(softwareTarget("holding-plant", subViewer)).isEqualTo(0.7);

        var changed = send("PATCH", "/orgs/{org}", "/orgs/holding", admin, Map.of("kind", "Ministry"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("kind").asText()).isEqualTo("ministry");
        assertThat(softwareTarget("holding", viewer)).isEqualTo(0.9);
        assertThat(softwareTarget("holding-plant", subViewer)).isEqualTo(0.9);
        assertThat(s.get("/api/v1/orgs/holding", viewer).json().get("kind").asText()).isEqualTo("ministry");

        var own = send("PATCH", "/orgs/{org}", "/orgs/holding-plant", operator, Map.of("kind", "company"));
        assertThat(own.json().get("kind").asText()).isEqualTo("company");
        assertThat(softwareTarget("holding-plant", subViewer)).isEqualTo(0.7);
    }

    @Test
    void badKindsNonAdminsMovesAndCyclesAreRefused() {
        assertThat(send("POST", "/orgs", "/orgs", operator, Map.of("slug", "castle", "name", "Замок", "kind", "castle")).status()).isEqualTo(400);
        assertThat(s.get("/api/v1/orgs/castle", operator).status()).isEqualTo(404); // nothing stored
        send("POST", "/orgs", "/orgs", operator, Map.of("slug", "top", "name", "Верх", "kind", "agency"));
        send("POST", "/orgs", "/orgs", operator, Map.of("slug", "below", "name", "Низ", "parent", "top"));
        send("POST", "/orgs", "/orgs", operator, Map.of("slug", "aside", "name", "Сбоку"));
        String admin = s.key("top", Role.ADMIN), editor = s.key("top", Role.EDITOR);

        var bad = send("PATCH", "/orgs/{org}", "/orgs/top", admin, Map.of("kind", "castle"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("ministry, agency, unit, holding or company");
        assertThat(send("PATCH", "/orgs/{org}", "/orgs/top", admin, Map.of()).status()).isEqualTo(400);
        assertThat(send("PATCH", "/orgs/{org}", "/orgs/top", editor, Map.of("kind", "unit")).status()).isEqualTo(403);
        assertThat(send("PATCH", "/orgs/{org}", "/orgs/below", admin, Map.of("kind", "unit")).status()).as("reading below is not writing below")
                .isEqualTo(403);
        assertThat(send("PATCH", "/orgs/{org}", "/orgs/top", admin, Map.of("parent", "aside")).status()).as("only the operator moves")
                .isEqualTo(403);
        assertThat(send("PATCH", "/orgs/{org}", "/orgs/top", operator, Map.of("parent", "below")).status()).isEqualTo(409);
        var moved = send("PATCH", "/orgs/{org}", "/orgs/top", operator, Map.of("parent", "aside"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("parent").asText()).isEqualTo("aside");
        assertThat(moved.json().get("kind").asText()).isEqualTo("agency");
    }
}
