package ru.zamena.ingest.procurement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.zamena.core.compliance.Law;
import ru.zamena.core.compliance.ProcurementItem;
import ru.zamena.ingest.InputException;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The procurement readers on small fixtures of our own: line-item CSV, OCDS, EIS 44-FZ and 223-FZ, and bad inputs. */
class ProcurementReadersTest {
    /** Collects what a reader sends, in order. */
    static final class Collected implements ItemSink {
        final List<ProcurementItem> items = new ArrayList<>();
        final List<InputException> rejected = new ArrayList<>();

        @Override public void item(ProcurementItem item) { items.add(item); }
        @Override public void rejected(InputException problem) { rejected.add(problem); }
    }

    static Path resource(String name) {
        try {
            return Path.of(ProcurementReadersTest.class.getResource("/procurement/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Collected read(Path file, ProcurementReaders.Defaults defaults) {
        var c = new Collected();
        ProcurementReaders.read(file, defaults, c);
        return c;
    }

    @Test
    void lineItemCsvKeepsGoodRowsAndRejectsBadOnesWithTheirLine() {
        var c = read(resource("items.csv"), ProcurementReaders.Defaults.NONE);
        assertThat(c.items).extracting(ProcurementItem::id).containsExactly("1", "2", "3", "7");
        ProcurementItem office = c.items.get(0);
        assertThat(office.date()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(office.law()).isEqualTo(Law.FZ44);
        assertThat(office.okpd2()).isEqualTo("58.29.12");
        assertThat(office.originCountry()).isEqualTo("US");
        assertThat(office.registryNumber()).isNull();
        assertThat(office.price()).isEqualByComparingTo("150000");
        assertThat(c.items.get(1).registryNumber()).isEqualTo("4223");
        assertThat(c.items.get(2).kii()).isTrue();
        assertThat(c.items.get(2).law()).isEqualTo(Law.FZ223);
        assertThat(c.items.get(3).name()).isEqualTo("Ноутбук, 15\"");
        assertThat(c.items.get(3).law()).isEqualTo(Law.FZ44);
        assertThat(c.rejected).extracting(e -> e.line() + ": " + e.reason()).containsExactly(
                "5: item 4: unknown procurement law '45-FZ' (expected 44-FZ, 223-FZ or none)",
                "6: item 5: missing date",
                "7: item 6: bad OKPD2 code '26.2O.11' (expected e.g. 26.20.11 or 58.29.12.000)");
        assertThat(c.rejected.getFirst().getMessage()).endsWith("items.csv: line 5 (record 4): item 4: unknown procurement law '45-FZ' (expected 44-FZ, 223-FZ or none)");
    }

    @Test
    void csvWithoutTheHeaderIsAFileProblem(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "id;date;law\n1;2025-01-01;44-FZ\n");
        assertThatThrownBy(() -> read(f, ProcurementReaders.Defaults.NONE)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ": line 1: the header lacks column(s)");
    }

    @Test
    void ocdsReleasePackageWithOkpd2AndCpv() {
        var c = read(resource("release-package.json"), new ProcurementReaders.Defaults(Law.FZ44, false));
        assertThat(c.items).extracting(ProcurementItem::id).containsExactly("ocds-x1y2z3-2025-001/1", "ocds-x1y2z3-2025-001/2", "ocds-x1y2z3-2025-002/1");
        ProcurementItem laptop = c.items.get(0);
        assertThat(laptop.okpd2()).isEqualTo("26.20.11.110");
        assertThat(laptop.cpv()).isEqualTo("30213100");
        assertThat(laptop.price()).isEqualByComparingTo(new BigDecimal("10000"));
        assertThat(laptop.law()).isEqualTo(Law.FZ44);
        assertThat(laptop.date()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(c.items.get(1).okpd2()).isNull();
        assertThat(c.items.get(1).cpv()).isEqualTo("48310000");
        assertThat(c.items.get(2).name()).isEqualTo("Server");
        assertThat(c.items.get(2).date()).isEqualTo(LocalDate.of(2024, 10, 15));
        assertThat(c.rejected).singleElement().extracting(InputException::reason).asString()
                .isEqualTo("item ocds-x1y2z3-2025-001/3: bad OKPD2 code '26.2X' (expected e.g. 26.20.11 or 58.29.12.000)");
    }

    @Test
    void ocdsJsonLinesOneReleasePerLine() {
        var c = read(resource("releases.jsonl"), ProcurementReaders.Defaults.NONE);
        assertThat(c.items).extracting(ProcurementItem::id).containsExactly("ocds-x1y2z3-3/1", "ocds-x1y2z3-5/1");
        assertThat(c.rejected).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.reason()).contains("bad date 'not a date'");
        });
    }

    @Test
    void invalidOcdsIsAFileProblemAfterTheItemsBeforeIt(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> read(resource("truncated.json"), ProcurementReaders.Defaults.NONE))
                .isInstanceOf(InputException.class).hasMessageContaining("truncated.json: line").hasMessageContaining("invalid JSON");
        Path notOcds = dir.resolve("x.json");
        Files.writeString(notOcds, "{\"hello\": 1}");
        assertThatThrownBy(() -> read(notOcds, ProcurementReaders.Defaults.NONE)).isInstanceOf(InputException.class)
                .hasMessageContaining("invalid OCDS: an object with neither releases, records nor ocid");
        Path array = dir.resolve("a.json");
        Files.writeString(array, "[1, 2]");
        assertThatThrownBy(() -> read(array, ProcurementReaders.Defaults.NONE)).isInstanceOf(InputException.class).hasMessageContaining("invalid OCDS");
    }

    @Test
    void eis44NotificationItemsWithOkpd2AndKtru() {
        var c = read(resource("notification44.xml"), ProcurementReaders.Defaults.NONE);
        assertThat(c.rejected).isEmpty();
        assertThat(c.items).extracting(ProcurementItem::id).containsExactly("0373100000125000001/1", "0373100000125000001/2");
        assertThat(c.items).allSatisfy(i -> {
            assertThat(i.law()).isEqualTo(Law.FZ44);
            assertThat(i.date()).isEqualTo(LocalDate.of(2025, 3, 3));
        });
        assertThat(c.items.get(0).okpd2()).isEqualTo("26.20.11.110");
        assertThat(c.items.get(0).name()).isEqualTo("Ноутбук 15,6\"");
        assertThat(c.items.get(0).price()).isEqualByComparingTo("80000");
        assertThat(c.items.get(1).okpd2()).isEqualTo("58.29.14.000");
    }

    @Test
    void eis44ContractProductsWithOriginCountry() {
        var c = read(resource("contract44.xml"), ProcurementReaders.Defaults.NONE);
        assertThat(c.items).extracting(ProcurementItem::id).containsExactly("2770100000024000123/1", "2770100000024000123/2");
        assertThat(c.items).extracting(ProcurementItem::originCountry).containsExactly("CN", "RU");
        assertThat(c.items.get(0).date()).isEqualTo(LocalDate.of(2024, 11, 20));
    }

    @Test
    void eis223PurchaseNotice() {
        var c = read(resource("purchaseNotice223.xml"), new ProcurementReaders.Defaults(Law.NONE, true));
        assertThat(c.items).extracting(ProcurementItem::id).containsExactly("32514000001/1", "32514000001/2");
        assertThat(c.items).allSatisfy(i -> {
            assertThat(i.law()).isEqualTo(Law.FZ223);
            assertThat(i.kii()).isTrue();
            assertThat(i.date()).isEqualTo(LocalDate.of(2025, 2, 10));
        });
        assertThat(c.items.get(0).okpd2()).isEqualTo("58.29.21.000");
        assertThat(c.items.get(0).name()).isEqualTo("Лицензия Oracle Database Enterprise Edition");
    }

    @Test
    void xmlWithExternalEntitiesIsRefused() {
        assertThatThrownBy(() -> read(resource("xxe.xml"), ProcurementReaders.Defaults.NONE)).isInstanceOf(InputException.class)
                .hasMessageContaining("xxe.xml").hasMessageContaining("DOCTYPE");
    }

    @Test
    void mixedEncodingsAreAFileProblemNamingIt(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("mixed.csv");
        var bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(String.join(",", LineItemCsvReader.HEADER).concat("\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("1,2025-01-01,44-FZ,false,26.20.11,Ноутбук,CN,,1\n".getBytes(StandardCharsets.UTF_8));
        // past the 64 KiB the encoding is sniffed on, a line in CP1251
        for (int i = 0; i < 3000; i++) bytes.writeBytes(("2" + i + ",2025-01-01,44-FZ,false,26.20.11,Сервер,CN,,1\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("x,2025-01-01,44-FZ,false,26.20.11,Сервер,CN,,1\n".getBytes(java.nio.charset.Charset.forName("windows-1251")));
        Files.write(f, bytes.toByteArray());
        var c = new Collected();
        assertThatThrownBy(() -> ProcurementReaders.read(f, ProcurementReaders.Defaults.NONE, c)).isInstanceOf(InputException.class)
                .hasMessageContaining("mixed.csv").hasMessageContaining("not valid UTF-8 here");
        assertThat(c.items).hasSizeGreaterThan(1000);
    }

    @Test
    void cp1251CsvIsDecoded(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("cp1251.csv");
        Files.writeString(f, String.join(",", LineItemCsvReader.HEADER) + "\n1,2025-01-01,44-FZ,false,26.20.11,Ноутбук,CN,,1\n",
                java.nio.charset.Charset.forName("windows-1251"));
        assertThat(read(f, ProcurementReaders.Defaults.NONE).items).singleElement().extracting(ProcurementItem::name).isEqualTo("Ноутбук");
    }
}
