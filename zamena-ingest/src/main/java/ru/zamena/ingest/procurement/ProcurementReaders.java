package ru.zamena.ingest.procurement;

import ru.zamena.core.compliance.Law;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.io.TextDecoding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a procurement file of any supported kind, told by its first non-blank character: {@code <} EIS
 * XML, <code>{</code> OCDS JSON (package, record package, release, JSON Lines), else the line-item CSV.
 * The text's encoding is detected ({@link TextDecoding}).
 */
public final class ProcurementReaders {
    /** What the input may not say: the law and KII flag for formats without them (OCDS; KII for EIS). */
    public record Defaults(Law law, boolean kii) {
        public static final Defaults NONE = new Defaults(Law.NONE, false);
    }

    public enum Format { CSV, OCDS, EIS }

    private ProcurementReaders() {}

    public static Format read(Path file, Defaults defaults, ItemSink sink) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) throw new InputException(name, 0, 0, Files.exists(file) ? "not a regular file" : "no such file");
        try (var decoded = TextDecoding.open(file); var in = new BufferedReader(decoded.reader(), 1 << 16)) {
            Format format = detect(in, name);
            read(in, name, format, defaults, sink);
            return format;
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, 0, "no such file");
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    /** Reads text already decoded, telling its kind by the first character as for a file. */
    public static Format read(Reader in, String name, Defaults defaults, ItemSink sink) {
        var buffered = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        try {
            Format format = detect(buffered, name);
            read(buffered, name, format, defaults, sink);
            return format;
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    public static void read(Reader in, String name, Format format, Defaults defaults, ItemSink sink) {
        switch (format) {
            case EIS -> EisXmlReader.read(in, name, defaults.kii(), sink);
            case OCDS -> OcdsReader.read(in, name, defaults.law(), defaults.kii(), sink);
            case CSV -> LineItemCsvReader.read(in, name, sink);
        }
    }

    /** Peeks at the first non-blank character without consuming it. */
    static Format detect(BufferedReader in, String name) throws IOException {
        in.mark(4096);
        int c;
        int n = 0;
        do {
            c = in.read();
            n++;
        } while (c >= 0 && Character.isWhitespace(c) && n < 4096);
        in.reset();
        if (c < 0) throw new InputException(name, 0, 0, "the file is empty");
        if (c == '<') return Format.EIS;
        if (c == '{' || c == '[') return Format.OCDS;
        return Format.CSV;
    }

    public static Format parseFormat(String s) {
        return Format.valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** An I/O failure as a file-level input problem; a bad byte in a Unicode file says so. */
    static InputException unreadable(String fileName, Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        for (Throwable c = cause; c != null; c = c.getCause())
            if (c instanceof ru.zamena.ingest.io.MalformedTextException m) return m.toInputException(fileName);
            else if (c instanceof CharacterCodingException)
                return new InputException(fileName, 0, 0, "the text is not valid in its encoding (mixed encodings?): " + c.getClass().getSimpleName(), e);
        return new InputException(fileName, 0, 0, "cannot read: " + cause.getMessage(), e);
    }
}
