package ru.zamena.ingest.inventory.host;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.io.JsonInput;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@code osqueryi --json} output: an array of row objects from {@code programs},
 * {@code deb_packages} or {@code rpm_packages}. The table is told from each row's columns
 * ({@code maintainer}/{@code admindir} → deb, {@code vendor}/{@code release} → rpm, else programs), so a file that
 * concatenates queries still reads. An rpm version is given as {@code version-release}, the way
 * {@code rpm -qa} and GLPI write it; the epoch is left out as they leave it out.
 *
 * <p>{@link InventoryItem#position()} is the 1-based row index. osquery rows name no host.
 */
public final class OsqueryReader extends HostInventoryReader {
    public enum Table { PROGRAMS, DEB_PACKAGES, RPM_PACKAGES }

    private final JsonInput input;
    private final JsonParser json;
    private boolean started;
    private long index;
    private Table table;

    /** Reads JSON text from {@code in} (already decoded); {@code fileName} is for messages. */
    public OsqueryReader(Reader in, String fileName) throws IOException {
        super(fileName, HostInventoryReaders.Format.OSQUERY_JSON);
        this.input = new JsonInput(in);
        this.json = input.parser();
    }

    /** The table the last row read came from; null before the first row. */
    public Table table() {
        return table;
    }

    @Override
    InventoryItem read() throws IOException {
        try {
            if (!started) {
                started = true;
                if (json.nextToken() != JsonToken.START_ARRAY)
                    throw Json.unexpected(fileName, json, "an osquery result: an array of row objects [{\"name\": ...}]");
            }
            while (true) {
                JsonToken t = json.nextToken();
                if (t == JsonToken.END_ARRAY) return null;
                if (t != JsonToken.START_OBJECT) throw Json.unexpected(fileName, json, "a row object");
                InventoryItem item = row(++index);
                if (item != null) return item;
            }
        } catch (JsonProcessingException e) {
            throw Json.problem(fileName, e);
        }
    }

    /** One row; null when it has no name. Columns are few and short, so a map is fine. */
    private InventoryItem row(long position) throws IOException {
        Map<String, String> cols = new HashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName().toLowerCase();
            JsonToken v = json.nextToken();
            // Keep blank columns as null: their presence still tells the table.
            cols.put(key, v.isScalarValue() ? blankToNull(json.getValueAsString()) : null);
            json.skipChildren();
        }
        String name = cols.get("name");
        if (name == null) return null;
        String version = cols.get("version");
        if (cols.containsKey("maintainer") || cols.containsKey("admindir")) {
            table = Table.DEB_PACKAGES;
            return new InventoryItem(name, version, cols.get("maintainer"), null, null, "package", cols.get("arch"), null, position);
        }
        if (cols.containsKey("vendor") || cols.containsKey("release")) {
            table = Table.RPM_PACKAGES;
            String release = cols.get("release");
            if (version != null && release != null) version = version + "-" + release;
            return new InventoryItem(name, version, cols.get("vendor"), null, null, "package", cols.get("arch"), null, position);
        }
        table = Table.PROGRAMS;
        return new InventoryItem(name, version, cols.get("publisher"), null, null, "application", null, null, position);
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
