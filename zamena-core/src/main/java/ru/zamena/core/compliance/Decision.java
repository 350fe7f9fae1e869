package ru.zamena.core.compliance;

import java.util.List;

/**
 * The verdict on one item: the most severe verdict of the rules that fired ({@link Verdict#ALLOWED}
 * when none did), every fired rule with its reason in Russian and English, and the registered domestic
 * analogues that would make a justification impossible.
 */
public record Decision(ItemFacts facts, Verdict verdict, List<Fired> fired, List<Analogue> analogues) {
    public Decision {
        fired = List.copyOf(fired);
        analogues = List.copyOf(analogues);
    }

    public String itemId() {
        return facts.item().id();
    }

    /** A rule that fired, with its reason filled in for this item. */
    public record Fired(Rule rule, String reasonRu, String reasonEn) {
        public String reason(String language) {
            return "ru".equals(language) ? reasonRu : reasonEn;
        }
    }
}
