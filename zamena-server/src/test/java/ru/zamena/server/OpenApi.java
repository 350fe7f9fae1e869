package ru.zamena.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written contract (src/main/resources/openapi.yaml) as tests use it: the operations it
 * lists and a small JSON Schema check of real responses against it. The check is strict on
 * purpose: a response field the contract does not declare is an error, so the two cannot drift.
 */
final class OpenApi {
    static final JsonNode SPEC = load();

    private OpenApi() {}

    private static JsonNode load() {
        try (InputStream in = OpenApi.class.getResourceAsStream("/openapi.yaml")) {
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "GET /products/{id}" for every operation of the contract. */
    static Set<String> operations(JsonNode spec) {
        var out = new TreeSet<String>();
        spec.get("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(m.getKey()))
                out.add(m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey());
        }));
        return out;
    }

    /** Asserts that {@code r}, the answer to {@code method path}, is one the contract describes, body included. */
    static void assertConforms(String method, String pathTemplate, TestServer.Response r) {
        JsonNode op = SPEC.at("/paths/" + pointer(pathTemplate) + "/" + method.toLowerCase(Locale.ROOT));
        assertThat(op.isMissingNode()).as("%s %s is in openapi.yaml", method, pathTemplate).isFalse();
        JsonNode response = deref(op.at("/responses/" + r.status()));
        // "default" stands for unexpected server errors only: every 4xx an operation can answer must be listed.
        if (response.isMissingNode() && r.status() >= 500) response = deref(op.at("/responses/default"));
        assertThat(response.isMissingNode()).as("%s %s declares status %s (body %s)", method, pathTemplate, r.status(), r.body()).isFalse();
        JsonNode content = response.get("content");
        if (content == null) {
            assertThat(r.body()).as("%s %s %s has no body", method, pathTemplate, r.status()).isEmpty();
            return;
        }
        String mediaType = r.contentType().split(";")[0].strip();
        JsonNode media = content.get(mediaType);
        assertThat(media).as("%s %s %s declares content type %s", method, pathTemplate, r.status(), mediaType).isNotNull();
        if (!mediaType.endsWith("json")) return;
        var errors = new ArrayList<String>();
        check(r.json(), media.get("schema"), "$", errors);
        assertThat(errors).as("%s %s %s body conforms to openapi.yaml", method, pathTemplate, r.status()).isEmpty();
    }

    static JsonNode deref(JsonNode schema) {
        while (schema != null && schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/")) throw new IllegalArgumentException("only local $refs are used: " + ref);
            schema = SPEC.at(ref.substring(1));
            if (schema.isMissingNode()) throw new AssertionError("unresolvable $ref " + ref);
        }
        return schema;
    }

    static void check(JsonNode v, JsonNode schema, String at, List<String> errors) {
        JsonNode s = merged(deref(schema));
        Set<String> types = new HashSet<>();
        if (s.has("type")) {
            if (s.get("type").isArray()) s.get("type").forEach(t -> types.add(t.asText()));
            else types.add(s.get("type").asText());
        }
        if (!types.isEmpty() && !types.contains(typeOf(v)) && !(types.contains("number") && typeOf(v).equals("integer"))) {
            errors.add(at + ": expected " + types + ", got " + typeOf(v) + " " + v);
            return;
        }
        if (s.has("enum") && !v.isNull()) {
            boolean found = false;
            for (JsonNode e : s.get("enum")) found |= e.equals(v);
            if (!found) errors.add(at + ": " + v + " is not one of " + s.get("enum"));
        }
        if (v.isObject()) {
            JsonNode props = s.path("properties");
            for (JsonNode req : s.path("required"))
                if (!v.has(req.asText())) errors.add(at + ": missing required field " + req.asText());
            JsonNode additional = s.get("additionalProperties");
            v.properties().forEach(f -> {
                if (props.has(f.getKey())) check(f.getValue(), props.get(f.getKey()), at + "." + f.getKey(), errors);
                else if (additional != null && additional.isObject()) check(f.getValue(), additional, at + "." + f.getKey(), errors);
                else if (additional == null || !additional.asBoolean())
                    errors.add(at + ": field " + f.getKey() + " is not in the contract");
            });
        }
        if (v.isArray() && s.has("items")) {
            int i = 0;
            for (JsonNode item : v) check(item, s.get("items"), at + "[" + i++ + "]", errors);
        }
    }

    /** allOf folded into one object schema (properties and required united). */
    private static JsonNode merged(JsonNode s) {
        if (!s.has("allOf")) return s;
        ObjectNode out = s.deepCopy();
        out.remove("allOf");
        ObjectNode props = out.withObjectProperty("properties");
        var required = out.withArrayProperty("required");
        for (JsonNode part : s.get("allOf")) {
            JsonNode p = merged(deref(part));
            if (p.has("type")) out.set("type", p.get("type"));
            p.path("properties").properties().forEach(f -> props.set(f.getKey(), f.getValue()));
            p.path("required").forEach(required::add);
        }
        return out;
    }

    private static String typeOf(JsonNode v) {
        if (v.isNull()) return "null";
        if (v.isIntegralNumber()) return "integer";
        if (v.isNumber()) return "number";
        if (v.isTextual()) return "string";
        if (v.isBoolean()) return "boolean";
        if (v.isArray()) return "array";
        return "object";
    }

    private static String pointer(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }
}
