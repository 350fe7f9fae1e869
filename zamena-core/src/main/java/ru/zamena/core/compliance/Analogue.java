package ru.zamena.core.compliance;

import java.util.List;

/**
 * A registered domestic product the catalog names as a replacement for the item's product: whether it
 * replaces it fully, and the catalog's notes on the fit (what it lacks when partial), which a
 * justification draft quotes.
 */
public record Analogue(String productId, String name, String vendor, String country, List<String> registryNumbers, boolean fullFit, String notes) {
    public Analogue {
        registryNumbers = registryNumbers == null ? List.of() : List.copyOf(registryNumbers);
        notes = notes == null || notes.isBlank() ? null : notes.strip();
    }

    public Analogue(String productId, String name, String vendor, String country, List<String> registryNumbers, boolean fullFit) {
        this(productId, name, vendor, country, registryNumbers, fullFit, null);
    }
}
