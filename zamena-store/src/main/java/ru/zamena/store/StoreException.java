package ru.zamena.store;

/** A storage failure with a message fit for the user; the cause keeps the details for logs. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
