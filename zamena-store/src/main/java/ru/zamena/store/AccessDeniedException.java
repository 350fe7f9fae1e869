package ru.zamena.store;

/** The caller may not do this to this organisation or the global catalog. */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
