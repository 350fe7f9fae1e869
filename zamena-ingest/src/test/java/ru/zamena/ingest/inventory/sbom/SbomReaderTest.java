package ru.zamena.ingest.inventory.sbom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.io.SafeXml;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The readers on small hand-made files: mapping rules, nesting, format detection and errors. */
class SbomReaderTest {
    @TempDir Path dir;

    static Path resource(String name) {
        try {
            return Path.of(SbomReaderTest.class.getResource("/inventory/sbom/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<InventoryItem> readAll(Path file, String expectedFormat) throws IOException {
        try (SbomReader reader = SbomReader.open(file)) {
            assertThat(reader.format()).isEqualTo(expectedFormat);
            List<InventoryItem> items = new ArrayList<>();
            reader.forEachRemaining(items::add);
            return items;
        }
    }

    @Test
    void cycloneDx12JsonWithNestedComponentsAndPublisherFallbacks() throws IOException {
        List<InventoryItem> items = readAll(resource("cyclonedx12-tiny.json"), "cyclonedx-json");

        assertThat(items).containsExactly(
                // the group stands in for the missing publisher; the name stays as given
                new InventoryItem("dropwizard-core", "1.3.15", "io.dropwizard", "pkg:maven/io.dropwizard/dropwizard-core@1.3.15",
                        null, "library", null, null, 1),
                new InventoryItem("jetty-server", "9.4.20", "Eclipse Foundation", null, null, "library", null, null, 2),
                new InventoryItem("example-os", null, "Example Corp", null, "cpe:2.3:o:example:example-os:7:*:*:*:*:*:*:*",
                        "operating-system", null, null, 3),
                new InventoryItem("bios", null, "Jane Doe", null, null, "firmware", null, null, 4));
    }

    @Test
    void cycloneDxXmlWithDeeplyNestedComponentsManufacturerAndSupplier() throws IOException {
        List<InventoryItem> items = readAll(resource("cyclonedx15-nested.xml"), "cyclonedx-xml");

        assertThat(items).containsExactly(
                new InventoryItem("controller-board", "rev-2", "Acme Hardware", null, null, "device", null, null, 8),
                new InventoryItem("boot-rom", "4.1", "Acme Firmware", null, null, "firmware", null, null, 13),
                new InventoryItem("tiny-crypto", null, "org.example", "pkg:generic/tiny-crypto@0.9", null, "library", null, null, 18),
                new InventoryItem("Editor & Co", null, "Example Soft", null, null, "application", null, null, 27));
    }

    @Test
    void spdxTagValueAndJsonGiveTheSamePackages() throws IOException {
        List<InventoryItem> tagValue = readAll(resource("spdx23-tiny.spdx"), "spdx-tag-value");
        List<InventoryItem> json = readAll(resource("spdx23-tiny.spdx.json"), "spdx-json");

        // text blocks and file sections do not leak into packages; NOASSERTION means nothing
        assertThat(tagValue).extracting(InventoryItem::name, InventoryItem::version, InventoryItem::publisher,
                        InventoryItem::purl, InventoryItem::cpe, InventoryItem::type, InventoryItem::position)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("openssl", "3.0.13", "OpenSSL Software Foundation", "pkg:generic/openssl@3.0.13",
                                "cpe:2.3:a:openssl:openssl:3.0.13:*:*:*:*:*:*:*", "library", 11L),
                        org.assertj.core.groups.Tuple.tuple("zlib", null, "Jean-loup Gailly", null, "cpe:/a:gnu:zlib:1.3", "package", 26L));
        assertThat(json).extracting(InventoryItem::name, InventoryItem::version, InventoryItem::publisher,
                        InventoryItem::purl, InventoryItem::cpe, InventoryItem::type)
                .containsExactlyElementsOf(tagValue.stream().map(i -> org.assertj.core.groups.Tuple.tuple(
                        i.name(), i.version(), i.publisher(), i.purl(), i.cpe(), i.type())).toList());
        assertThat(json).extracting(InventoryItem::position).containsExactly(1L, 2L);
    }

    @Test
    void truncatedJsonNamesFileLineAndColumn() {
        assertThatThrownBy(() -> readAll(resource("cyclonedx-truncated.json"), "cyclonedx-json"))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.file()).isEqualTo("cyclonedx-truncated.json");
                    assertThat(e.line()).isGreaterThanOrEqualTo(6);
                    assertThat(e.column()).isPositive();
                    assertThat(e.reason()).contains("unexpected end of file");
                });
    }

    @Test
    void truncatedXmlNamesFileLineAndColumn() {
        assertThatThrownBy(() -> readAll(resource("cyclonedx-truncated.xml"), "cyclonedx-xml"))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.file()).isEqualTo("cyclonedx-truncated.xml");
                    assertThat(e.line()).isGreaterThanOrEqualTo(5);
                    assertThat(e.column()).isPositive();
                    assertThat(e.reason()).contains("unexpected end of file");
                });
    }

    @Test
    void readsTheItemsBeforeTheCutThenFails() throws IOException {
        try (SbomReader reader = SbomReader.open(resource("cyclonedx-truncated.json"))) {
            assertThat(reader.next().name()).isEqualTo("left-pad");
            assertThatThrownBy(reader::hasNext).isInstanceOf(InputException.class);
        }
    }

    @Test
    void doctypeWithExternalEntityIsRefused() {
        assertThatThrownBy(() -> readAll(resource("cyclonedx-xxe.xml"), "cyclonedx-xml"))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SafeXml.DOCTYPE_REFUSED);
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).doesNotContain("root:"); // nothing of /etc/passwd
                });
    }

    @Test
    void binaryGarbageIsNotAnSbom() throws IOException {
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);
        garbage[0] = 0x7F; // not '{', '<' or 'S' whatever the seed gives
        Path file = Files.write(dir.resolve("garbage.bin"), garbage);

        assertThatThrownBy(() -> SbomReader.open(file))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.file()).isEqualTo("garbage.bin");
                    assertThat(e.reason()).contains("not a CycloneDX or SPDX document");
                });
    }

    @Test
    void otherJsonXmlAndTextAreNotAnSbom() throws IOException {
        Path json = Files.writeString(dir.resolve("other.json"), "{\n  \"name\": \"x\",\n  \"components\": []\n}\n");
        Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");
        Path xml = Files.writeString(dir.resolve("other.xml"), "<?xml version=\"1.0\"?>\n<bom xmlns=\"urn:other\"/>\n");
        Path text = Files.writeString(dir.resolve("other.txt"), "Some text\nPackageName: x\n");

        for (Path file : List.of(json, array, xml, text))
            assertThatThrownBy(() -> SbomReader.open(file)).as(file.toString())
                    .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.reason()).contains("not a CycloneDX or SPDX document"));
    }

    @Test
    void readersOpenedDirectlyCheckTheRoot() {
        assertThatThrownBy(() -> new CycloneDxXmlReader(new StringReader("<?xml version=\"1.0\"?>\n<registry/>"), "r.xml"))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).contains("expected a CycloneDX <bom> root").contains("found <registry>");
                });
        assertThatThrownBy(() -> new CycloneDxJsonReader(new StringReader("[]"), "a.json"))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.reason()).contains("expected a JSON object"));
        assertThatThrownBy(() -> {
            try (var reader = new CycloneDxJsonReader(new StringReader("{\"spdxVersion\": \"SPDX-2.3\", \"components\": []}"), "s.json")) {
                reader.hasNext();
            }
        }).isInstanceOfSatisfying(InputException.class, e -> assertThat(e.reason()).contains("not a CycloneDX document"));
        assertThatThrownBy(() -> {
            try (var reader = new SpdxTagValueReader(new StringReader("DocumentName: x\nPackageName: y\n"), "t.spdx")) {
                reader.hasNext();
            }
        }).isInstanceOfSatisfying(InputException.class, e -> assertThat(e.reason()).contains("must start with 'SPDXVersion:'"));
    }

    @Test
    void unclosedTextInTagValueIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("cut.spdx"), "SPDXVersion: SPDX-2.3\nPackageName: a\nPackageComment: <text>starts\nand never ends\n");
        assertThatThrownBy(() -> readAll(file, "spdx-tag-value"))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.reason()).contains("unexpected end of file inside a <text>");
                });
    }
}
