package ru.zamena.ingest.inventory.table;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.inventory.InventoryReader;
import ru.zamena.ingest.inventory.InventoryReaders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Workbooks made to hurt: zip bombs, entries that climb out of a folder, entities, damaged archives. */
class XlsxHardeningTest {
    static final String SHEET = "xl/worksheets/sheet1.xml";
    static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    static final String HEADER = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Название</t></is></c></row>";
    static final String SHEET_END = "</sheetData></worksheet>";

    @TempDir Path dir;
    private Path template;

    /** A real workbook written by POI, whose parts the tests replace. */
    @BeforeEach
    void template() throws IOException {
        template = dir.resolve("template.xlsx");
        try (var wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(template)) {
            TableInventoryReaderTest.rowOf(wb.createSheet("Лист1"), 0, "Название");
            TableInventoryReaderTest.rowOf(wb.getSheet("Лист1"), 1, "Astra Linux");
            wb.write(out);
        }
    }

    /** The template with some entries replaced or added (a null value drops an entry). */
    private Path workbook(String name, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve(name);
        Map<String, byte[]> all = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(template.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                try (InputStream in = zip.getInputStream(e)) {
                    all.put(e.getName(), in.readAllBytes());
                }
            }
        }
        all.putAll(entries);
        try (var out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var e : all.entrySet()) {
                if (e.getValue() == null) continue;
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    private static byte[] sheet(String rows) {
        return (SHEET_START + HEADER + rows + SHEET_END).getBytes(StandardCharsets.UTF_8);
    }

    static InputException failure(Path file) {
        Throwable thrown = catchThrowable(() -> {
            try (InventoryReader r = InventoryReaders.open(file)) {
                r.forEachRemaining(item -> { });
            }
        });
        assertThat(thrown).isInstanceOf(InputException.class);
        assertThat(thrown.getMessage()).startsWith(file.getFileName() + "");
        return (InputException) thrown;
    }

    @Test
    void theTemplateItselfReads() throws IOException {
        try (InventoryReader r = InventoryReaders.open(workbook("ok.xlsx", Map.of()))) {
            assertThat(r.format()).isEqualTo("xlsx");
            assertThat(r.next().name()).isEqualTo("Astra Linux");
        }
    }

    @Test
    void aHighlyCompressibleHugeSheetIsAZipBomb() throws IOException {
        // 8 MB of the same row deflates about 1000:1, far past POI's allowed ratio of 1:100.
        byte[] row = "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>".getBytes(StandardCharsets.UTF_8);
        var bomb = new java.io.ByteArrayOutputStream(9 << 20);
        bomb.writeBytes((SHEET_START + HEADER).getBytes(StandardCharsets.UTF_8));
        while (bomb.size() < 8 << 20) bomb.writeBytes(row);
        bomb.writeBytes(SHEET_END.getBytes(StandardCharsets.UTF_8));
        Path file = workbook("bomb.xlsx", Map.of(SHEET, bomb.toByteArray()));
        assertThat(Files.size(file)).isLessThan(1 << 20);

        assertThat(failure(file).reason()).startsWith("the workbook unpacks to far more than the file holds (a zip bomb?)");
    }

    @Test
    void ourOwnLimitOnTheUnpackedSizeHoldsToo() throws IOException {
        Path file = workbook("big.xlsx", Map.of(SHEET, sheet("<row><c t=\"inlineStr\"><is><t>Astra</t></is></c></row>".repeat(1000))));
        var small = new XlsxInventoryReader.Limits(20_000, 1 << 20, 100);
        Throwable e = catchThrowable(() -> XlsxInventoryReader.open(file, "big.xlsx", Map.of(), small));
        assertThat(e).isInstanceOf(InputException.class).hasMessageStartingWith("big.xlsx: the workbook says it unpacks to more than 20000 bytes");

        var fewStrings = new XlsxInventoryReader.Limits(1 << 30, 100, 100);
        e = catchThrowable(() -> XlsxInventoryReader.open(template, "template.xlsx", Map.of(), fewStrings));
        assertThat(e).isInstanceOf(InputException.class).hasMessageContaining("zip bomb?").hasMessageContaining("the shared strings take more than 100 bytes");
    }

    @Test
    void anEntryThatClimbsOutOfItsFolderIsRefused() throws IOException {
        Path file = workbook("slip.xlsx", Map.of("../../etc/cron.d/evil", "* * * * * root sh".getBytes(StandardCharsets.UTF_8)));
        assertThat(failure(file)).hasMessage("slip.xlsx: the archive holds an entry with an unsafe path '../../etc/cron.d/evil'; refused");
    }

    @Test
    void entitiesInsideTheSheetAreRefused() throws IOException {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + HEADER
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&x;</t></is></c></row>" + SHEET_END;
        InputException e = failure(workbook("xxe.xlsx", Map.of(SHEET, xxe.getBytes(StandardCharsets.UTF_8))));
        assertThat(e.getMessage()).startsWith("xxe.xlsx, sheet 'Лист1': line 2");
        assertThat(e.reason()).contains("DOCTYPE");
    }

    @Test
    void entitiesInsideTheSharedStringsAreRefusedToo() throws IOException {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE sst [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"2\" uniqueCount=\"2\">"
                + "<si><t>Название</t></si><si><t>&x;</t></si></sst>";
        Path file = workbook("sst.xlsx", Map.of("xl/sharedStrings.xml", xxe.getBytes(StandardCharsets.UTF_8)));
        List<String> names = new ArrayList<>();
        Throwable e = catchThrowable(() -> {
            try (InventoryReader r = InventoryReaders.open(file)) {
                r.forEachRemaining(item -> names.add(item.name()));
            }
        });
        // POI reads the shared strings with its own hardened parser, which refuses the DOCTYPE.
        assertThat(e).isInstanceOf(InputException.class).hasMessageStartingWith("sst.xlsx: not a readable XLSX workbook: a DOCTYPE declaration is not allowed");
        assertThat(names).isEmpty();
    }

    @Test
    void zipsThatAreNoWorkbook() throws IOException {
        Path docx = dir.resolve("letter.xlsx");
        try (var out = new ZipOutputStream(Files.newOutputStream(docx))) {
            out.putNextEntry(new ZipEntry("word/document.xml"));
            out.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThat(failure(docx).reason()).startsWith("a Word document that is not an Excel workbook");

        byte[] whole = Files.readAllBytes(template);
        Path cut = Files.write(dir.resolve("cut.xlsx"), Arrays.copyOf(whole, whole.length / 2));
        assertThat(failure(cut).reason()).startsWith("a damaged ZIP archive");
    }

    @Test
    void aBrokenSheetNamesItsPlace() throws IOException {
        Path file = workbook("broken.xlsx", Map.of(SHEET, (SHEET_START + HEADER + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>99</v></c></row>"
                + "<row r=\"3\"><c").getBytes(StandardCharsets.UTF_8)));
        InputException e = failure(file);
        assertThat(e).hasMessage("broken.xlsx, sheet 'Лист1': line 2: a cell refers to shared string 99, which the workbook does not have");

        Path cut = workbook("cut-sheet.xlsx", Map.of(SHEET, (SHEET_START + HEADER + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Astra")
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(failure(cut).reason()).startsWith("unexpected end of file inside the sheet");
    }

    @Test
    void numbersAndBooleansReadAsExcelShowsThem() throws IOException {
        Path file = workbook("types.xlsx", Map.of(SHEET, (SHEET_START
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Name</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>Version</t></is></c>"
                + "<c r=\"D1\" t=\"inlineStr\"><is><t>Seats</t></is></c></row>"
                + "<row r=\"7\"><c r=\"A7\" t=\"b\"><v>1</v></c><c r=\"C7\"><v>8.300000000000001</v></c><c r=\"D7\"><v>12</v></c></row>"
                + SHEET_END).getBytes(StandardCharsets.UTF_8)));
        try (InventoryReader r = InventoryReaders.open(file)) {
            InventoryItem item = r.next();
            assertThat(item.name()).isEqualTo("TRUE");
            assertThat(item.version()).isEqualTo("8.3");
            assertThat(item.quantity()).isEqualTo(12);
            assertThat(item.position()).isEqualTo(7);
        }
    }
}
