package ru.zamena.core.compliance;

/** What a rule says about an item, from the mildest to the most severe; the declaration order is the severity. */
public enum Verdict {
    /** Nothing restricts the purchase. */
    ALLOWED,
    /** Allowed, but domestic offers get a price preference over this one. */
    PREFERENCE,
    /** Foreign offers are rejected when enough qualifying domestic offers are present. */
    RESTRICTED,
    /** Allowed only with a documented justification (e.g. that no registered domestic analogue exists). */
    JUSTIFICATION_REQUIRED,
    /** Must not be bought. */
    PROHIBITED;

    public boolean moreSevereThan(Verdict other) {
        return compareTo(other) > 0;
    }
}
