package ru.zamena.ingest.inventory.table;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.inventory.InventoryReader;
import ru.zamena.ingest.inventory.InventoryReaders;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableInventoryReaderTest {
    static final Charset CP1251 = Charset.forName("windows-1251");

    @TempDir Path dir;

    static Path resource(String name) {
        try {
            return Path.of(TableInventoryReaderTest.class.getResource("/inventory/table/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All items; the reader's warnings go to {@code warnings} when given. */
    static List<InventoryItem> readAll(Path file, Map<String, String> columns, String format, List<InputException> warnings) throws IOException {
        try (InventoryReader r = InventoryReaders.open(file, columns)) {
            assertThat(r.format()).isEqualTo(format);
            List<InventoryItem> items = new ArrayList<>();
            r.forEachRemaining(items::add);
            if (warnings != null) warnings.addAll(r.warnings());
            return items;
        }
    }

    private static InventoryItem app(String name, String version, String publisher, String host, long position, int quantity) {
        return new InventoryItem(name, version, publisher, null, null, "application", null, host, position, quantity);
    }

    @Test
    void readsARussianExcelExportInCp1251WithSemicolons() throws IOException {
        List<InputException> warnings = new ArrayList<>();
        List<InventoryItem> items = readAll(resource("software-cp1251.csv"), null, "csv", warnings);

        assertThat(items).containsExactly(
                app("Microsoft Office профессиональный плюс 2016", "16.0.4266.1001", "Microsoft Corporation", "BUH-01", 2, 1),
                app("1С:Предприятие 8 (8.3.22.1709)", "8.3.22.1709", "1С-Софт", "BUH-01", 3, 1),
                app("КриптоПро CSP", "5.0.12000", "ООО \"КРИПТО-ПРО\"", "BUH-01", 4, 1),
                app("Kaspersky Endpoint Security для Windows", "11.11.0.452", "АО \"Лаборатория Касперского\"", "BUH-02", 5, 1),
                app("Консультант; Плюс", "4022.00.30", "ЗАО «КонсультантПлюс»", "BUH-02", 7, 1),
                app("Windows Server 2019 Standard", "10.0.17763", "Microsoft Corporation", "SRV-AD", 8, 2),
                app("Adobe Acrobat Reader DC", "23.006.20320", "Adobe Systems Incorporated", null, 9, 15),
                app("7-Zip 23.01 (x64)", "23.01", "Igor Pavlov", "ARM-07", 11, 1));
        assertThat(warnings).singleElement().hasToString(
                InputException.class.getName() + ": software-cp1251.csv: line 10: the row has no name (column B is empty); row skipped");
    }

    @Test
    void utf8WithBomCommasAndEnglishHeaders() throws IOException {
        Path file = dir.resolve("export.txt");
        Files.write(file, bytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "DisplayName,DisplayVersion,Publisher\n\"Mozilla Firefox (x64 ru)\",128.0,Mozilla\nГарант-Максимум,8.1,НПП \"Гарант-Сервис\"\n"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(readAll(file, null, "csv", null)).containsExactly(
                app("Mozilla Firefox (x64 ru)", "128.0", "Mozilla", null, 2, 1),
                app("Гарант-Максимум", "8.1", "НПП \"Гарант-Сервис\"", null, 3, 1));
    }

    @Test
    void utf16WithTabsAsExcelSavesUnicodeText() throws IOException {
        Path file = dir.resolve("unicode.txt");
        Files.write(file, bytes(new byte[]{(byte) 0xFF, (byte) 0xFE},
                "Программа\tПроизводитель\tКол-во\r\nАльт Рабочая станция 10\tБазальт СПО\t120\r\n".getBytes(StandardCharsets.UTF_16LE)));
        assertThat(readAll(file, null, "csv", null)).containsExactly(app("Альт Рабочая станция 10", null, "Базальт СПО", null, 2, 120));
    }

    @Test
    void aMappingNamesColumnsByHeaderLetterOrNumber() throws IOException {
        Path file = dir.resolve("licences.csv");
        Files.writeString(file, "Инв. номер;ПО;Лицензиар;Лиц.\n17;Astra Linux Special Edition;РусБИТех-Астра;40\n", CP1251);
        var byHeader = Map.of("name", "по", "publisher", "ЛИЦЕНЗИАР", "quantity", "Лиц.");
        var byLetter = Map.of("name", "B", "publisher", "c", "quantity", "D");
        var byNumber = Map.of("name", "2", "publisher", "3", "quantity", "4");
        InventoryItem expected = app("Astra Linux Special Edition", null, "РусБИТех-Астра", null, 2, 40);
        for (var mapping : List.of(byHeader, byLetter, byNumber)) assertThat(readAll(file, mapping, "csv", null)).containsExactly(expected);
    }

    @Test
    void aMappingMakesAnyDelimitedTextATable() throws IOException {
        Path file = dir.resolve("list.tsv");
        Files.writeString(file, "pkg\tver\nfirefox\t128.0\n");
        assertThat(readAll(file, Map.of("name", "pkg", "version", "ver"), "csv", null)).containsExactly(app("firefox", "128.0", null, null, 2, 1));
        assertThatThrownBy(() -> readAll(file, null, "csv", null)).hasMessageStartingWith("list.tsv: line 1: no name column; headers are: 'pkg', 'ver'");
    }

    @Test
    void anAmbiguousHeaderIsResolvedAndSaidSo() throws IOException {
        Path file = dir.resolve("two-names.csv");
        Files.writeString(file, "Продукт;Название программы;Версия\nОфис;МойОфис Стандартный;2.7\n");
        List<InputException> warnings = new ArrayList<>();
        assertThat(readAll(file, null, "csv", warnings)).extracting(InventoryItem::name).containsExactly("МойОфис Стандартный");
        assertThat(warnings).singleElement().extracting(Throwable::getMessage).isEqualTo("two-names.csv: line 1: several columns could be the name:"
                + " 'Название программы' (B), 'Продукт' (A); using 'Название программы' (B) (pass a mapping name=<header> to choose)");
        assertThat(readAll(file, Map.of("name", "A"), "csv", null)).extracting(InventoryItem::name).containsExactly("Офис");
    }

    @Test
    void noNameColumnListsTheHeadersAndSaysHowToMap() throws IOException {
        Path file = dir.resolve("no-name.csv");
        Files.writeString(file, "Инв. номер;Описание;Сумма\n17;Офисный пакет;12000\n");
        assertThatThrownBy(() -> readAll(file, null, "csv", null)).isInstanceOf(InputException.class).hasMessage(
                "no-name.csv: line 1: no name column; headers are: 'Инв. номер', 'Описание', 'Сумма'; pass a mapping name=<header> (or a column letter or number)");
        assertThatThrownBy(() -> readAll(file, Map.of("name", "Программа"), "csv", null)).isInstanceOf(InputException.class)
                .hasMessageContaining("the mapping name=Программа names no column; headers are: 'Инв. номер', 'Описание', 'Сумма'");
        assertThatThrownBy(() -> readAll(file, Map.of("title", "B"), "csv", null)).isInstanceOf(InputException.class)
                .hasMessageContaining("unknown column mapping key 'title'; the keys are name, publisher, version, host, quantity");
    }

    @Test
    void raggedRowsAndBadQuantitiesAreSkippedWithAWarning() throws IOException {
        Path file = dir.resolve("ragged.csv");
        Files.writeString(file, """
                Name;Version;Quantity
                Yandex Browser;24.4;3
                ООО Рога; и копыта;1.0;2
                Short row only
                Zero seats;1.0;0
                Trailing delimiters are fine;2.0;5;;
                """);
        List<InputException> warnings = new ArrayList<>();
        assertThat(readAll(file, null, "csv", warnings)).containsExactly(
                app("Yandex Browser", "24.4", null, null, 2, 3),
                app("Short row only", null, null, null, 4, 1),
                app("Trailing delimiters are fine", "2.0", null, null, 6, 5));
        assertThat(warnings).extracting(Throwable::getMessage).containsExactly(
                "ragged.csv: line 3: the row has 4 cells but the header has 3 (a delimiter inside a value without quotes?); row skipped",
                "ragged.csv: line 5: the quantity '0' is not a whole number of at least 1; row skipped");
    }

    @Test
    void aQuoteNeverClosedIsAnErrorAtItsRow() {
        Path file = write("broken.csv", "Название;Версия\nОфис;1\n\"Незакрытая кавычка;2\nЕщё;3\n");
        assertThatThrownBy(() -> readAll(file, null, "csv", null)).isInstanceOf(InputException.class)
                .hasMessage("broken.csv: line 3: a quote (\") opened in this row is never closed");
    }

    @Test
    void quantitiesAsPeopleWriteThem() {
        assertThat(TableInventoryReader.quantity("1 000")).isEqualTo(1000);
        assertThat(TableInventoryReader.quantity("25,0")).isEqualTo(25);
        assertThat(TableInventoryReader.quantity("2.5")).isZero();
        assertThat(TableInventoryReader.quantity("много")).isZero();
    }

    @Test
    void readsTheFirstSheetWithANameColumnOfAWorkbook() throws IOException {
        Path file = dir.resolve("inventory.xlsx");
        try (var wb = new XSSFWorkbook()) {
            XSSFSheet summary = wb.createSheet("Сводка");
            summary.createRow(0).createCell(0).setCellValue("Отчёт об установленном ПО, 2024");
            XSSFSheet soft = wb.createSheet("ПО");
            rowOf(soft, 0, "Компьютер", "Наименование", "Версия", "Правообладатель", "Количество");
            rowOf(soft, 1, "BUH-01", "МойОфис Стандартный", "2.7", "ООО «Новые облачные технологии»", 1.0);
            // row 3 left out: a blank row in Excel is no <row> at all
            rowOf(soft, 3, "BUH-02", "КриптоПро CSP", 5.0, "ООО \"КРИПТО-ПРО\"", 3.0, "примечание справа от таблицы");
            rowOf(soft, 4, "BUH-02", null, "1.0", null, null);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        List<InputException> warnings = new ArrayList<>();
        assertThat(readAll(file, null, "xlsx", warnings)).containsExactly(
                app("МойОфис Стандартный", "2.7", "ООО «Новые облачные технологии»", "BUH-01", 2, 1),
                app("КриптоПро CSP", "5", "ООО \"КРИПТО-ПРО\"", "BUH-02", 4, 3));
        assertThat(warnings).extracting(Throwable::getMessage)
                .containsExactly("inventory.xlsx, sheet 'ПО': line 5: the row has no name (column B is empty); row skipped");
        // A mapping by header finds its sheet too; one by letter fits the title sheet, which then has no rows.
        assertThat(readAll(file, Map.of("name", "наименование", "host", "D"), "xlsx", null)).extracting(InventoryItem::host)
                .containsExactly("ООО «Новые облачные технологии»", "ООО \"КРИПТО-ПРО\"");
        assertThat(readAll(file, Map.of("name", "A"), "xlsx", null)).isEmpty();
    }

    static void rowOf(XSSFSheet sheet, int index, Object... values) {
        var row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof String s) row.createCell(i).setCellValue(s);
            else if (values[i] instanceof Double d) row.createCell(i).setCellValue(d);
        }
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
