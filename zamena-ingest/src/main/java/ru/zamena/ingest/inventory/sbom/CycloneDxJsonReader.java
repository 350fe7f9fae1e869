package ru.zamena.ingest.inventory.sbom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.io.JsonInput;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the {@code components} of a CycloneDX 1.2–1.6 JSON BOM with Jackson's streaming parser.
 * Nested {@code components} come right after their parent. Only one top-level component (with its
 * nested ones) is held at a time; {@code metadata}, {@code dependencies} and unknown fields are skipped.
 * The position of an item is its 1-based index in that order: JSON lines mean little (it may be minified).
 */
public final class CycloneDxJsonReader extends StreamingSbomReader {
    private final JsonInput input;
    private final JsonParser json;
    private boolean inComponents;
    private boolean isCycloneDx;
    private long index;

    /** Reads JSON text from {@code in} (already decoded); {@code fileName} is for messages. */
    public CycloneDxJsonReader(Reader in, String fileName) {
        super(fileName);
        this.input = jsonObject(in, fileName, "a CycloneDX BOM");
        this.json = input.parser();
    }

    @Override
    public String format() {
        return "cyclonedx-json";
    }

    @Override
    boolean fill() throws IOException {
        while (true) {
            JsonToken t = json.nextToken();
            if (inComponents) {
                if (t == JsonToken.END_ARRAY) {
                    inComponents = false;
                } else if (t == JsonToken.START_OBJECT) {
                    List<InventoryItem> items = new ArrayList<>();
                    component(items);
                    pending.addAll(items);
                    return true;
                } else {
                    json.skipChildren();
                }
                continue;
            }
            if (t == JsonToken.END_OBJECT || t == null) {
                // Checked at the end since bomFormat may come anywhere; SbomReader.open checks it up front.
                if (!isCycloneDx)
                    throw new InputException(fileName, 0, 0, "not a CycloneDX document: no \"bomFormat\": \"CycloneDX\" at the top");
                return false;
            }
            String field = json.currentName();
            json.nextToken();
            if (field.equals("bomFormat")) isCycloneDx = "CycloneDX".equals(jsonText(json));
            else if (field.equals("components") && json.currentToken() == JsonToken.START_ARRAY) inComponents = true;
            else json.skipChildren();
        }
    }

    /** Reads the component object the parser is at (with its nested components) into {@code out}, parent first. */
    private void component(List<InventoryItem> out) throws IOException {
        long position = ++index;
        long line = json.currentLocation().getLineNr();
        int slot = out.size();
        out.add(null); // the parent's place, filled once all its fields are read
        String name = null, version = null, publisher = null, supplier = null, manufacturer = null, author = null;
        String group = null, purl = null, cpe = null, type = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "name" -> name = jsonText(json);
                case "version" -> version = jsonText(json);
                case "publisher" -> publisher = jsonText(json);
                case "supplier" -> supplier = jsonEntityName(json);
                case "manufacturer" -> manufacturer = jsonEntityName(json);
                case "author" -> author = jsonText(json);
                case "group" -> group = jsonText(json);
                case "purl" -> purl = jsonText(json);
                case "cpe" -> cpe = jsonText(json);
                case "type" -> type = jsonText(json);
                case "components" -> {
                    if (value != JsonToken.START_ARRAY) json.skipChildren();
                    else while (json.nextToken() != JsonToken.END_ARRAY) {
                        if (json.currentToken() == JsonToken.START_OBJECT) component(out);
                        else json.skipChildren();
                    }
                }
                default -> json.skipChildren();
            }
        }
        if (blankToNull(name) == null) throw InputException.inRecord(fileName, position, line, "a component has no name");
        out.set(slot, new InventoryItem(name, blankToNull(version),
                firstNonBlank(publisher, supplier, manufacturer, author, group),
                blankToNull(purl), blankToNull(cpe), blankToNull(type), null, null, position));
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
