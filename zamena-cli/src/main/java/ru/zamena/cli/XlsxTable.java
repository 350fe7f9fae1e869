package ru.zamena.cli;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one table as an XLSX workbook (Apache POI): a bold header, numbers as numbers (so an officer can
 * sum and chart them), booleans as booleans, and an optional note row under the table. Written to a
 * temporary file beside the target and moved into place, so a failure leaves no half-written workbook.
 */
final class XlsxTable {
    private XlsxTable() {}

    static void write(Path file, String sheetName, List<String> header, List<List<Object>> rows, String note) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".zamena-", ".xlsx");
        try (var wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                Cell c = h.createCell(i);
                c.setCellValue(header.get(i));
                c.setCellStyle(bold);
            }
            int r = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) set(row.createCell(i), values.get(i));
            }
            if (note != null) sheet.createRow(r + 1).createCell(0).setCellValue(note);
            sheet.createFreezePane(0, 1);
            for (int i = 0; i < header.size(); i++) sheet.setColumnWidth(i, Math.min(60, Math.max(10, header.get(i).length() + 2)) * 256);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void set(Cell c, Object v) {
        switch (v) {
            case null -> c.setBlank();
            case BigDecimal d -> c.setCellValue(d.doubleValue());
            case Number n -> c.setCellValue(n.doubleValue());
            case Boolean b -> c.setCellValue(b);
            default -> c.setCellValue(v.toString());
        }
    }
}
