package ru.zamena.core.targets;

import java.util.Locale;

/**
 * What an organisation is. The profile's targets differ for authorities (ministries, agencies and
 * their units) and for state companies (holdings and their companies).
 */
public enum OrgKind {
    MINISTRY, AGENCY, UNIT, HOLDING, COMPANY;

    public enum TargetClass { AUTHORITY, STATE_COMPANY }

    /** The class whose profile targets apply; an organisation of no stated kind is treated as an authority. */
    public static TargetClass targetClass(OrgKind kind) {
        return kind == HOLDING || kind == COMPANY ? TargetClass.STATE_COMPANY : TargetClass.AUTHORITY;
    }

    /** "agency" → AGENCY; null for null; a clear error for other words. */
    public static OrgKind of(String word) {
        if (word == null || word.isBlank()) return null;
        try {
            return valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("organisation kind must be ministry, agency, unit, holding or company, got '" + word + "'");
        }
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
