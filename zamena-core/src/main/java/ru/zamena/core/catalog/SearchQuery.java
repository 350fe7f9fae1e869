package ru.zamena.core.catalog;

/**
 * A catalog search: free text in any script plus optional filters. {@code country} is a vendor
 * country (ISO alpha-2), {@code origin} one of {@link Origin}; null means "any".
 */
public record SearchQuery(String text, String country, String category, Product.Kind kind, Origin origin, int offset, int limit) {
    public SearchQuery {
        if (limit <= 0 || limit > 500) throw new IllegalArgumentException("limit must be between 1 and 500");
        if (offset < 0) throw new IllegalArgumentException("offset must not be negative");
        if (country != null) country = country.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, null, 0, 20);
    }
}
