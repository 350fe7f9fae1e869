package ru.zamena.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI as a user runs it, against real PostgreSQL and the catalog shipped in data/. */
class CliIT {
    static CliRunner cli;

    @BeforeAll
    static void start() {
        cli = CliRunner.start(CliIT.class);
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    static CliRunner.Result run(String... args) {
        return cli.run(args);
    }

    @Test
    void statsAsJsonHaveTheDocumentedKeys() throws IOException {
        var r = run("catalog", "stats", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("products").asLong()).isGreaterThanOrEqualTo(400);
        assertThat(j.get("vendors").asLong()).isGreaterThanOrEqualTo(150);
        assertThat(j.get("alternatives").asLong()).isGreaterThanOrEqualTo(200);
        assertThat(j.get("categories").asLong()).isGreaterThanOrEqualTo(25);
    }

    @Test
    void alternativesToMicrosoftOfficeOnAstra() throws IOException {
        var r = run("alternatives", "Microsoft Office", "--os", "astra", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode arr = r.json();
        assertThat(arr.isArray()).isTrue();
        assertThat(arr.size()).isGreaterThanOrEqualTo(2);
        for (JsonNode a : arr) {
            assertThat(a.hasNonNull("product")).isTrue();
            assertThat(a.hasNonNull("vendor")).isTrue();
            assertThat(a.has("country")).isTrue();
            assertThat(a.get("fit").asText()).isIn("full", "partial");
            assertThat(a.get("source").asText()).isNotBlank();
            assertThat(a.get("platforms").toString()).contains("astra");
        }
        var table = run("alternatives", "Microsoft Office", "--os", "astra");
        assertThat(table.out()).contains("Alternatives to Microsoft Office").contains("PRODUCT").contains("SOURCE");
    }

    @Test
    void searchFindsCyrillicAndLatinAlike() throws IOException {
        var cyr = run("catalog", "search", "МойОфис", "--format", "json").json();
        var lat = run("catalog", "search", "moi", "ofis", "--format", "json").json();
        assertThat(cyr.get(0).get("id").asText()).isEqualTo(lat.get(0).get("id").asText());
        var ru = run("catalog", "search", "office", "--country", "RU", "--format", "json").json();
        for (JsonNode p : ru) assertThat(p.get("vendor_country").asText()).isEqualTo("RU");
    }

    @Test
    void badInputGivesExitCodeTwoAndAMessage() {
        assertThat(run("alternatives", "Microsoft Office", "--os", "beos").code()).isEqualTo(2);
        assertThat(run("catalog", "search", "x", "--origin", "martian").code()).isEqualTo(2);
        assertThat(run("alternatives", "qqqqzzzzxxxx").code()).isEqualTo(2);
        assertThat(run("import", "registry", "/nonexistent/file.xml").code()).isEqualTo(2);
    }

    @Test
    void registryImportIsIdempotentFromTheCli(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("reestr.csv");
        Files.writeString(file, """
                Реестровый номер;Наименование ПО;Класс ПО;Правообладатель;ИНН;Дата решения
                990001;Тестовая система учёта;Системы управления базами данных;ООО "Тест";7707083893;01.02.2021
                """, java.nio.charset.Charset.forName("windows-1251"));
        var first = run("import", "registry", file.toString(), "--format", "json");
        assertThat(first.code()).isZero();
        assertThat(first.out()).contains("\"added\" : 1");
        var second = run("import", "registry", file.toString(), "--format", "json");
        assertThat(second.code()).isZero();
        assertThat(second.out()).contains("\"status\" : \"unchanged\"");
    }
}
