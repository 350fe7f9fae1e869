package ru.zamena.core.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One rule of a jurisdiction's rule pack, as data: which purchases and products it speaks about, from
 * when to when, the condition (an expression over {@link ItemFacts#variables()}), the verdict it gives
 * and the documents it requires. {@code reasonRu}/{@code reasonEn} may name variables as {@code ${origin}}.
 * {@code unverified} lists the fields whose values were not confirmed against the official text.
 */
public record Rule(
        String id, String titleRu, String titleEn, LegalReference reference,
        LocalDate effectiveFrom, LocalDate effectiveTo, Scope scope, Coverage coverage,
        String condition, Verdict verdict, String reasonRu, String reasonEn,
        List<String> documents, List<String> replaces, List<String> unverified) {

    public Rule {
        documents = documents == null ? List.of() : List.copyOf(documents);
        replaces = replaces == null ? List.of() : List.copyOf(replaces);
        unverified = unverified == null ? List.of() : List.copyOf(unverified);
        if (effectiveFrom == null) throw new IllegalArgumentException("rule " + id + " has no effective_from date");
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom))
            throw new IllegalArgumentException("rule " + id + " ends (" + effectiveTo + ") before it starts (" + effectiveFrom + ")");
    }

    /** In force on {@code date}: both ends inclusive, an open end means still in force. */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** Whether the rule's scope and coverage speak about this item (the condition is checked separately). */
    public boolean appliesTo(ItemFacts facts) {
        return inForceOn(facts.item().date()) && scope.includes(facts.item()) && coverage.covers(facts);
    }

    public String reason(String language, Map<String, Object> variables) {
        return Templates.fill("ru".equals(language) ? reasonRu : reasonEn, variables);
    }
}
