package ru.zamena.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.zamena.store.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code zamena check}: verdicts per item in input order, the catalog's analogues, exit codes, counts on stderr. */
class CheckCommandIT {
    static CliRunner cli;

    static final String ITEMS = """
            id,date,law,kii,okpd2,name,origin_country,registry_number,price
            1,2024-06-01,44-FZ,false,58.29.12,Microsoft Office 2021,US,,150000
            2,2024-06-01,44-FZ,false,58.29.12,МойОфис Стандартный,RU,4223,90000.50
            3,2025-02-01,223-FZ,true,58.29.12,Oracle Database,US,,
            4,2025-02-01,45-FZ,false,26.20.11,Ноутбук,CN,,60000
            5,2025-02-01,44-FZ,false,26.20.11.110,Ноутбук,CN,,60000
            6,2024-03-01,44-FZ,false,,Kaspersky Endpoint Security,,,60000
            """;

    @BeforeAll
    static void start() {
        cli = CliRunner.start(CheckCommandIT.class);
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    static CliRunner.Result run(String... args) {
        return cli.run(args);
    }

    @Test
    void jsonLinesOnePerDecidedItemInInputOrder(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("items.csv");
        Files.writeString(f, ITEMS);
        CliRunner.Result r = run("check", f.toString(), "--format", "jsonl");
        assertThat(r.code()).isEqualTo(1);
        var lines = new ArrayList<JsonNode>();
        for (String l : r.out().split("\n")) if (!l.isBlank()) lines.add(Output.JSON.readTree(l));
        assertThat(lines).extracting(j -> j.get("id").asText()).containsExactly("1", "2", "3", "5", "6");
        for (JsonNode j : lines) {
            assertThat(j.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("id", "verdict", "rules", "analogues");
            for (JsonNode rule : j.get("rules")) assertThat(rule.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("id", "ref", "reason");
        }
        JsonNode office = lines.get(0);
        // the catalog knows registered domestic office suites that fully replace Microsoft Office
        assertThat(office.get("verdict").asText()).isEqualTo("PROHIBITED");
        assertThat(office.get("rules")).extracting(n -> n.get("id").asText()).containsExactly("ru.pp1236.analogue", "ru.pp1236");
        assertThat(office.get("rules").get(1).get("ref").asText()).isEqualTo("Government Decree No. 1236 of 2015-11-16, p. 2");
        assertThat(office.get("analogues")).isNotEmpty();
        assertThat(lines.get(1).get("verdict").asText()).isEqualTo("ALLOWED");
        assertThat(lines.get(2).get("verdict").asText()).isEqualTo("PROHIBITED");
        assertThat(lines.get(2).get("rules").get(0).get("id").asText()).isEqualTo("ru.ukaz166.use-ban");
        assertThat(lines.get(3).get("verdict").asText()).isEqualTo("PROHIBITED");
        // a domestic registered product found in the catalog by name
        assertThat(lines.get(4).get("verdict").asText()).isEqualTo("ALLOWED");
        assertThat(r.err()).contains("items.csv: line 5 (record 4): item 4: unknown procurement law '45-FZ'")
                .contains("6 read, 5 decided, 1 rejected, 3 not allowed");
    }

    @Test
    void asOfAnotherDateAndInRussian(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("laptop.csv");
        Files.writeString(f, "id,date,law,kii,okpd2,name,origin_country,registry_number,price\nL1,2025-02-01,44-FZ,false,26.20.11.110,Ноутбук,CN,,1\n");
        CliRunner.Result before = run("check", f.toString(), "--date", "2024-06-01", "--format", "json", "--lang", "ru");
        assertThat(before.code()).isEqualTo(1);
        assertThat(before.out()).contains("\"RESTRICTED\"").contains("ru.pp878").contains("Постановление Правительства Российской Федерации № 878");
        Path ok = dir.resolve("ok.csv");
        Files.writeString(ok, "id,date,law,kii,okpd2,name,origin_country,registry_number,price\nL2,2025-02-01,44-FZ,false,26.20.11.110,Ноутбук,RU,РЭ-123,1\n");
        CliRunner.Result allowed = run("check", ok.toString());
        assertThat(allowed.code()).isZero();
        assertThat(allowed.out()).contains("VERDICT").contains("ALLOWED");
    }

    @Test
    void aBrokenFileIsAnInputError(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.xml");
        Files.writeString(f, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        CliRunner.Result r = run("check", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("x.xml").contains("DOCTYPE").doesNotContain("Exception");
        CliRunner.Result missing = run("check", dir.resolve("none.csv").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("none.csv: no such file");
        CliRunner.Result profile = run("check", f.toString(), "--profile", "xx");
        assertThat(profile.code()).isEqualTo(2);
        assertThat(profile.err()).contains("no such profile 'xx'");
    }

    @Test
    void justificationDraftsAsFilesAndInJson(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("sw.csv");
        Files.writeString(f, "id,date,law,kii,okpd2,name,origin_country,registry_number,price\nT/1,2024-06-01,44-FZ,false,58.29.29,Foreign Simulation Suite,US,,1\n"
                + "T/2,2024-06-01,44-FZ,false,26.20.11.110,Laptop,CN,,1\n");
        Path drafts = dir.resolve("drafts");
        CliRunner.Result r = run("check", f.toString(), "--format", "jsonl", "--justification", "--drafts", drafts.toString(), "--lang", "ru");
        assertThat(r.code()).isEqualTo(1);
        String[] lines = r.out().strip().split("\n");
        assertThat(Output.JSON.readTree(lines[0]).get("justification").asText()).contains("ПРОЕКТ", "Foreign Simulation Suite", "№ 1236");
        assertThat(Output.JSON.readTree(lines[1]).get("justification").isNull()).isTrue();
        try (var files = Files.list(drafts)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("T_1.ru.txt");
        }
        assertThat(Files.readString(drafts.resolve("T_1.ru.txt"))).contains("[должность, ФИО, подпись, дата]");
    }

    @Test
    void theEuProfileAndASovereigntyScore(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("eu.csv");
        Files.writeString(f, "id,date,law,kii,okpd2,name,origin_country,registry_number,price,cpv\n"
                + "pc-de,2024-05-01,none,false,,Desktop,DE,,900,30213300\npc-cn,2024-05-01,none,false,,Desktop,CN,,900,30213300\n");
        CliRunner.Result r = run("check", f.toString(), "--profile", "eu", "--format", "jsonl");
        assertThat(r.code()).isEqualTo(1);
        String[] lines = r.out().strip().split("\n");
        assertThat(Output.JSON.readTree(lines[0]).get("verdict").asText()).isEqualTo("ALLOWED");
        JsonNode cn = Output.JSON.readTree(lines[1]);
        assertThat(cn.get("verdict").asText()).isEqualTo("PREFERENCE");
        assertThat(cn.get("rules").get(0).get("ref").asText()).contains("2014/25/EU", "Art. 85");

        Path root = Path.of(System.getProperty("zamena.root", "..")).toAbsolutePath();
        CliRunner.Result s = run("sovereignty", root.resolve("data/profiles/eu/example-service.yaml").toString());
        assertThat(s.code()).isZero();
        assertThat(s.out()).contains("SOV-5", "supply-chain sovereignty", "20%*", "score 67.5 of 100; level SEAL-2 (data sovereignty), limited by SOV-4, SOV-5, SOV-8",
                "required SEAL-2: met");
        Path weak = dir.resolve("weak.json");
        Files.writeString(weak, "{\"service\": \"X\", \"required_level\": 3, \"objectives\": {\"SOV-1\": 4, \"SOV-2\": 4, \"SOV-3\": 4, "
                + "\"SOV-4\": 4, \"SOV-5\": 2, \"SOV-6\": 4, \"SOV-7\": 4, \"SOV-8\": 4}}");
        CliRunner.Result w = run("sovereignty", weak.toString(), "--format", "json", "--lang", "ru");
        assertThat(w.code()).isEqualTo(1);
        assertThat(Output.JSON.readTree(w.out()).get("level_name").asText()).isEqualTo("суверенитет данных");
        CliRunner.Result bad = run("sovereignty", f.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("eu.csv").doesNotContain("Exception");
    }

    @Test
    void ocdsItemsClassifiedOnlyByCpvMeetTheRussianRules(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tender.json");
        Files.writeString(f, """
                {"releases": [{"ocid": "ocds-cpv-1", "id": "r1", "date": "2025-03-01", "tag": ["tender"], "tender": {"items": [
                  {"id": "laptop", "description": "Portable computer 14 inch", "classification": {"scheme": "CPV", "id": "30213100-6"}},
                  {"id": "software", "description": "Engineering simulation package", "classification": {"scheme": "CPV", "id": "48000000"}},
                  {"id": "chairs", "description": "Office chairs", "classification": {"scheme": "CPV", "id": "39112000"}},
                  {"id": "stated", "description": "Laptop", "classification": {"scheme": "CPV", "id": "30213100"},
                   "additionalClassifications": [{"scheme": "OKPD2", "id": "62.01.29"}]}]}}]}
                """);
        CliRunner.Result r = run("check", f.toString(), "--law", "44-FZ", "--format", "jsonl");
        assertThat(r.code()).isEqualTo(1);
        var lines = new ArrayList<JsonNode>();
        for (String l : r.out().split("\n")) if (!l.isBlank()) lines.add(Output.JSON.readTree(l));
        assertThat(lines).extracting(j -> j.get("id").asText()).containsExactly("ocds-cpv-1/laptop", "ocds-cpv-1/software", "ocds-cpv-1/chairs", "ocds-cpv-1/stated");
        JsonNode laptop = lines.get(0);
        assertThat(laptop.get("verdict").asText()).isEqualTo("PROHIBITED");
        assertThat(laptop.get("rules")).extracting(n -> n.get("id").asText()).containsExactly("ru.pp1875.annex1");
        assertThat(laptop.get("notes").get(0).asText()).isEqualTo("OKPD2 26.20.11 derived from CPV 30213100-6 via mapping (close)");
        JsonNode software = lines.get(1);
        assertThat(software.get("verdict").asText()).isEqualTo("JUSTIFICATION_REQUIRED");
        assertThat(software.get("rules")).extracting(n -> n.get("id").asText()).contains("ru.pp1236");
        assertThat(software.get("notes").get(0).asText()).isEqualTo("OKPD2 58.29 derived from CPV 48000000 via mapping (approximate)");
        JsonNode chairs = lines.get(2);
        assertThat(chairs.get("verdict").asText()).isEqualTo("ALLOWED");
        assertThat(chairs.get("notes").get(0).asText()).startsWith("CPV 39112000 is not in the CPV→OKPD2 mapping of profile ru: ");
        // an OKPD2 code in the input wins; nothing derived, nothing to note
        JsonNode stated = lines.get(3);
        assertThat(stated.get("rules")).extracting(n -> n.get("id").asText()).contains("ru.pp1236").doesNotContain("ru.pp1875.annex1");
        assertThat(stated.has("notes")).isFalse();

        CliRunner.Result table = run("check", f.toString(), "--law", "44-FZ", "--lang", "ru");
        assertThat(table.out()).contains("NOTES", "ОКПД2 26.20.11 выведен из CPV 30213100-6"); // the table cuts long cells; JSON has the whole note
    }
}
