package ru.zamena.report;

import org.apache.poi.ss.usermodel.*;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * An Excel workbook written with POI's streaming API (a window of rows in memory, whatever the
 * size): a "Summary" sheet with the facts and the smaller tables, and the primary table on a sheet
 * of its own with a frozen header row and an autofilter.
 */
final class XlsxReport {
    private static final int WINDOW = 200;

    private XlsxReport() {}

    static void write(ReportDocument doc, OutputStream out) throws IOException {
        try (var wb = new SXSSFWorkbook(WINDOW)) {
            Styles styles = new Styles(wb);
            SXSSFSheet summary = wb.createSheet("Summary");
            int r = 0;
            Cell title = summary.createRow(r++).createCell(0);
            title.setCellValue(doc.title());
            title.setCellStyle(styles.title);
            for (ReportDocument.Fact f : doc.facts()) {
                Row row = summary.createRow(r++);
                Cell label = row.createCell(0);
                label.setCellValue(f.label());
                label.setCellStyle(styles.header);
                row.createCell(1).setCellValue(f.value());
            }
            int widest = 2;
            for (int i = 0; i < doc.tables().size(); i++) {
                if (i == doc.primary()) continue;
                ReportTable t = doc.tables().get(i);
                r++;
                Cell tt = summary.createRow(r++).createCell(0);
                tt.setCellValue(t.title());
                tt.setCellStyle(styles.title);
                r = table(summary, t, r, styles);
                widest = Math.max(widest, t.columns().size());
            }
            for (int c = 0; c < widest; c++) summary.setColumnWidth(c, 28 * 256);

            ReportTable main = doc.primaryTable();
            SXSSFSheet sheet = wb.createSheet(sheetName(main.title()));
            int last = table(sheet, main, 0, styles);
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, last - 1), 0, main.columns().size() - 1));
            for (int c = 0; c < main.columns().size(); c++)
                sheet.setColumnWidth(c, Math.min(80, Math.max(8, main.columns().get(c).width())) * 256);
            wb.write(out);
        }
    }

    /** Writes header and rows from row {@code r}; returns the next free row. */
    private static int table(Sheet sheet, ReportTable t, int r, Styles styles) {
        Row header = sheet.createRow(r++);
        List<ReportTable.Column> cols = t.columns();
        for (int c = 0; c < cols.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(cols.get(c).name());
            cell.setCellStyle(styles.header);
        }
        for (List<Object> values : t.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < cols.size(); c++) {
                Object v = values.get(c);
                if (v == null) continue;
                Cell cell = row.createCell(c);
                ReportTable.Type type = cols.get(c).type();
                if (v instanceof Number n && type != ReportTable.Type.TEXT) {
                    cell.setCellValue(n.doubleValue());
                    if (type == ReportTable.Type.PERCENT) cell.setCellStyle(styles.percent);
                    else if (type == ReportTable.Type.DECIMAL) cell.setCellStyle(styles.decimal);
                } else {
                    String s = v.toString();
                    cell.setCellValue(s.length() > 32_000 ? s.substring(0, 32_000) : s); // Excel's cell limit is 32,767
                }
            }
        }
        return r;
    }

    /** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
    static String sheetName(String title) {
        String s = title == null || title.isBlank() ? "Items" : title.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        return s.length() > 31 ? s.substring(0, 31) : s;
    }

    private static final class Styles {
        final CellStyle header, title, percent, decimal;

        Styles(Workbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 13);
            title = wb.createCellStyle();
            title.setFont(big);
            DataFormat fmt = wb.createDataFormat();
            percent = wb.createCellStyle();
            percent.setDataFormat(fmt.getFormat("0.0%"));
            decimal = wb.createCellStyle();
            decimal.setDataFormat(fmt.getFormat("0.000"));
        }
    }
}
