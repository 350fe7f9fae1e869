package ru.zamena.ingest.inventory;

import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.inventory.host.HostInventoryReader;
import ru.zamena.ingest.inventory.host.HostInventoryReaders;
import ru.zamena.ingest.inventory.sbom.SbomReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Opens any inventory file we read: an SBOM (CycloneDX, SPDX) or a host inventory (GLPI, OCS,
 * .reg, osquery, dpkg/rpm lists), told apart by content. Minimal version delegating to the two
 * existing families; the {@code columns} mapping (for spreadsheets) is not used by them.
 */
public final class InventoryReaders {
    private InventoryReaders() {}

    public static InventoryReader open(Path file) {
        return open(file, Map.of());
    }

    public static InventoryReader open(Path file, Map<String, String> columns) {
        SbomReader sbom;
        try {
            sbom = SbomReader.open(file);
        } catch (InputException e) {
            // Not an SBOM at all: try the host inventory formats; a broken SBOM is reported as such.
            if (e.reason() == null || !e.reason().startsWith("not a CycloneDX or SPDX document")) throw e;
            return host(HostInventoryReaders.open(file));
        }
        return new InventoryReader() {
            @Override public String format() { return sbom.format(); }
            @Override public boolean hasNext() { return sbom.hasNext(); }
            @Override public InventoryItem next() { return sbom.next(); }
            @Override public void close() throws IOException { sbom.close(); }
        };
    }

    private static InventoryReader host(HostInventoryReader r) {
        String format = r.getClass().getSimpleName().replace("Reader", "").replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return new InventoryReader() {
            @Override public String format() { return format; }
            @Override public boolean hasNext() { return r.hasNext(); }
            @Override public InventoryItem next() { return r.next(); }
            @Override public void close() throws IOException { r.close(); }
        };
    }
}
