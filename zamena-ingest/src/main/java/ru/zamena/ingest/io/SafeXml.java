package ru.zamena.ingest.io;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import java.io.Reader;

/**
 * The one XML factory. Files come from users, so nothing in them may make the parser read other
 * files, call the network or expand entities: DTDs and external entities are off, any resolution is
 * refused, and a {@code <!DOCTYPE>} itself is an error. Real registry exports never need a DTD.
 */
public final class SafeXml {
    public static final String DOCTYPE_REFUSED =
            "a DOCTYPE declaration is not allowed (it could read local files or expand entities without bound)";

    private SafeXml() {}

    /** A new StAX factory with DTDs and external entities disabled, coalescing text. */
    public static XMLInputFactory inputFactory() {
        // The JDK's own implementation, so behaviour does not change with whatever StAX jar is on the classpath.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entity refused: " + systemId);
        });
        return f;
    }

    /** A streaming reader over {@code in} that fails on a DOCTYPE before anything in it is used. */
    public static XMLStreamReader reader(Reader in, String systemId) throws XMLStreamException {
        return new StreamReaderDelegate(inputFactory().createXMLStreamReader(systemId, in)) {
            @Override
            public int next() throws XMLStreamException {
                int event = super.next();
                if (event == XMLStreamConstants.DTD) throw new XMLStreamException(DOCTYPE_REFUSED, getLocation());
                return event;
            }
        };
    }
}
