package ru.zamena.ingest.inventory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.inventory.host.HostInventoryReaders;
import ru.zamena.ingest.inventory.sbom.SbomReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The one entry point routes every format to its reader by content, and gives exactly what that reader
 * gives on its own: on the project's small fixtures (whose names say nothing to the detection: they are
 * copied to neutral names first) and on the real public files in {@code ../shared/fixtures}.
 */
class InventoryReadersTest {
    @org.junit.jupiter.api.io.TempDir Path dir;

    static Path resource(String path) {
        try {
            return Path.of(InventoryReadersTest.class.getResource("/inventory/" + path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<InventoryItem> readAll(Iterator<InventoryItem> reader) {
        List<InventoryItem> items = new ArrayList<>();
        reader.forEachRemaining(items::add);
        return items;
    }

    /** Format and items through {@link InventoryReaders}, checked against {@code direct}. */
    static List<InventoryItem> readSame(Path file, String format, InventoryReader direct) throws IOException {
        List<InventoryItem> expected;
        try (direct) {
            expected = readAll(direct);
        }
        try (InventoryReader r = InventoryReaders.open(file)) {
            assertThat(r.format()).isEqualTo(format);
            List<InventoryItem> items = readAll(r);
            assertThat(items).isEqualTo(expected);
            return items;
        }
    }

    @ParameterizedTest
    @CsvSource({
            "sbom/cyclonedx12-tiny.json, cyclonedx-json",
            "sbom/cyclonedx15-nested.xml, cyclonedx-xml",
            "sbom/spdx23-tiny.spdx.json, spdx-json",
            "sbom/spdx23-tiny.spdx, spdx-tag-value",
            "host/ocs-inventory.xml, ocs-xml",
            "host/uninstall.reg, windows-reg",
            "host/osquery-deb.json, osquery-json",
            "host/osquery-programs.json, osquery-json",
            "host/dpkg-query.txt, package-list",
            "host/dpkg-query-format.txt, package-list",
            "host/rpm-qa.txt, package-list",
            "table/software-cp1251.csv, csv"})
    void detectsEachFormatByContentNotByName(String fixture, String format) throws IOException {
        Path file = Files.copy(resource(fixture), dir.resolve("upload.bin"));
        try (InventoryReader r = InventoryReaders.open(file)) {
            assertThat(r.format()).isEqualTo(format);
            assertThat(readAll(r)).isNotEmpty();
        }
        if (fixture.startsWith("sbom/")) readSame(file, format, SbomReader.open(file));
        if (fixture.startsWith("host/")) readSame(file, format, HostInventoryReaders.open(file));
    }

    @Test
    void theSameFileReadTwiceGivesTheSameItems() throws IOException {
        Path file = resource("table/software-cp1251.csv");
        List<InventoryItem> first, second;
        try (InventoryReader r = InventoryReaders.open(file)) {
            first = readAll(r);
        }
        try (InventoryReader r = InventoryReaders.open(file)) {
            second = readAll(r);
        }
        assertThat(second).isEqualTo(first).hasSize(8);
    }

    @Test
    void realPublicSbomsGiveWhatTheSbomReadersGive() throws IOException {
        Path sbom = shared("sbom");
        for (Path file : list(sbom)) {
            String format = file.toString().endsWith(".xml") ? "cyclonedx-xml"
                    : file.toString().endsWith(".spdx") ? "spdx-tag-value"
                    : file.toString().endsWith(".spdx.json") ? "spdx-json" : "cyclonedx-json";
            assertThat(readSame(file, format, SbomReader.open(file))).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void realGlpiInventoriesGiveWhatTheGlpiReaderGives() throws IOException {
        Path glpi = shared("glpi");
        int withSoftware = 0;
        for (Path file : list(glpi)) {
            if (file.getFileName().toString().equals("inventory.schema.json")) continue; // the schema, not an inventory
            if (!readSame(file, "glpi-json", HostInventoryReaders.open(file)).isEmpty()) withSoftware++;
        }
        assertThat(withSoftware).as("computers with software").isGreaterThanOrEqualTo(2);
    }

    static Path shared(String folder) {
        Path path = Path.of(System.getenv().getOrDefault("ZAMENA_SHARED_DIR", "../../shared")).resolve("fixtures").resolve(folder);
        assumeTrue(Files.isDirectory(path), "../shared/fixtures absent: skipping tests on real public files");
        return path;
    }

    static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
