package ru.zamena.ingest.registry;

import ru.zamena.ingest.InputException;
import ru.zamena.ingest.io.XmlInput;
import ru.zamena.ingest.registry.RegistryFields.Field;
import ru.zamena.ingest.registry.RegistryFields.Raw;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.Reader;
import java.util.EnumMap;
import java.util.Optional;

import static javax.xml.stream.XMLStreamConstants.*;

/**
 * Streams register entries out of an XML export with StAX: one entry element ({@code <item>} in the
 * real export) is held in memory at a time. Tags are mapped by {@link RegistryFields}; unknown
 * elements inside an entry are skipped whole, so {@code <module><name>} does not pass for the name.
 */
public final class RegistryXmlReader extends RegistryReader {
    private final XmlInput input;
    private final XMLStreamReader xml;
    private long index;
    private String root;
    private String firstChild;

    /** Reads XML text from {@code in} (already decoded, see {@code TextDecoding}); {@code fileName} is for messages. */
    public RegistryXmlReader(Reader in, String fileName, Mode mode) {
        super(fileName, mode);
        this.input = new XmlInput(in, fileName);
        try {
            this.xml = input.open();
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
            input.skip();
        } else if (field.get() == Field.CLASS) {
            String code = classCode();
            String text = input.text().strip();
            raw.add(Field.CLASS, tag, code == null || text.startsWith(code) ? text : text.isEmpty() ? code : code + " " + text);
        } else {
            raw.add(field.get(), tag, input.text());
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
                    input.skip();
                } else {
                    String value = input.text().strip();
                    if (!value.isEmpty()) holder.putIfAbsent(field.get(), value);
                }
            }
        }
        if (!holder.containsKey(Field.HOLDER) && !ownText.toString().isBlank()) holder.put(Field.HOLDER, ownText.toString().strip());
        raw.addHolder(holder);
    }

    /** The next event (through {@link XmlInput}, which keeps the open elements messages refer to), noting the root and its first child for {@link #expectedLayout()}. */
    private int advance() throws XMLStreamException {
        int event = input.next();
        if (event == START_ELEMENT) {
            if (input.depth() == 1) root = xml.getLocalName();
            else if (input.depth() == 2 && firstChild == null) firstChild = xml.getLocalName();
        }
        return event;
    }

    private InputException problem(XMLStreamException e) {
        IOException io = XmlInput.ioCause(e);
        if (io != null) return fileProblem(fileName, XmlInput.line(e), io);
        String inside = input.innermost() == null ? null : "inside <" + input.innermost() + ">";
        return input.problem(e, inside, inside);
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
