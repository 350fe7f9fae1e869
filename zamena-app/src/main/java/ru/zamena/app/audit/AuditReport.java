package ru.zamena.app.audit;

import ru.zamena.core.catalog.AlternativeView;
import ru.zamena.core.catalog.Origin;
import ru.zamena.store.AuditStore;

import java.util.*;
import java.util.function.Function;

/**
 * What an audit found: totals and shares by origin, category, vendor country and vendor, counted
 * both in distinct items and in occurrences (rows of the inventories: seats, installations), and
 * per item its match, origin, flags and the best alternatives that run on the target platform.
 *
 * <p>Flags (per item, counted in {@link Summary#flags()}):
 * <ul>
 *   <li>{@value #FOREIGN_NO_DOMESTIC} — a foreign product for which the catalog has no domestic alternative;</li>
 *   <li>{@value #FOREIGN_REGISTERED} — a foreign product with a domestic alternative listed in a register of domestic
 *       software (an entry, or the curated catalog's claim that it is listed);</li>
 *   <li>{@value #NO_ALTERNATIVE_ON_PLATFORM} — a foreign product whose alternatives all lack a claim for the target CPU/OS;</li>
 *   <li>{@value #REVIEW_PENDING} — the match is doubtful and waits in the review queue;</li>
 *   <li>{@value #UNMATCHED} — nothing in the catalog matched the name.</li>
 * </ul>
 * End of support is not flagged: the catalog does not record support dates yet.
 * Items in review count under their candidate's origin; unmatched items count as {@code unknown}.
 */
public record AuditReport(AuditStore.Audit audit, Summary summary, List<Share> byOrigin, List<Share> byCategory,
                          List<Share> byCountry, List<Share> byVendor, List<Item> items) {

    public static final String FOREIGN_NO_DOMESTIC = "foreign_no_domestic_alternative";
    public static final String FOREIGN_REGISTERED = "foreign_with_registered_alternative";
    public static final String NO_ALTERNATIVE_ON_PLATFORM = "no_alternative_on_platform";
    public static final String REVIEW_PENDING = "review_pending";
    public static final String UNMATCHED = "unmatched";
    static final List<String> FLAGS = List.of(FOREIGN_NO_DOMESTIC, FOREIGN_REGISTERED, NO_ALTERNATIVE_ON_PLATFORM, REVIEW_PENDING, UNMATCHED);
    static final List<String> ORIGINS = Arrays.stream(Origin.values()).map(o -> o.name().toLowerCase(Locale.ROOT)).toList();
    /** Alternatives listed per item. */
    static final int TOP_ALTERNATIVES = 3;

    public record Summary(long items, long occurrences, long matched, long review, long unmatched, long decidedByJudgment,
                          Map<String, Long> flags) {}

    /** One group's part of the whole: {@code itemShare} and {@code occurrenceShare} are 0..1. */
    public record Share(String key, long items, long occurrences, double itemShare, double occurrenceShare) {}

    public record Alternative(String productId, String name, String vendor, String country, String origin, String fit,
                              boolean registered, List<String> platforms) {}

    public record Item(int seq, String name, String publisher, List<String> versions, int hosts, int occurrences, String status,
                       String decidedBy, String productId, String product, String vendor, String country, String origin,
                       String category, double score, Map<String, Object> evidence, List<String> flags, List<Alternative> alternatives) {}

    /** Builds the report of stored (or about to be stored) items; {@code audit} may be null before storing. */
    static AuditReport build(AuditStore.Audit audit, List<AuditStore.Item> stored, PlatformAlternatives alternatives) {
        var items = new ArrayList<Item>(stored.size());
        long occurrences = 0, matched = 0, review = 0, unmatched = 0, judged = 0;
        var flagCounts = new LinkedHashMap<String, Long>();
        FLAGS.forEach(f -> flagCounts.put(f, 0L));
        for (AuditStore.Item i : stored) {
            occurrences += i.occurrences();
            switch (i.status()) {
                case "matched" -> matched++;
                case "review" -> review++;
                default -> unmatched++;
            }
            if ("judgment".equals(i.decidedBy())) judged++;
            var flags = new ArrayList<String>();
            List<Alternative> alts = List.of();
            if (i.productId() != null && "foreign".equals(i.origin())) {
                List<AlternativeView> all = alternatives.all(i.productId());
                List<AlternativeView> here = alternatives.onPlatform(i.productId());
                if (all.stream().noneMatch(a -> a.product().origin() == Origin.DOMESTIC)) flags.add(FOREIGN_NO_DOMESTIC);
                if (all.stream().anyMatch(a -> a.product().origin() == Origin.DOMESTIC && alternatives.registered(a.product())))
                    flags.add(FOREIGN_REGISTERED);
                if (alternatives.filtered() && here.isEmpty() && !all.isEmpty()) flags.add(NO_ALTERNATIVE_ON_PLATFORM);
                alts = here.stream().limit(TOP_ALTERNATIVES).map(a -> alternative(a, alternatives.registered(a.product()))).toList();
            }
            if (i.status().equals("review")) flags.add(REVIEW_PENDING);
            if (i.status().equals("unmatched")) flags.add(UNMATCHED);
            flags.forEach(f -> flagCounts.merge(f, 1L, Long::sum));
            items.add(new Item(i.seq(), i.rawName(), i.publisher(), i.versions(), i.hosts(), i.occurrences(), i.status(), i.decidedBy(),
                    i.productId(), i.productName(), i.vendor(), i.country(), i.origin(), i.category(), i.score(), i.evidence(),
                    List.copyOf(flags), alts));
        }
        var summary = new Summary(stored.size(), occurrences, matched, review, unmatched, judged, flagCounts);
        return new AuditReport(audit, summary,
                shares(stored, AuditStore.Item::origin, ORIGINS),
                shares(stored, i -> i.category() == null ? "unknown" : i.category(), null),
                shares(stored, i -> i.country() == null ? "unknown" : i.country(), null),
                shares(stored, i -> i.vendor() == null ? "unknown" : i.vendor(), null),
                items);
    }

    AuditReport withAudit(AuditStore.Audit a) {
        return new AuditReport(a, summary, byOrigin, byCategory, byCountry, byVendor, items);
    }

    private static Alternative alternative(AlternativeView a, boolean registered) {
        var p = a.product();
        return new Alternative(p.id(), p.name(), p.vendor(), p.vendorCountry(), p.origin().name().toLowerCase(Locale.ROOT),
                a.fit().name().toLowerCase(Locale.ROOT), registered,
                a.platforms().stream().map(c -> c.platformId()).distinct().toList());
    }

    /**
     * Groups by {@code key}, largest first by occurrences; {@code fixed} lists keys always present in
     * that order (origins), even with nothing in them.
     */
    static List<Share> shares(List<AuditStore.Item> items, Function<AuditStore.Item, String> key, List<String> fixed) {
        long totalItems = items.size(), totalOcc = items.stream().mapToLong(AuditStore.Item::occurrences).sum();
        var counts = new LinkedHashMap<String, long[]>();
        if (fixed != null) fixed.forEach(k -> counts.put(k, new long[2]));
        for (AuditStore.Item i : items) {
            long[] c = counts.computeIfAbsent(key.apply(i), k -> new long[2]);
            c[0]++;
            c[1] += i.occurrences();
        }
        var out = new ArrayList<Share>();
        counts.forEach((k, c) -> out.add(new Share(k, c[0], c[1], ratio(c[0], totalItems), ratio(c[1], totalOcc))));
        if (fixed == null) out.sort(Comparator.comparingLong(Share::occurrences).reversed().thenComparing(Share::key));
        return out;
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    /** The part kept with the stored audit, so lists show counts and shares without reading the items. */
    Map<String, Object> totals() {
        var t = new LinkedHashMap<String, Object>();
        t.put("items", summary.items());
        t.put("occurrences", summary.occurrences());
        t.put("matched", summary.matched());
        t.put("review", summary.review());
        t.put("unmatched", summary.unmatched());
        t.put("decided_by_judgment", summary.decidedByJudgment());
        var origins = new LinkedHashMap<String, Object>();
        for (Share s : byOrigin) origins.put(s.key(), Map.of("items", s.items(), "occurrences", s.occurrences(), "occurrence_share", s.occurrenceShare()));
        t.put("by_origin", origins);
        t.put("flags", summary.flags());
        return t;
    }
}
