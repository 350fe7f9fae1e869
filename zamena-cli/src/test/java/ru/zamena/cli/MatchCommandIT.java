package ru.zamena.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code zamena match}: raw names on stdin, one JSON object per line on stdout, in order and streamed. */
class MatchCommandIT {
    static CliRunner cli;

    @BeforeAll
    static void start() {
        cli = CliRunner.start(MatchCommandIT.class);
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    /** Runs the CLI with the given stdin; stdout is captured into {@code buf}. */
    static int run(InputStream stdin, ByteArrayOutputStream buf, String... args) {
        return cli.run(stdin, buf, null, args);
    }

    static List<JsonNode> lines(String out) throws Exception {
        var list = new ArrayList<JsonNode>();
        for (String l : out.split("\n")) if (!l.isBlank()) list.add(Output.JSON.readTree(l));
        return list;
    }

    @Test
    void writesOneJsonLinePerInputInOrder() throws Exception {
        String input = "Microsoft Office Professional Plus 2019 - ru-ru\tMicrosoft Corporation\n"
                + "Security Update for Microsoft Office 2016 (KB5002138)\tMicrosoft Corporation\n"
                + "NVIDIA Graphics Driver 546.33\n"
                + "LibreOffice 7.6.4.1\n";
        var buf = new ByteArrayOutputStream();
        int code = run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), buf, "match");
        assertThat(code).isZero();
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out.lines().toList()).hasSize(4).allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));
        var j = lines(out);
        assertThat(j.get(0).get("input").asText()).isEqualTo("Microsoft Office Professional Plus 2019 - ru-ru");
        assertThat(j.get(1).get("input").asText()).startsWith("Security Update");
        assertThat(j.get(2).get("input").asText()).startsWith("NVIDIA");
        assertThat(j.get(3).get("input").asText()).isEqualTo("LibreOffice 7.6.4.1");

        JsonNode office = j.get(0);
        assertThat(office.get("status").asText()).isEqualTo("matched");
        assertThat(office.get("product_id").asText()).isEqualTo("microsoft-office");
        assertThat(office.get("product").asText()).isNotBlank();
        assertThat(office.get("vendor").asText()).isNotBlank();
        assertThat(office.get("vendor_country").asText()).isEqualTo("US");
        assertThat(office.get("open_source").asBoolean()).isFalse();
        assertThat(office.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(office.get("alternatives").size()).isBetween(1, 3);
        for (JsonNode a : office.get("alternatives")) assertThat(a.has("product") && a.has("vendor") && a.has("country")).isTrue();
        assertThat(office.get("evidence").get("cleaned").asText()).isEqualTo("Microsoft Office");
        assertThat(office.get("evidence").has("thresholds")).isTrue();

        for (JsonNode none : List.of(j.get(1), j.get(2))) {
            assertThat(none.get("status").asText()).isEqualTo("unmatched");
            assertThat(none.get("product").isNull()).isTrue();
            assertThat(none.get("vendor").isNull()).isTrue();
            assertThat(none.get("alternatives").size()).isZero();
        }
        assertThat(j.get(1).get("evidence").get("reason").asText()).isEqualTo("update");
        assertThat(j.get(3).get("open_source").asBoolean()).isTrue();
    }

    @Test
    void streamsBeforeInputEnds() throws Exception {
        var pipe = new PipedOutputStream();
        var stdin = new PipedInputStream(pipe);
        var buf = new ByteArrayOutputStream();
        var done = CompletableFuture.supplyAsync(() -> run(stdin, buf, "match"));
        pipe.write("Microsoft Office 2019\n".getBytes(StandardCharsets.UTF_8));
        pipe.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!buf.toString(StandardCharsets.UTF_8).contains("\n") && System.nanoTime() < deadline) Thread.sleep(50);
        String first = buf.toString(StandardCharsets.UTF_8);
        assertThat(first).as("first line written while stdin is still open").contains("\"input\":\"Microsoft Office 2019\"");
        assertThat(done).isNotDone();
        pipe.write("Kaspersky Endpoint Security для Windows\n".getBytes(StandardCharsets.UTF_8));
        pipe.close();
        assertThat(done.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(lines(buf.toString(StandardCharsets.UTF_8))).hasSize(2);
    }

    @Test
    void keepsInputOrderAcrossBatchesAndRepeats() throws Exception {
        // More lines than one batch, many repeated (answered from the run's cache), some unique.
        String[] names = {"Microsoft Office Professional Plus 2019 - ru-ru\tMicrosoft Corporation", "LibreOffice 7.6.4.1",
                "NVIDIA Graphics Driver 546.33", "Kaspersky Endpoint Security для Windows\tАО Лаборатория Касперского"};
        var sb = new StringBuilder();
        int n = MatchCommand.BATCH * 2 + 345;
        for (int i = 0; i < n; i++) sb.append(i % 10 == 9 ? "Zorvex Helper " + i : names[i % names.length]).append('\n');
        var buf = new ByteArrayOutputStream();
        assertThat(run(new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), buf, "match")).isZero();
        var j = lines(buf.toString(StandardCharsets.UTF_8));
        assertThat(j).hasSize(n);
        for (int i = 0; i < n; i++) {
            String expected = i % 10 == 9 ? "Zorvex Helper " + i : names[i % names.length].split("\t")[0];
            assertThat(j.get(i).get("input").asText()).as("line %d", i + 1).isEqualTo(expected);
            assertThat(j.get(i).fieldNames()).toIterable().startsWith("input", "status", "product", "product_id", "vendor", "vendor_country",
                    "open_source", "score", "alternatives", "evidence");
        }
        assertThat(j.get(0).get("status").asText()).isEqualTo("matched");
        assertThat(j.get(1).get("product_id").asText()).isEqualTo("libreoffice");
        assertThat(j.get(9).get("status").asText()).isEqualTo("unmatched");
    }

    @Test
    void tableFormat() {
        var buf = new ByteArrayOutputStream();
        int code = run(new ByteArrayInputStream("Microsoft Office 2019\n".getBytes(StandardCharsets.UTF_8)), buf, "match", "--format", "table");
        assertThat(code).isZero();
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("STATUS").contains("matched");
    }
}
