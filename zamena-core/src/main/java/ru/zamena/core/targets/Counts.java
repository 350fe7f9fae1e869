package ru.zamena.core.targets;

/**
 * Amounts by origin (items, seats or money): what a share is computed from. Roll-ups add counts
 * and divide once, so a large agency weighs more than a small unit (never an average of shares).
 */
public record Counts(double domestic, double openSource, double foreign, double unknown) {
    public static final Counts ZERO = new Counts(0, 0, 0, 0);

    public double total() {
        return domestic + openSource + foreign + unknown;
    }

    public Counts plus(Counts o) {
        return new Counts(domestic + o.domestic, openSource + o.openSource, foreign + o.foreign, unknown + o.unknown);
    }

    /** Adds {@code amount} under an origin word (domestic, open_source, foreign; anything else is unknown). */
    public Counts plus(String origin, double amount) {
        return switch (origin == null ? "" : origin) {
            case "domestic" -> new Counts(domestic + amount, openSource, foreign, unknown);
            case "open_source" -> new Counts(domestic, openSource + amount, foreign, unknown);
            case "foreign" -> new Counts(domestic, openSource, foreign + amount, unknown);
            default -> new Counts(domestic, openSource, foreign, unknown + amount);
        };
    }

    public boolean isEmpty() {
        return total() <= 0;
    }

    /**
     * The measured share: domestic over everything identified (domestic, open source, foreign).
     * Unidentified items (drivers, in-house tools, doubtful matches) say nothing about substitution;
     * their share of the whole is reported beside it, so a large unknown share is seen, not hidden.
     */
    public double domesticShare() {
        double identified = domestic + openSource + foreign;
        return identified <= 0 ? 0 : domestic / identified;
    }

    /** Domestic, open source and foreign together. */
    public double identified() {
        return domestic + openSource + foreign;
    }

    public double share(double part) {
        double t = total();
        return t <= 0 ? 0 : part / t;
    }
}
