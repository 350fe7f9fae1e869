package ru.zamena.core.catalog;

/** A claim that a product runs on a platform (CPU architecture or operating system), with its source. */
public record Compatibility(String productId, String platformId, Level level, String detail, String source) {
    /** How strong the claim is: a certificate beats the vendor's word, which beats hearsay. */
    public enum Level { CERTIFIED, SUPPORTED, REPORTED }
}
