package ru.zamena.ingest.inventory;

import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.ingest.InputException;

import java.util.NoSuchElementException;

/**
 * The iterator plumbing of readers that produce one item per call: {@link #pull()} reads on to the next
 * item. After an {@link InputException} the reader is finished (the file is broken; reading on would
 * only report the same problem again or worse).
 */
public abstract class PullingInventoryReader implements InventoryReader {
    private InventoryItem next;
    private boolean done;

    /** The next item, or null at the end of the file; problems as {@link InputException}. */
    protected abstract InventoryItem pull();

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            try {
                next = pull();
            } catch (InputException e) {
                done = true;
                throw e;
            }
            done = next == null;
        }
        return next != null;
    }

    @Override
    public final InventoryItem next() {
        if (!hasNext()) throw new NoSuchElementException();
        InventoryItem item = next;
        next = null;
        return item;
    }
}
