package ru.zamena.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/** The file formats a {@link ReportDocument} can be written as. */
public enum ReportFormat {
    CSV("text/csv; charset=utf-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PDF("application/pdf", "pdf");

    private final String contentType;
    private final String extension;

    ReportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() { return contentType; }
    public String extension() { return extension; }

    /** True for formats that are not text (they go to a file, not to a terminal). */
    public boolean binary() { return this != CSV; }

    /** "csv", "xlsx" or "pdf" in any case; null when the word is none of them. */
    public static ReportFormat of(String word) {
        if (word == null) return null;
        for (ReportFormat f : values()) if (f.extension.equals(word.strip().toLowerCase(Locale.ROOT))) return f;
        return null;
    }

    /** Writes {@code doc}; the stream is flushed, not closed. */
    public void write(ReportDocument doc, OutputStream out) throws IOException {
        switch (this) {
            case CSV -> CsvReport.write(doc, out);
            case XLSX -> XlsxReport.write(doc, out);
            case PDF -> PdfReport.write(doc, out);
        }
        out.flush();
    }
}
