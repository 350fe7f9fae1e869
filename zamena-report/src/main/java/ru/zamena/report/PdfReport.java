package ru.zamena.report;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A printable report with OpenPDF: the title, the facts as a two-column table, then every table in
 * order. Text is set in an embedded Unicode TrueType font ({@link PdfFonts}), so Cyrillic prints.
 * Landscape A4 fits the wide item tables.
 */
final class PdfReport {
    private static final Color HEADER = new Color(0xE4, 0xE8, 0xEE);

    private PdfReport() {}

    static void write(ReportDocument doc, OutputStream out) throws IOException {
        BaseFont base = PdfFonts.unicode();
        Font body = new Font(base, 8), bold = new Font(base, 8, Font.BOLD), heading = new Font(base, 12, Font.BOLD), title = new Font(base, 16, Font.BOLD);
        Document pdf = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter.getInstance(pdf, out).setCloseStream(false);
            pdf.addTitle(doc.title());
            pdf.addCreator("Zamena");
            pdf.open();
            pdf.add(new Paragraph(doc.title(), title));
            if (!doc.facts().isEmpty()) {
                PdfPTable facts = new PdfPTable(new float[]{1, 2});
                facts.setWidthPercentage(60);
                facts.setHorizontalAlignment(Element.ALIGN_LEFT);
                facts.setSpacingBefore(8);
                for (ReportDocument.Fact f : doc.facts()) {
                    facts.addCell(cell(f.label(), bold, HEADER));
                    facts.addCell(cell(f.value(), body, null));
                }
                pdf.add(facts);
            }
            for (ReportTable t : doc.tables()) {
                Paragraph h = new Paragraph(t.title(), heading);
                h.setSpacingBefore(12);
                h.setSpacingAfter(4);
                pdf.add(h);
                pdf.add(table(t, body, bold));
            }
            pdf.close();
        } catch (DocumentException e) {
            throw new IOException("cannot write the PDF: " + e.getMessage(), e);
        }
    }

    private static PdfPTable table(ReportTable t, Font body, Font bold) {
        List<ReportTable.Column> cols = t.columns();
        float[] widths = new float[cols.size()];
        for (int i = 0; i < widths.length; i++) widths[i] = Math.max(4, Math.min(60, cols.get(i).width()));
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (ReportTable.Column c : cols) table.addCell(cell(c.name(), bold, HEADER));
        for (List<Object> row : t.rows())
            for (int i = 0; i < cols.size(); i++) {
                PdfPCell cell = cell(ReportTable.text(row.get(i), cols.get(i).type()), body, null);
                if (cols.get(i).type() != ReportTable.Type.TEXT) cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                table.addCell(cell);
            }
        return table;
    }

    private static PdfPCell cell(String text, Font font, Color background) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, font));
        c.setPadding(3);
        if (background != null) c.setBackgroundColor(background);
        return c;
    }
}
