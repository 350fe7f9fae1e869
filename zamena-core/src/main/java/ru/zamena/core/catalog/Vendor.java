package ru.zamena.core.catalog;

import java.util.List;

/** A maker of products. {@code country} is ISO 3166-1 alpha-2 of its legal seat, null for a community. */
public record Vendor(
        String id, String name, String nameRu, List<String> aliases, String country, Kind kind,
        String inn, String ogrn, String parentId, String wikidata, String website,
        String source, List<String> uncertain, String notes) {

    public enum Kind { COMPANY, COMMUNITY, FOUNDATION, GOVERNMENT }

    public Vendor {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        uncertain = uncertain == null ? List.of() : List.copyOf(uncertain);
    }

    /** Every name this vendor is known by: name, Russian name and aliases. */
    public List<String> allNames() {
        return Names.distinct(name, nameRu, aliases);
    }
}
