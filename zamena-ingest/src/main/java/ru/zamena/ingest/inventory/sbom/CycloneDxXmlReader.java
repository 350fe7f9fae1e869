package ru.zamena.ingest.inventory.sbom;

import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.io.SafeXml;
import ru.zamena.ingest.io.XmlInput;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
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

    private final XmlInput input;
    private final XMLStreamReader xml;
    private String openElement; // innermost open element, for messages
    private boolean inComponents;

    /** Reads XML text from {@code in} (already decoded); {@code fileName} is for messages. */
    public CycloneDxXmlReader(Reader in, String fileName) {
        super(fileName);
        this.input = new XmlInput(in, fileName);
        try {
            this.xml = input.open();
            while (xml.hasNext() && input.next() != START_ELEMENT) { /* prolog: comments, whitespace */ }
            String ns = xml.isStartElement() ? xml.getNamespaceURI() : null;
            if (!xml.isStartElement() || !xml.getLocalName().equals("bom") || ns == null || !ns.startsWith(NAMESPACE_PREFIX)) {
                String found = xml.isStartElement() ? "<" + xml.getLocalName() + ">" + (ns == null ? "" : " in namespace " + ns) : "no element";
                throw new InputException(fileName, xml.getLocation().getLineNumber(), xml.getLocation().getColumnNumber(),
                        "expected a CycloneDX <bom> root in namespace " + NAMESPACE_PREFIX + "x, found " + found);
            }
            openElement = "bom";
        } catch (XMLStreamException e) {
            closeQuietly(input);
            throw problem(e);
        } catch (InputException e) {
            closeQuietly(input);
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
                int event = input.next();
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
                    else input.skip();
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
                case "name" -> name = input.text();
                case "version" -> version = input.text();
                case "publisher" -> publisher = input.text();
                case "supplier" -> supplier = entityName();
                case "manufacturer" -> manufacturer = entityName();
                case "author" -> author = input.text();
                case "group" -> group = input.text();
                case "purl" -> purl = input.text();
                case "cpe" -> cpe = input.text();
                case "components" -> {
                    while (nextTag() == START_ELEMENT) {
                        if (xml.getLocalName().equals("component")) component(out);
                        else input.skip();
                    }
                }
                default -> input.skip();
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
            if (xml.getLocalName().equals("name") && name == null) name = input.text();
            else input.skip();
        }
        return name;
    }

    /** The next start or end tag, passing over text, comments and processing instructions. */
    private int nextTag() throws XMLStreamException {
        while (true) {
            int event = input.next();
            if (event == START_ELEMENT) openElement = xml.getLocalName();
            if (event == START_ELEMENT || event == END_ELEMENT) return event;
            if (event == END_DOCUMENT) throw new XMLStreamException("unexpected end of document", xml.getLocation());
        }
    }

    private InputException problem(XMLStreamException e) {
        IOException io = XmlInput.ioCause(e);
        if (io != null) return ioProblem(fileName, io);
        return input.problem(e, openElement == null ? null : "after <" + openElement + ">", null);
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
