package ru.zamena.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input through {@code zamena check}, per input kind (issue 5, "Bad input"): each problem is a one-line
 * message naming the file and the position or item id, the other items are still decided, and the counts
 * at the end add up (read = decided + rejected), also when the file stops part way.
 */
class CheckBadInputIT {
    static CliRunner cli;
    static final String HEADER = "id,date,law,kii,okpd2,name,origin_country,registry_number,price\n";
    static final Pattern COUNTS = Pattern.compile("zamena: (\\d+) read, (\\d+) decided, (\\d+) rejected, (\\d+) not allowed");

    @BeforeAll
    static void start() {
        cli = CliRunner.start(CheckBadInputIT.class);
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    /** A run's decided ids (JSON Lines), its rejection lines and its counts. */
    record Checked(int code, List<String> decided, List<String> rejections, long read, long decidedCount, long rejected, String err) {}

    static Checked check(Path file, String... options) throws Exception {
        var args = new ArrayList<>(List.of("check", file.toString(), "--format", "jsonl"));
        args.addAll(List.of(options));
        CliRunner.Result r = cli.run(args.toArray(String[]::new));
        var ids = new ArrayList<String>();
        for (String l : r.out().split("\n")) if (!l.isBlank()) ids.add(Output.JSON.readTree(l).get("id").asText());
        var rejections = r.err().lines().filter(l -> l.startsWith("zamena: rejected: ")).toList();
        Matcher m = COUNTS.matcher(r.err());
        assertThat(m.find()).as("counts line in: " + r.err()).isTrue();
        long read = Long.parseLong(m.group(1)), decided = Long.parseLong(m.group(2)), rejected = Long.parseLong(m.group(3));
        assertThat(read).as("read = decided + rejected").isEqualTo(decided + rejected);
        assertThat(decided).as("decided = items written").isEqualTo(ids.size());
        assertThat(rejected).as("every rejection printed").isEqualTo(rejections.size());
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        return new Checked(r.code(), ids, rejections, read, decided, rejected, r.err());
    }

    static Path write(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void csvEveryBadFieldRejectsItsRowByLineAndId(@TempDir Path dir) throws Exception {
        Path f = write(dir, "items.csv", HEADER
                + "ok1,2024-06-01,44-FZ,false,26.20.11,Laptop,CN,,1000\n"
                + "law,2024-06-01,45-FZ,false,26.20.11,Laptop,CN,,1000\n"
                + "old,2015-06-01,44-FZ,false,26.20.11,Laptop,CN,,1000\n"
                + "nodate,,44-FZ,false,26.20.11,Laptop,CN,,1000\n"
                + ",2024-06-01,44-FZ,false,26.20.11,Laptop,CN,,1000\n"
                + "code,2024-06-01,44-FZ,false,26.2011,Laptop,CN,,1000\n"
                + "country,2024-06-01,44-FZ,false,26.20.11,Laptop,China,,1000\n"
                + "price,2024-06-01,44-FZ,false,26.20.11,Laptop,CN,,a lot\n"
                + "kii,2024-06-01,44-FZ,maybe,26.20.11,Laptop,CN,,1000\n"
                + "short,2024-06-01,44-FZ\n"
                + "ok2,2024-06-01,none,false,,Chair,,,10\n");
        Checked c = check(f);
        assertThat(c.code).isEqualTo(1);
        assertThat(c.decided).containsExactly("ok1", "ok2");
        assertThat(c.read).isEqualTo(11);
        assertThat(c.rejections).containsExactly(
                "zamena: rejected: " + f + ": line 3 (record 2): item law: unknown procurement law '45-FZ' (expected 44-FZ, 223-FZ or none)",
                "zamena: rejected: " + f + ": line 4 (record 3): item old: date 2015-06-01 is before every rule of profile 'ru' (it covers 2016-01-01 onwards)",
                "zamena: rejected: " + f + ": line 5 (record 4): item nodate: missing date",
                "zamena: rejected: " + f + ": line 6 (record 5): missing id",
                "zamena: rejected: " + f + ": line 7 (record 6): item code: bad OKPD2 code '26.2011' (expected e.g. 26.20.11 or 58.29.12.000)",
                "zamena: rejected: " + f + ": line 8 (record 7): item country: bad origin country 'China' (expected an ISO 3166 alpha-2 code such as RU)",
                "zamena: rejected: " + f + ": line 9 (record 8): item price: bad price 'a lot'",
                "zamena: rejected: " + f + ": line 10 (record 9): item kii: bad kii flag 'maybe' (expected true or false)",
                "zamena: rejected: " + f + ": line 11 (record 10): item short: expected 9 cells, found 3");
    }

    @Test
    void csvWithMixedEncodingsStopsAtTheBadLineAndCountsWhatCameBefore(@TempDir Path dir) throws Exception {
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "1,2024-06-01,44-FZ,false,58.29.12,МойОфис,RU,4223,1\n"
                + "2,2024-06-01,44-FZ,false,58.29.12,Офис,RU,4223,1\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("3,2024-06-01,44-FZ,false,58.29.12,Офис,RU,4223,1\n".getBytes(java.nio.charset.Charset.forName("windows-1251")));
        bytes.writeBytes("4,2024-06-01,44-FZ,false,58.29.12,Офис,RU,4223,1\n".getBytes(StandardCharsets.UTF_8));
        Path f = dir.resolve("mixed.csv");
        Files.write(f, bytes.toByteArray());
        Checked c = check(f);
        assertThat(c.code).isEqualTo(2);
        assertThat(c.decided).containsExactly("1", "2");
        assertThat(c.err).contains(f + ": line 4").contains("the text is not valid UTF-8 here")
                .contains("the rest of the file was not read");
    }

    @Test
    void csvWithoutTheHeaderIsAFileError(@TempDir Path dir) throws Exception {
        Path f = write(dir, "noheader.csv", "id,date,name\n1,2024-06-01,Laptop\n");
        Checked c = check(f);
        assertThat(c.code).isEqualTo(2);
        assertThat(c.read).isZero();
        assertThat(c.err).contains(f + ": line 1: the header lacks column(s) law, kii, okpd2, origin_country, registry_number, price");
    }

    @Test
    void ocdsReleasesWithBadDatesMissingIdsAndBadCodesRejectOnlyTheirItems(@TempDir Path dir) throws Exception {
        Path f = write(dir, "package.json", """
                {"uri": "x", "releases": [
                  {"ocid": "ocds-a-1", "id": "1", "date": "2024-06-01", "tag": ["tender"], "tender": {"items": [
                    {"id": "1", "description": "Laptop", "classification": {"scheme": "OKPD2", "id": "26.20.11"}},
                    {"id": "2", "description": "Chair", "classification": {"scheme": "OKPD2", "id": "26.2011"}},
                    {"description": "no id", "classification": {"scheme": "OKPD2", "id": "26.20.11"}}]}},
                  {"ocid": "ocds-a-2", "id": "2", "date": "yesterday", "tag": ["tender"], "tender": {"items": [{"id": "1", "description": "Server"}]}},
                  {"id": "3", "date": "2024-06-01", "tag": ["tender"], "tender": {"items": [{"id": "1", "description": "Server"}]}},
                  {"ocid": "ocds-a-4", "id": "4", "date": "2012-01-01", "tag": ["tender"], "tender": {"items": [{"id": "1", "description": "Server"}]}},
                  {"ocid": "ocds-a-5", "id": "5", "date": "2024-06-01", "tag": ["tender"], "tender": {"items": [{"id": "1", "description": "Printer"}]}}
                ]}
                """);
        Checked c = check(f, "--law", "44-FZ");
        assertThat(c.decided).containsExactly("ocds-a-1/1", "ocds-a-5/1");
        assertThat(c.rejections).containsExactly(
                "zamena: rejected: " + f + ": line 2 (record 1): item ocds-a-1/2: bad OKPD2 code '26.2011' (expected e.g. 26.20.11 or 58.29.12.000)",
                "zamena: rejected: " + f + ": line 2 (record 1): item ocds-a-1/#3: item without id",
                "zamena: rejected: " + f + ": line 6 (record 2): item ocds-a-2/1: release ocds-a-2: bad date 'yesterday' (expected YYYY-MM-DD)",
                "zamena: rejected: " + f + ": line 7 (record 3): item #3/1: release without ocid",
                "zamena: rejected: " + f + ": line 8 (record 4): item ocds-a-4/1: date 2012-01-01 is before every rule of profile 'ru' (it covers 2016-01-01 onwards)");
    }

    @Test
    void ocdsJsonLinesGoOnAfterABrokenLine(@TempDir Path dir) throws Exception {
        Path f = write(dir, "releases.jsonl", """
                {"ocid": "ocds-b-1", "id": "1", "date": "2024-06-01", "tender": {"items": [{"id": "1", "description": "Laptop", "classification": {"scheme": "OKPD2", "id": "26.20.11"}}]}}
                {"ocid": "ocds-b-2", "id": "2", "date": "2024-06-01", "tender": {"items": [{"id": "1", "description": "Laptop"
                {"ocid": "ocds-b-3", "id": "3", "date": "2024-06-01", "tender": {"items": [{"id": "1", "description": "Laptop", "classification": {"scheme": "OKPD2", "id": "26.20.11"}}]}}
                ["not", "a", "release"]
                {"uri": "no releases and no ocid"}
                {"ocid": "ocds-b-4", "id": "4", "date": "2024-06-01", "tender": {"items": [{"id": "1", "description": "Laptop", "classification": {"scheme": "OKPD2", "id": "26.20.11"}}]}}
                """);
        Checked c = check(f, "--law", "44-FZ");
        assertThat(c.decided).containsExactly("ocds-b-1/1", "ocds-b-3/1", "ocds-b-4/1");
        assertThat(c.rejected).isEqualTo(3);
        assertThat(c.rejections.get(0)).startsWith("zamena: rejected: " + f + ": line 2").contains("invalid JSON");
        assertThat(c.rejections.get(1)).startsWith("zamena: rejected: " + f + ": line 4").contains("invalid OCDS");
        assertThat(c.rejections.get(2)).startsWith("zamena: rejected: " + f + ": line 5").contains("neither releases, records nor ocid");
    }

    @Test
    void aTruncatedOcdsPackageStopsWithItsPositionAfterTheReleasesBefore(@TempDir Path dir) throws Exception {
        Path f = write(dir, "truncated.json", """
                {"releases": [
                  {"ocid": "ocds-c-1", "id": "1", "date": "2024-06-01", "tender": {"items": [{"id": "1", "description": "Laptop"}]}},
                  {"ocid": "ocds-c-2", "id": "2", "date": "2024-06-01", "tender": {"items": [{"id": "1", "descr
                """);
        Checked c = check(f);
        assertThat(c.code).isEqualTo(2);
        assertThat(c.decided).containsExactly("ocds-c-1/1");
        assertThat(c.err).contains(f + ": line ").contains("invalid JSON").contains("the rest of the file was not read");
    }

    @Test
    void eisXmlBadItemsAreRejectedAndExternalEntitiesRefused(@TempDir Path dir) throws Exception {
        Path f = write(dir, "contract.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <export xmlns="http://zakupki.gov.ru/oos/export/1">
                  <contract>
                    <regNum>2770000000024000001</regNum>
                    <signDate>2024-06-01</signDate>
                    <products>
                      <product><OKPD2><code>26.20.11.110</code></OKPD2><name>Ноутбук</name><originCountry><countryCode>156</countryCode></originCountry><price>1000</price></product>
                      <product><OKPD2><code>26.2011</code></OKPD2><name>Ноутбук</name></product>
                      <product><OKPD2><code>26.20.11.110</code></OKPD2><name>Ноутбук</name><originCountry><countryCode>999</countryCode></originCountry></product>
                      <product><OKPD2><code>58.29.12.000</code></OKPD2><name>Офис</name><price>много</price></product>
                      <product><OKPD2><code>26.20.15.000</code></OKPD2><name>Системный блок</name><originCountry><countryCode>643</countryCode></originCountry></product>
                    </products>
                  </contract>
                </export>
                """);
        Checked c = check(f);
        assertThat(c.decided).containsExactly("2770000000024000001/1", "2770000000024000001/5");
        assertThat(c.rejections).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("zamena: rejected: " + f + ": line "));
        assertThat(c.rejections.get(0)).contains("item 2770000000024000001/2: bad OKPD2 code '26.2011'");
        assertThat(c.rejections.get(1)).contains("item 2770000000024000001/3:").contains("999");
        assertThat(c.rejections.get(2)).contains("item 2770000000024000001/4: bad price 'много'");

        Path xxe = write(dir, "xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<export>&e;</export>\n");
        Checked refused = check(xxe);
        assertThat(refused.code).isEqualTo(2);
        assertThat(refused.read).isZero();
        assertThat(refused.err).contains(xxe.toString()).contains("DOCTYPE").doesNotContain("root:");
    }

    @Test
    void eisXmlDatesOutsideEveryRuleAndMissingDates(@TempDir Path dir) throws Exception {
        // an EIS file is one document: its date is the document's
        String contract = """
                <?xml version="1.0" encoding="UTF-8"?>
                <export xmlns="http://zakupki.gov.ru/oos/export/1">
                  <contract>
                    <regNum>%s</regNum>%s
                    <products>
                      <product><OKPD2><code>26.20.11.110</code></OKPD2><name>Ноутбук</name></product>
                      <product><OKPD2><code>58.29.12.000</code></OKPD2><name>Офис</name></product>
                    </products>
                  </contract>
                </export>
                """;
        Path old = write(dir, "old.xml", contract.formatted("1", "\n    <signDate>2014-03-01</signDate>"));
        Checked c = check(old);
        assertThat(c.decided).isEmpty();
        assertThat(c.rejections).containsExactly(
                "zamena: rejected: " + old + ": line 7 (record 1): item 1/1: date 2014-03-01 is before every rule of profile 'ru' (it covers 2016-01-01 onwards)",
                "zamena: rejected: " + old + ": line 8 (record 2): item 1/2: date 2014-03-01 is before every rule of profile 'ru' (it covers 2016-01-01 onwards)");
        Path undated = write(dir, "undated.xml", contract.formatted("2", ""));
        assertThat(check(undated).rejections).containsExactly(
                "zamena: rejected: " + undated + ": line 6 (record 1): item 2/1: missing date",
                "zamena: rejected: " + undated + ": line 7 (record 2): item 2/2: missing date");
        Path ok = write(dir, "ok.xml", contract.formatted("3", "\n    <signDate>2024-03-01</signDate>"));
        Checked fine = check(ok);
        assertThat(fine.decided).containsExactly("3/1", "3/2");
        assertThat(fine.rejected).isZero();
    }

    @Test
    void emptyAndUnknownFiles(@TempDir Path dir) throws Exception {
        Path empty = write(dir, "empty.csv", "\n\n");
        Checked c = check(empty);
        assertThat(c.code).isEqualTo(2);
        assertThat(c.err).contains(empty + ": the file is empty");
    }

}
