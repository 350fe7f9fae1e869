package ru.zamena.app.match;

import ru.zamena.app.CatalogService;
import ru.zamena.core.catalog.ProductSummary;
import ru.zamena.core.catalog.SearchQuery;
import ru.zamena.core.catalog.Vendor;
import ru.zamena.core.match.NameCleaner;
import ru.zamena.core.text.NameSimilarity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Matches raw inventory names (Windows DisplayNames, packages, spreadsheet spellings) to catalog products:
 * clean the name ({@link NameCleaner}), search the catalog, adjust the best candidates' scores by publisher
 * agreement, and decide {@code matched} / {@code review} / {@code unmatched} by two thresholds.
 * Thread-safe; vendor names are cached per vendor id.
 */
public final class InventoryMatcher {
    /*
     * Calibrated with MatcherEvaluation on data/eval/match-labelled.tsv (494 rows, 353 expected matches):
     * grid 0.30..1.00 step 0.01, maximise recall of matched-or-review subject to precision of matched ≥ 0.98
     * and precision of matched-or-review ≥ 0.90.
     * Result at 0.97/0.64: precision of matched 0.983 (293/298), recall of matched-or-review 0.975 (344/353),
     * precision of matched-or-review 0.900 (84 rows go to review). For comparison 0.90/0.70 gave 0.973 / 0.952.
     */
    public static final double MATCHED_THRESHOLD = 0.97;
    public static final double REVIEW_THRESHOLD = 0.64;

    /** Added when the publisher names the candidate's vendor; subtracted when it clearly names another. */
    static final double PUBLISHER_BONUS = 0.05;
    static final double PUBLISHER_PENALTY = 0.20;
    static final double PUBLISHER_AGREES = 0.80;
    static final double PUBLISHER_DIFFERS = 0.55;
    static final int CANDIDATES = 5;

    public static final String MATCHED = "matched", REVIEW = "review", UNMATCHED = "unmatched";

    public record Match(String input, String status, ProductSummary product, double score, Map<String, Object> evidence) {}

    /** The threshold-independent part of a match: the best candidate after the publisher adjustment. */
    public record Scored(String input, NameCleaner.Cleaned cleaned, String reason, ProductSummary product,
                         double nameScore, Double publisherScore, double score) {}

    /** Language/help packs, proofing tools and translation packages: parts of an installation, not products. */
    static final Pattern LANGUAGE_PACK = Pattern.compile(
            "language\\s+(?:interface\\s+)?pack|языков\\p{L}*\\s+пакет|пакет\\s+локализации|proofing\\s+tools|средства\\s+проверки\\s+правописания"
                    + "|help\\s+pack|mui\\s+pack|-(?:l10n|i18n|langpack|helppack)(?:-|$)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Distribution packagers: the publisher of a repackaged program says nothing about its vendor. */
    static final Pattern PACKAGER = Pattern.compile("debian|ubuntu|fedora|opensuse|maintainers|packagers|centos|rocky linux|almalinux",
            Pattern.CASE_INSENSITIVE);

    /** Legal forms and quotes, removed from publishers before comparing ("Zoom Video Communications, Inc."). */
    static final Pattern LEGAL = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:inc|llc|ltd|limited|corp|corporation|co|company|gmbh|ag|sa|sas|sia|ab|as|oy|bv|nv|plc|spol|s\\.?\\s?r\\.?\\s?o|ao|ооо|ао|пао|зао|оао|ип)(?![\\p{L}\\p{N}])\\.?|[«»\"“”,]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private final CatalogService catalog;
    private final double matchedThreshold, reviewThreshold;
    private final Map<String, List<String>> vendorNames = new ConcurrentHashMap<>();

    public InventoryMatcher(CatalogService catalog) {
        this(catalog, MATCHED_THRESHOLD, REVIEW_THRESHOLD);
    }

    public InventoryMatcher(CatalogService catalog, double matchedThreshold, double reviewThreshold) {
        if (reviewThreshold > matchedThreshold) throw new IllegalArgumentException("review threshold must not exceed matched threshold");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.matchedThreshold = matchedThreshold;
        this.reviewThreshold = reviewThreshold;
    }

    public CatalogService catalog() { return catalog; }

    public Match match(String raw, String publisher) {
        return decide(score(raw, publisher), matchedThreshold, reviewThreshold);
    }

    /** Cleans, searches and scores without deciding; {@link #decide} applies thresholds. */
    public Scored score(String raw, String publisher) {
        String input = raw == null ? "" : raw;
        String pub = publisher == null || publisher.isBlank() ? null : publisher.strip();
        NameCleaner.Cleaned cleaned = NameCleaner.clean(input);
        if (cleaned.isUpdate() || LANGUAGE_PACK.matcher(input).find())
            return new Scored(input, cleaned, "update", null, 0, null, 0);
        if (cleaned.name().isBlank()) return new Scored(input, cleaned, "empty", null, 0, null, 0);
        List<ProductSummary> hits = catalog.search(new SearchQuery(cleaned.name(), null, null, null, null, 0, CANDIDATES));
        if (hits.isEmpty()) return new Scored(input, cleaned, "no candidate", null, 0, null, 0);
        Scored best = null;
        for (ProductSummary c : hits) {
            Double ps = pub == null || PACKAGER.matcher(pub).find() ? null : publisherScore(pub, c.vendorId(), c.vendor());
            double s = c.score();
            if (ps != null && ps >= PUBLISHER_AGREES) s = Math.min(1.0, s + PUBLISHER_BONUS);
            else if (ps != null && ps < PUBLISHER_DIFFERS) s = Math.max(0.0, s - PUBLISHER_PENALTY);
            if (best == null || s > best.score()) best = new Scored(input, cleaned, null, c, c.score(), ps, s);
        }
        return best;
    }

    public Match decide(Scored s, double t1, double t2) {
        var ev = new LinkedHashMap<String, Object>();
        ev.put("cleaned", s.cleaned().name());
        ev.put("removed", s.cleaned().removed().stream().map(r -> r.kind().name().toLowerCase(Locale.ROOT) + ":" + r.text()).toList());
        if (s.reason() != null) ev.put("reason", s.reason());
        if (s.product() != null) {
            ev.put("matched_alias", s.product().matchedName());
            ev.put("name_score", round(s.nameScore()));
            ev.put("publisher_score", s.publisherScore() == null ? null : round(s.publisherScore()));
        }
        ev.put("thresholds", Map.of("matched", t1, "review", t2));
        String status = s.product() == null ? UNMATCHED : s.score() >= t1 ? MATCHED : s.score() >= t2 ? REVIEW : UNMATCHED;
        if (s.product() != null && status.equals(UNMATCHED)) ev.put("reason", "below review threshold");
        return new Match(s.input(), status, status.equals(UNMATCHED) ? null : s.product(), round(s.score()), ev);
    }

    /** Best similarity of a publisher to the vendor's names and aliases, in both directions, legal forms removed. */
    double publisherScore(String publisher, String vendorId, String vendorName) {
        String p = strip(publisher);
        if (p.isBlank()) return 1.0;
        List<String> names = vendorNames.computeIfAbsent(vendorId == null ? "" : vendorId, id -> {
            var out = new ArrayList<String>();
            if (vendorName != null) out.add(vendorName);
            if (!id.isEmpty()) catalog.vendor(id).map(Vendor::allNames).ifPresent(out::addAll);
            return out;
        });
        double best = 0;
        for (String n : names) {
            String v = strip(n);
            if (v.isBlank()) continue;
            best = Math.max(best, Math.max(NameSimilarity.score(p, v), NameSimilarity.score(v, p)));
        }
        return best;
    }

    private static String strip(String s) {
        return LEGAL.matcher(s).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
