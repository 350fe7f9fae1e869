package ru.zamena.app.match;

import ru.zamena.app.CatalogService;
import ru.zamena.core.catalog.ProductSummary;
import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.core.match.NameCleaner;
import ru.zamena.core.text.NameKey;
import ru.zamena.core.text.NameSimilarity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * Matches raw inventory names (Windows DisplayNames, packages, spreadsheet spellings, SBOM components) to
 * catalog products: exact identifiers first (purl, CPE, register number), then the cleaned name
 * ({@link NameCleaner}) looked up in the in-memory {@link MatchIndex} — exactly, then fuzzily — with the
 * candidates' scores adjusted by publisher agreement; {@code matched} / {@code review} / {@code unmatched}
 * is decided by two calibrated thresholds. Every result carries its evidence. Thread-safe; the index follows
 * catalog changes by itself ({@link LiveMatchIndex}). For throughput over many names use {@link BatchMatcher}.
 */
public final class InventoryMatcher {
    /*
     * Calibrated with MatcherEvaluation on data/eval/match-labelled.tsv (run InventoryMatcherIT, which prints
     * the report): grid 0.30..1.00 step 0.01, maximise recall of matched-or-review subject to precision of
     * matched ≥ 0.98 + 0.005 margin and precision of matched-or-review ≥ 0.90; among equal recall, most
     * correct matched. Then checked on the catalog scaled to 35,000 products (MatchIndexScaledIT, `zamena bench match`).
     * Result with the match index (2026-11-23) at 0.97/0.64: precision of matched 0.990 (295/298), recall of
     * matched-or-review 0.980 (346/353), precision of matched-or-review 0.903 (85 to review); the same on the
     * catalog scaled to 35,740 products. Without the margin the grid picks 0.89 (precision 0.980, one more correct).
     */
    public static final double MATCHED_THRESHOLD = 0.97;
    public static final double REVIEW_THRESHOLD = 0.64;

    /** Added when the publisher names the candidate's vendor; subtracted when it clearly names another. */
    static final double PUBLISHER_BONUS = 0.05;
    static final double PUBLISHER_PENALTY = 0.20;
    static final double PUBLISHER_AGREES = 0.80;
    static final double PUBLISHER_DIFFERS = 0.55;
    /** Subtracted from name matches of library components (Maven-group publisher, library purl): review at best. */
    static final double LIBRARY_PENALTY = 0.20;
    static final int CANDIDATES = 5;

    public static final String MATCHED = "matched", REVIEW = "review", UNMATCHED = "unmatched";

    /**
     * A decision. {@code alternatives} are the catalog's top three replacements of the product (domestic
     * first), empty when unmatched.
     */
    public record Match(String input, String status, ProductSummary product, double score, Map<String, Object> evidence,
                        List<ProductSummary> alternatives) {
        public Match(String input, String status, ProductSummary product, double score, Map<String, Object> evidence) {
            this(input, status, product, score, evidence, List.of());
        }
    }

    /**
     * The threshold-independent part of a match: the best candidate after the publisher adjustment.
     * {@code matchedBy}: exact, exact-with-edition, fuzzy, purl, cpe or registry_number; {@code aliasKind}: what
     * kind of name matched; {@code others}: runner-up candidates (id and score), for reviewers.
     */
    public record Scored(String input, NameCleaner.Cleaned cleaned, String reason, ProductSummary product,
                         double nameScore, Double publisherScore, double score,
                         String matchedBy, String aliasKind, String note, List<ProductSummary> alternatives,
                         List<Map<String, Object>> others) {
        public Scored(String input, NameCleaner.Cleaned cleaned, String reason, ProductSummary product,
                      double nameScore, Double publisherScore, double score) {
            this(input, cleaned, reason, product, nameScore, publisherScore, score, null, null, null, List.of(), List.of());
        }
    }

    /** Language/help packs, proofing tools and translation packages: parts of an installation, not products. */
    static final Pattern LANGUAGE_PACK = Pattern.compile(
            "language\\s+(?:interface\\s+)?pack|языков\\p{L}*\\s+пакет|пакет\\s+локализации|proofing\\s+tools|средства\\s+проверки\\s+правописания"
                    + "|help\\s+pack|mui\\s+pack|-(?:l10n|i18n|langpack|helppack)(?:-|$)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** A register entry number written into a spreadsheet cell: "реестровый номер 1234", "рег. № 1234", "запись в реестре № 1234". */
    static final Pattern REGISTRY_NUMBER = Pattern.compile(
            "(?:реестр\\p{L}*|рег\\.)\\s*(?:номер|№|n|no\\.?)?\\s*:?\\s*№?\\s*(\\d{1,7})(?!\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Package types of libraries: such a component is a part of a program, not an installed product. */
    private static final java.util.Set<String> LIBRARY_PURL_TYPES = java.util.Set.of("maven", "npm", "pypi", "golang", "nuget", "cargo", "gem",
            "composer", "hex", "pub", "cocoapods", "swift", "conan", "github");

    // Callers written against the first matcher construct it from the catalog service; they share the index
    // that Zamena created for that service.
    private static final Map<CatalogService, LiveMatchIndex> SHARED = Collections.synchronizedMap(new WeakHashMap<>());

    private final CatalogService catalog;
    private final LiveMatchIndex index;
    private final double matchedThreshold, reviewThreshold;

    public InventoryMatcher(CatalogService catalog, LiveMatchIndex index) {
        this(catalog, index, MATCHED_THRESHOLD, REVIEW_THRESHOLD);
    }

    public InventoryMatcher(CatalogService catalog, LiveMatchIndex index, double matchedThreshold, double reviewThreshold) {
        if (reviewThreshold > matchedThreshold) throw new IllegalArgumentException("review threshold must not exceed matched threshold");
        this.catalog = catalog;
        this.index = Objects.requireNonNull(index, "index");
        this.matchedThreshold = matchedThreshold;
        this.reviewThreshold = reviewThreshold;
        if (catalog != null) SHARED.putIfAbsent(catalog, index);
    }

    /** A matcher over the index of the {@link ru.zamena.app.Zamena} that owns {@code catalog}; prefer {@code Zamena.matcher()}. */
    public InventoryMatcher(CatalogService catalog) {
        this(catalog, MATCHED_THRESHOLD, REVIEW_THRESHOLD);
    }

    public InventoryMatcher(CatalogService catalog, double matchedThreshold, double reviewThreshold) {
        this(catalog, shared(catalog), matchedThreshold, reviewThreshold);
    }

    private static LiveMatchIndex shared(CatalogService catalog) {
        LiveMatchIndex idx = SHARED.get(Objects.requireNonNull(catalog, "catalog"));
        if (idx == null) throw new IllegalStateException("no match index for this catalog; use Zamena.matcher()");
        return idx;
    }

    public CatalogService catalog() { return catalog; }
    public LiveMatchIndex index() { return index; }
    public double matchedThreshold() { return matchedThreshold; }
    public double reviewThreshold() { return reviewThreshold; }

    public Match match(String raw, String publisher) {
        return decide(score(raw, publisher));
    }

    /** Uses what an inventory or SBOM item says: purl and CPE first, then its name with its publisher. */
    public Match match(InventoryItem item) {
        return decide(score(item));
    }

    public Match decide(Scored s) {
        return decide(s, matchedThreshold, reviewThreshold);
    }

    public Scored score(InventoryItem item) {
        MatchIndex idx = index.get();
        String name = item.name();
        NameCleaner.Cleaned cleaned = NameCleaner.clean(name);
        if (item.purl() != null) {
            MatchIndex.Entry e = idx.byPurl(item.purl());
            if (e != null) return identified(name, cleaned, e, "purl", item.purl());
        }
        if (item.cpe() != null) {
            MatchIndex.Entry e = idx.byCpe(item.cpe());
            if (e != null) return identified(name, cleaned, e, "cpe", item.cpe());
        }
        boolean library = item.purl() != null && LIBRARY_PURL_TYPES.contains(purlType(item.purl()))
                || "library".equalsIgnoreCase(item.type()) || "framework".equalsIgnoreCase(item.type());
        return score(idx, name, item.publisher(), cleaned, library);
    }

    /** Cleans, looks up and scores without deciding; {@link #decide} applies thresholds. */
    public Scored score(String raw, String publisher) {
        String input = raw == null ? "" : raw;
        return score(index.get(), input, publisher, NameCleaner.clean(input), false);
    }

    private Scored score(MatchIndex idx, String input, String publisher, NameCleaner.Cleaned cleaned, boolean library) {
        String pub = publisher == null || publisher.isBlank() ? null : publisher.strip();
        // Cheap word checks before the costly case-insensitive patterns: most names contain none of these words.
        String lower = input.toLowerCase(Locale.ROOT);
        if (lower.contains("реестр") || lower.contains("рег.")) {
            var number = REGISTRY_NUMBER.matcher(input);
            if (number.find()) {
                MatchIndex.Entry e = idx.byRegistryNumber(number.group(1));
                if (e != null) return identified(input, cleaned, e, "registry_number", number.group(1));
            }
        }
        if (cleaned.isUpdate() || mayBeLanguagePack(lower) && LANGUAGE_PACK.matcher(input).find())
            return new Scored(input, cleaned, "update", null, 0, null, 0);
        if (cleaned.name().isBlank()) return new Scored(input, cleaned, "empty", null, 0, null, 0);

        String note = null;
        NameSimilarity.Key publisherKey = null;
        if (pub != null && Publishers.isLibraryGroup(pub)) {
            library = true;
            note = "publisher is a library group";
        } else if (pub != null && Publishers.isPackager(pub)) {
            note = "publisher is a packager";
        } else if (pub != null) {
            publisherKey = publisherKey(pub);
        }
        if (library && note == null) note = "library component";
        final boolean lib = library;

        NameSimilarity.Key key = NameSimilarity.Key.of(cleaned.name());
        var candidates = new ArrayList<Candidate>();
        // A name with its edition words is more specific than without: "Skype для бизнеса", "Postgres Pro Standard".
        String specific = withEditions(cleaned);
        if (specific != null && !specific.equals(key.compact()))
            for (MatchIndex.Hit h : idx.exact(specific))
                if (h.kind() != MatchIndex.KeyKind.VENDOR) candidates.add(candidate(h, "exact-with-edition", publisherKey, lib));
        if (candidates.isEmpty())
            for (MatchIndex.Hit h : idx.exact(key.compact()))
                if (h.kind() != MatchIndex.KeyKind.VENDOR) candidates.add(candidate(h, "exact", publisherKey, lib));
        // Exact hits settle it unless the publisher disagrees with all of them.
        boolean settled = candidates.stream().anyMatch(c -> c.score() >= c.hit().nameScore() - 1e-9 || lib);
        // Two or three letters ("ms", "qs": npm packages) say too little for a fuzzy guess; only exact keys count.
        if (!settled && key.compact().length() >= MIN_FUZZY_LENGTH) {
            var fuzzy = new ArrayList<>(idx.fuzzy(key, CANDIDATES));
            // With its edition words the name may be closer to another product ("SAP Business One Client").
            if (specific != null && !specific.equals(key.compact()))
                fuzzy.addAll(idx.fuzzy(NameSimilarity.Key.of(withEditionsText(cleaned)), CANDIDATES));
            for (MatchIndex.Hit h : fuzzy) {
                Candidate c = candidate(h, "fuzzy", publisherKey, lib);
                int same = indexOf(candidates, h.entry());
                if (same < 0) candidates.add(c);
                else if (c.score() > candidates.get(same).score()) candidates.set(same, c);
            }
        }
        if (candidates.isEmpty()) return new Scored(input, cleaned, "no candidate", null, 0, null, 0);
        Candidate best = candidates.getFirst();
        for (Candidate c : candidates) if (c.score() > best.score()) best = c;
        var others = new ArrayList<Map<String, Object>>();
        for (Candidate c : candidates) {
            if (c == best || others.size() == 3) continue;
            others.add(Map.of("product_id", c.hit().entry().summary().id(), "alias", c.hit().alias(), "score", round(c.score())));
        }
        MatchIndex.Hit h = best.hit();
        return new Scored(input, cleaned, null, h.entry().summary().withScore(best.score(), h.alias()), h.nameScore(), best.publisherScore(),
                best.score(), best.how(), h.kind().label(), note, h.entry().alternatives(), others);
    }

    static final int MIN_FUZZY_LENGTH = 4;

    private record Candidate(MatchIndex.Hit hit, String how, Double publisherScore, double score) {}

    private static Candidate candidate(MatchIndex.Hit h, String how, NameSimilarity.Key publisher, boolean library) {
        Double ps = publisher == null ? null : Publishers.score(publisher, h.entry().vendorKeys());
        double s = h.nameScore();
        if (ps != null && ps >= PUBLISHER_AGREES) s = Math.min(1.0, s + PUBLISHER_BONUS);
        else if (ps != null && ps < PUBLISHER_DIFFERS) s = Math.max(0.0, s - PUBLISHER_PENALTY);
        if (library) s = Math.max(0.0, s - LIBRARY_PENALTY);
        return new Candidate(h, how, ps, s);
    }

    private static boolean mayBeLanguagePack(String lower) {
        for (String w : LANGUAGE_PACK_WORDS) if (lower.contains(w)) return true;
        return false;
    }

    private static final List<String> LANGUAGE_PACK_WORDS = List.of("pack", "пакет", "proofing", "правописания", "l10n", "i18n", "langpack", "helppack");

    // Publishers repeat across an inventory (a few hundred vendors); folding one costs a transliteration.
    private final Map<String, NameSimilarity.Key> publisherKeys = new java.util.concurrent.ConcurrentHashMap<>();

    private NameSimilarity.Key publisherKey(String publisher) {
        NameSimilarity.Key k = publisherKeys.get(publisher);
        if (k != null) return k;
        k = NameSimilarity.Key.of(Publishers.strip(publisher));
        if (publisherKeys.size() >= 10_000) publisherKeys.clear();
        publisherKeys.put(publisher, k);
        return k;
    }

    private static Scored identified(String input, NameCleaner.Cleaned cleaned, MatchIndex.Entry e, String how, String identifier) {
        return new Scored(input, cleaned, null, e.summary().withScore(1.0, identifier), 1.0, null, 1.0, how, how, null,
                e.alternatives(), List.of());
    }

    /**
     * The compact key of the raw name with everything the cleaner removed except editions, or null when it
     * removed no edition: "Skype для бизнеса 2016 - ru-ru" → key of "Skype для бизнеса".
     */
    static String withEditions(NameCleaner.Cleaned c) {
        String s = withEditionsText(c);
        return s == null ? null : NameKey.compact(s);
    }

    private static String withEditionsText(NameCleaner.Cleaned c) {
        if (!c.has(NameCleaner.Kind.EDITION)) return null;
        String s = c.raw();
        for (NameCleaner.Removed r : c.removed()) {
            if (r.kind() == NameCleaner.Kind.EDITION) continue;
            int at = s.indexOf(r.text());
            if (at >= 0) s = s.substring(0, at) + " " + s.substring(at + r.text().length());
        }
        return s;
    }

    private static int indexOf(List<Candidate> candidates, MatchIndex.Entry e) {
        for (int i = 0; i < candidates.size(); i++) if (candidates.get(i).hit().entry() == e) return i;
        return -1;
    }

    private static String purlType(String purl) {
        String s = purl.strip();
        if (s.regionMatches(true, 0, "pkg:", 0, 4)) s = s.substring(4);
        int slash = s.indexOf('/');
        return slash < 0 ? "" : s.substring(0, slash).toLowerCase(Locale.ROOT);
    }

    public Match decide(Scored s, double t1, double t2) {
        var ev = new LinkedHashMap<String, Object>();
        ev.put("cleaned", s.cleaned().name());
        ev.put("removed", s.cleaned().removed().stream().map(r -> r.kind().name().toLowerCase(Locale.ROOT) + ":" + r.text()).toList());
        if (s.reason() != null) ev.put("reason", s.reason());
        if (s.product() != null) {
            ev.put("matched_by", s.matchedBy());
            ev.put("matched_alias", s.product().matchedName());
            ev.put("alias_kind", s.aliasKind());
            ev.put("name_score", round(s.nameScore()));
            ev.put("publisher_score", s.publisherScore() == null ? null : round(s.publisherScore()));
            if (s.note() != null) ev.put("note", s.note());
            if (!s.others().isEmpty()) ev.put("other_candidates", s.others());
        }
        ev.put("thresholds", Map.of("matched", t1, "review", t2));
        String status = s.product() == null ? UNMATCHED : s.score() >= t1 ? MATCHED : s.score() >= t2 ? REVIEW : UNMATCHED;
        if (s.product() != null && status.equals(UNMATCHED)) ev.put("reason", "below review threshold");
        boolean none = status.equals(UNMATCHED);
        return new Match(s.input(), status, none ? null : s.product(), round(s.score()), ev,
                none || s.alternatives() == null ? List.of() : s.alternatives());
    }

    static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
