package ru.zamena.ingest.procurement;

import ru.zamena.core.compliance.Law;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.io.XmlInput;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static javax.xml.stream.XMLStreamConstants.*;

/**
 * Items of documents exported by the Unified Information System (EIS, zakupki): 44-FZ notices
 * ({@code purchaseObject}), contracts and contract execution ({@code product} with an OKPD2 or KTRU
 * code) and 223-FZ purchase notices ({@code lotItem}). Namespaces differ between schema versions, so
 * elements are matched by local name; the law is 223-FZ when the document's namespace is a 223fz one.
 * A document's items are emitted when it ends, with its number and date (which may follow the items).
 * Hardened: no DOCTYPE, no external entities ({@link ru.zamena.ingest.io.SafeXml}).
 */
public final class EisXmlReader {
    private static final Set<String> ITEM_ELEMENTS = Set.of("purchaseObject", "product", "lotItem", "drugPurchaseObjectInfo");
    private static final List<String> DATE_ELEMENTS = List.of("signDate", "contractSignDate", "publishDate", "docPublishDate",
            "publicationDateTime", "createDateTime", "modificationDate");
    private static final List<String> NUMBER_ELEMENTS = List.of("purchaseNumber", "regNum", "registrationNumber", "number", "id");

    private EisXmlReader() {}

    /** One item element's leaf texts by path below it ("OKPD2/code", "name"), and where it started. */
    private record Raw(Map<String, String> leaves, long line) {}

    public static void read(Reader in, String fileName, boolean kii, ItemSink sink) {
        try (var xml = new XmlInput(in, fileName)) {
            XMLStreamReader r;
            try {
                r = xml.open();
                Law law = null;
                var document = new HashMap<String, String>();
                var items = new ArrayList<Raw>();
                while (r.hasNext()) {
                    int event = xml.next();
                    if (event != START_ELEMENT) continue;
                    String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                    if (law == null && ns.contains("zakupki.gov.ru")) law = ns.contains("223fz") ? Law.FZ223 : Law.FZ44;
                    String name = r.getLocalName();
                    if (ITEM_ELEMENTS.contains(name)) {
                        long line = r.getLocation().getLineNumber();
                        Map<String, String> leaves = leaves(xml, r);
                        if (isItem(leaves)) items.add(new Raw(leaves, line));
                    } else if ((DATE_ELEMENTS.contains(name) || NUMBER_ELEMENTS.contains(name)) && !document.containsKey(name)) {
                        String text = xml.text().strip();
                        if (!text.isEmpty() && !text.contains("<")) document.put(name, text);
                    }
                }
                if (law == null) throw new InputException(fileName, 1, 0, "not an EIS (zakupki) document: no element in a zakupki.gov.ru namespace");
                emit(fileName, law, kii, document, items, sink);
            } catch (XMLStreamException e) {
                IOException io = XmlInput.ioCause(e);
                if (io != null) throw ProcurementReaders.unreadable(fileName, io);
                throw xml.problem(e, null, null);
            }
        } catch (IOException e) {
            throw ProcurementReaders.unreadable(fileName, e);
        }
    }

    /** Text-only {@code <product>} (a contract's summary line) is not an item; one with a code or a name is. */
    private static boolean isItem(Map<String, String> leaves) {
        return code(leaves) != null || leaves.containsKey("name") || leaves.containsKey("OKPDName");
    }

    private static Map<String, String> leaves(XmlInput xml, XMLStreamReader r) throws XMLStreamException {
        var out = new HashMap<String, String>();
        var path = new ArrayList<String>();
        var text = new StringBuilder();
        for (int depth = 1; depth > 0; ) {
            int event = xml.next();
            if (event == START_ELEMENT) {
                depth++;
                path.add(r.getLocalName());
                text.setLength(0);
            } else if (event == CHARACTERS || event == CDATA) {
                text.append(r.getText());
            } else if (event == END_ELEMENT) {
                depth--;
                if (depth > 0) {
                    String key = String.join("/", path);
                    if (!text.isEmpty()) out.putIfAbsent(key, text.toString().strip());
                    path.removeLast();
                    text.setLength(0);
                }
            }
        }
        return out;
    }

    private static String code(Map<String, String> leaves) {
        for (String k : List.of("OKPD2/code", "OKPD2/OKPDCode", "okpd2/code", "OKPD/code", "OKPD/OKPDCode", "KTRU/code", "KTRU/KTRUCode", "okpd2Code")) {
            String v = leaves.get(k);
            if (v != null && !v.isBlank()) return v.contains("-") ? v.substring(0, v.indexOf('-')) : v; // KTRU: OKPD2 code + "-" + position
        }
        return null;
    }

    private static void emit(String fileName, Law law, boolean kii, Map<String, String> document, List<Raw> items, ItemSink sink) {
        String number = first(document, NUMBER_ELEMENTS);
        String date = first(document, DATE_ELEMENTS);
        int ordinal = 0;
        for (Raw raw : items) {
            ordinal++;
            Map<String, String> f = raw.leaves;
            String id = (number == null ? "item" : number) + "/" + f.getOrDefault("ordinalNumber", f.getOrDefault("sid", String.valueOf(ordinal)));
            try {
                String name = f.getOrDefault("name", f.getOrDefault("OKPDName", f.getOrDefault("OKPD2/name", "")));
                String additional = f.get("additionalInfo");
                if (name.isBlank() && additional != null) name = additional;
                sink.item(ItemFields.item(id, ItemFields.date(date), law, kii, ItemFields.okpd2(code(f)), null, name,
                        country(countryCode(f)), null, ItemFields.price(f.getOrDefault("price", f.get("sum")))), ordinal, raw.line);
            } catch (IllegalArgumentException e) {
                sink.rejected(InputException.inRecord(fileName, ordinal, raw.line, "item " + id + ": " + e.getMessage()));
            }
        }
    }

    /** An OKSM numeric code as alpha-2; a code Zamena does not know rejects the item rather than leaving its origin unknown. */
    private static String country(String oksm) {
        if (oksm == null || oksm.isBlank()) return null;
        String alpha2 = Oksm.alpha2(oksm);
        if (alpha2 == null) throw new IllegalArgumentException("unknown OKSM country code '" + oksm.strip() + "'");
        return alpha2;
    }

    private static String countryCode(Map<String, String> leaves) {
        for (var e : leaves.entrySet()) if (e.getKey().endsWith("countryCode") || e.getKey().endsWith("OKSM/code")) return e.getValue();
        return null;
    }

    private static String first(Map<String, String> document, List<String> names) {
        for (String n : names) if (document.get(n) != null) return document.get(n);
        return null;
    }
}
