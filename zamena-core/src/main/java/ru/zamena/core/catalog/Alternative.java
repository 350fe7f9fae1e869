package ru.zamena.core.catalog;

/** An edge "{@code toId} can replace {@code fromId}" with how well it fits and where that is said. */
public record Alternative(String fromId, String toId, Fit fit, String notes, String source) {
    public enum Fit { FULL, PARTIAL }
}
