package ru.zamena.core.catalog;

import java.util.List;

/** A product as lists show it: who makes it, where from, whether it is registered as domestic. */
public record ProductSummary(
        String id, String name, String nameRu, String vendorId, String vendor, String vendorCountry,
        String category, Product.Kind kind, Product.License license, Origin origin, List<String> registryNumbers,
        double score, String matchedName) {

    public ProductSummary {
        registryNumbers = registryNumbers == null ? List.of() : List.copyOf(registryNumbers);
    }

    public ProductSummary withScore(double s, String matched) {
        return new ProductSummary(id, name, nameRu, vendorId, vendor, vendorCountry, category, kind, license, origin, registryNumbers, s, matched);
    }
}
