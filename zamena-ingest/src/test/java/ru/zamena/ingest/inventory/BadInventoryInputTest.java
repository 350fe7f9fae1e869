package ru.zamena.ingest.inventory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.zamena.ingest.inventory.InventoryReadersTest.readAll;
import static ru.zamena.ingest.inventory.InventoryReadersTest.resource;

/**
 * Whatever a user uploads, the answer is items or one {@link InputException} whose message starts with
 * the file name and says where and what: never another exception (a stack trace for the user).
 * Spreadsheet-specific cases (zip bombs, unsafe entries, XXE in a workbook) are in {@code XlsxHardeningTest}.
 */
class BadInventoryInputTest {
    static final Charset CP1251 = Charset.forName("windows-1251");

    @TempDir Path dir;

    /** Reads {@code file} to the end through the entry point and returns the error it must give. */
    static InputException failure(Path file) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> {
            try (InventoryReader r = InventoryReaders.open(file)) {
                readAll(r);
            }
        });
        assertThat(thrown).as("an error for " + file.getFileName()).isInstanceOf(InputException.class);
        assertThat(thrown.getMessage()).startsWith(file.getFileName().toString() + ": ");
        return (InputException) thrown;
    }

    /** The error {@code file} must give, at {@code line}, its reason starting with {@code reason}. */
    static InputException failsAt(Path file, long line, String reason) {
        InputException e = failure(file);
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.reason()).startsWith(reason);
        return e;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void truncatedJsonAndXmlSayWhereTheyStop() {
        InputException json = failure(resource("sbom/cyclonedx-truncated.json"));
        assertThat(json.line()).isEqualTo(7); // the end of the file, after the last line's break
        assertThat(json.reason()).contains("unexpected end of file");
        InputException xml = failure(resource("sbom/cyclonedx-truncated.xml"));
        assertThat(xml.line()).isPositive();
        assertThat(xml.reason()).startsWith("unexpected end of file");
    }

    @Test
    void truncatedGlpiInventory() throws IOException {
        Path file = write("computer.json", "{\"content\": {\"hardware\": {\"name\": \"pc-01\"}, \"softwares\": [{\"name\": \"7-Zip\"},\n {\"name\": \"Fire");
        failsAt(file, 2, "unexpected end of file");
    }

    @Test
    void invalidJsonNamesLineAndColumn() throws IOException {
        Path file = write("bom.json", "{\n  \"bomFormat\": \"CycloneDX\",\n  \"components\": [{\"name\": \"a\",, \"version\": \"1\"}]\n}\n");
        assertThat(failsAt(file, 3, "malformed JSON").column()).isPositive();
    }

    @Test
    void jsonOfAnotherSchemaIsNamedForWhatItIs() throws IOException {
        Path geo = write("points.json", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.6, 55.7]}, "properties": {"name": "Москва"}}]}
                """);
        assertThat(failure(geo)).hasMessage("points.json: line 1, column 1: a JSON object with the top-level keys \"type\", \"features\""
                + " is not an inventory (expected \"bomFormat\": \"CycloneDX\", \"spdxVersion\" or a GLPI \"content\"); " + InventoryReaders.SUPPORTED);
        assertThat(failure(write("numbers.json", "[1, 2, 3]")).reason()).startsWith("a JSON array that is not an osquery result");
        assertThat(failure(write("text.json", "\"just a string\"")).reason()).startsWith("not a recognised inventory format");
    }

    @Test
    void realOcdsFilesAreNotInventories() {
        Path ocds = InventoryReadersTest.shared("ocds");
        for (Path file : InventoryReadersTest.list(ocds)) {
            assertThat(failure(file).reason()).as(file.toString()).contains("is not an inventory");
        }
    }

    @Test
    void xmlWithADoctypeIsRefusedBeforeAnyEntityIsResolved() throws IOException {
        assertThat(failure(resource("sbom/cyclonedx-xxe.xml")).reason()).contains("DOCTYPE");
        Path laughs = write("laughs.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                  <!ENTITY lol "lol">
                  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                ]>
                <REQUEST><CONTENT><SOFTWARES><NAME>&lol9;</NAME></SOFTWARES></CONTENT></REQUEST>
                """);
        InputException e = failure(laughs);
        assertThat(e.reason()).contains("DOCTYPE");
        assertThat(e.line()).isEqualTo(7); // where the DOCTYPE ends, before any entity is used
        Path external = write("ocs.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"http://example.org/evil.dtd\">\n<REQUEST/>\n");
        assertThat(failure(external).reason()).contains("DOCTYPE");
    }

    @Test
    void xmlOfAnotherKindNamesItsRoot() throws IOException {
        Path file = write("registry.xml", "<?xml version=\"1.0\"?>\n<!-- export -->\n<registry><item/></registry>\n");
        failsAt(file, 3, "an XML document with the root <registry> is not an inventory");
    }

    @Test
    void binaryGarbageAndImagesAreRefusedByWhatTheyAre() throws IOException {
        byte[] random = new byte[10_000];
        new Random(42).nextBytes(random);
        random[0] = 'x'; // no accidental signature
        assertThat(failure(write("dump.bin", random)).reason()).startsWith("binary data, not text");

        var png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);
        assertThat(failure(write("inventory.csv", png.toByteArray())).reason()).startsWith("this is a PNG image, not an inventory");

        byte[] utf16 = "Name;Version\nFirefox;128\n".getBytes(StandardCharsets.UTF_16LE); // no byte order mark
        assertThat(failure(write("utf16.csv", utf16)).reason()).contains("UTF-16 text without a byte order mark");
    }

    @Test
    void emptyBlankMissingAndDirectory() throws IOException {
        assertThat(failure(write("empty.csv", new byte[0])).reason()).startsWith("the file is empty");
        assertThat(failure(write("blank.csv", " \n\n\t\n")).reason()).startsWith("the file is blank");
        assertThat(failure(dir.resolve("missing.json")).reason()).isEqualTo("file not found");
        Path folder = Files.createDirectory(dir.resolve("folder"));
        assertThat(failure(folder).reason()).isEqualTo("this is a directory, not a file");
    }

    /**
     * Decision: a file in one encoding with a line in another is <em>rejected at that line</em> rather than
     * decoded line by line: a guessed line would store mangled names without anyone noticing.
     */
    @Test
    void mixedEncodingsAreRejectedAtTheLineThatBreaks() throws IOException {
        var out = new ByteArrayOutputStream();
        out.writeBytes("Название;Версия\nМойОфис Стандартный;2.7\nАльт Рабочая станция;10\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes("КриптоПро CSP;5.0\n".getBytes(CP1251));
        out.writeBytes("Яндекс Браузер;24.4\n".getBytes(StandardCharsets.UTF_8));
        String invalid = "the text is not valid UTF-8 here: the file mixes encodings";
        assertThat(failsAt(write("mixed.csv", out.toByteArray()), 4, invalid).column()).isEqualTo(1);

        // Far into a big file, past the part the encoding is decided on, and in an SBOM.
        var bom = new StringBuilder("{\"bomFormat\": \"CycloneDX\", \"components\": [\n");
        for (int i = 0; i < 5000; i++) bom.append("{\"name\": \"библиотека-").append(i).append("\"},\n");
        out.reset();
        out.writeBytes(bom.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes("{\"name\": \"Кривая строка\"}]}\n".getBytes(CP1251));
        assertThat(failsAt(write("bom.json", out.toByteArray()), 5002, invalid).column()).isEqualTo(11);

        out.reset();
        out.writeBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REQUEST><CONTENT>\n<SOFTWARES><NAME>Офис</NAME></SOFTWARES>\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes("<SOFTWARES><NAME>Кривая строка</NAME></SOFTWARES>\n</CONTENT></REQUEST>\n".getBytes(CP1251));
        assertThat(failsAt(write("ocs.xml", out.toByteArray()), 4, invalid).column()).isEqualTo(18);
    }

    @Test
    void aCp1251FileIsNotMistakenForMixed() throws IOException {
        Path file = write("cp1251.csv", new byte[0]);
        Files.writeString(file, "Название;Издатель\nКонсультантПлюс;ЗАО «КонсультантПлюс» №1 Ёлка\nГАРАНТ;ООО «НПП «ГАРАНТ-СЕРВИС»\n", CP1251);
        try (InventoryReader r = InventoryReaders.open(file)) {
            List<InventoryItem> items = readAll(r);
            assertThat(items).extracting(InventoryItem::publisher).containsExactly("ЗАО «КонсультантПлюс» №1 Ёлка", "ООО «НПП «ГАРАНТ-СЕРВИС»");
        }
    }

    @Test
    void aBrokenPackageListLineIsNamed() throws IOException {
        Path file = write("packages.txt", "bash\t5.2.15-2\ncoreutils\t9.1-1\n!!! not a package !!!\n");
        assertThat(failure(file).line()).isEqualTo(3);
    }

    @Test
    void aCsvWithARaggedRowIsReadWithAWarningAndAnUnclosedQuoteStopsAtItsLine() throws IOException {
        Path ragged = write("ragged.csv", "Name,Version\nFirefox,128,extra\nThunderbird,115\n");
        try (InventoryReader r = InventoryReaders.open(ragged)) {
            assertThat(readAll(r)).extracting(InventoryItem::name).containsExactly("Thunderbird");
            assertThat(r.warnings()).singleElement().extracting(InputException::line).isEqualTo(2L);
        }
        Path quote = write("quote.csv", "Name,Version\nFirefox,128\n\"Thunderbird,115\n" + "x,1\n".repeat(400_000));
        failsAt(quote, 3, "a row longer than");
    }

    @Test
    void notARecognisedFormatListsTheSupportedOnes() throws IOException {
        InputException e = failure(write("notes.txt", "Купить лицензии до конца квартала\n"));
        assertThat(e).hasMessage("notes.txt: line 1, column 1: not a recognised inventory format; " + InventoryReaders.SUPPORTED);
    }
}
