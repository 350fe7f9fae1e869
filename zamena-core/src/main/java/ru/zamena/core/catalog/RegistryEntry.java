package ru.zamena.core.catalog;

import java.time.LocalDate;
import java.util.List;

/** A product's entry in a register of domestic products, as stored. */
public record RegistryEntry(
        String registry, String number, String name, List<String> classes, LocalDate includedOn,
        String status, LocalDate excludedOn, String exclusionReason, Boolean trusted, String source, boolean uncertain) {

    public RegistryEntry {
        classes = classes == null ? List.of() : List.copyOf(classes);
    }
}
