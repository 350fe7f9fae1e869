package ru.zamena.report;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import ru.zamena.report.ReportTable.Column;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** One document written in every format and read back. */
class ReportFormatTest {
    static final ReportDocument DOC = new ReportDocument("Квоты: отчёт / Quota report",
            List.of(new ReportDocument.Fact("Организация", "Минфин"), new ReportDocument.Fact("Period", "2025")),
            List.of(ReportTable.of("Доли", Column.text("Origin", 12), Column.percent("Share")).row("domestic", 0.625).row("foreign", 0.375).build(),
                    ReportTable.of("Items: all [2025]", Column.integer("#"), Column.text("Name", 30), Column.decimal("Score"))
                            .row(1L, "МойОфис, \"Стандартный\"", 0.97).row(2L, "Microsoft Office", null).build()),
            1);

    static byte[] write(ReportFormat f) throws IOException {
        var out = new ByteArrayOutputStream();
        f.write(DOC, out);
        return out.toByteArray();
    }

    @Test
    void csvIsThePrimaryTableInUtf8WithAByteOrderMark() throws IOException {
        String csv = new String(write(ReportFormat.CSV), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"#\",Name,Score\r\n");
        assertThat(csv).contains("1,\"МойОфис, \"\"Стандартный\"\"\",0.97\r\n", "2,Microsoft Office,\r\n");
    }

    @Test
    void xlsxHasASummaryAndTheItemsWithFrozenHeaderAndFilter() throws IOException {
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(write(ReportFormat.XLSX)))) {
            var summary = wb.getSheet("Summary");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo(DOC.title());
            assertThat(summary.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Минфин");
            var items = wb.getSheetAt(1);
            assertThat(items.getSheetName()).isEqualTo("Items  all  2025"); // characters Excel forbids are replaced
            assertThat(items.getRow(1).getCell(1).getStringCellValue()).isEqualTo("МойОфис, \"Стандартный\"");
            assertThat(items.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(0.97);
            assertThat(items.getRow(2).getCell(2)).isNull();
            assertThat(items.getPaneInformation().isFreezePane()).isTrue();
            assertThat(items.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:C3");
        }
    }

    @Test
    void pdfPrintsCyrillic() throws IOException {
        assumeTrue(PdfFonts.find() != null, "no Unicode TrueType font on this machine");
        byte[] pdf = write(ReportFormat.PDF);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var reader = new PdfReader(pdf)) {
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("Квоты: отчёт", "Минфин", "62.5%", "МойОфис");
        }
    }

    @Test
    void formatsAreNamedByTheirExtension() {
        assertThat(ReportFormat.of("XLSX")).isEqualTo(ReportFormat.XLSX);
        assertThat(ReportFormat.of("doc")).isNull();
        assertThat(ReportFormat.CSV.binary()).isFalse();
        assertThat(ReportFormat.PDF.binary()).isTrue();
    }
}
