package ru.zamena.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The W3C Reconciliation API 0.2 JSON schemas, read from the shared fixtures (never copied into
 * the project) and resolved offline: the specification's schema ids map to the files, and the
 * Swagger 2.0 schema the manifest refers to for {@code authentication} maps to openapi.json there.
 */
final class ReconciliationSchemas {
    static final Path DIR = Path.of(System.getenv().getOrDefault("ZAMENA_SHARED_DIR", "../../shared")).resolve("fixtures/recon");
    private static final String SPEC = "https://reconciliation-api.github.io/specs/0.2/schemas/";
    private static final String SWAGGER = "http://swagger.io/v2/schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SchemaRegistry registry;

    private ReconciliationSchemas() {}

    static boolean present() {
        return Files.isRegularFile(DIR.resolve("schemas/manifest.json"));
    }

    /** Skips the calling test, saying why, when the shared fixtures are not there. */
    static void assumePresent() {
        assumeTrue(present(), "the W3C reconciliation schemas are not at " + DIR.toAbsolutePath() + " (set ZAMENA_SHARED_DIR): schema checks skipped");
    }

    /** Asserts that {@code json} is valid against the schema file {@code name} (e.g. "manifest.json"), when the schemas are present. */
    static void assertValid(String name, JsonNode json) {
        if (!present()) return; // the behaviour assertions of the test still run
        var errors = schema(name).validate(json);
        assertThat(errors).as("%s is valid against the specification's %s", json, name).isEmpty();
    }

    /** Whether {@code json} is valid against the schema (for checking the specification's own examples). */
    static boolean valid(String name, JsonNode json) {
        return schema(name).validate(json).isEmpty();
    }

    static JsonNode example(String name) {
        return read(DIR.resolve("examples").resolve(name));
    }

    private static synchronized Schema schema(String name) {
        if (registry == null)
            registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b.schemas(ReconciliationSchemas::load));
        return registry.getSchema(SchemaLocation.of(SPEC + name));
    }

    /** Schema text for an id, or null for ids that are not ours (nothing is fetched from the network). */
    private static String load(String iri) {
        String file = iri.startsWith(SWAGGER) ? "openapi.json"
                : iri.startsWith(SPEC) ? iri.substring(SPEC.length()).replaceFirst("#.*", "")
                : null;
        if (file == null || file.contains("/") || !Files.isRegularFile(DIR.resolve("schemas").resolve(file))) return null;
        ObjectNode schema = (ObjectNode) read(DIR.resolve("schemas").resolve(file));
        // "$schema": "http://json-schema.org/schema#" names no draft; the schemas are written for draft 7.
        schema.remove("$schema");
        return schema.toString();
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
