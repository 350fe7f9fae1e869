package ru.zamena.ingest.inventory.host;

import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.io.SafeXml;
import ru.zamena.ingest.io.XmlInput;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;

import static javax.xml.stream.XMLStreamConstants.*;

/**
 * Reads {@code REQUEST/CONTENT/SOFTWARES} of an OCS Inventory / FusionInventory XML inventory with
 * StAX ({@link SafeXml}): one {@code <SOFTWARES>} element is held at a time.
 *
 * <p>Host: {@code CONTENT/HARDWARE/NAME}, else {@code REQUEST/DEVICEID}, as far as seen before the
 * software (streaming forbids looking ahead; agents write {@code HARDWARE} before {@code SOFTWARES}
 * and {@code DEVICEID} after {@code CONTENT}, so in practice the host is the hardware name).
 *
 * <p>{@link InventoryItem#position()} is the line of the {@code <SOFTWARES>} start tag.
 */
public final class OcsInventoryReader extends HostInventoryReader {
    private final XmlInput input;
    private final XMLStreamReader xml;
    private final Deque<String> open = new ArrayDeque<>();
    private boolean started;
    private String deviceId;
    private String hardwareName;

    /** Reads XML text from {@code in} (already decoded, see {@code TextDecoding}); {@code fileName} is for messages. */
    public OcsInventoryReader(Reader in, String fileName) {
        super(fileName, HostInventoryReaders.Format.OCS_XML);
        this.input = new XmlInput(in, fileName, XmlInput.EndRule.PARSER_WORDS);
        try {
            this.xml = input.open();
        } catch (XMLStreamException e) {
            throw problem(e);
        }
    }

    @Override
    InventoryItem read() throws IOException {
        try {
            while (xml.hasNext()) {
                int event = input.next();
                if (event == END_ELEMENT) {
                    open.pop();
                    if (open.isEmpty()) return null; // </REQUEST>
                    continue;
                }
                if (event != START_ELEMENT) continue;
                String tag = xml.getLocalName();
                if (!started) {
                    started = true;
                    if (!tag.equals("REQUEST")) throw new InputException(fileName, line(), column(),
                            "expected an OCS Inventory / FusionInventory inventory with root <REQUEST>, found <" + tag + ">");
                }
                String parent = open.peek();
                open.push(tag);
                switch (open.size() + ":" + parent + "/" + tag) {
                    case "1:null/REQUEST", "2:REQUEST/CONTENT", "3:CONTENT/HARDWARE" -> { } // descend
                    case "2:REQUEST/DEVICEID" -> deviceId = blankToNull(text());
                    case "4:HARDWARE/NAME" -> hardwareName = blankToNull(text());
                    case "3:CONTENT/SOFTWARES" -> {
                        InventoryItem item = software(line());
                        if (item != null) return item;
                    }
                    default -> skip();
                }
            }
            return null;
        } catch (XMLStreamException e) {
            IOException io = XmlInput.ioCause(e);
            if (io != null) throw fileProblem(fileName, line(), io);
            throw problem(e);
        }
    }

    /** The rest of a {@code <SOFTWARES>} element; null when it has no name. */
    private InventoryItem software(long position) throws XMLStreamException {
        String name = null, version = null, publisher = null, arch = null;
        while (true) {
            int event = input.next();
            if (event == END_ELEMENT) break;
            if (event != START_ELEMENT) continue;
            String tag = xml.getLocalName();
            open.push(tag);
            switch (tag) {
                case "NAME" -> name = blankToNull(text());
                case "VERSION" -> version = blankToNull(text());
                case "PUBLISHER" -> publisher = blankToNull(text());
                case "ARCH" -> arch = blankToNull(text());
                default -> skip();
            }
        }
        open.pop();
        if (name == null) return null;
        return new InventoryItem(name, version, publisher, null, null, "application", arch,
                hardwareName != null ? hardwareName : deviceId, position);
    }

    /** All text inside the current element up to its end tag (which is consumed). */
    private String text() throws XMLStreamException {
        String text = input.text();
        open.pop();
        return text;
    }

    /** Skips the current element up to its end tag (which is consumed). */
    private void skip() throws XMLStreamException {
        input.skip();
        open.pop();
    }

    /** Messages name the innermost element this reader descended into ({@code open}), not one nested inside a skipped or read element. */
    private InputException problem(XMLStreamException e) {
        String inside = open.isEmpty() ? null : "inside <" + open.peek() + ">";
        return input.problem(e, inside, inside);
    }

    @Override
    long line() {
        Location at = xml == null ? null : xml.getLocation();
        return at == null ? 0 : Math.max(0, at.getLineNumber());
    }

    private long column() {
        Location at = xml.getLocation();
        return at == null ? 0 : Math.max(0, at.getColumnNumber());
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
