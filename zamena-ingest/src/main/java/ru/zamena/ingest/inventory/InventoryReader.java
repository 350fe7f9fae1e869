package ru.zamena.ingest.inventory;

import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

/**
 * Streams the items of one inventory file (an SBOM, a host inventory, a package list or a table),
 * one at a time, so memory does not grow with the file. Open one with {@link InventoryReaders#open}.
 *
 * <p>{@link #hasNext()} and {@link #next()} throw {@link InputException} (naming the file and the
 * position) when the file turns out to be broken, possibly after some items were returned: a caller
 * must then discard what it read. After that the reader is of no further use and should be closed.
 */
public interface InventoryReader extends Iterator<InventoryItem>, Closeable {

    /**
     * A short id of the format: cyclonedx-json, cyclonedx-xml, spdx-json, spdx-tag-value, glpi-json,
     * ocs-xml, windows-reg, osquery-json, package-list, csv or xlsx.
     */
    String format();

    /**
     * Problems that did not stop the reading, each naming the file and the position: a table row skipped
     * for having no name, a column chosen among several candidates. Complete once {@link #hasNext()} is false.
     */
    default List<InputException> warnings() {
        return List.of();
    }
}
