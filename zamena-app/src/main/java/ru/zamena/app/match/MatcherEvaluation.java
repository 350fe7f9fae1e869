package ru.zamena.app.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures {@link InventoryMatcher} on the labelled set (data/eval/match-labelled.tsv) and calibrates its
 * thresholds. Precision = correct {@code matched} / all {@code matched}; recall = expected rows whose status
 * is matched or review with the expected product / all rows with an expected product.
 */
public final class MatcherEvaluation {
    /** Calibration constraints: precision of matched, and of matched-or-review (so review is not "everything"). */
    public static final double MIN_PRECISION = 0.98;
    public static final double MIN_REVIEW_PRECISION = 0.90;
    /** Calibration keeps this much above MIN_PRECISION, so that one more wrong match in a larger catalog does not break the goal. */
    public static final double PRECISION_MARGIN = 0.005;

    public record Row(String input, String publisher, String expected) {
        public boolean shouldMatch() { return !"-".equals(expected); }
    }

    public record Metrics(double matchedThreshold, double reviewThreshold, int rows, int expected,
                          int matched, int matchedCorrect, int reviewed, int found, int falseReview) {
        public double precision() { return matched == 0 ? 1.0 : (double) matchedCorrect / matched; }
        public double recall() { return expected == 0 ? 1.0 : (double) found / expected; }
        /** Correct among matched-or-review. */
        public double reviewPrecision() { return matched + reviewed == 0 ? 1.0 : (double) found / (matched + reviewed); }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "t1=%.2f t2=%.2f precision(matched)=%.4f (%d/%d) recall(matched|review)=%.4f (%d/%d) "
                            + "precision(matched|review)=%.4f review=%d",
                    matchedThreshold, reviewThreshold, precision(), matchedCorrect, matched, recall(), found, expected,
                    reviewPrecision(), reviewed);
        }
    }

    public record Report(Metrics current, Metrics calibrated, List<String> errors) {
        @Override
        public String toString() {
            var sb = new StringBuilder("Inventory matcher evaluation\n");
            sb.append("  current thresholds:    ").append(current).append('\n');
            sb.append("  calibrated thresholds: ").append(calibrated).append('\n');
            sb.append("  rows not as labelled at current thresholds (").append(errors.size()).append("):\n");
            for (String e : errors) sb.append("    ").append(e).append('\n');
            return sb.toString();
        }
    }

    private MatcherEvaluation() {}

    public static List<Row> read(Path tsv) {
        try {
            var lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
            var rows = new ArrayList<Row>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isEmpty()) continue;
                String[] f = line.split("\t", -1);
                rows.add(new Row(f[0], f.length > 1 ? f[1] : "", f.length > 2 ? f[2].strip() : "-"));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Report run(InventoryMatcher matcher, Path tsv) {
        List<Row> rows = read(tsv);
        var scored = new ArrayList<InventoryMatcher.Scored>();
        for (Row r : rows) scored.add(matcher.score(r.input(), r.publisher()));
        Metrics current = metrics(matcher, rows, scored, InventoryMatcher.MATCHED_THRESHOLD, InventoryMatcher.REVIEW_THRESHOLD);
        Metrics best = null;
        for (int a = 100; a >= 30; a--) {
            for (int b = a; b >= 30; b--) {
                Metrics m = metrics(matcher, rows, scored, a / 100.0, b / 100.0);
                if (m.precision() < MIN_PRECISION + PRECISION_MARGIN || m.reviewPrecision() < MIN_REVIEW_PRECISION) continue;
                if (best == null || m.recall() > best.recall()
                        || m.recall() == best.recall() && m.matchedCorrect() > best.matchedCorrect()
                        || m.recall() == best.recall() && m.matchedCorrect() == best.matchedCorrect() && m.precision() > best.precision())
                    best = m;
            }
        }
        var errors = new ArrayList<String>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            var m = matcher.decide(scored.get(i), current.matchedThreshold(), current.reviewThreshold());
            String got = m.product() == null ? "-" : m.product().id();
            boolean ok = r.shouldMatch() ? !m.status().equals(InventoryMatcher.UNMATCHED) && got.equals(r.expected())
                    : m.status().equals(InventoryMatcher.UNMATCHED);
            if (!ok)
                errors.add(String.format(Locale.ROOT, "%-9s %.3f %-30s expected %-30s | %s | %s | %s", m.status(), m.score(), got, r.expected(),
                        r.input(), r.publisher(), m.evidence()));
        }
        return new Report(current, best, errors);
    }

    static Metrics metrics(InventoryMatcher matcher, List<Row> rows, List<InventoryMatcher.Scored> scored, double t1, double t2) {
        int expected = 0, matched = 0, matchedCorrect = 0, reviewed = 0, found = 0, falseReview = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            var s = scored.get(i);
            String status = s.product() == null ? InventoryMatcher.UNMATCHED : s.score() >= t1 ? InventoryMatcher.MATCHED
                    : s.score() >= t2 ? InventoryMatcher.REVIEW : InventoryMatcher.UNMATCHED;
            boolean correct = s.product() != null && s.product().id().equals(r.expected());
            if (r.shouldMatch()) expected++;
            if (status.equals(InventoryMatcher.MATCHED)) {
                matched++;
                if (correct) matchedCorrect++;
            }
            if (status.equals(InventoryMatcher.REVIEW)) {
                reviewed++;
                if (!correct) falseReview++;
            }
            if (r.shouldMatch() && !status.equals(InventoryMatcher.UNMATCHED) && correct) found++;
        }
        return new Metrics(t1, t2, rows.size(), expected, matched, matchedCorrect, reviewed, found, falseReview);
    }
}
