package ru.zamena.ingest.inventory.huge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A big inventory is read in bounded memory: a generated file is streamed through the entry point by a
 * child JVM limited to {@code -Xmx256m}, which must count every item. A 200 MB JSON and a 50 MB CSV by default
 * (CI has two cores); {@code ZAMENA_HUGE_TESTS=1} makes them 1 GB and 512 MB. Figures are printed, not asserted.
 */
class HugeInventoryTest {
    static final boolean HUGE = "1".equals(System.getenv("ZAMENA_HUGE_TESTS"));
    static final long JSON_SIZE = HUGE ? 1L << 30 : 200L << 20;
    static final long CSV_SIZE = HUGE ? 512L << 20 : 50L << 20;

    @TempDir Path dir;

    @Test
    void aHugeCycloneDxJsonUnder256MbOfHeap() throws Exception {
        Path file = dir.resolve("huge.json");
        long expected = HugeInventoryFiles.cycloneDx(file, JSON_SIZE);
        assertCounted(file, "cyclonedx-json", expected);
    }

    @Test
    void aHugeRussianCsvUnder256MbOfHeap() throws Exception {
        Path file = dir.resolve("huge.csv");
        long expected = HugeInventoryFiles.russianCsv(file, CSV_SIZE);
        assertCounted(file, "csv", expected);
    }

    private static void assertCounted(Path file, String format, long expected) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CountItems.class.getName(), file.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = child.waitFor();
        String[] last = output.lines().reduce((a, b) -> b).orElse("").split(" ");
        assertThat(exit).as(output).isZero();
        assertThat(last[0]).as(output).isEqualTo(format);
        assertThat(Long.parseLong(last[1])).as(output).isEqualTo(expected);
        double seconds = Double.parseDouble(last[2]);
        System.out.printf(Locale.ROOT, "%s: %d MB, %d items in %.1f s (%.0f items/s, %.0f MB/s), peak heap %s MB under -Xmx256m%n", format,
                Files.size(file) >> 20, expected, seconds, expected / seconds, (Files.size(file) >> 20) / seconds, last[3]);
    }
}
