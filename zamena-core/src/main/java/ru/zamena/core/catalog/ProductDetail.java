package ru.zamena.core.catalog;

import java.util.List;

/** Everything known about one product: its record, vendor, registry entries, platforms and both alternative directions. */
public record ProductDetail(
        Product product, Vendor vendor, Origin origin, List<RegistryEntry> registryEntries,
        List<Compatibility> platforms, List<AlternativeView> replacedBy, List<ProductSummary> replaces) {}
