package ru.zamena.ingest.procurement;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ru.zamena.core.compliance.Law;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.io.JsonInput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Items of Open Contracting (OCDS 1.1) data: a release package ({@code releases}), a record package
 * ({@code records}, each one's {@code compiledRelease}, else its last release), a single release, or JSON
 * Lines holding any of these one per line. Streaming: one release at a time is in memory.
 * <p>
 * Per release, the items bought are the contracts' items, else the awards', else the tender's. An item is
 * classified by {@code classification} or {@code additionalClassifications} with scheme OKPD2 (kept) or CPV
 * (kept as cpv; the engine's coverage is by OKPD2). OCDS has no procurement law nor KII flag: they come
 * from the caller's defaults. The item id is {@code ocid/item id}.
 */
public final class OcdsReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String fileName;
    private final Law law;
    private final boolean kii;
    private final ItemSink sink;
    private long releases;
    /** Lines before the text being parsed: JSON Lines are parsed one line at a time. */
    private long lineBase;

    private OcdsReader(String fileName, Law law, boolean kii, ItemSink sink) {
        this.fileName = fileName;
        this.law = law;
        this.kii = kii;
        this.sink = sink;
    }

    public static void read(Reader in, String fileName, Law law, boolean kii, ItemSink sink) {
        var reader = new OcdsReader(fileName, law, kii, sink);
        var buffered = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        try {
            if (jsonLines(buffered)) reader.readLines(buffered);
            else reader.read(buffered);
        } catch (IOException | UncheckedIOException e) {
            throw ProcurementReaders.unreadable(fileName, e);
        }
    }

    /** How much of the first line is looked at to tell JSON Lines; a longer first line is streamed as one document. */
    private static final int FIRST_LINE_PEEK = 1 << 20;

    /**
     * JSON Lines when the first non-blank line is a whole JSON object by itself (a pretty-printed document's
     * first line is "{"). Lines are independent, so a broken one rejects only itself.
     */
    private static boolean jsonLines(BufferedReader in) throws IOException {
        in.mark(FIRST_LINE_PEEK + 2);
        var line = new StringBuilder();
        boolean ended = false;
        for (int c, n = 0; n <= FIRST_LINE_PEEK && (c = in.read()) >= 0; n++) {
            if (c == '\n') {
                if (!line.isEmpty() && !line.toString().isBlank()) {
                    ended = true;
                    break;
                }
                line.setLength(0);
            } else line.append((char) c);
        }
        in.reset();
        if (!ended) return false;
        try {
            return MAPPER.readTree(line.toString()).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private void readLines(BufferedReader in) throws IOException {
        String text;
        long lineNo = 0;
        while ((text = in.readLine()) != null) {
            lineNo++;
            if (text.isBlank()) continue;
            lineBase = lineNo - 1;
            try (JsonParser json = JsonInput.factory().createParser(text)) {
                json.setCodec(MAPPER);
                JsonToken t = json.nextToken();
                if (t != JsonToken.START_OBJECT)
                    throw new InputException(fileName, lineNo, 0, "invalid OCDS: expected a release package, a record package or a release (a JSON object), found " + t.asString());
                topLevel(json);
                if (json.nextToken() != null) throw new InputException(fileName, lineNo, 0, "invalid JSON Lines: more than one JSON value on the line");
            } catch (JsonProcessingException e) {
                sink.rejected(new InputException(fileName, lineNo, JsonInput.column(e.getLocation()), "invalid JSON: " + e.getOriginalMessage()));
            } catch (InputException e) {
                sink.rejected(e); // one line of JSON Lines: the others go on
            }
        }
    }

    private void read(Reader in) {
        try (var input = new JsonInput(in)) {
            JsonParser json = input.parser();
            json.setCodec(MAPPER);
            boolean any = false;
            for (JsonToken t = json.nextToken(); t != null; t = json.nextToken()) {
                if (t != JsonToken.START_OBJECT)
                    throw new InputException(fileName, JsonInput.line(json.currentLocation()), JsonInput.column(json.currentLocation()),
                            "invalid OCDS: expected a release package, a record package or a release (a JSON object), found " + t.asString());
                any = true;
                topLevel(json);
            }
            if (!any) throw new InputException(fileName, 0, 0, "invalid OCDS: the file is empty");
        } catch (JsonProcessingException e) {
            throw new InputException(fileName, JsonInput.line(e.getLocation()), JsonInput.column(e.getLocation()),
                    "invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw ProcurementReaders.unreadable(fileName, e);
        }
    }

    private long line(JsonParser json) {
        return lineBase + JsonInput.line(json.currentLocation());
    }

    /** At the start of a top-level object: a package streamed release by release, or one release. */
    private void topLevel(JsonParser json) throws IOException {
        long line = line(json);
        var release = new ObjectNode(JsonNodeFactory.instance);
        boolean isPackage = false;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if ((field.equals("releases") || field.equals("records")) && value == JsonToken.START_ARRAY) {
                isPackage = true;
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    long at = line(json);
                    JsonNode node = json.readValueAsTree();
                    if (field.equals("records")) node = recordRelease(node);
                    if (node != null) release(node, at);
                }
            } else if (!isPackage) {
                release.set(field, json.readValueAsTree());
            } else {
                json.skipChildren();
            }
        }
        if (!isPackage) {
            if (!release.has("ocid"))
                throw new InputException(fileName, line, 0, "invalid OCDS: an object with neither releases, records nor ocid");
            release(release, line);
        }
    }

    private static JsonNode recordRelease(JsonNode record) {
        if (record.has("compiledRelease")) return record.get("compiledRelease");
        var list = record.path("releases");
        // linked releases ({url, date, tag}) carry no items: nothing to check there
        return list.isArray() && !list.isEmpty() && list.get(list.size() - 1).has("ocid") ? list.get(list.size() - 1) : null;
    }

    private void release(JsonNode r, long line) {
        releases++;
        String ocid = r.path("ocid").asText("");
        var items = new ArrayList<JsonNode>();
        for (String part : List.of("contracts", "awards")) {
            for (var c : r.path(part)) c.path("items").forEach(items::add);
            if (!items.isEmpty()) break;
        }
        if (items.isEmpty()) r.path("tender").path("items").forEach(items::add);
        LocalDate date = null;
        String dateProblem = null;
        try {
            date = ItemFields.date(r.path("date").asText(null));
        } catch (IllegalArgumentException e) {
            dateProblem = "release " + (ocid.isEmpty() ? "#" + releases : ocid) + ": " + e.getMessage();
        }
        int ordinal = 0;
        for (var item : items) {
            ordinal++;
            String itemId = item.path("id").asText("").strip();
            // ids name the item in every message: a missing one is shown by position
            String id = (ocid.isEmpty() ? "#" + releases : ocid) + "/" + (itemId.isEmpty() ? "#" + ordinal : itemId);
            try {
                if (ocid.isEmpty()) throw new IllegalArgumentException("release without ocid");
                if (itemId.isEmpty()) throw new IllegalArgumentException("item without id");
                if (dateProblem != null) throw new IllegalArgumentException(dateProblem);
                String okpd2 = null, cpv = null;
                var classifications = new ArrayList<JsonNode>();
                if (item.has("classification")) classifications.add(item.get("classification"));
                item.path("additionalClassifications").forEach(classifications::add);
                for (var c : classifications) {
                    String scheme = c.path("scheme").asText("").toUpperCase(java.util.Locale.ROOT).replace("-", "").replace(" ", "");
                    String code = c.path("id").asText(null);
                    if ((scheme.equals("OKPD2") || scheme.equals("ОКПД2")) && okpd2 == null) okpd2 = ItemFields.okpd2(code);
                    else if (scheme.equals("CPV") && cpv == null) cpv = code;
                }
                sink.item(ItemFields.item(id, date, law, kii, okpd2, cpv, item.path("description").asText(""), null, null, price(item)), releases, line);
            } catch (IllegalArgumentException e) {
                sink.rejected(InputException.inRecord(fileName, releases, line, "item " + id + ": " + e.getMessage()));
            }
        }
    }

    /** unit price × quantity when both are given, else the unit price. */
    private static BigDecimal price(JsonNode item) {
        var amount = item.path("unit").path("value").path("amount");
        if (!amount.isNumber()) return null;
        BigDecimal unit = amount.decimalValue();
        var q = item.path("quantity");
        return q.isNumber() ? unit.multiply(q.decimalValue()) : unit;
    }
}
