package ru.zamena.cli;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.zamena.store.Database;
import ru.zamena.store.testing.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** zamena report on a ministry with one audited agency: JSON to stdout, XLSX to a file, PDF to stdout, errors in one line. */
class ReportCommandIT {
    static Database db;
    static String url;
    static Path root;

    @BeforeAll
    static void start() {
        db = TestDatabase.create(ReportCommandIT.class);
        url = TestDatabase.jdbcUrl(db);
        root = Path.of(System.getProperty("zamena.root", "..")).toAbsolutePath().normalize();
        System.setProperty("zamena.home", root.toString());
        assertThat(run("org", "create", "rep-min", "--name", "Министерство отчётов").code()).isZero();
        assertThat(run("org", "create", "rep-agency", "--name", "Агентство", "--parent", "rep-min").code()).isZero();
        String sbom = root.resolve("zamena-app/src/test/resources/audit/workstations.cdx.json").toString();
        assertThat(run("audit", sbom, "--org", "rep-agency").code()).isZero();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    record Result(int code, byte[] bytes) {
        String out() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static synchronized Result run(String... args) {
        var buf = new ByteArrayOutputStream();
        Output.capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try {
            var all = new ArrayList<>(List.of(args));
            all.add("--db-url");
            all.add(url);
            return new Result(Main.run(all.toArray(String[]::new)), buf.toByteArray());
        } finally {
            Output.capture = null;
        }
    }

    @Test
    void jsonXlsxAndPdf() throws IOException {
        var json = run("report", "--org", "rep-min", "--format", "json", "--lang", "en");
        assertThat(json.code()).as(json.out()).isZero();
        var j = Output.JSON.readTree(json.out());
        assertThat(j.at("/org/slug").asText()).isEqualTo("rep-min");
        assertThat(j.at("/measures/0/title").asText()).isEqualTo("Domestic software share");
        assertThat(j.at("/measures/0/value").isNumber()).isTrue(); // the agency's audit rolls up into the ministry
        assertThat(j.at("/top_gaps/0/product").asText()).isNotBlank();

        Path xlsx = Files.createTempFile("report", ".xlsx");
        assertThat(run("report", "--org", "rep-min", "--format", "xlsx", "-o", xlsx.toString()).code()).isZero();
        try (var wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            var text = new StringBuilder();
            wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> text.append(cell).append(' '))));
            assertThat(text).contains("Министерство отчётов", "Показатели и цели", "Доля отечественного ПО");
        }

        if (ru.zamena.report.PdfFonts.find() != null) {
            var pdf = run("report", "--org", "rep-min", "--format", "pdf");
            assertThat(pdf.code()).isZero();
            assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
    }

    @Test
    void anUnknownOrganisationIsAOneLineError() {
        var r = run("report", "--org", "nowhere", "--format", "json");
        assertThat(r.code()).isEqualTo(2);
        var bad = run("report", "--org", "rep-min", "--lang", "fr", "--format", "json");
        assertThat(bad.code()).isEqualTo(2);
    }
}
