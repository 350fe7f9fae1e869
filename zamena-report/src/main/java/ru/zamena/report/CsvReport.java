package ru.zamena.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * The primary table as RFC 4180 CSV in UTF-8 with a byte order mark, so that spreadsheet programs
 * on Russian Windows open Cyrillic text correctly. Numbers are written plainly (shares as 0..1).
 */
final class CsvReport {
    private CsvReport() {}

    static void write(ReportDocument doc, OutputStream out) throws IOException {
        var w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        ReportTable t = doc.primaryTable();
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get());
        csv.printRecord(t.columns().stream().map(ReportTable.Column::name).toList());
        for (var row : t.rows()) csv.printRecord(row.stream().map(v -> v == null ? "" : v.toString()).toList());
        csv.flush();
    }
}
