package ru.zamena.core.compliance;

import java.util.Set;

/**
 * Which purchases a rule speaks about: the procurement laws, and whether the item is for a significant
 * object of critical information infrastructure ({@code kii} null: either).
 */
public record Scope(Set<Law> laws, Boolean kii) {
    public Scope {
        laws = laws == null || laws.isEmpty() ? Set.of(Law.values()) : Set.copyOf(laws);
    }

    public boolean includes(ProcurementItem item) {
        return laws.contains(item.law()) && (kii == null || kii == item.kii());
    }
}
