package ru.zamena.ingest.procurement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.zamena.core.compliance.Law;
import ru.zamena.core.compliance.ProcurementItem;
import ru.zamena.ingest.InputException;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The readers on real public OCDS and EIS files from ../shared/fixtures (skipped when that folder is absent). */
class RealProcurementFilesTest {
    static Path fixtures;

    @BeforeAll
    static void locate() {
        fixtures = Path.of(System.getenv().getOrDefault("ZAMENA_SHARED_DIR", "../../shared")).resolve("fixtures");
        assumeTrue(Files.isDirectory(fixtures.resolve("ocds")) && Files.isDirectory(fixtures.resolve("eis")),
                "../shared/fixtures (real OCDS and EIS files) is absent: skipping");
    }

    static ProcurementReadersTest.Collected read(String name) {
        return ProcurementReadersTest.read(fixtures.resolve(name), new ProcurementReaders.Defaults(Law.FZ44, false));
    }

    @Test
    void ocdsReleasePackageFromMexicoCity() {
        var c = read("ocds/ocdskit_release-package-1.json");
        // every release of the package brings its contract items (no classification: OCDS from Mexico has none)
        assertThat(c.rejected).isEmpty();
        assertThat(c.items).isNotEmpty().allSatisfy(i -> {
            assertThat(i.id()).startsWith("OCDS-87SD3T-");
            assertThat(i.okpd2()).isNull();
            assertThat(i.law()).isEqualTo(Law.FZ44);
        });
    }

    @Test
    void ocdsRecordPackageAndCompiledRelease() {
        var record = read("ocds/ocdskit_record-package-1.json");
        assertThat(record.rejected).isEmpty();
        var compiled = read("ocds/ocdskit_compiled-release-1.json");
        assertThat(compiled.rejected).isEmpty();
        assertThat(compiled.items).isNotEmpty().allSatisfy(i -> assertThat(i.date().getYear()).isEqualTo(2017));
    }

    @Test
    void ocdsInUtf8AndIso88591GiveTheSameItems() {
        var utf8 = read("ocds/ocdskit_release-package_encoding-utf-8.json");
        var latin = read("ocds/ocdskit_release-package_encoding-iso-8859-1.json");
        assertThat(latin.items).extracting(ProcurementItem::id).containsExactlyElementsOf(utf8.items.stream().map(ProcurementItem::id).toList());
    }

    @Test
    void eisContractExecutionWithOkpd2() {
        var c = read("eis/contractProcedure_1790000066217000002_77994386.xml");
        assertThat(c.rejected).isEmpty();
        assertThat(c.items).singleElement().satisfies(i -> {
            assertThat(i.okpd2()).isEqualTo("35.30.11.111");
            assertThat(i.law()).isEqualTo(Law.FZ44);
            assertThat(i.date()).isEqualTo(java.time.LocalDate.of(2018, 1, 24));
            assertThat(i.name()).startsWith("Поставка тепловой энергии");
        });
    }

    @Test
    void eisContractWithAnOldOkdpCodeIsRejectedWithItsPosition() {
        var c = read("eis/contractProcedure_0378100003211000006_77778767.xml");
        assertThat(c.items).isEmpty();
        assertThat(c.rejected).singleElement().extracting(InputException::getMessage).asString()
                .contains("contractProcedure_0378100003211000006_77778767.xml: line").contains("bad OKPD2 code '6420030'");
    }

    @Test
    void eisDocumentsWithoutItemsGiveNone() {
        for (String f : new String[] {"eis/fcsContractSign_0111100000217000017_10907945.xml", "eis/fcsProtocolEF1_0111100000217000017_15516465.xml",
                "eis/fcs_notificationEFDateChange_0111100008417000189_17485.xml", "eis/fcsNotificationCancelFailure_0111300010718000019_29291.xml"}) {
            var c = read(f);
            assertThat(c.items).as(f).isEmpty();
            assertThat(c.rejected).as(f).isEmpty();
        }
    }
}
