package ru.zamena.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ru.zamena.app.Zamena;
import ru.zamena.app.ZamenaConfig;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;
import ru.zamena.store.Database;
import ru.zamena.store.testing.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/**
 * A real server for one test class: a fresh PostgreSQL database, the fixture catalog under
 * src/test/resources/catalog loaded into it, and the HTTP server on a free port.
 */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Database db;
    final Zamena zamena;
    final ZamenaServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(Database db, Zamena zamena, ZamenaServer server) {
        this.db = db;
        this.zamena = zamena;
        this.server = server;
    }

    static TestServer start(Class<?> testClass) {
        return start(testClass, null, ZamenaServer.Options.DEFAULT_MAX_UPLOAD);
    }

    /** With a stand-in for the registry import (null: the real wiring) and an upload limit. */
    static TestServer start(Class<?> testClass, RegistryImports imports, long maxUpload) {
        return start(testClass, imports, maxUpload, catalogDir());
    }

    /** On another curated catalog, e.g. the real one in the checkout's data/. */
    static TestServer start(Class<?> testClass, Path catalog) {
        return start(testClass, null, ZamenaServer.Options.DEFAULT_MAX_UPLOAD, catalog);
    }

    private static TestServer start(Class<?> testClass, RegistryImports imports, long maxUpload, Path catalog) {
        Database db = TestDatabase.create(testClass);
        var config = new ZamenaConfig(null, null, null, catalog.resolve("unused"), catalog, Set.of("RU"));
        var zamena = new Zamena(db, config);
        if (!zamena.catalog().loadCuratedIfChanged()) throw new IllegalStateException("fixture catalog not loaded");
        var options = new ZamenaServer.Options("127.0.0.1", 0, maxUpload);
        var server = imports == null ? ZamenaServer.start(zamena, options) : ZamenaServer.start(zamena, options, imports);
        return new TestServer(db, zamena, server);
    }

    static Path catalogDir() {
        try {
            return Path.of(TestServer.class.getResource("/catalog").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same database and services, talking to another server (e.g. one with a different wiring). */
    TestServer on(ZamenaServer other) {
        return new TestServer(db, zamena, other);
    }

    @Override
    public void close() {
        server.stop();
        zamena.close();
    }

    // ------------------------------------------------------------------ organisations and keys for tests

    void createOrg(String slug, boolean operator) {
        zamena.tenants().createOrganisation(Caller.localOperator(), slug, "Test organisation " + slug, null, operator);
    }

    String key(String org, Role role) {
        return zamena.tenants().createApiKey(Caller.localOperator(), org, "test " + role, role).secret();
    }

    // ------------------------------------------------------------------ HTTP

    /** A response with its body parsed when it is JSON. */
    record Response(int status, String contentType, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + contentType + "): " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Response get(String path) {
        return send("GET", path, null, null, null);
    }

    Response get(String path, String key) {
        return send("GET", path, key, null, null);
    }

    Response send(String method, String path, String key, String contentType, byte[] body) {
        var b = HttpRequest.newBuilder(URI.create(server.url() + path.replaceFirst("^/", "")))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) b.header("Authorization", "Bearer " + key);
        if (contentType != null) b.header("Content-Type", contentType);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response sendJson(String method, String path, String key, Object body) {
        try {
            return send(method, path, key, "application/json", JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
