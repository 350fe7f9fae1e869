package ru.zamena.ingest.catalog;

/** A curated data file is broken; the message names the file and line. */
public class CatalogFileException extends RuntimeException {
    public CatalogFileException(String message) {
        super(message);
    }
}
