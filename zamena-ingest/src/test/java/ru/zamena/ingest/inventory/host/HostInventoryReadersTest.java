package ru.zamena.ingest.inventory.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.inventory.host.HostInventoryReaders.Format;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.zamena.ingest.inventory.host.GlpiInventoryReaderTest.readAll;

class HostInventoryReadersTest {
    @TempDir Path dir;

    static Path resource(String name) {
        try {
            return Path.of(HostInventoryReadersTest.class.getResource("/inventory/host/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InventoryItem item(String name, String version, String publisher, String type, String arch, String host, long position) {
        return new InventoryItem(name, version, publisher, null, null, type, arch, host, position);
    }

    @Test
    void readsUninstallKeysOfAUtf16RegistryExport() throws IOException {
        try (HostInventoryReader r = HostInventoryReaders.open(resource("uninstall.reg"))) {
            assertThat(r).isInstanceOf(RegUninstallReader.class);
            List<InventoryItem> items = r.stream().toList();
            // Not listed: the Uninstall key itself, the subkey, the SystemComponent runtime, the update
            // without DisplayName, the key outside Uninstall and the deleted key.
            assertThat(items).containsExactly(
                    item("Microsoft Office профессиональный плюс 2016", "16.0.4266.1001", "Microsoft Corporation", "application", null, null, 5),
                    item("Kaspersky Endpoint Security для Windows", "11.11.0.452", "АО \"Лаборатория Касперского\"", "application", null, null, 14),
                    item("1С:Предприятие 8 (8.3.22.1709)", "8.3.22.1709", "1С-Софт", "application", "x86", null, 33),
                    item("7-Zip 23.01 (x64)", "23.01", "Igor Pavlov", "application", null, null, 40));
        }
    }

    @Test
    void readsAnAnsiRegedit4Export() throws IOException {
        Path file = dir.resolve("soft.reg");
        Files.writeString(file, """
                REGEDIT4

                [HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Консультант]
                "DisplayName"="КонсультантПлюс"
                "Publisher"="ЗАО \\"КонсультантПлюс\\""
                "InstallLocation"="C:\\\\Consultant\\\\\"""".replace("\n", "\r\n"), Charset.forName("windows-1251"));

        assertThat(readAll(file)).containsExactly(
                item("КонсультантПлюс", null, "ЗАО \"КонсультантПлюс\"", "application", null, null, 3));
    }

    @Test
    void readsOcsInventoryXml() throws IOException {
        List<InventoryItem> items = readAll(resource("ocs-inventory.xml"));

        assertThat(items).containsExactly(
                item("1С:Предприятие 8 (8.3.22.1709)", "8.3.22.1709", "1С-Софт", "application", "i586", "BUH-PC-07", 13),
                item("Mozilla Firefox (x64 ru)", "115.3.1", "Mozilla", "application", null, "BUH-PC-07", 21),
                item("LibreOffice 7.5.4.2 & Help Pack (Russian)", "7.5.4.2", "The Document Foundation", "application", null, "BUH-PC-07", 30));
    }

    @Test
    void readsOsqueryProgramsAndDebPackages() throws IOException {
        try (var r = (OsqueryReader) HostInventoryReaders.open(resource("osquery-programs.json"))) {
            assertThat(r.stream().toList()).containsExactly(
                    item("Microsoft Office профессиональный плюс 2016", "16.0.4266.1001", "Microsoft Corporation", "application", null, null, 1),
                    item("Kaspersky Endpoint Security для Windows", "11.11.0.452", "АО \"Лаборатория Касперского\"", "application", null, null, 2));
            assertThat(r.table()).isEqualTo(OsqueryReader.Table.PROGRAMS);
        }
        try (var r = (OsqueryReader) HostInventoryReaders.open(resource("osquery-deb.json"))) {
            assertThat(r.stream().toList()).containsExactly(
                    item("libc6", "2.35-0ubuntu3.4", "Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>", "package", "amd64", null, 1),
                    item("fly-fm", "2.14.5+b1", "Astra Linux Maintainers <packages@astralinux.ru>", "package", "amd64", null, 2),
                    item("tzdata", "2023c-0ubuntu0.22.04", null, "package", "all", null, 3));
            assertThat(r.table()).isEqualTo(OsqueryReader.Table.DEB_PACKAGES);
        }
    }

    @Test
    void readsOsqueryRpmPackages() throws IOException {
        Path file = dir.resolve("rpm.json");
        Files.writeString(file, """
                [{"name":"bash","version":"5.1.8","release":"6.el9_1","epoch":"","arch":"x86_64","vendor":"Red Hat, Inc.","package_group":"Unspecified"}]""");
        assertThat(readAll(file)).containsExactly(item("bash", "5.1.8-6.el9_1", "Red Hat, Inc.", "package", "x86_64", null, 1));
    }

    @Test
    void readsDpkgQueryOutput() throws IOException {
        assertThat(readAll(resource("dpkg-query.txt"))).containsExactly(
                item("libc6", "2.35-0ubuntu3.4", null, "package", "amd64", null, 1),
                item("adduser", "3.118ubuntu5", null, "package", null, null, 2),
                item("fly-fm", "2.14.5+b1", null, "package", null, null, 3),
                item("libreoffice-writer", "1:7.3.7-0ubuntu0.22.04.3", null, "package", null, null, 4),
                item("rc-only-package", null, null, "package", null, null, 6));
        assertThat(readAll(resource("dpkg-query-format.txt"))).containsExactly(
                item("libc6", "2.35-0ubuntu3.4", null, "package", "amd64", null, 1),
                item("adduser", "3.118ubuntu5", null, "package", "all", null, 2),
                item("libreoffice-writer", "1:7.3.7-0ubuntu0.22.04.3", null, "package", "amd64", null, 3));
    }

    @Test
    void splitsRpmNevra() throws IOException {
        assertThat(readAll(resource("rpm-qa.txt"))).containsExactly(
                item("gnome-calculator", "3.34.1-1.fc31", null, "package", "x86_64", null, 1),
                item("xorg-x11-font-utils", "7.5-44.fc31", null, "package", "x86_64", null, 2),
                item("perl-Data-Dumper", "2.174-3.fc31", null, "package", "x86_64", null, 3),
                item("tzdata", "2019c-1.fc31", null, "package", "noarch", null, 4),
                item("gpg-pubkey", "3c3359c4-5c6ae44d", null, "package", null, null, 5),
                item("glibc", "2.30-10.fc31", null, "package", "i686", null, 6));
    }

    @Test
    void aBadLineInAPackageListNamesItsLine() throws IOException {
        Path file = dir.resolve("rpm.txt");
        Files.writeString(file, "bash-5.1.8-6.el9_1.x86_64\nthis line is not a package at all\n");
        try (HostInventoryReader r = HostInventoryReaders.open(file)) {
            assertThat(r.next().name()).isEqualTo("bash");
            assertThatThrownBy(r::next).isInstanceOf(InputException.class)
                    .hasMessageStartingWith("rpm.txt: line 2: expected 'name<TAB>version'");
        }
    }

    @Test
    void detectsFormatsFromContent() {
        assertThat(HostInventoryReaders.detect("\n  {\"content\": {}}")).isEqualTo(Format.GLPI_JSON);
        assertThat(HostInventoryReaders.detect("[\n {\"name\": \"x\"}]")).isEqualTo(Format.OSQUERY_JSON);
        assertThat(HostInventoryReaders.detect("[]")).isEqualTo(Format.OSQUERY_JSON);
        assertThat(HostInventoryReaders.detect("<?xml version=\"1.0\"?>\n<!-- agent -->\n<REQUEST><CONTENT/></REQUEST>")).isEqualTo(Format.OCS_XML);
        assertThat(HostInventoryReaders.detect("Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE]")).isEqualTo(Format.WINDOWS_REG);
        assertThat(HostInventoryReaders.detect("adduser\t3.118ubuntu5\n")).isEqualTo(Format.PACKAGE_LIST);
        assertThat(HostInventoryReaders.detect("tar-1.32-2.fc31.x86_64\n")).isEqualTo(Format.PACKAGE_LIST);
        assertThat(HostInventoryReaders.detect("[1, 2, 3]")).isNull();
        assertThat(HostInventoryReaders.detect("<registry><item/></registry>")).isNull();
        assertThat(HostInventoryReaders.detect("Hello world, this is a letter\n")).isNull();
        assertThat(HostInventoryReaders.detect("name;version\nfoo;1.0\n")).isNull();
    }

    @Test
    void unknownFormatsAreRefusedWithTheSupportedList() throws IOException {
        Path xml = dir.resolve("registry.xml");
        Files.writeString(xml, "<?xml version=\"1.0\"?>\n<registry><item><name>x</name></item></registry>");
        Path garbage = dir.resolve("photo.jpg");
        Files.write(garbage, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, (byte) 0x89, 0x50, 0});

        for (Path file : List.of(xml, garbage))
            assertThatThrownBy(() -> HostInventoryReaders.open(file)).isInstanceOf(InputException.class)
                    .hasMessageStartingWith(file.getFileName() + ": not a recognised inventory format; supported: GLPI agent inventory (JSON)");
        assertThatThrownBy(() -> HostInventoryReaders.open(dir.resolve("missing.json"))).isInstanceOf(InputException.class)
                .hasMessage("missing.json: file not found");
    }

    @Test
    void brokenXmlAndWrongRootNameFileAndPosition() throws IOException {
        Path cut = dir.resolve("cut.xml");
        Files.writeString(cut, "<REQUEST>\n<CONTENT>\n<SOFTWARES><NAME>a</NAME></SOFTWARES>\n<SOFTWARES><NAME>b");
        try (HostInventoryReader r = HostInventoryReaders.open(cut)) {
            assertThat(r.next().name()).isEqualTo("a");
            assertThatThrownBy(r::hasNext).isInstanceOf(InputException.class)
                    .hasMessageStartingWith("cut.xml: line 4")
                    .hasMessageContaining("unexpected end of file inside <NAME>");
        }
        // Detected by a peek at the start; the reader itself also insists on the root.
        try (var r = new OcsInventoryReader(new StringReader("<INVENTORY>\n</INVENTORY>"), "inv.xml")) {
            assertThatThrownBy(r::hasNext).isInstanceOf(InputException.class)
                    .hasMessageStartingWith("inv.xml: line 1")
                    .hasMessageContaining("expected an OCS Inventory / FusionInventory inventory with root <REQUEST>, found <INVENTORY>");
        }
    }

    @Test
    void wrongJsonShapesAreReported() throws IOException {
        Path rows = dir.resolve("rows.json");
        Files.writeString(rows, "[{\"name\": \"a\"},\n 42]");
        assertThatThrownBy(() -> readAll(rows)).isInstanceOf(InputException.class)
                .hasMessage("rows.json: line 2, column 2: expected a row object, found a number");
        Path reg = dir.resolve("empty.reg");
        try (InputStream in = InputStream.nullInputStream()) {
            Files.copy(in, reg);
        }
        assertThatThrownBy(() -> HostInventoryReaders.open(reg)).isInstanceOf(InputException.class)
                .hasMessageContaining("empty.reg: not a recognised inventory format");
    }
}
