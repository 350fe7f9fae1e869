package ru.zamena.core.catalog;

import java.util.List;
import java.util.Locale;

/** A CPU architecture or an operating system that compatibility claims refer to. */
public record Platform(String id, Kind kind, String name, String family, List<String> aliases, String notes, String source) {
    public enum Kind { CPU, OS }

    public Platform {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** True when a user's word for a platform ("astra", "elbrus", "arm64") names this platform or its family. */
    public boolean answersTo(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        if (w.equals(id) || w.equals(family)) return true;
        for (String a : aliases) if (a.toLowerCase(Locale.ROOT).equals(w)) return true;
        return false;
    }
}
