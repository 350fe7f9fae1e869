package ru.zamena.core.compliance;

import java.util.Map;

/** A rule's compiled condition: true when the rule fires for an item with these variables. */
@FunctionalInterface
public interface Condition {
    boolean test(Map<String, Object> variables);

    /** Turns a rule's condition text into a {@link Condition}, once per rule; an adapter (e.g. CEL) implements it. */
    @FunctionalInterface
    interface Compiler {
        /** Fails with {@link IllegalArgumentException} naming the rule when the text is not a valid condition. */
        Condition compile(Rule rule);
    }
}
