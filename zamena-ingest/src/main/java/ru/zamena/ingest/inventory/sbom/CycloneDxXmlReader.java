package ru.zamena.ingest.inventory.sbom;

import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.io.SafeXml;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import static javax.xml.stream.XMLStreamConstants.*;

/**
 * Streams the {@code <components>} of a CycloneDX 1.2–1.6 XML BOM with StAX (through {@link SafeXml}, so
 * a DOCTYPE or external entity is refused). Nested components come right after their parent; one
 * top-level component is held at a time; {@code metadata} and unknown elements are skipped.
 * The position of an item is the line of its {@code <component>} tag.
 */
public final class CycloneDxXmlReader extends StreamingSbomReader {
    static final String NAMESPACE_PREFIX = "http://cyclonedx.org/schema/bom/1.";

    private final EndTracking source;
    private final XMLStreamReader xml;
    private String openElement; // innermost open element, for messages
    private boolean inComponents;

    /** Reads XML text from {@code in} (already decoded); {@code fileName} is for messages. */
    public CycloneDxXmlReader(Reader in, String fileName) {
        super(fileName);
        this.source = new EndTracking(in);
        try {
            this.xml = SafeXml.reader(source, fileName);
            while (xml.hasNext() && xml.next() != START_ELEMENT) { /* prolog: comments, whitespace */ }
            String ns = xml.isStartElement() ? xml.getNamespaceURI() : null;
            if (!xml.isStartElement() || !xml.getLocalName().equals("bom") || ns == null || !ns.startsWith(NAMESPACE_PREFIX)) {
                String found = xml.isStartElement() ? "<" + xml.getLocalName() + ">" + (ns == null ? "" : " in namespace " + ns) : "no element";
                throw new InputException(fileName, xml.getLocation().getLineNumber(), xml.getLocation().getColumnNumber(),
                        "expected a CycloneDX <bom> root in namespace " + NAMESPACE_PREFIX + "x, found " + found);
            }
            openElement = "bom";
        } catch (XMLStreamException e) {
            closeQuietly(source);
            throw problem(e);
        } catch (InputException e) {
            closeQuietly(source);
            throw e;
        }
    }

    @Override
    public String format() {
        return "cyclonedx-xml";
    }

    @Override
    boolean fill() {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == END_ELEMENT) {
                    if (!inComponents) return false; // </bom>: anything after it is the parser's business
                    inComponents = false;
                } else if (event == START_ELEMENT) {
                    openElement = xml.getLocalName();
                    if (inComponents && openElement.equals("component")) {
                        List<InventoryItem> items = new ArrayList<>();
                        component(items);
                        pending.addAll(items);
                        return true;
                    }
                    if (!inComponents && openElement.equals("components")) inComponents = true;
                    else skip();
                }
            }
            return false;
        } catch (XMLStreamException e) {
            throw problem(e);
        }
    }

    /** Reads the {@code <component>} the parser is at (with nested ones) into {@code out}, parent first. */
    private void component(List<InventoryItem> out) throws XMLStreamException {
        long line = xml.getLocation().getLineNumber();
        String type = blankToNull(xml.getAttributeValue(null, "type"));
        int slot = out.size();
        out.add(null); // the parent's place, filled once all its children are read
        String name = null, version = null, publisher = null, supplier = null, manufacturer = null, author = null;
        String group = null, purl = null, cpe = null;
        while (nextTag() == START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "name" -> name = text();
                case "version" -> version = text();
                case "publisher" -> publisher = text();
                case "supplier" -> supplier = entityName();
                case "manufacturer" -> manufacturer = entityName();
                case "author" -> author = text();
                case "group" -> group = text();
                case "purl" -> purl = text();
                case "cpe" -> cpe = text();
                case "components" -> {
                    while (nextTag() == START_ELEMENT) {
                        if (xml.getLocalName().equals("component")) component(out);
                        else skip();
                    }
                }
                default -> skip();
            }
        }
        if (blankToNull(name) == null) throw new InputException(fileName, line, 0, "a <component> has no <name>");
        out.set(slot, new InventoryItem(name, blankToNull(version),
                firstNonBlank(publisher, supplier, manufacturer, author, group),
                blankToNull(purl), blankToNull(cpe), type, null, null, line));
    }

    /** The {@code <name>} inside an organizational entity such as {@code <supplier>}. */
    private String entityName() throws XMLStreamException {
        String name = null;
        while (nextTag() == START_ELEMENT) {
            if (xml.getLocalName().equals("name") && name == null) name = text();
            else skip();
        }
        return name;
    }

    /** The next start or end tag, passing over text, comments and processing instructions. */
    private int nextTag() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == START_ELEMENT) openElement = xml.getLocalName();
            if (event == START_ELEMENT || event == END_ELEMENT) return event;
            if (event == END_DOCUMENT) throw new XMLStreamException("unexpected end of document", xml.getLocation());
        }
    }

    /** All text inside the current element, up to its end tag. */
    private String text() throws XMLStreamException {
        var sb = new StringBuilder();
        for (int depth = 1; depth > 0; ) {
            int event = xml.next();
            if (event == START_ELEMENT) depth++;
            else if (event == END_ELEMENT) depth--;
            else if (event == CHARACTERS || event == CDATA || event == SPACE) sb.append(xml.getText());
        }
        return sb.toString();
    }

    private void skip() throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = xml.next();
            if (event == START_ELEMENT) depth++;
            else if (event == END_ELEMENT) depth--;
        }
    }

    private InputException problem(XMLStreamException e) {
        Location at = e.getLocation();
        long line = at == null ? 0 : Math.max(0, at.getLineNumber());
        long column = at == null ? 0 : Math.max(0, at.getColumnNumber());
        for (Throwable c = e.getCause(); c != null; c = c.getCause())
            if (c instanceof IOException) return ioProblem(fileName, c);
        String message = e.getMessage() == null ? "" : e.getMessage();
        String detail = message.contains("Message: ") ? message.substring(message.indexOf("Message: ") + 9) : message;
        String reason;
        if (detail.contains(SafeXml.DOCTYPE_REFUSED)) reason = SafeXml.DOCTYPE_REFUSED;
        else if (source.endsAtOrBefore(line, column)) reason = "unexpected end of file" + (openElement == null ? "" : " after <" + openElement + ">");
        else reason = "malformed XML: " + detail.strip();
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

        /** True when the whole text was read and (line, column) is at its very end. */
        boolean endsAtOrBefore(long line, long column) {
            return ended && (line > lines || (line == lines && column >= lastLineLength + 1));
        }
    }
}
