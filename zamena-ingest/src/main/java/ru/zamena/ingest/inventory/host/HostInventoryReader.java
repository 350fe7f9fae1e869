package ru.zamena.ingest.inventory.host;

import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.inventory.PullingInventoryReader;
import ru.zamena.ingest.io.MalformedTextException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams the software found on one computer out of an inventory file, one item at a time, so
 * memory does not grow with the file. A broken file throws {@link InputException} (naming file and
 * position), possibly after some items were returned: a caller must then discard what it read.
 */
public abstract sealed class HostInventoryReader extends PullingInventoryReader
        permits GlpiInventoryReader, OcsInventoryReader, RegUninstallReader, OsqueryReader, PackageListReader {

    protected final String fileName;
    private final HostInventoryReaders.Format format;

    HostInventoryReader(String fileName, HostInventoryReaders.Format format) {
        this.fileName = fileName;
        this.format = format;
    }

    /** The format's id: glpi-json, ocs-xml, windows-reg, osquery-json or package-list. */
    @Override
    public final String format() {
        return format.id();
    }

    /** The next item, or null at the end of the file. */
    abstract InventoryItem read() throws IOException;

    /** The line being read, for messages about I/O and decoding failures; 0 when unknown. */
    abstract long line();

    @Override
    protected final InventoryItem pull() {
        try {
            return read();
        } catch (IOException e) {
            throw fileProblem(fileName, line(), e);
        }
    }

    /** The remaining items as a stream; closing the stream closes this reader. */
    public Stream<InventoryItem> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** Turns an I/O or decoding failure into a message for the user. */
    public static InputException fileProblem(String fileName, long line, Throwable e) {
        if (e instanceof InputException ie) return ie;
        for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof MalformedTextException m) return m.toInputException(fileName);
            if (c instanceof CharacterCodingException)
                return new InputException(fileName, line, 0, "the text is not valid in its detected encoding (the file mixes encodings or is damaged)", e);
        }
        return new InputException(fileName, line, 0, "cannot read: " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
    }

    /** An empty or blank value means "not given". */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
