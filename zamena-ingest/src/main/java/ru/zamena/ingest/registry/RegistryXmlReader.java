package ru.zamena.ingest.registry;

import ru.zamena.ingest.InputException;
import ru.zamena.ingest.io.SafeXml;
import ru.zamena.ingest.registry.RegistryFields.Field;
import ru.zamena.ingest.registry.RegistryFields.Raw;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Optional;

import static javax.xml.stream.XMLStreamConstants.*;

/**
 * Streams register entries out of an XML export with StAX: one entry element ({@code <item>} in the
 * real export) is held in memory at a time. Tags are mapped by {@link RegistryFields}; unknown
 * elements inside an entry are skipped whole, so {@code <module><name>} does not pass for the name.
 */
public final class RegistryXmlReader extends RegistryReader {
    private final EndTracking source;
    private final XMLStreamReader xml;
    private final Deque<String> open = new ArrayDeque<>();
    private long index;
    private String root;
    private String firstChild;

    /** Reads XML text from {@code in} (already decoded, see {@code TextDecoding}); {@code fileName} is for messages. */
    public RegistryXmlReader(Reader in, String fileName, Mode mode) {
        super(fileName, mode);
        this.source = new EndTracking(in);
        try {
            this.xml = SafeXml.reader(source, fileName);
        } catch (XMLStreamException e) {
            throw problem(e);
        }
    }

    @Override
    Raw readRaw() {
        try {
            while (xml.hasNext()) {
                if (advance() == START_ELEMENT && RegistryFields.isRecordTag(xml.getLocalName())) return record();
            }
            return null;
        } catch (XMLStreamException e) {
            throw problem(e);
        }
    }

    @Override
    String expectedLayout() {
        String expected = "expected <" + RegistryFields.RECORD_TAG_NAMES.getFirst() + "> elements (or one of "
                + String.join(", ", RegistryFields.RECORD_TAG_NAMES.subList(1, RegistryFields.RECORD_TAG_NAMES.size())) + ")";
        if (root == null) return expected;
        return expected + ", found <" + root + ">" + (firstChild == null ? " with nothing inside" : " containing <" + firstChild + ">");
    }

    private Raw record() throws XMLStreamException {
        var raw = new Raw(++index, xml.getLocation().getLineNumber());
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String name = xml.getAttributeLocalName(i);
            String value = xml.getAttributeValue(i);
            RegistryFields.field(name).ifPresent(f -> raw.add(f, name, value));
        }
        children(raw);
        return raw;
    }

    /** Reads the children of the current element up to its end tag. */
    private void children(Raw raw) throws XMLStreamException {
        while (true) {
            int event = advance();
            if (event == END_ELEMENT) return;
            if (event == START_ELEMENT) child(raw);
        }
    }

    private void child(Raw raw) throws XMLStreamException {
        String tag = xml.getLocalName();
        if (RegistryFields.isHolderTag(tag)) {
            holder(raw);
            return;
        }
        if (RegistryFields.isContainerTag(tag)) {
            children(raw);
            return;
        }
        Optional<Field> field = RegistryFields.field(tag);
        if (field.isEmpty()) {
            skip();
        } else if (field.get() == Field.CLASS) {
            String code = classCode();
            String text = text().strip();
            raw.add(Field.CLASS, tag, code == null || text.startsWith(code) ? text : text.isEmpty() ? code : code + " " + text);
        } else {
            raw.add(field.get(), tag, text());
        }
    }

    private String classCode() {
        for (int i = 0; i < xml.getAttributeCount(); i++)
            if (RegistryFields.isClassCodeAttribute(xml.getAttributeLocalName(i))) return xml.getAttributeValue(i).strip();
        return null;
    }

    /** A rights holder: its own children ({@code name}, {@code inn}, {@code ogrn}), or just its text as the name. */
    private void holder(Raw raw) throws XMLStreamException {
        var holder = new EnumMap<Field, String>(Field.class);
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String value = xml.getAttributeValue(i);
            RegistryFields.holderField(xml.getAttributeLocalName(i)).ifPresent(f -> { if (!value.isBlank()) holder.putIfAbsent(f, value.strip()); });
        }
        var ownText = new StringBuilder();
        while (true) {
            int event = advance();
            if (event == END_ELEMENT) break;
            if (event == CHARACTERS || event == CDATA) ownText.append(xml.getText());
            if (event == START_ELEMENT) {
                Optional<Field> field = RegistryFields.holderField(xml.getLocalName());
                if (field.isEmpty()) {
                    skip();
                } else {
                    String value = text().strip();
                    if (!value.isEmpty()) holder.putIfAbsent(field.get(), value);
                }
            }
        }
        if (!holder.containsKey(Field.HOLDER) && !ownText.toString().isBlank()) holder.put(Field.HOLDER, ownText.toString().strip());
        raw.addHolder(holder);
    }

    /** All text inside the current element, nested elements included, up to its end tag. */
    private String text() throws XMLStreamException {
        var sb = new StringBuilder();
        for (int depth = 1; depth > 0; ) {
            int event = advance();
            if (event == START_ELEMENT) depth++;
            else if (event == END_ELEMENT) depth--;
            else if (event == CHARACTERS || event == CDATA || event == SPACE) sb.append(xml.getText());
        }
        return sb.toString();
    }

    private void skip() throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = advance();
            if (event == START_ELEMENT) depth++;
            else if (event == END_ELEMENT) depth--;
        }
    }

    /** The next event, keeping the stack of open elements that error messages refer to. */
    private int advance() throws XMLStreamException {
        int event = xml.next();
        if (event == START_ELEMENT) {
            open.push(xml.getLocalName());
            if (open.size() == 1) root = xml.getLocalName();
            else if (open.size() == 2 && firstChild == null) firstChild = xml.getLocalName();
        } else if (event == END_ELEMENT) {
            open.pop();
        }
        return event;
    }

    private InputException problem(XMLStreamException e) {
        Location at = e.getLocation();
        long line = at == null ? 0 : Math.max(0, at.getLineNumber());
        long column = at == null ? 0 : Math.max(0, at.getColumnNumber());
        for (Throwable c = e.getCause(); c != null; c = c.getCause())
            if (c instanceof IOException) return fileProblem(fileName, line, c);
        String message = e.getMessage() == null ? "" : e.getMessage();
        String detail = message.contains("Message: ") ? message.substring(message.indexOf("Message: ") + 9) : message;
        String reason;
        if (detail.contains(SafeXml.DOCTYPE_REFUSED)) reason = SafeXml.DOCTYPE_REFUSED;
        else if (source.endsAtOrBefore(line, column)) reason = "unexpected end of file" + (open.isEmpty() ? "" : " inside <" + open.peek() + ">");
        else reason = "malformed XML: " + detail.strip() + (open.isEmpty() ? "" : " (inside <" + open.peek() + ">)");
        return new InputException(fileName, line, column, reason, e);
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the source is closed below either way
        }
        source.close();
    }

    /** Notes where the text ends, to tell "the file stops too early" from other syntax errors. */
    private static final class EndTracking extends FilterReader {
        private boolean ended;
        private long lines = 1;
        private long lastLineLength;

        EndTracking(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n < 0) ended = true;
            for (int i = off; i < off + n; i++) {
                if (buf[i] == '\n') { lines++; lastLineLength = 0; } else lastLineLength++;
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        /** True when the whole text was read and the position (line, column) is at its very end. */
        boolean endsAtOrBefore(long line, long column) {
            return ended && (line > lines || (line == lines && column >= lastLineLength + 1));
        }
    }
}
