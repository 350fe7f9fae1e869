package ru.zamena.ingest.io;

import ru.zamena.ingest.InputException;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;

import static javax.xml.stream.XMLStreamConstants.*;

/**
 * The parts the streaming XML readers share: a {@link SafeXml} parser over text that notes where it
 * ends, a stack of open elements, whole-element {@link #text()} and {@link #skip()}, and StAX errors
 * in words for users. Every event must be read through {@link #next()} so the stack stays right.
 */
public final class XmlInput implements Closeable {
    /** How a file that stops too early is told from other syntax errors. */
    public enum EndRule {
        /** The error is at the very end of the text. */
        POSITION,
        /** The JDK parser's words for a document cut short (the OCS Inventory reader's rule, kept so its messages stay as they were). */
        PARSER_WORDS
    }

    private final EndTracking source;
    private final String fileName;
    private final EndRule endRule;
    private final Deque<String> open = new ArrayDeque<>();
    private XMLStreamReader xml;

    /** Over XML text from {@code in} (already decoded, see {@link TextDecoding}); {@code fileName} is for messages. */
    public XmlInput(Reader in, String fileName) {
        this(in, fileName, EndRule.POSITION);
    }

    public XmlInput(Reader in, String fileName, EndRule endRule) {
        this.source = new EndTracking(in);
        this.fileName = fileName;
        this.endRule = endRule;
    }

    /** Starts the parser; call once, before anything else. Its failure is for {@link #problem} like any other. */
    public XMLStreamReader open() throws XMLStreamException {
        xml = SafeXml.reader(source, fileName);
        return xml;
    }

    /** The next event, keeping the stack of open elements. */
    public int next() throws XMLStreamException {
        int event = xml.next();
        if (event == START_ELEMENT) open.push(xml.getLocalName());
        else if (event == END_ELEMENT) open.pop();
        return event;
    }

    /** How many elements are open. */
    public int depth() {
        return open.size();
    }

    /** The innermost open element; null when none is. */
    public String innermost() {
        return open.peek();
    }

    /** All text inside the current element, nested elements included, up to its end tag (which is consumed). */
    public String text() throws XMLStreamException {
        var sb = new StringBuilder();
        for (int depth = 1; depth > 0; ) {
            int event = next();
            if (event == START_ELEMENT) depth++;
            else if (event == END_ELEMENT) depth--;
            else if (event == CHARACTERS || event == CDATA || event == SPACE) sb.append(xml.getText());
        }
        return sb.toString();
    }

    /** Skips the current element up to its end tag (which is consumed). */
    public void skip() throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = next();
            if (event == START_ELEMENT) depth++;
            else if (event == END_ELEMENT) depth--;
        }
    }

    /** The I/O failure behind a StAX error, if that is what it is; null otherwise. */
    public static IOException ioCause(XMLStreamException e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause())
            if (c instanceof IOException io) return io;
        return null;
    }

    /** The line of the error, 0 when unknown. */
    public static long line(XMLStreamException e) {
        Location at = e.getLocation();
        return at == null ? 0 : Math.max(0, at.getLineNumber());
    }

    /**
     * A StAX syntax error in words for users: a refused DOCTYPE, a file that stops too early, or other
     * malformed XML. {@code endContext} (e.g. "inside &lt;x&gt;") follows "unexpected end of file" after a
     * space, {@code malformedContext} follows the parser's message in parentheses; null adds nothing.
     */
    public InputException problem(XMLStreamException e, String endContext, String malformedContext) {
        Location at = e.getLocation();
        long line = line(e);
        long column = at == null ? 0 : Math.max(0, at.getColumnNumber());
        String message = e.getMessage() == null ? "" : e.getMessage();
        String detail = (message.contains("Message: ") ? message.substring(message.indexOf("Message: ") + 9) : message).strip();
        boolean cutShort = switch (endRule) {
            case POSITION -> source.endsAtOrBefore(line, column);
            case PARSER_WORDS -> detail.contains("must start and end within the same entity") || detail.startsWith("Premature end of file");
        };
        String reason;
        if (detail.contains(SafeXml.DOCTYPE_REFUSED)) reason = SafeXml.DOCTYPE_REFUSED;
        else if (cutShort) reason = "unexpected end of file" + (endContext == null ? "" : " " + endContext);
        else reason = "malformed XML: " + detail + (malformedContext == null ? "" : " (" + malformedContext + ")");
        return new InputException(fileName, line, column, reason, e);
    }

    @Override
    public void close() throws IOException {
        try {
            if (xml != null) xml.close();
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
