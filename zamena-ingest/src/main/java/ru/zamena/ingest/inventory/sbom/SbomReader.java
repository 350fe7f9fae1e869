package ru.zamena.ingest.inventory.sbom;

import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.inventory.InventoryReader;

import java.nio.file.Path;

/**
 * Streams the components or packages of one SBOM as {@link InventoryItem}s, one at a time.
 * {@link #hasNext()} and {@link #next()} throw {@link InputException} when the file turns out to be
 * broken; after that the reader is of no further use and should be closed.
 */
public interface SbomReader extends InventoryReader {

    /** A short id of the format: "cyclonedx-json", "cyclonedx-xml", "spdx-json" or "spdx-tag-value". */
    @Override
    String format();

    /**
     * Opens {@code file}, telling the format from its content (never from its name): JSON with
     * {@code "bomFormat": "CycloneDX"} or {@code "spdxVersion"}, XML with a CycloneDX {@code <bom>} root,
     * or SPDX tag-value starting with {@code SPDXVersion:}. The caller closes the reader.
     *
     * @throws InputException when the file cannot be read or is none of these
     */
    static SbomReader open(Path file) {
        return SbomDetection.open(file);
    }
}
