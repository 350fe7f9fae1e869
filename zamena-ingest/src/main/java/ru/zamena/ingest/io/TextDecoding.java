package ru.zamena.ingest.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way to open a user's text file. Russian government exports come in UTF-8 or in the
 * Windows encoding CP1251, rarely labelled; this decides the encoding without reading the whole file:
 * <ol>
 *   <li>a byte order mark (UTF-8, UTF-16LE, UTF-16BE) decides;</li>
 *   <li>else an XML declaration's {@code encoding="..."} decides;</li>
 *   <li>else the first chunk that holds non-ASCII bytes is checked: valid UTF-8 means UTF-8,
 *       anything else means CP1251. A file that is all ASCII is UTF-8.</li>
 * </ol>
 * UTF-8 and UTF-16 are decoded strictly: a bad byte later in the file raises a
 * {@link MalformedTextException} (a {@link java.nio.charset.CharacterCodingException}) that tells the line and
 * column, rather than silently becoming garbage. So a file that mixes encodings (mostly UTF-8, one line saved
 * as CP1251) is <em>rejected at that line</em>, not guessed at: a guess would store mangled names.
 * For the same reason a first chunk that is mostly valid UTF-8 but has a few bad bytes counts as UTF-8.
 */
public final class TextDecoding {
    public static final Charset CP1251 = Charset.forName("windows-1251");
    static final int CHUNK = 64 * 1024;
    private static final Pattern XML_ENCODING = Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private TextDecoding() {}

    /** An open text: the reader (positioned after any byte order mark) and the charset it decodes. */
    public record Decoded(Reader reader, Charset charset) implements Closeable {
        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** Opens {@code file} for reading as text in its detected encoding. The caller closes it. */
    public static Decoded open(Path file) throws IOException {
        Detected d = detectWithBom(file);
        InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK);
        try {
            in.skipNBytes(d.bomLength);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        // Unicode must decode cleanly; every byte means something in CP1251 (the odd undefined one is replaced).
        CodingErrorAction onError = d.charset.equals(CP1251) ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
        CharsetDecoder decoder = d.charset.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
        return new Decoded(new DecodingReader(in, decoder), d.charset);
    }

    /** The encoding {@link #open} would use for {@code file}. */
    public static Charset detect(Path file) throws IOException {
        return detectWithBom(file).charset;
    }

    private record Detected(Charset charset, int bomLength) {}

    private static Detected detectWithBom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(CHUNK);
            int n = head.length;
            if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)
                return new Detected(StandardCharsets.UTF_8, 3);
            if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) return new Detected(StandardCharsets.UTF_16LE, 2);
            if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) return new Detected(StandardCharsets.UTF_16BE, 2);
            Charset declared = xmlDeclared(head);
            if (declared != null) return new Detected(declared, 0);
            return new Detected(sniff(head, in) ? StandardCharsets.UTF_8 : CP1251, 0);
        }
    }

    /** The encoding named by an XML declaration at the very start, if it names one we can decode. */
    private static Charset xmlDeclared(byte[] head) throws IOException {
        String start = new String(head, 0, Math.min(head.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = XML_ENCODING.matcher(start);
        if (!m.find()) return null;
        String name = m.group(1);
        try {
            Charset cs = Charset.forName(name);
            // A declaration we could read as ASCII cannot truthfully announce UTF-16/32: ignore such a claim.
            if (cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32")) return null;
            return cs;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IOException("the XML declaration names an unknown encoding '" + name + "'");
        }
    }

    /**
     * True when the first chunk holding non-ASCII bytes is valid UTF-8. Chunks of pure ASCII tell
     * nothing (a CP1251 file may start with a long Latin header), so those are skipped, still streaming.
     */
    private static boolean sniff(byte[] chunk, InputStream rest) throws IOException {
        while (true) {
            boolean eof = chunk.length < CHUNK;
            if (!isAscii(chunk)) return validUtf8(chunk, eof) || mostlyUtf8(chunk);
            if (eof) return true;
            chunk = rest.readNBytes(CHUNK);
        }
    }

    private static boolean isAscii(byte[] b) {
        for (byte x : b) if (x < 0) return false;
        return true;
    }

    /**
     * True when more of the non-ASCII text is well-formed UTF-8 sequences than bad bytes: UTF-8 with a line in
     * another encoding. CP1251 Russian text forms a UTF-8 sequence only by chance (a capital letter before «»№ё),
     * so there the bad bytes are by far the more.
     */
    static boolean mostlyUtf8(byte[] b) {
        int good = 0, bad = 0;
        for (int i = 0; i < b.length; ) {
            int x = b[i] & 0xFF;
            int len = x < 0x80 ? 1 : x >= 0xC2 && x <= 0xDF ? 2 : x >= 0xE0 && x <= 0xEF ? 3 : x >= 0xF0 && x <= 0xF4 ? 4 : 0;
            if (len == 1) { i++; continue; }
            boolean ok = len > 0 && i + len <= b.length;
            for (int k = 1; ok && k < len; k++) ok = (b[i + k] & 0xC0) == 0x80;
            if (ok) { good++; i += len; } else { bad++; i++; }
        }
        return good > bad;
    }

    /** A sequence cut by the chunk end is not an error unless the file really ends there. */
    private static boolean validUtf8(byte[] b, boolean endOfInput) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult r = dec.decode(ByteBuffer.wrap(b), CharBuffer.allocate(b.length), endOfInput);
        if (r.isError()) return false;
        return !endOfInput || !dec.flush(CharBuffer.allocate(4)).isError();
    }
}
