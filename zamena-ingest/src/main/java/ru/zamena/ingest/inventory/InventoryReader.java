package ru.zamena.ingest.inventory;

import ru.zamena.core.inventory.InventoryItem;

import java.io.Closeable;
import java.util.Iterator;

/**
 * Streams the items of one inventory or SBOM file, whatever its format. {@link #hasNext()} and
 * {@link #next()} throw {@link ru.zamena.ingest.InputException} when the file turns out to be broken.
 */
public interface InventoryReader extends Iterator<InventoryItem>, Closeable {
    /** A short id of the format, e.g. "cyclonedx-json" or "windows-reg". */
    String format();
}
