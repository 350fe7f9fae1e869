package ru.zamena.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** openapi.yaml is served, is well-formed OpenAPI 3.1, and lists exactly the routes the server has. */
class OpenApiContractTest {
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(OpenApiContractTest.class);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void theSpecIsServedAsYamlWithoutAKey() throws Exception {
        var r = s.get("/api/v1/openapi.yaml");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/yaml");
        JsonNode served = new YAMLMapper().readTree(r.body());
        assertThat(served).isEqualTo(OpenApi.SPEC);
        assertThat(served.get("openapi").asText()).startsWith("3.1");
        assertThat(served.at("/servers/0/url").asText()).isEqualTo(ZamenaServer.API);
    }

    @Test
    void everyRouteIsInTheSpecAndViceVersa() {
        var implemented = new HashSet<String>();
        s.server.routes().forEach(r -> implemented.add(r.toString()));
        assertThat(implemented).hasSameSizeAs(s.server.routes()); // no route twice
        assertThat(OpenApi.operations(OpenApi.SPEC)).containsExactlyInAnyOrderElementsOf(implemented);
    }

    @Test
    void everyOperationIsComplete() {
        var operationIds = new HashSet<String>();
        OpenApi.SPEC.get("paths").properties().forEach(path -> {
            var templateParams = new ArrayList<String>();
            var m = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            while (m.find()) templateParams.add(m.group(1));
            path.getValue().properties().forEach(op -> {
                if (op.getKey().equals("parameters")) return;
                String where = op.getKey() + " " + path.getKey();
                JsonNode o = op.getValue();
                assertThat(o.path("operationId").asText()).as(where + " operationId").isNotBlank();
                assertThat(operationIds.add(o.get("operationId").asText())).as(where + " operationId is unique").isTrue();
                assertThat(o.path("responses").size()).as(where + " responses").isPositive();
                var declared = new ArrayList<String>();
                for (JsonNode list : List.of(path.getValue().path("parameters"), o.path("parameters")))
                    for (JsonNode p : list) {
                        JsonNode param = OpenApi.deref(p);
                        if (param.path("in").asText().equals("path")) {
                            declared.add(param.get("name").asText());
                            assertThat(param.path("required").asBoolean()).as(where + " path parameter is required").isTrue();
                        }
                    }
                assertThat(declared).as(where + " path parameters").containsExactlyInAnyOrderElementsOf(templateParams);
            });
        });
    }

    @Test
    void everyReferenceResolves() {
        var refs = new ArrayList<String>();
        collectRefs(OpenApi.SPEC, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) assertThat(OpenApi.SPEC.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }

    private static void collectRefs(JsonNode node, List<String> out) {
        if (node.isObject()) node.properties().forEach(f -> {
            if (f.getKey().equals("$ref")) out.add(f.getValue().asText());
            else collectRefs(f.getValue(), out);
        });
        else if (node.isArray()) node.forEach(n -> collectRefs(n, out));
    }
}
