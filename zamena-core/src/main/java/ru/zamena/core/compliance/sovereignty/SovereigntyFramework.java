package ru.zamena.core.compliance.sovereignty;

import java.util.List;

/**
 * A scheme that scores how sovereign a (cloud) service is: weighted objectives, each assessed on the
 * framework's assurance levels (0 = none … top), e.g. the EU Cloud Sovereignty Framework's eight SOV
 * objectives and its SEAL-0…SEAL-4 levels. Data, loaded from a profile; {@code unverified} lists what was
 * not confirmed against the framework's text.
 */
public record SovereigntyFramework(String id, String nameEn, String nameRu, String source, List<Objective> objectives, List<Level> levels,
                                   List<String> unverified) {
    public SovereigntyFramework {
        objectives = List.copyOf(objectives);
        levels = List.copyOf(levels);
        unverified = unverified == null ? List.of() : List.copyOf(unverified);
        if (levels.size() < 2) throw new IllegalArgumentException("a framework needs at least two assurance levels");
        double sum = objectives.stream().mapToDouble(Objective::weightPercent).sum();
        if (Math.abs(sum - 100) > 1e-6) throw new IllegalArgumentException("objective weights must add up to 100, not " + sum);
    }

    /** One objective and its weight in percent. */
    public record Objective(String id, String nameEn, String nameRu, double weightPercent, boolean weightUnverified, String aboutEn, String aboutRu) {
        public String name(String language) {
            return "ru".equals(language) ? nameRu : nameEn;
        }
    }

    /** An assurance level: its rank (0 = lowest), label (e.g. SEAL-2) and meaning. */
    public record Level(int rank, String label, String nameEn, String nameRu) {
        public String name(String language) {
            return "ru".equals(language) ? nameRu : nameEn;
        }
    }

    public int topLevel() {
        return levels.size() - 1;
    }

    public Level level(int rank) {
        return levels.get(rank);
    }
}
