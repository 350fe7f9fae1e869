package ru.zamena.ingest.registry;

import ru.zamena.core.registry.RegistryRecord;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.io.TextDecoding;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads an export of the Russian software register, XML or CSV, one entry at a time (memory does
 * not grow with the file). Close it when done, or use {@link #stream()} in try-with-resources.
 *
 * <p>Two kinds of failure: a broken file (malformed XML, unterminated quote, undecodable bytes, no
 * header) always throws {@link InputException}, possibly after some entries were returned, so a
 * caller must then discard everything it read. A bad entry (missing or bad number, bad date, ...)
 * throws in {@link Mode#STRICT}; in {@link Mode#COLLECT} it is skipped and listed in {@link #errors()}.
 */
public abstract sealed class RegistryReader implements Iterator<RegistryRecord>, Closeable
        permits RegistryXmlReader, RegistryCsvReader {

    public enum Mode {
        /** The first bad entry fails the read. */
        STRICT,
        /** Bad entries are skipped and collected in {@link #errors()}; the rest is read. */
        COLLECT
    }

    protected final String fileName;
    private final Mode mode;
    private final List<InputException> errors = new ArrayList<>();
    private RegistryRecord next;
    private boolean done;
    private long entries;

    RegistryReader(String fileName, Mode mode) {
        this.fileName = fileName;
        this.mode = Objects.requireNonNull(mode);
    }

    /** Opens {@code file} in {@link Mode#COLLECT}: what an import wants ("N read, M rejected"). */
    public static RegistryReader open(Path file) {
        return open(file, Mode.COLLECT);
    }

    /** Opens {@code file}, telling XML from CSV by its content and its encoding by {@link TextDecoding}. */
    public static RegistryReader open(Path file, Mode mode) {
        String name = String.valueOf(file.getFileName());
        BufferedReader in = null;
        try {
            in = new BufferedReader(TextDecoding.open(file).reader(), 1 << 16);
            String start = peek(in, 64).stripLeading();
            if (start.startsWith("PK\u0003\u0004"))
                throw new InputException(name, 0, 0, "this is a ZIP archive or an Excel (XLSX) file; unpack it, or save the sheet as CSV");
            return start.startsWith("<") ? new RegistryXmlReader(in, name, mode) : new RegistryCsvReader(in, name, mode);
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(in);
            throw fileProblem(name, 0, e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    private static String peek(BufferedReader in, int n) throws IOException {
        in.mark(n);
        char[] buf = new char[n];
        int read = in.read(buf);
        in.reset();
        return read <= 0 ? "" : new String(buf, 0, read);
    }

    /**
     * The next entry as found in the source, or null at the end. Throws {@link InputException} when
     * the file itself is broken.
     */
    abstract RegistryFields.Raw readRaw();

    /** What entries this reader looks for, to explain a file in which none were found. */
    abstract String expectedLayout();

    @Override
    public boolean hasNext() {
        while (next == null && !done) {
            RegistryFields.Raw raw = readRaw();
            if (raw == null) {
                done = true;
                // An export without entries is a wrong file, not an empty register: importing it would exclude everything.
                if (entries == 0) throw new InputException(fileName, 0, 0, "no register entries found; " + expectedLayout());
                break;
            }
            entries++;
            try {
                next = RegistryFields.toRecord(raw);
            } catch (IllegalArgumentException e) {
                InputException problem = InputException.inRecord(fileName, raw.index, raw.line, e.getMessage());
                if (mode == Mode.STRICT) throw problem;
                errors.add(problem);
            }
        }
        return next != null;
    }

    @Override
    public RegistryRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        RegistryRecord r = next;
        next = null;
        return r;
    }

    /** Entries rejected so far ({@link Mode#COLLECT}), each naming file, line and what is wrong. */
    public List<InputException> errors() {
        return Collections.unmodifiableList(errors);
    }

    /** Entries found so far, good and rejected. */
    public long entriesRead() {
        return entries;
    }

    /** The remaining entries as a stream; closing the stream closes this reader. */
    public Stream<RegistryRecord> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> closeQuietly(this));
    }

    /** Turns an I/O or decoding failure into a message for the user. */
    static InputException fileProblem(String fileName, long line, Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof CharacterCodingException)
                return new InputException(fileName, line, 0, "the text is not valid in its detected encoding (the file mixes encodings or is damaged)", e);
            if (c instanceof NoSuchFileException) return new InputException(fileName, 0, 0, "file not found", e);
            if (c.getCause() == c) break;
        }
        return new InputException(fileName, line, 0, "cannot read: " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
    }

    static void closeQuietly(Closeable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing useful to do: the read is over
        }
    }
}
