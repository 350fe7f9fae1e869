package ru.zamena.core.catalog;

import java.util.Map;

/** Counts of the catalog, for `zamena catalog stats` and the API. */
public record CatalogStats(
        long products, long vendors, long alternatives, long categories, long compatibility,
        long registryEntries, Map<String, Long> productsByOrigin, Map<String, Long> productsByCategory) {}
