package ru.zamena.core.catalog;

import java.util.List;

/** A replacement for a product, with the platform claims that made it pass the user's filters. */
public record AlternativeView(
        ProductSummary product, Alternative.Fit fit, String notes, String source,
        List<Compatibility> platforms) {

    public AlternativeView {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }
}
