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
 * child JVM limited to {@code -Xmx256m}, which must count every item. About 200 MB by default (CI has
 * two cores); {@code ZAMENA_HUGE_TESTS=1} makes it 1 GB. Figures are printed, not asserted.
 */
class HugeInventoryTest {
    static final long SIZE = "1".equals(System.getenv("ZAMENA_HUGE_TESTS")) ? 1L << 30 : 200L << 20;

    @TempDir Path dir;

    @Test
    void aHugeCycloneDxJsonUnder256MbOfHeap() throws Exception {
        Path file = dir.resolve("huge.json");
        long expected = HugeInventoryFiles.cycloneDx(file, SIZE);
        assertCounted(file, "cyclonedx-json", expected);
    }

    @Test
    void aHugeRussianCsvUnder256MbOfHeap() throws Exception {
        Path file = dir.resolve("huge.csv");
        long expected = HugeInventoryFiles.russianCsv(file, SIZE / 2);
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
