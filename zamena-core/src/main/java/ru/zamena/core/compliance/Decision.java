package ru.zamena.core.compliance;

import java.util.List;

/**
 * The verdict on one item: the most severe verdict of the rules that fired ({@link Verdict#ALLOWED}
 * when none did), every fired rule with its reason in Russian and English, and the registered domestic
 * analogues that would make a justification impossible. {@code notes} say what the verdict rests on when
 * the input did not state it (e.g. an OKPD2 code derived from CPV).
 */
public record Decision(ItemFacts facts, Verdict verdict, List<Fired> fired, List<Analogue> analogues, List<Note> notes) {
    public Decision {
        fired = List.copyOf(fired);
        analogues = List.copyOf(analogues);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public Decision(ItemFacts facts, Verdict verdict, List<Fired> fired, List<Analogue> analogues) {
        this(facts, verdict, fired, analogues, List.of());
    }

    /** A remark on how the item was decided, in Russian and English. */
    public record Note(String ru, String en) {
        public String text(String language) {
            return "ru".equals(language) ? ru : en;
        }
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
