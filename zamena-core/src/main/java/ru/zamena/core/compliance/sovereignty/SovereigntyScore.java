package ru.zamena.core.compliance.sovereignty;

import java.util.ArrayList;
import java.util.List;

/**
 * A service scored on a framework: per objective its level and weighted contribution, the total score
 * (0-100: the weighted mean of the levels as a share of the top level), the overall assurance level
 * (the weakest objective's, so one weak objective cannot be averaged away) and the objectives that limit it,
 * and whether the tender's required level is met.
 */
public record SovereigntyScore(SovereigntyFramework framework, ServiceAssessment assessment, List<Line> lines, double score,
                               SovereigntyFramework.Level level, List<String> limitedBy, Boolean meetsRequired) {

    public record Line(SovereigntyFramework.Objective objective, int level, double contribution, String evidence) {}

    /**
     * Scores {@code a} on {@code f}.
     *
     * @throws IllegalArgumentException naming the objective when one is missing, unknown or out of range
     */
    public static SovereigntyScore of(SovereigntyFramework f, ServiceAssessment a) {
        for (String id : a.answers().keySet())
            if (f.objectives().stream().noneMatch(o -> o.id().equals(id)))
                throw new IllegalArgumentException("objectives." + id + ": not an objective of " + f.id() + " (expected "
                        + String.join(", ", f.objectives().stream().map(SovereigntyFramework.Objective::id).toList()) + ")");
        var lines = new ArrayList<Line>();
        double score = 0;
        int min = f.topLevel();
        for (SovereigntyFramework.Objective o : f.objectives()) {
            ServiceAssessment.Answer ans = a.answers().get(o.id());
            if (ans == null) throw new IllegalArgumentException("objectives." + o.id() + ": missing (every objective must be assessed; 0 when nothing is sovereign)");
            if (ans.level() < 0 || ans.level() > f.topLevel())
                throw new IllegalArgumentException("objectives." + o.id() + ".level: must be 0.." + f.topLevel() + ", not " + ans.level());
            double c = o.weightPercent() * ans.level() / f.topLevel();
            score += c;
            min = Math.min(min, ans.level());
            lines.add(new Line(o, ans.level(), c, ans.evidence()));
        }
        int overall = min;
        List<String> limitedBy = overall == f.topLevel() ? List.of()
                : lines.stream().filter(l -> l.level() == overall).map(l -> l.objective().id()).toList();
        Integer req = a.requiredLevel();
        if (req != null && (req < 0 || req > f.topLevel())) throw new IllegalArgumentException("required_level: must be 0.." + f.topLevel() + ", not " + req);
        return new SovereigntyScore(f, a, lines, Math.round(score * 100) / 100.0, f.level(overall), limitedBy, req == null ? null : overall >= req);
    }
}
