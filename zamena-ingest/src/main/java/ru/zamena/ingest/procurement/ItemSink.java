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

    void rejected(InputException problem);
}
