package ru.zamena.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** zamena audit and zamena review as a user runs them, against real PostgreSQL and the shipped catalog. */
class AuditCommandIT {
    static CliRunner cli;

    @BeforeAll
    static void start() {
        cli = CliRunner.start(AuditCommandIT.class);
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    static CliRunner.Result run(String... args) {
        return cli.run(args);
    }

    static String fixture(String name) {
        return CliRunner.ROOT.resolve("zamena-app/src/test/resources/audit").resolve(name).toString();
    }

    @Test
    void auditListShowExportAndReview() throws IOException {
        var r = run("audit", fixture("workstations.cdx.json"), fixture("accounting-pc.reg"), "--os", "astra", "--label", "cli", "--format", "json");
        assertThat(r.code()).as(r.out()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("outcome").asText()).isEqualTo("created");
        assertThat(j.at("/report/summary/items").asInt()).isEqualTo(14);
        assertThat(j.at("/report/audit/org").asText()).isEqualTo("operator"); // no --org: the operator organisation
        long id = j.at("/report/audit/id").asLong();

        var again = run("audit", fixture("workstations.cdx.json"), fixture("accounting-pc.reg"), "--os", "astra");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("Audit #" + id, "unchanged", "foreign", "Microsoft Office");

        var list = run("audit", "list");
        assertThat(list.out()).contains("workstations.cdx.json, accounting-pc.reg", "any CPU / astra");

        Path dir = Files.createTempDirectory("audit-cli");
        Path xlsx = dir.resolve("audit.xlsx");
        assertThat(run("audit", "show", "" + id, "--format", "xlsx", "-o", xlsx.toString()).code()).isZero();
        try (var wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(wb.getSheet("Items").getLastRowNum()).isEqualTo(14);
        }
        var csv = run("audit", "show", "" + id, "--format", "csv");
        assertThat(csv.out().lines().count()).isEqualTo(15);
        assertThat(csv.out()).contains("Kaspersky Endpoint Security для Windows");

        var queue = run("review", "list", "--format", "json").json();
        assertThat(queue.findValuesAsText("raw_name")).containsExactlyInAnyOrder("Oracle Databse 19c", "Skype");
        long skype = 0, oracle = 0;
        for (JsonNode q : queue) {
            if (q.get("raw_name").asText().equals("Skype")) skype = q.get("id").asLong();
            else oracle = q.get("id").asLong();
        }
        assertThat(run("review", "accept", "" + oracle, "--note", "checked").out()).contains("accepted → oracle-database");
        assertThat(run("review", "pick", "" + skype, "Skype for Business").out()).contains("picked → skype-for-business");
        assertThat(run("review", "list").out().lines().count()).isEqualTo(2); // header and rule only

        var forced = run("audit", fixture("workstations.cdx.json"), "--force", "--format", "json").json();
        long next = forced.at("/report/audit/id").asLong();
        var diff = run("audit", "diff", "" + id, "" + next, "--format", "json").json();
        assertThat(diff.get("removed").findValuesAsText("product_id")).contains("kaspersky-endpoint-security");
        assertThat(run("audit", "diff", "" + id, "" + next).out()).contains("removed");

        var promoted = run("review", "promote", "--org", "operator", "--format", "json").json();
        assertThat(promoted.findValuesAsText("product_id")).contains("oracle-database");
    }

    @Test
    void badInputIsExitCode2() {
        assertThat(run("audit", "/no/such/file.json").code()).isEqualTo(2);
        assertThat(run("audit", fixture("workstations.cdx.json"), "--cpu", "pdp-11").code()).isEqualTo(2);
        assertThat(run("audit", "show", "999999").code()).isEqualTo(2);
        assertThat(run("audit").code()).isEqualTo(2);
        assertThat(run("review", "accept", "999999").code()).isEqualTo(2);
        assertThat(run("audit", "list", "--org", "no-such-org").code()).isEqualTo(2);
    }
}
