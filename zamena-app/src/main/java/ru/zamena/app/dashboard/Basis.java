package ru.zamena.app.dashboard;

import java.util.Locale;

/** What a share counts: distinct products (items), seats (installations), or money spent (purchases). */
public enum Basis {
    COUNT, SEATS, SPEND;

    public static Basis of(String word) {
        if (word == null || word.isBlank()) return COUNT;
        try {
            return valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("basis must be count, seats or spend, got '" + word + "'");
        }
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
