package ru.zamena.ingest.inventory.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** GLPI agent inventories: the real examples of the inventory_format project, and a few made up here. */
class GlpiInventoryReaderTest {
    static final Path GLPI = Path.of(System.getenv().getOrDefault("ZAMENA_SHARED_DIR", "../../shared")).resolve("fixtures/glpi");

    @TempDir Path dir;

    static List<InventoryItem> readAll(Path file) throws IOException {
        try (HostInventoryReader r = HostInventoryReaders.open(file)) {
            var items = new ArrayList<InventoryItem>();
            r.forEachRemaining(items::add);
            return items;
        }
    }

    private static Path real(String name) {
        assumeTrue(Files.isDirectory(GLPI), "../shared/fixtures absent: skipping tests on real GLPI inventories");
        return GLPI.resolve(name);
    }

    @Test
    void readsTheSoftwareOfARealComputerInventory() throws IOException {
        // Counted by hand: python3 -c 'import json; print(len(json.load(open("computer_1.json"))["content"]["softwares"]))' → 6
        List<InventoryItem> items = readAll(real("computer_1.json"));

        assertThat(items).extracting(InventoryItem::name)
                .containsExactly("gitg", "expat", "gnome-calculator", "libcryptui", "tar", "gettext");
        assertThat(items.getFirst()).isEqualTo(new InventoryItem("gitg", "3.32.1-1.fc31", "Fedora Project", null, null,
                "package", "x86_64", "glpixps", 1));
        assertThat(items.get(4)).extracting(InventoryItem::version, InventoryItem::position).containsExactly("1.32-2.fc31", 5L);
        assertThat(items).allSatisfy(i -> assertThat(i.host()).isEqualTo("glpixps"));
    }

    @Test
    void readsAPartialInventory() throws IOException {
        List<InventoryItem> items = readAll(real("computer_1_partial_softs.json"));

        assertThat(items).hasSize(6);
        assertThat(items.getFirst()).extracting(InventoryItem::name, InventoryItem::version).containsExactly("gitg", "3.33.0-1.fc31");
        assertThat(items.getLast()).extracting(InventoryItem::name, InventoryItem::version).containsExactly("gettext", "0.20.1-3.fc31");
    }

    @Test
    void anInventoryWithoutSoftwareGivesNothing() throws IOException {
        // computer_2.json has hardware, bios and virtual machines but no "softwares" key.
        assertThat(readAll(real("computer_2.json"))).isEmpty();
    }

    @Test
    void hostIsWhatWasSeenBeforeTheSoftware() throws IOException {
        Path file = dir.resolve("order.json");
        Files.writeString(file, """
                {"deviceid": "buh-07-2024-01-01", "content": {
                  "softwares": [{"name": "КриптоПро CSP", "version": "5.0.12600", "publisher": "ООО \\"КРИПТО-ПРО\\"", "from": "registry"},
                                {"version": "no name"}],
                  "hardware": {"name": "BUH-07"},
                  "softwares_too_late": [{"name": "ignored"}]}}
                """);

        assertThat(readAll(file)).containsExactly(new InventoryItem("КриптоПро CSP", "5.0.12600", "ООО \"КРИПТО-ПРО\"",
                null, null, "application", null, "buh-07-2024-01-01", 1));
    }

    @Test
    void truncatedJsonNamesFileAndPosition() throws IOException {
        Path file = dir.resolve("cut.json");
        Files.writeString(file, "{\"content\": {\"hardware\": {\"name\": \"X\"},\n \"softwares\": [{\"name\": \"a\"},\n {\"name\": \"b\", \"vers");
        try (HostInventoryReader r = HostInventoryReaders.open(file)) {
            assertThat(r.next().name()).isEqualTo("a");
            assertThatThrownBy(r::hasNext).isInstanceOf(InputException.class)
                    .hasMessageStartingWith("cut.json: line 3")
                    .hasMessageContaining("unexpected end of file");
        }
    }

    @Test
    void jsonWithoutContentIsNotAGlpiInventory() throws IOException {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"name\": \"something else\", \"items\": [1, 2]}");
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(InputException.class)
                .hasMessage("other.json: not a GLPI agent inventory: no \"content\" object");
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"content\": {\n  \"softwares\": [{\"name\": 'single'}]}}");
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("bad.json: line 2, column 26: malformed JSON: ");
    }

    @Test
    void softwaresOfTheWrongTypeIsReported() throws IOException {
        Path file = dir.resolve("wrong.json");
        Files.writeString(file, "{\"content\": {\"softwares\": \"none\"}}");
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("wrong.json: line 1, column 27: expected an array for content.softwares, found a string");
    }
}
