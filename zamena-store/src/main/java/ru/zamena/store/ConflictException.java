package ru.zamena.store;

/** The thing to create exists already. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
