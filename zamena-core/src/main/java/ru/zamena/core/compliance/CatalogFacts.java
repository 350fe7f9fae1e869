package ru.zamena.core.compliance;

import java.util.List;

/**
 * What the catalog adds to an item whose input lacks it: the product it names, its vendor's country,
 * its category (with the category's OKPD2 code and software-register class), its register membership
 * ({@code registered}; the curated catalog may know it without the entry number) and entries
 * and the registered domestic analogues. {@link #NONE} when the catalog knows nothing.
 */
public record CatalogFacts(
        String productId, String productName, String vendor, String vendorCountry, String category, String categoryOkpd2,
        boolean software, List<String> softwareClasses, boolean registered, List<String> registryNumbers, List<Analogue> analogues) {

    public static final CatalogFacts NONE = new CatalogFacts(null, null, null, null, null, null, false, List.of(), false, List.of(), List.of());

    public CatalogFacts {
        softwareClasses = softwareClasses == null ? List.of() : List.copyOf(softwareClasses);
        registryNumbers = registryNumbers == null ? List.of() : List.copyOf(registryNumbers);
        analogues = analogues == null ? List.of() : List.copyOf(analogues);
    }
}
