package ru.zamena.core.text;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.util.List;

/**
 * Scores how well a query names a candidate, both given as raw text in any script. Used to rank
 * search candidates that the database's trigram index found: exact and prefix hits first, then
 * whole-word agreement, then character similarity for typos.
 */
public final class NameSimilarity {
    private NameSimilarity() {}

    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();

    /** A score in [0, 1]; 1 means the same name once spelling, script and punctuation are folded. */
    public static double score(String query, String candidate) {
        return score(Key.of(query), Key.of(candidate));
    }

    public static double score(Key q, Key c) {
        if (q.compact.isEmpty() || c.compact.isEmpty()) return 0;
        if (q.compact.equals(c.compact)) return 1.0;
        double lengthRatio = (double) Math.min(q.compact.length(), c.compact.length()) / Math.max(q.compact.length(), c.compact.length());
        if (c.compact.startsWith(q.compact)) return 0.85 + 0.1 * lengthRatio;
        // Share of query words found in the candidate (exactly or nearly), e.g. "office" in "microsoft office".
        double words = 0;
        for (String w : q.words) {
            double best = 0;
            for (String cw : c.words) best = Math.max(best, cw.equals(w) ? 1 : (cw.startsWith(w) && w.length() >= 3 ? 0.9 : JW.apply(w, cw) >= 0.9 ? JW.apply(w, cw) - 0.1 : 0));
            words += best;
        }
        words /= q.words.size();
        double chars = JW.apply(q.compact, c.compact);
        double s = 0.55 * words + 0.3 * chars + 0.15 * lengthRatio;
        return Math.min(0.84, s);
    }

    /** A name prepared once for many comparisons. */
    public record Key(String compact, List<String> words) {
        public static Key of(String raw) {
            List<String> w = NameKey.words(raw);
            return new Key(String.join("", w), w);
        }
    }
}
