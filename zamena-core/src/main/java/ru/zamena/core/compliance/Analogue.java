package ru.zamena.core.compliance;

import java.util.List;

/** A registered domestic product the catalog names as a replacement for the item's product. */
public record Analogue(String productId, String name, String vendor, String country, List<String> registryNumbers, boolean fullFit) {
    public Analogue {
        registryNumbers = registryNumbers == null ? List.of() : List.copyOf(registryNumbers);
    }
}
