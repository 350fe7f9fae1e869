package ru.zamena.core.catalog;

import java.util.Set;

/** Where a product comes from, from the point of view of one jurisdiction. */
public enum Origin {
    DOMESTIC, FOREIGN, OPEN_SOURCE, UNKNOWN;

    /**
     * A product is domestic when its vendor is seated in one of the domestic countries (even if the
     * product is open source: a registered domestic distribution is still domestic); otherwise
     * open source beats foreign, because the code can be taken over; otherwise the country decides.
     */
    public static Origin of(String vendorCountry, Product.License license, Set<String> domesticCountries) {
        if (vendorCountry != null && domesticCountries.contains(vendorCountry)) return DOMESTIC;
        if (license == Product.License.OPEN_SOURCE) return OPEN_SOURCE;
        if (vendorCountry != null && !vendorCountry.isBlank()) return FOREIGN;
        return UNKNOWN;
    }
}
