package ru.zamena.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.zamena.server.OpenApi.assertConforms;

/**
 * /imports over HTTP: who may list and upload, how uploads reach the import and where they stop.
 * The import itself is a stand-in here (the registry import service is tested in zamena-app).
 */
class ImportsApiTest {
    static final long LIMIT = 4096;
    static TestServer s;
    static String alphaAdmin, opsAdmin, opsViewer;
    static final FakeImports fake = new FakeImports();

    /** Remembers what it was given; fails on demand. */
    static final class FakeImports implements RegistryImports {
        volatile Caller caller;
        volatile String name;
        volatile byte[] content;
        volatile RuntimeException failWith;

        @Override
        public Dto.ImportRun importFile(Caller caller, Path file, String fileName) {
            if (failWith != null) throw failWith;
            try {
                this.content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.caller = caller;
            this.name = fileName;
            return run(fileName);
        }

        @Override
        public List<Dto.ImportRun> runs(int limit) {
            return List.of(run("reestr.xlsx"));
        }

        static Dto.ImportRun run(String fileName) {
            var now = OffsetDateTime.now();
            return new Dto.ImportRun(7, "registry", fileName, "ab".repeat(32), "key:test", now, now, "ok",
                    Map.of("added", 2L, "changed", 0L), List.of(), "2 entries added");
        }
    }

    @BeforeAll
    static void start() {
        s = TestServer.start(ImportsApiTest.class, fake, LIMIT);
        s.createOrg("alpha", false);
        s.createOrg("ops", true);
        alphaAdmin = s.key("alpha", Role.ADMIN);
        opsAdmin = s.key("ops", Role.ADMIN);
        opsViewer = s.key("ops", Role.VIEWER);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @BeforeEach
    void reset() {
        fake.caller = null;
        fake.content = null;
        fake.name = null;
        fake.failWith = null;
    }

    static TestServer.Response upload(String key, String query, byte[] body) {
        var r = s.send("POST", "/api/v1/imports" + query, key, "application/octet-stream", body);
        assertConforms("POST", "/imports", r);
        return r;
    }

    @Test
    void onlyTheOperatorOrganisationListsImports() {
        assertThat(s.get("/api/v1/imports").status()).isEqualTo(401);
        var other = s.get("/api/v1/imports", alphaAdmin);
        assertThat(other.status()).isEqualTo(403);
        assertConforms("GET", "/imports", other);
        var r = s.get("/api/v1/imports?limit=5", opsViewer);
        assertThat(r.status()).isEqualTo(200);
        assertConforms("GET", "/imports", r);
        assertThat(r.json().get(0).get("file_name").asText()).isEqualTo("reestr.xlsx");
        assertThat(r.json().get(0).get("counts").get("added").asLong()).isEqualTo(2);
    }

    @Test
    void onlyOperatorAdminsUploadAndTheFileReachesTheImport() {
        byte[] file = "номер;наименование\n1;МойОфис\n".getBytes(StandardCharsets.UTF_8);
        assertThat(upload(null, "", file).status()).isEqualTo(401);
        assertThat(upload(alphaAdmin, "", file).status()).isEqualTo(403);
        assertThat(upload(opsViewer, "", file).status()).isEqualTo(403);
        assertThat(fake.content).as("refused uploads never reach the import").isNull();

        var r = upload(opsAdmin, "?filename=" + TestServer.enc("C:\\Users\\op\\..\\реестр ПО.csv"), file);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("status").asText()).isEqualTo("ok");
        assertThat(fake.content).isEqualTo(file);
        assertThat(fake.name).isEqualTo("реестр_ПО.csv"); // no directories, no spaces; the extension survives
        assertThat(fake.caller.orgSlug()).isEqualTo("ops");
    }

    @Test
    void tooLargeAndEmptyUploadsAreRefused() {
        JsonNode p = upload(opsAdmin, "?filename=big.xml", new byte[(int) LIMIT + 1]).json();
        assertThat(p.get("status").asInt()).isEqualTo(413);
        assertThat(fake.content).isNull();
        assertThat(upload(opsAdmin, "", new byte[0]).status()).isEqualTo(400);
        assertThat(upload(opsAdmin, "", new byte[(int) LIMIT]).status()).isEqualTo(201);
    }

    @Test
    void failuresInsideTheImportAre500WithoutInternals() {
        fake.failWith = new IllegalStateException("boom at jdbc:postgresql://db.internal/zamena?password=secret");
        var r = upload(opsAdmin, "", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("boom", "jdbc", "secret", "IllegalState", "at ru.");
        assertThat(r.json().get("error_id").asText()).isNotBlank();
    }

    @Test
    void userErrorsInsideTheImportAre400ButBugsStay500() {
        fake.failWith = new IllegalArgumentException("the file has no header row");
        var r = upload(opsAdmin, "", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).isEqualTo("the file has no header row");
        fake.failWith = new IllegalArgumentException("No enum constant ru.zamena.core.catalog.Product.Kind.GADGET");
        r = upload(opsAdmin, "", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body()).doesNotContain("ru.zamena", "GADGET");
    }

    @Test
    void theRealImportStoresAnUploadedExportAndRejectsABrokenOne() {
        try (var plain = ZamenaServer.start(s.zamena, ZamenaServer.Options.of("127.0.0.1", 0))) {
            var view = s.on(plain);
            byte[] csv = """
                    Реестровый номер;Наименование ПО;Класс ПО;Правообладатель;ИНН;Дата решения
                    880001;Офисный пакет "Пример";Офисные приложения;ООО "Пример";7707083893;01.02.2021
                    """.getBytes(java.nio.charset.Charset.forName("windows-1251"));
            var post = view.send("POST", "/api/v1/imports?filename=reestr.csv", opsAdmin, "text/csv", csv);
            assertThat(post.status()).isEqualTo(201);
            assertConforms("POST", "/imports", post);
            JsonNode run = post.json();
            assertThat(run.get("status").asText()).isEqualTo("ok");
            assertThat(run.get("counts").get("added").asLong()).isEqualTo(1);
            var again = view.send("POST", "/api/v1/imports?filename=reestr.csv", opsAdmin, "text/csv", csv);
            assertThat(again.json().get("status").asText()).isEqualTo("unchanged");
            var list = view.get("/api/v1/imports", opsAdmin);
            assertThat(list.status()).isEqualTo(200);
            assertConforms("GET", "/imports", list);
            assertThat(list.json().size()).isGreaterThanOrEqualTo(2);
            var broken = view.send("POST", "/api/v1/imports?filename=broken.xml", opsAdmin, "application/xml",
                    "<registry><item><registrationNumber>1</registrationNumber>".getBytes(StandardCharsets.UTF_8));
            assertThat(broken.status()).isEqualTo(400);
            assertThat(broken.header("Content-Type")).startsWith("application/problem+json");
            assertThat(broken.json().get("detail").asText()).contains("broken.xml");
        }
    }
}
