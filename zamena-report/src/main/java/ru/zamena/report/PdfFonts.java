package ru.zamena.report;

import org.openpdf.text.pdf.BaseFont;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Unicode TrueType font PDFs are set in. PDF's built-in fonts have no Cyrillic, so a font file
 * is embedded: {@code ZAMENA_PDF_FONT} when set, else DejaVu Sans where Linux distributions put it
 * (Debian/Ubuntu package fonts-dejavu-core), else common system fonts of macOS and Windows.
 */
public final class PdfFonts {
    static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
            "/usr/share/fonts/TTF/DejaVuSans.ttf",
            "/usr/local/share/fonts/DejaVuSans.ttf",
            "/Library/Fonts/Arial Unicode.ttf",
            "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
            "C:\\Windows\\Fonts\\arial.ttf");

    private static volatile BaseFont cached;

    private PdfFonts() {}

    /** The font file that will be used, or null when none is found. */
    public static Path find() {
        var tried = new ArrayList<String>();
        String env = System.getenv("ZAMENA_PDF_FONT");
        if (env != null && !env.isBlank()) tried.add(env.strip());
        tried.addAll(CANDIDATES);
        for (String p : tried) {
            Path path = Path.of(p);
            if (Files.isReadable(path)) return path;
        }
        return null;
    }

    static BaseFont unicode() throws IOException {
        BaseFont f = cached;
        if (f != null) return f;
        Path path = find();
        if (path == null)
            throw new MissingFontException("PDF export needs a Unicode TrueType font and none was found: install DejaVu Sans "
                    + "(Debian/Ubuntu: apt-get install fonts-dejavu-core) or set ZAMENA_PDF_FONT to a .ttf file");
        try {
            f = BaseFont.createFont(path.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (RuntimeException e) {
            throw new MissingFontException("cannot use the font " + path + " for PDF export: " + e.getMessage());
        }
        cached = f;
        return f;
    }

    /** No usable font for PDF on this machine: an installation problem, not a bug. */
    public static final class MissingFontException extends IOException {
        public MissingFontException(String message) {
            super(message);
        }
    }
}
