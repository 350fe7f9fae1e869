package ru.zamena.ingest.procurement;

import ru.zamena.core.compliance.ProcurementItem;
import ru.zamena.ingest.InputException;

/**
 * Where a procurement reader sends what it reads, in input order: each item, or the problem with an item
 * that cannot be read (with its position); reading goes on after a rejected item. A problem with the
 * whole file (unreadable, not the format it claims) is thrown instead, after the items read before it.
 */
public interface ItemSink {
    void item(ProcurementItem item);

    /**
     * An item with where it starts in the input ({@code record} 1-based, {@code line} 1-based, 0 unknown), so
     * a problem found later (e.g. by the rules) can name its position; by default the position is dropped.
     */
    default void item(ProcurementItem item, long record, long line) {
        item(item);
    }

    void rejected(InputException problem);
}
