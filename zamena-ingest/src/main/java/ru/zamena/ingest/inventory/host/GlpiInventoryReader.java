package ru.zamena.ingest.inventory.host;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.io.JsonInput;

import java.io.IOException;
import java.io.Reader;
import java.util.Set;

/**
 * Reads {@code content.softwares[]} of a GLPI agent inventory (glpi-project inventory_format JSON)
 * with a streaming parser: one software object is held at a time.
 *
 * <p>Host: {@code content.hardware.name}, else the top-level {@code deviceid}, <em>as far as seen
 * before the software</em>. Streaming forbids looking ahead; the agent writes {@code content} keys in
 * alphabetical order, so {@code hardware} precedes {@code softwares}, while {@code deviceid} usually
 * follows {@code content} and so serves only files written in another order.
 *
 * <p>{@link InventoryItem#position()} is the 1-based index in {@code softwares}.
 */
public final class GlpiInventoryReader extends HostInventoryReader {
    /** Values of {@code from} that mean a system package rather than an installed application. */
    private static final Set<String> PACKAGE_SOURCES = Set.of("rpm", "deb", "pkgtool", "snap", "flatpak", "pacman", "portage", "nix", "slackware");

    private final JsonInput input;
    private final JsonParser json;
    private String hardwareName;
    private String deviceId;
    private boolean started;
    private boolean sawContent;
    private boolean inSoftwares;
    private long index;

    /** Reads JSON text from {@code in} (already decoded); {@code fileName} is for messages. */
    public GlpiInventoryReader(Reader in, String fileName) throws IOException {
        super(fileName, HostInventoryReaders.Format.GLPI_JSON);
        this.input = new JsonInput(in);
        this.json = input.parser();
    }

    @Override
    InventoryItem read() throws IOException {
        try {
            return advance();
        } catch (JsonProcessingException e) {
            throw Json.problem(fileName, e);
        }
    }

    private InventoryItem advance() throws IOException {
        if (!started) {
            started = true;
            if (json.nextToken() != JsonToken.START_OBJECT)
                throw Json.unexpected(fileName, json, "a GLPI inventory object {\"content\": {...}}");
        }
        while (true) {
            if (inSoftwares) {
                JsonToken t = json.nextToken();
                if (t == JsonToken.END_ARRAY) {
                    inSoftwares = false;
                    continue;
                }
                if (t != JsonToken.START_OBJECT) throw Json.unexpected(fileName, json, "an object in content.softwares");
                InventoryItem item = software(++index);
                if (item != null) return item;
                continue;
            }
            JsonToken t = json.nextToken();
            if (t == JsonToken.END_OBJECT && json.getParsingContext().inRoot()) {
                if (!sawContent) throw new InputException(fileName, 0, 0, "not a GLPI agent inventory: no \"content\" object");
                return null; // anything after the root object is not ours to judge
            }
            if (t == JsonToken.FIELD_NAME) field(path(json.getParsingContext()));
        }
    }

    /** Handles the value of a field outside {@code softwares}: descends only where something is wanted. */
    private void field(String path) throws IOException {
        JsonToken v = json.nextToken();
        switch (path) {
            case "deviceid" -> deviceId = scalar(v);
            case "content" -> {
                if (v != JsonToken.START_OBJECT) throw Json.unexpected(fileName, json, "an object for \"content\"");
                sawContent = true;
            }
            case "content.hardware" -> { if (v != JsonToken.START_OBJECT) json.skipChildren(); }
            case "content.hardware.name" -> hardwareName = scalar(v);
            case "content.softwares" -> {
                if (v == JsonToken.START_ARRAY) inSoftwares = true;
                else if (v != JsonToken.VALUE_NULL) throw Json.unexpected(fileName, json, "an array for content.softwares");
            }
            default -> json.skipChildren();
        }
    }

    /** One element of {@code softwares}; null when it has no name. */
    private InventoryItem software(long position) throws IOException {
        String name = null, version = null, publisher = null, arch = null, from = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            String value = scalar(json.nextToken());
            switch (key) {
                case "name" -> name = value;
                case "version" -> version = value;
                case "publisher" -> publisher = value;
                case "arch" -> arch = value;
                case "from" -> from = value;
                default -> { }
            }
        }
        if (name == null) return null;
        String type = from != null && PACKAGE_SOURCES.contains(from.toLowerCase()) ? "package" : "application";
        return new InventoryItem(name, version, publisher, null, null, type, arch,
                hardwareName != null ? hardwareName : deviceId, position);
    }

    /** The text of a scalar value (blank as null); objects and arrays are skipped and give null. */
    private String scalar(JsonToken t) throws IOException {
        if (t != null && t.isScalarValue()) return blankToNull(json.getValueAsString());
        json.skipChildren();
        return null;
    }

    /** Dotted field path of the current field, e.g. {@code content.hardware.name}. */
    private static String path(JsonStreamContext ctx) {
        var sb = new StringBuilder();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            String part = c.inObject() ? String.valueOf(c.getCurrentName()) : "[]";
            sb.insert(0, sb.isEmpty() ? part : part + ".");
        }
        return sb.toString();
    }

    @Override
    long line() {
        return input.line();
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
