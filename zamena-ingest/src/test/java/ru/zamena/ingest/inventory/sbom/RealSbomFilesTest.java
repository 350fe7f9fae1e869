package ru.zamena.ingest.inventory.sbom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.zamena.core.inventory.InventoryItem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static ru.zamena.ingest.inventory.sbom.SbomReaderTest.readAll;

/**
 * The readers on real public SBOMs from the shared fixtures. Counts are the hand-checked numbers of
 * components (top-level plus nested, metadata excluded) and packages; where cheap, they are also
 * recounted here independently of the readers.
 */
class RealSbomFilesTest {
    static Path sbom;

    @BeforeAll
    static void sharedFixtures() {
        Path shared = Path.of(System.getenv().getOrDefault("ZAMENA_SHARED_DIR", "../../shared"));
        sbom = shared.resolve("fixtures/sbom");
        assumeTrue(Files.isDirectory(sbom), "../shared/fixtures absent: skipping tests on real SBOMs");
    }

    @Test
    void juiceShopCycloneDx12Json() throws IOException {
        Path file = sbom.resolve("cyclonedx_juice-shop_v11.1.2_bom.json");
        List<InventoryItem> items = readAll(file, "cyclonedx-json");

        assertThat(items).hasSize(840).hasSize(countJsonArray(file, "components"));
        assertThat(items).filteredOn(i -> i.name().equals("express"))
                .extracting(InventoryItem::version, InventoryItem::purl, InventoryItem::type)
                .containsExactly(tuple("4.17.1", "pkg:npm/express@4.17.1", "framework"));
        assertThat(items).extracting(InventoryItem::name).doesNotContain("juice-shop"); // the metadata component is the product itself
    }

    @Test
    void protonBridgeCycloneDx12Json() throws IOException {
        Path file = sbom.resolve("cyclonedx_proton-bridge_proton-bridge-v1.8.0.bom.json");
        List<InventoryItem> items = readAll(file, "cyclonedx-json");

        assertThat(items).hasSize(201).hasSize(countJsonArray(file, "components"));
        assertThat(items.getLast()).isEqualTo(new InventoryItem("gopkg.in/yaml.v3", "v3.0.0-20200313102051-9f266ea9e77c", null,
                "pkg:golang/gopkg.in/yaml.v3@v3.0.0-20200313102051-9f266ea9e77c", null, "library", null, null, 201));
    }

    @Test
    void hardwareBomTakesTheSupplierAsPublisher() throws IOException {
        List<InventoryItem> items = readAll(sbom.resolve("cyclonedx-hbom_PCIe-SATA-adapter-board_bom.json"), "cyclonedx-json");

        // this HBOM names makers under "supplier", none under "manufacturer"
        assertThat(items).extracting(InventoryItem::name, InventoryItem::publisher, InventoryItem::type).containsExactly(
                tuple("PCIE-098-02-F-D-EMS2", "Samtec", "device"),
                tuple("47155-4001", "Molex", "device"),
                tuple("5622-4100-ML", "3M", "device"),
                tuple("MC9A22-1034", "Multicomp", "device"),
                tuple("826632-3", "TE Connectivity", "device"),
                tuple("MP000003", "Multicomp", "device"));
        assertThat(items.getFirst().version()).isEqualTo("2.9.10");
    }

    @Test
    void dropwizardCycloneDx12Xml() throws IOException {
        Path file = sbom.resolve("cyclonedx_dropwizard-1.3.15_bom.xml");
        List<InventoryItem> items = readAll(file, "cyclonedx-xml");

        assertThat(items).hasSize(167).hasSize(countLines(file, "<component ") - 1); // one is the metadata component
        assertThat(items).filteredOn(i -> i.name().equals("jackson-databind"))
                .extracting(InventoryItem::version, InventoryItem::publisher, InventoryItem::purl)
                .containsExactly(tuple("2.9.10", "FasterXML", "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.10?type=jar"));
        // no <publisher>: the Maven groupId stands in, the name stays as given
        assertThat(items).filteredOn(i -> i.name().equals("dropwizard-core"))
                .extracting(InventoryItem::version, InventoryItem::publisher, InventoryItem::position)
                .containsExactly(tuple("1.3.15", "io.dropwizard", 3308L));
    }

    @Test
    void syftCycloneDx16XmlAndSpdx23OfTheSameProject() throws IOException {
        List<InventoryItem> cyclone = readAll(sbom.resolve("cyclonedx16_syft_dependency-track.xml"), "cyclonedx-xml");
        Path spdxJsonFile = sbom.resolve("spdx23_syft_dependency-track.spdx.json");
        Path spdxTagFile = sbom.resolve("spdx23_syft_dependency-track.spdx");
        List<InventoryItem> spdxJson = readAll(spdxJsonFile, "spdx-json");
        List<InventoryItem> spdxTag = readAll(spdxTagFile, "spdx-tag-value");

        assertThat(cyclone).hasSize(80);
        // SPDX also lists the scanned directory as a package (CycloneDX puts it in metadata): 80 + 1
        assertThat(spdxJson).hasSize(81).hasSize(countJsonArray(spdxJsonFile, "packages"));
        assertThat(spdxTag).hasSize(81).hasSize(countLines(spdxTagFile, "PackageName:"));
        assertThat(spdxTag).extracting(InventoryItem::name, InventoryItem::version, InventoryItem::purl)
                .containsExactlyInAnyOrderElementsOf(spdxJson.stream().map(i -> tuple(i.name(), i.version(), i.purl())).toList());
        assertThat(spdxJson).filteredOn(i -> i.purl() != null).hasSize(78);

        for (List<InventoryItem> items : List.of(cyclone, spdxJson, spdxTag)) {
            assertThat(items).filteredOn(i -> i.name().equals("woodstox-core"))
                    .extracting(InventoryItem::version, InventoryItem::purl, InventoryItem::cpe)
                    .containsExactly(tuple("7.0.0", "pkg:maven/com.fasterxml.woodstox/woodstox-core@7.0.0",
                            "cpe:2.3:a:com.fasterxml.woodstox:woodstox-core:7.0.0:*:*:*:*:*:*:*"));
            assertThat(items).filteredOn(i -> i.name().equals("JUnitParams")).extracting(InventoryItem::purl)
                    .containsExactly("pkg:maven/pl.pragmatists/JUnitParams@1.1.1");
        }
        assertThat(spdxTag).filteredOn(i -> i.name().equals("woodstox-core")).extracting(InventoryItem::position).containsExactly(1951L);
        assertThat(spdxJson).allSatisfy(i -> assertThat(i.publisher()).isNull()); // every supplier is NOASSERTION
    }

    /** Independent count: the size of a top-level array, nested arrays of the same name included. */
    private static int countJsonArray(Path file, String field) throws IOException {
        int count = 0;
        try (JsonParser json = StreamingSbomReader.JSON.createParser(file.toFile())) {
            json.nextToken();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                if (!name.equals(field)) {
                    json.skipChildren();
                    continue;
                }
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    count++;
                    assertThat(json.currentToken()).isEqualTo(JsonToken.START_OBJECT);
                    json.skipChildren(); // the fixtures have no nested components (checked by hand)
                }
            }
        }
        return count;
    }

    private static int countLines(Path file, String containing) throws IOException {
        try (var lines = Files.lines(file)) {
            return (int) lines.filter(l -> l.contains(containing)).count();
        }
    }
}
