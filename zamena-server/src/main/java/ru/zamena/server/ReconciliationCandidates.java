package ru.zamena.server;

import ru.zamena.app.CatalogService;
import ru.zamena.app.match.InventoryMatcher;
import ru.zamena.core.catalog.Category;
import ru.zamena.core.catalog.Origin;
import ru.zamena.core.catalog.ProductSummary;
import ru.zamena.core.catalog.SearchQuery;
import ru.zamena.core.catalog.Vendor;
import ru.zamena.core.text.NameKey;
import ru.zamena.core.text.NameSimilarity;
import ru.zamena.server.ReconciliationText.Lang;
import ru.zamena.store.NotFoundException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds reconciliation candidates for a query: the inventory matcher cleans the name and decides
 * whether its best product is a sure match; the catalog search, narrowed by type and properties,
 * gives the list. A candidate is marked {@code match} only when the matcher would accept it
 * without review and no other candidate comes close. One {@link Session} serves one request.
 */
final class ReconciliationCandidates {
    static final String PRODUCT = "product";
    /** The best candidate must lead the next one by this much (of 1) to be a sure match. */
    static final double CLEAR_LEAD = 0.05;
    /** Vendor names this similar in both directions are the same vendor (typos, transliteration). */
    static final double SAME_VENDOR = 0.9;
    /** Score of candidates listed by their properties alone (no name to compare). */
    static final double NO_NAME_SCORE = 0.5;
    private static final int MAX_FETCH = 100;
    private static final int SUGGESTIONS = 10;
    /** Catalog ids look like this; a query that is one may name a product exactly. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9.+_-]*");
    /** Legal forms and quotes around vendor names ("АО «Лаборатория Касперского»", "Microsoft Corp."). */
    private static final Pattern LEGAL = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:inc|llc|ltd|limited|corp|corporation|co|gmbh|ag|plc|ооо|ао|пао|зао|оао|нпо|ип)(?![\\p{L}\\p{N}])\\.?|[«»\"“”„]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    record TypeRef(String id, String name) {}

    record Feature(String id, Object value) {}

    /** A candidate as the specification's result schema has it; score 0..100. */
    record Candidate(String id, String name, String description, double score, boolean match, List<TypeRef> type, List<Feature> features) {}

    /** An entity suggestion; {@code notable} holds its types. */
    record Suggestion(String id, String name, String description, List<TypeRef> notable) {}

    private final CatalogService catalog;
    private final InventoryMatcher matcher;

    ReconciliationCandidates(CatalogService catalog, InventoryMatcher matcher) {
        this.catalog = catalog;
        this.matcher = matcher;
    }

    Session session(Lang lang) {
        return new Session(lang);
    }

    /** What one request needs more than once: the categories, vendor names, the language. */
    final class Session {
        final Lang lang;
        final Map<String, Category> categories = new LinkedHashMap<>();
        private final Map<String, List<String>> vendorNames = new HashMap<>();

        private Session(Lang lang) {
            this.lang = lang;
            for (Category c : catalog.categories()) categories.put(c.id(), c);
        }

        /** {@code product} and the category ids. */
        Set<String> types() {
            var out = new LinkedHashSet<String>();
            out.add(PRODUCT);
            out.addAll(categories.keySet());
            return out;
        }

        TypeRef productType() {
            return new TypeRef(PRODUCT, ReconciliationText.type(lang));
        }

        TypeRef categoryType(String id) {
            Category c = categories.get(id);
            return new TypeRef(id, c == null ? id : ReconciliationText.category(lang, c));
        }

        List<Candidate> find(ReconciliationQuery q) {
            Narrowing n = new Narrowing(q);
            InventoryMatcher.Match decision = null;
            var hits = new ArrayList<ProductSummary>();
            if (q.text() != null) {
                InventoryMatcher.Scored scored = matcher.score(q.text(), publisher(q.vendors()));
                decision = matcher.decide(scored, InventoryMatcher.MATCHED_THRESHOLD, InventoryMatcher.REVIEW_THRESHOLD);
                exactId(q.text()).filter(n).ifPresent(hits::add);
                String name = scored.cleaned().name().isBlank() ? q.text() : scored.cleaned().name();
                int fetch = n.needsPostFilter() ? MAX_FETCH : q.limit() + 1; // one more tells whether the best is clearly best
                for (ProductSummary p : catalog.search(n.search(name, fetch)))
                    if (n.test(p) && hits.stream().noneMatch(h -> h.id().equals(p.id()))) hits.add(p);
            } else {
                // Properties only: list what satisfies them, in name order (the store's order without a text).
                for (ProductSummary p : catalog.search(n.search(null, 500))) if (n.test(p)) hits.add(p);
            }
            var out = new ArrayList<Candidate>();
            for (int i = 0; i < Math.min(q.limit(), hits.size()); i++) {
                ProductSummary p = hits.get(i);
                double score = q.text() == null ? NO_NAME_SCORE : p.score();
                boolean match = i == 0 && q.text() != null && (p.id().equals(q.text()) || sureMatch(decision, p, hits));
                var features = new ArrayList<Feature>();
                if (q.text() != null) features.add(new Feature("name", round(p.score(), 1000)));
                if (!q.vendors().isEmpty()) features.add(new Feature("vendor", true)); // disagreeing vendors were filtered out
                out.add(new Candidate(p.id(), ReconciliationText.pick(lang, p.name(), p.nameRu()), description(p), round(score * 100, 10), match,
                        types(p), features));
            }
            return out;
        }

        /** The vendor to tell the matcher as publisher: the first one given, by name when it was given by id. */
        private String publisher(List<String> vendors) {
            if (vendors.isEmpty()) return null;
            String v = vendors.getFirst();
            return SLUG.matcher(v).matches() ? catalog.vendor(v).map(Vendor::name).orElse(v) : v;
        }

        /** Products whose names start like {@code prefix} (any script), an exact id first; of one category when {@code type} is one. */
        List<Suggestion> suggest(String prefix, String type, int cursor) {
            String category = categories.containsKey(type) ? type : null; // clients send whatever type the column has: others mean all
            var hits = new ArrayList<ProductSummary>();
            if (cursor == 0) exactId(prefix).filter(p -> category == null || category.equals(p.category())).ifPresent(hits::add);
            for (ProductSummary p : catalog.search(new SearchQuery(prefix, null, category, null, null, cursor, SUGGESTIONS)))
                if (hits.stream().noneMatch(h -> h.id().equals(p.id()))) hits.add(p);
            return hits.stream().limit(SUGGESTIONS)
                    .map(p -> new Suggestion(p.id(), ReconciliationText.pick(lang, p.name(), p.nameRu()), description(p), types(p))).toList();
        }

        List<TypeRef> types(ProductSummary p) {
            return p.category() == null ? List.of(productType()) : List.of(productType(), categoryType(p.category()));
        }

        /** "Kaspersky (RU) · Antivirus · domestic · in the software register, № 205". */
        String description(ProductSummary p) {
            var parts = new ArrayList<String>();
            if (p.vendor() != null) parts.add(p.vendor() + (p.vendorCountry() == null ? "" : " (" + p.vendorCountry() + ")"));
            Category c = categories.get(p.category());
            if (c != null) parts.add(ReconciliationText.category(lang, c));
            if (p.origin() != null) parts.add(ReconciliationText.origin(lang, p.origin()));
            String register = ReconciliationText.register(lang, p.registryNumbers());
            if (register != null) parts.add(register);
            return String.join(" · ", parts);
        }

        private boolean sureMatch(InventoryMatcher.Match decision, ProductSummary best, List<ProductSummary> hits) {
            if (decision == null || decision.product() == null || !InventoryMatcher.MATCHED.equals(decision.status())) return false;
            if (!decision.product().id().equals(best.id())) return false;
            return hits.size() < 2 || best.score() - hits.get(1).score() >= CLEAR_LEAD;
        }

        /** The product whose id the text is, if it looks like one and exists. */
        private Optional<ProductSummary> exactId(String text) {
            if (text == null || !SLUG.matcher(text).matches()) return Optional.empty();
            try {
                ProductSummary p = catalog.resolve(text);
                return p.id().equals(text) ? Optional.of(p) : Optional.empty();
            } catch (NotFoundException none) {
                return Optional.empty();
            }
        }

        /**
         * The query's type and property constraints: a single value of country, origin or category
         * is given to the store's search; several values, and vendors, are checked on the hits.
         */
        private final class Narrowing implements Predicate<ProductSummary> {
            final Set<String> countries, categoryIds;
            final Set<Origin> origins;
            final List<String> vendorKeys, vendorIds;

            Narrowing(ReconciliationQuery q) {
                countries = Set.copyOf(q.countries());
                origins = Set.copyOf(q.origins());
                categoryIds = q.types().isEmpty() || q.types().contains(PRODUCT) ? Set.of() : Set.copyOf(q.types());
                vendorIds = q.vendors();
                vendorKeys = q.vendors().stream().map(ReconciliationCandidates::vendorKey).filter(k -> !k.isEmpty()).toList();
            }

            boolean needsPostFilter() {
                return !vendorIds.isEmpty() || countries.size() > 1 || origins.size() > 1 || categoryIds.size() > 1;
            }

            SearchQuery search(String text, int limit) {
                return new SearchQuery(text, single(countries), single(categoryIds), null, single(origins), 0, limit);
            }

            @Override
            public boolean test(ProductSummary p) {
                return (countries.isEmpty() || countries.contains(p.vendorCountry()))
                        && (origins.isEmpty() || origins.contains(p.origin()))
                        && (categoryIds.isEmpty() || categoryIds.contains(p.category()))
                        && (vendorIds.isEmpty() || vendorAgrees(p));
            }

            private boolean vendorAgrees(ProductSummary p) {
                for (String id : vendorIds) if (id.equalsIgnoreCase(p.vendorId())) return true;
                List<String> names = vendorNames.computeIfAbsent(p.vendorId() == null ? "" : p.vendorId(), id -> id.isEmpty()
                        ? List.of(p.vendor() == null ? "" : p.vendor())
                        : catalog.vendor(id).map(Vendor::allNames).orElse(List.of(p.vendor() == null ? "" : p.vendor())));
                for (String wanted : vendorKeys)
                    for (String name : names) {
                        String key = vendorKey(name);
                        if (key.isEmpty()) continue;
                        if (key.equals(wanted) || Math.min(NameSimilarity.score(wanted, key), NameSimilarity.score(key, wanted)) >= SAME_VENDOR) return true;
                    }
                return false;
            }
        }
    }

    /** A vendor name folded as the search folds names (script, transliteration), legal form removed. */
    static String vendorKey(String name) {
        return NameKey.skeleton(LEGAL.matcher(name).replaceAll(" "));
    }

    private static <T> T single(Set<T> values) {
        return values.size() == 1 ? values.iterator().next() : null;
    }

    private static double round(double d, double scale) {
        return Math.round(d * scale) / scale;
    }
}
