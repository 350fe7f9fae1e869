package ru.zamena.core.targets;

/**
 * A target for a measure: reach {@code value} (a share 0..1) by the end of {@code year}.
 * {@code org} is the organisation that set it, null for the jurisdiction profile's.
 */
public record Target(String measure, double value, int year, String source, String org, boolean unverified) {
    public Target {
        if (value < 0 || value > 1) throw new IllegalArgumentException("a target is a share from 0 to 1, got " + value);
        if (year < 2000 || year > 2100) throw new IllegalArgumentException("a target year must be from 2000 to 2100, got " + year);
    }
}
