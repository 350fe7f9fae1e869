package ru.zamena.core.compliance;

/** An item that cannot be decided (e.g. dated before every rule); the message says why, the rest of the input goes on. */
public final class ItemRejectedException extends RuntimeException {
    private final String itemId;

    public ItemRejectedException(String itemId, String reason) {
        super(reason, null, false, false);
        this.itemId = itemId;
    }

    public String itemId() {
        return itemId;
    }
}
