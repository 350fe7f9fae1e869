package ru.zamena.ingest.inventory.sbom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.io.JsonInput;

import java.io.IOException;
import java.io.Reader;

/**
 * Streams the {@code packages} of an SPDX 2.3 JSON document with Jackson's streaming parser, one at a
 * time. Every package is kept, the document's own root package too: simple and predictable.
 * The purl and CPE come from the first {@code externalRefs} of type purl / cpe23Type / cpe22Type.
 * The position of an item is its 1-based index among the packages.
 */
public final class SpdxJsonReader extends StreamingSbomReader {
    private final JsonInput input;
    private final JsonParser json;
    private boolean inPackages;
    private boolean isSpdx;
    private long index;

    /** Reads JSON text from {@code in} (already decoded); {@code fileName} is for messages. */
    public SpdxJsonReader(Reader in, String fileName) {
        super(fileName);
        this.input = jsonObject(in, fileName, "an SPDX document");
        this.json = input.parser();
    }

    @Override
    public String format() {
        return "spdx-json";
    }

    @Override
    boolean fill() throws IOException {
        while (true) {
            JsonToken t = json.nextToken();
            if (inPackages) {
                if (t == JsonToken.END_ARRAY) inPackages = false;
                else if (t == JsonToken.START_OBJECT) {
                    pending.add(spdxPackage());
                    return true;
                } else json.skipChildren();
                continue;
            }
            if (t == JsonToken.END_OBJECT || t == null) {
                if (!isSpdx) throw new InputException(fileName, 0, 0, "not an SPDX document: no \"spdxVersion\" at the top");
                return false;
            }
            String field = json.currentName();
            json.nextToken();
            if (field.equals("spdxVersion")) isSpdx = jsonText(json) != null;
            else if (field.equals("packages") && json.currentToken() == JsonToken.START_ARRAY) inPackages = true;
            else json.skipChildren();
        }
    }

    private InventoryItem spdxPackage() throws IOException {
        long position = ++index;
        long line = json.currentLocation().getLineNr();
        String name = null, version = null, supplier = null, purpose = null;
        String[] refs = new String[2]; // purl, cpe
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "name" -> name = jsonText(json);
                case "versionInfo" -> version = jsonText(json);
                case "supplier" -> supplier = jsonText(json);
                case "primaryPackagePurpose" -> purpose = jsonText(json);
                case "externalRefs" -> {
                    if (value != JsonToken.START_ARRAY) json.skipChildren();
                    else while (json.nextToken() != JsonToken.END_ARRAY) externalRef(refs);
                }
                default -> json.skipChildren();
            }
        }
        if (blankToNull(name) == null) throw InputException.inRecord(fileName, position, line, "a package has no name");
        return new InventoryItem(name, spdxValue(version), spdxSupplier(supplier), refs[0], refs[1], spdxType(purpose),
                null, null, position);
    }

    /** Reads one externalRefs entry; the first purl and the first CPE win. */
    private void externalRef(String[] refs) throws IOException {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            json.skipChildren();
            return;
        }
        String type = null, locator = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            if (field.equals("referenceType")) type = jsonText(json);
            else if (field.equals("referenceLocator")) locator = jsonText(json);
            else json.skipChildren();
        }
        SpdxTagValueReader.addRef(refs, type, locator);
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
