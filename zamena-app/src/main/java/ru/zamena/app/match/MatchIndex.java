package ru.zamena.app.match;

import ru.zamena.core.catalog.Origin;
import ru.zamena.core.catalog.Product;
import ru.zamena.core.catalog.ProductSummary;
import ru.zamena.core.text.NameSimilarity;
import ru.zamena.store.MatchNamesStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * An immutable in-memory index of every catalog name, alias and register name, for matching inventory names
 * without asking the database per name (see docs/adr/0003-match-index.md).
 *
 * <p>Names are folded to {@link NameSimilarity.Key} skeletons once, at build time. A query is looked up
 * (1) exactly, by its compact skeleton in a hash map, then (2) fuzzily: a trigram index over the compact
 * skeletons proposes the keys sharing the most trigrams with the query (rarest trigrams first), and
 * {@link NameSimilarity} ranks them, weighted by what kind of name matched (product name above alias above
 * register name above vendor name), exactly as catalog search ranks its hits. Exact identifiers (purl,
 * CPE vendor:product, register number) have maps of their own. Thread-safe: read-only after the build,
 * per-thread scratch arrays for counting.
 */
public final class MatchIndex {
    /** What kind of name a key is; the weight is the one catalog search uses (CatalogStore.weight). */
    public enum KeyKind {
        NAME(1.0), ALIAS(0.97), REGISTRY(0.95), VENDOR(0.7);

        final double weight;
        static final KeyKind[] ALL = values();

        KeyKind(double weight) { this.weight = weight; }

        public String label() { return name().toLowerCase(Locale.ROOT); }
    }

    /** A product with what the matcher reports and compares besides its names. */
    public record Entry(ProductSummary summary, List<NameSimilarity.Key> vendorKeys, List<ProductSummary> alternatives) {}

    /**
     * One candidate: a product, the name of it that matched, its kind, and the name score (similarity × kind
     * weight). {@code how} says how it was found: exact or fuzzy.
     */
    public record Hit(Entry entry, String alias, KeyKind kind, double nameScore, String how) {}

    /** Fewer shared trigrams than this share of the counted ones is not a candidate. */
    static final double MIN_CONTAINMENT = 0.3;
    /** Keys scored with NameSimilarity per query, best trigram overlap first. */
    static final int FUZZY_KEYS = 48;
    /** Hits below this name score are dropped, as in catalog search. */
    static final double MIN_NAME_SCORE = 0.45;
    /** Trigrams found in more keys than this are skipped once the rarer half of the query's were counted. */
    static final int FREQUENT = 1500;

    private final long generation;
    private final Entry[] entries;
    private final int[] keyEntry;
    private final byte[] keyKind;
    private final String[] keyRaw;
    private final NameSimilarity.Key[] keyName;
    private final short[] keyGrams;
    private final Map<String, int[]> exact;
    private final Map<Long, int[]> grams;
    private final Map<String, Entry> byPurl, byCpe, byRegistryNumber;
    private final long buildNanos;
    private final ThreadLocal<Scratch> scratch;

    private MatchIndex(long generation, Entry[] entries, int[] keyEntry, byte[] keyKind, String[] keyRaw, NameSimilarity.Key[] keyName,
                       short[] keyGrams, Map<String, int[]> exact, Map<Long, int[]> grams, Map<String, Entry> byPurl,
                       Map<String, Entry> byCpe, Map<String, Entry> byRegistryNumber, long buildNanos) {
        this.generation = generation;
        this.entries = entries;
        this.keyEntry = keyEntry;
        this.keyKind = keyKind;
        this.keyRaw = keyRaw;
        this.keyName = keyName;
        this.keyGrams = keyGrams;
        this.exact = exact;
        this.grams = grams;
        this.byPurl = byPurl;
        this.byCpe = byCpe;
        this.byRegistryNumber = byRegistryNumber;
        this.buildNanos = buildNanos;
        int keys = keyEntry.length;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(keys));
    }

    public long generation() { return generation; }
    public int products() { return entries.length; }
    public int keys() { return keyEntry.length; }
    public double buildSeconds() { return buildNanos / 1e9; }

    // ------------------------------------------------------------------------------------------ building

    /** Builds the index from a catalog snapshot; names are folded on all cores. */
    public static MatchIndex build(MatchNamesStore.Snapshot s, Set<String> domesticCountries) {
        long t0 = System.nanoTime();
        var vendors = new HashMap<String, MatchNamesStore.VendorRow>();
        for (var v : s.vendors()) vendors.put(v.id(), v);
        var vendorKeys = new HashMap<String, List<NameSimilarity.Key>>();
        for (var v : s.vendors()) {
            var keys = new ArrayList<NameSimilarity.Key>();
            var seen = new HashSet<String>();
            for (String n : names(v.name(), v.nameRu(), v.aliases())) {
                var k = NameSimilarity.Key.of(Publishers.strip(n));
                if (!k.compact().isEmpty() && seen.add(k.compact())) keys.add(k);
            }
            vendorKeys.put(v.id(), List.copyOf(keys));
        }
        var summaries = new HashMap<String, ProductSummary>();
        for (var p : s.products()) {
            var v = vendors.get(p.vendorId());
            String country = v == null ? null : v.country();
            var license = Product.License.valueOf(p.license().toUpperCase(Locale.ROOT));
            summaries.put(p.id(), new ProductSummary(p.id(), p.name(), p.nameRu(), p.vendorId(), v == null ? null : v.name(), country,
                    p.category(), Product.Kind.valueOf(p.kind().toUpperCase(Locale.ROOT)), license,
                    Origin.of(country, license, domesticCountries), p.registryNumbers(), 0, null));
        }
        var alternatives = alternatives(s.alternatives(), summaries);
        var products = s.products();
        Entry[] entries = new Entry[products.size()];
        for (int i = 0; i < entries.length; i++) {
            var p = products.get(i);
            entries[i] = new Entry(summaries.get(p.id()), vendorKeys.getOrDefault(p.vendorId(), List.of()),
                    alternatives.getOrDefault(p.id(), List.of()));
        }
        // Keys: every distinct (product, kind, skeleton). Folding (ICU transliteration) is the costly part.
        record Key(int entry, KeyKind kind, String raw, NameSimilarity.Key name) {}
        List<Key> keys = IntStream.range(0, entries.length).parallel().boxed().flatMap(i -> {
            var p = products.get(i);
            var v = vendors.get(p.vendorId());
            var out = new ArrayList<String[]>();
            var seen = new HashSet<String>();
            for (String n : names(p.name(), p.nameRu(), List.of())) add(out, seen, i, KeyKind.NAME, n);
            for (String n : p.aliases()) add(out, seen, i, KeyKind.ALIAS, n);
            for (String n : p.registryNames()) add(out, seen, i, KeyKind.REGISTRY, n);
            if (v != null) for (String n : names(v.name(), v.nameRu(), List.of())) add(out, seen, i, KeyKind.VENDOR, n);
            return out.stream().map(k -> new Key(i, KeyKind.valueOf(k[0]), k[1], NameSimilarity.Key.of(k[1])));
        }).filter(k -> !k.name().compact().isEmpty()).toList();
        int n = keys.size();
        int[] keyEntry = new int[n];
        byte[] keyKind = new byte[n];
        String[] keyRaw = new String[n];
        NameSimilarity.Key[] keyName = new NameSimilarity.Key[n];
        short[] keyGrams = new short[n];
        var exactLists = new HashMap<String, IntList>();
        var gramLists = new HashMap<Long, IntList>();
        for (int k = 0; k < n; k++) {
            Key key = keys.get(k);
            keyEntry[k] = key.entry();
            keyKind[k] = (byte) key.kind().ordinal();
            keyRaw[k] = key.raw();
            keyName[k] = key.name();
            exactLists.computeIfAbsent(key.name().compact(), x -> new IntList()).add(k);
            long[] g = trigrams(key.name().compact());
            keyGrams[k] = (short) Math.min(Short.MAX_VALUE, g.length);
            for (long t : g) gramLists.computeIfAbsent(t, x -> new IntList()).add(k);
        }
        var exact = new HashMap<String, int[]>(exactLists.size() * 2);
        exactLists.forEach((c, l) -> exact.put(c, l.toArray()));
        var grams = new HashMap<Long, int[]>(gramLists.size() * 2);
        gramLists.forEach((t, l) -> grams.put(t, l.toArray()));
        var byPurl = new HashMap<String, Entry>();
        var byCpe = new HashMap<String, Entry>();
        var byNumber = new HashMap<String, Entry>();
        for (int i = 0; i < entries.length; i++) {
            var p = products.get(i);
            for (String key : Identifiers.purlKeys(p.purl())) byPurl.putIfAbsent(key, entries[i]);
            String cpe = Identifiers.cpeKey(p.cpe());
            if (cpe != null) byCpe.putIfAbsent(cpe, entries[i]);
            for (String number : p.registryNumbers()) byNumber.putIfAbsent(number, entries[i]);
        }
        return new MatchIndex(s.generation(), entries, keyEntry, keyKind, keyRaw, keyName, keyGrams, exact, grams,
                byPurl, byCpe, byNumber, System.nanoTime() - t0);
    }

    private static void add(List<String[]> out, Set<String> seen, int entry, KeyKind kind, String raw) {
        if (raw == null || raw.isBlank()) return;
        if (seen.add(kind + "\u0000" + raw)) out.add(new String[]{kind.name(), raw});
    }

    private static List<String> names(String name, String nameRu, List<String> aliases) {
        var out = new ArrayList<String>();
        if (name != null) out.add(name);
        if (nameRu != null) out.add(nameRu);
        out.addAll(aliases);
        return out;
    }

    /** Top three alternatives per product, ordered as the catalog shows them: domestic first, full fit, certified, by name. */
    private static Map<String, List<ProductSummary>> alternatives(List<MatchNamesStore.AlternativeRow> rows, Map<String, ProductSummary> summaries) {
        var byFrom = new HashMap<String, List<MatchNamesStore.AlternativeRow>>();
        for (var r : rows) if (summaries.containsKey(r.toId())) byFrom.computeIfAbsent(r.fromId(), x -> new ArrayList<>()).add(r);
        var out = new HashMap<String, List<ProductSummary>>();
        byFrom.forEach((from, list) -> {
            list.sort(Comparator.<MatchNamesStore.AlternativeRow>comparingInt(r -> summaries.get(r.toId()).origin().ordinal())
                    .thenComparing(r -> r.fit().equals("full") ? 0 : 1)
                    .thenComparingInt(MatchNamesStore.AlternativeRow::bestLevel)
                    .thenComparing(r -> summaries.get(r.toId()).name()));
            out.put(from, list.stream().limit(3).map(r -> summaries.get(r.toId())).toList());
        });
        return out;
    }

    // ------------------------------------------------------------------------------------------ lookups

    public Entry byPurl(String purl) {
        for (String key : Identifiers.purlKeys(purl)) {
            Entry e = byPurl.get(key);
            if (e != null) return e;
        }
        return null;
    }

    public Entry byCpe(String cpe) {
        String key = Identifiers.cpeKey(cpe);
        return key == null ? null : byCpe.get(key);
    }

    public Entry byRegistryNumber(String number) {
        return number == null ? null : byRegistryNumber.get(number);
    }

    /** Products one of whose names has exactly this compact skeleton; best kind per product. */
    public List<Hit> exact(String compact) {
        int[] ks = exact.get(compact);
        if (ks == null) return List.of();
        var best = new HashMap<Integer, Hit>();
        for (int k : ks) {
            KeyKind kind = KeyKind.ALL[keyKind[k]];
            Hit prev = best.get(keyEntry[k]);
            if (prev == null || kind.weight > prev.nameScore())
                best.put(keyEntry[k], new Hit(entries[keyEntry[k]], keyRaw[k], kind, kind.weight, "exact"));
        }
        return sorted(best.values(), Integer.MAX_VALUE);
    }

    /**
     * The best {@code limit} products for a query by name score, as catalog search ranks them: trigram
     * candidates scored with {@link NameSimilarity}, best key per product, ties to the shorter name.
     */
    public List<Hit> fuzzy(NameSimilarity.Key q, int limit) {
        if (q.compact().isEmpty()) return List.of();
        long[] qg = trigrams(q.compact());
        int[][] postings = new int[qg.length][];
        int found = 0;
        for (long t : qg) {
            int[] p = grams.get(t);
            if (p != null) postings[found++] = p;
        }
        if (found == 0) return List.of();
        postings = Arrays.copyOf(postings, found);
        Arrays.sort(postings, Comparator.comparingInt(a -> a.length));
        Scratch s = scratch.get();
        try {
            // Rarest trigrams first. Frequent ones (shared by thousands of register names) cost most to scan and
            // rank least: once the rarer half of the query was counted, they are skipped.
            int counted = 0;
            for (int i = 0; i < postings.length; i++) {
                if (postings[i].length > FREQUENT && counted >= Math.max(3, (qg.length + 1) / 2)) break;
                for (int k : postings[i]) {
                    if (s.counts[k]++ == 0) s.touch(k);
                }
                counted++;
            }
            // Rank by shared trigrams among those counted; at equal counts, keys of about the query's length first.
            int need = Math.max(1, (int) Math.ceil(MIN_CONTAINMENT * counted));
            int taken = 0;
            long[] ranked = s.ranked(s.touched);
            for (int i = 0; i < s.touched; i++) {
                int k = s.touchedKeys[i];
                int c = s.counts[k];
                if (c < need) continue;
                int lengthGap = Math.min(1023, Math.abs(keyGrams[k] - qg.length));
                ranked[taken++] = ((long) (c * 1024 + 1023 - lengthGap) << 32) | k;
            }
            Arrays.sort(ranked, 0, taken);
            var best = new HashMap<Integer, Hit>();
            for (int i = taken - 1; i >= 0 && i >= taken - FUZZY_KEYS; i--) {
                int k = (int) ranked[i];
                KeyKind kind = KeyKind.ALL[keyKind[k]];
                double score = NameSimilarity.score(q, keyName[k]) * kind.weight;
                if (score < MIN_NAME_SCORE) continue;
                Hit prev = best.get(keyEntry[k]);
                if (prev == null || score > prev.nameScore())
                    best.put(keyEntry[k], new Hit(entries[keyEntry[k]], keyRaw[k], kind, score, "fuzzy"));
            }
            return sorted(best.values(), limit);
        } finally {
            s.reset();
        }
    }

    private static List<Hit> sorted(java.util.Collection<Hit> hits, int limit) {
        return hits.stream()
                .sorted(Comparator.comparingDouble(Hit::nameScore).reversed()
                        .thenComparingInt(h -> h.entry().summary().name().length())
                        .thenComparing(h -> h.entry().summary().id()))
                .limit(limit).toList();
    }

    /** Distinct trigrams of a compact skeleton, padded like pg_trgm ("  ab" … "b "), packed into longs. */
    static long[] trigrams(String compact) {
        String s = "  " + compact + " ";
        var set = new long[s.length() - 2];
        int n = 0;
        outer:
        for (int i = 0; i + 3 <= s.length(); i++) {
            long t = ((long) s.charAt(i) << 32) | ((long) s.charAt(i + 1) << 16) | s.charAt(i + 2);
            for (int j = 0; j < n; j++) if (set[j] == t) continue outer;
            set[n++] = t;
        }
        return Arrays.copyOf(set, n);
    }

    /** Per-thread counting arrays, reset after each query (only the touched slots). */
    private static final class Scratch {
        final int[] counts;
        int[] touchedKeys = new int[1024];
        long[] ranked = new long[1024];
        int touched;

        Scratch(int keys) {
            counts = new int[keys];
        }

        void touch(int k) {
            if (touched == touchedKeys.length) touchedKeys = Arrays.copyOf(touchedKeys, touched * 2);
            touchedKeys[touched++] = k;
        }

        long[] ranked(int n) {
            if (ranked.length < n) ranked = new long[Math.max(n, ranked.length * 2)];
            return ranked;
        }

        void reset() {
            for (int i = 0; i < touched; i++) counts[touchedKeys[i]] = 0;
            touched = 0;
        }
    }

    private static final class IntList {
        int[] a = new int[4];
        int n;

        void add(int v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        int[] toArray() { return Arrays.copyOf(a, n); }
    }

    /** Package URLs and CPEs reduced to the part that names a product. */
    static final class Identifiers {
        private Identifiers() {}

        /** Package types whose namespace is a distribution: a Debian package is the same program on Ubuntu or Astra. */
        private static final Set<String> DISTRO_TYPES = Set.of("deb", "rpm", "apk", "alpm", "ebuild");
        private static final Pattern CPE23 = Pattern.compile("^cpe:2\\.3:[aho\\*]:([^:]+):([^:]+)", Pattern.CASE_INSENSITIVE);
        private static final Pattern CPE22 = Pattern.compile("^cpe:/[aho]:([^:]+):([^:]+)", Pattern.CASE_INSENSITIVE);
        private static final Pattern BARE = Pattern.compile("^([^:\\s]+):([^:\\s]+)$");

        /** "pkg:deb/ubuntu/postgresql@15?arch=amd64" → ["deb/ubuntu/postgresql", "deb//postgresql"]; the catalog writes purls without "pkg:" and version. */
        static List<String> purlKeys(String purl) {
            if (purl == null || purl.isBlank()) return List.of();
            String s = purl.strip();
            if (s.regionMatches(true, 0, "pkg:", 0, 4)) s = s.substring(4);
            while (s.startsWith("/")) s = s.substring(1);
            int cut = indexOfAny(s, '@', '?', '#');
            if (cut >= 0) s = s.substring(0, cut);
            int slash = s.indexOf('/');
            if (slash <= 0) return List.of();
            String type = s.substring(0, slash).toLowerCase(Locale.ROOT);
            String rest = java.net.URLDecoder.decode(s.substring(slash + 1), java.nio.charset.StandardCharsets.UTF_8);
            int last = rest.lastIndexOf('/');
            String name = last >= 0 ? rest.substring(last + 1) : rest;
            String namespace = last >= 0 ? rest.substring(0, last) : "";
            // Names are case-insensitive for most types (pypi, npm, deb); lower-casing all is harmless here.
            String full = type + "/" + (namespace.isEmpty() ? "" : namespace.toLowerCase(Locale.ROOT) + "/") + name.toLowerCase(Locale.ROOT);
            if (DISTRO_TYPES.contains(type)) return List.of(full, type + "//" + name.toLowerCase(Locale.ROOT));
            return List.of(full);
        }

        /** "cpe:2.3:a:microsoft:office:2019:…", "cpe:/a:microsoft:office" or the catalog's "microsoft:office" → "microsoft:office". */
        static String cpeKey(String cpe) {
            if (cpe == null || cpe.isBlank()) return null;
            String s = cpe.strip();
            for (Pattern p : List.of(CPE23, CPE22, BARE)) {
                var m = p.matcher(s);
                if (m.find()) {
                    String vendor = m.group(1).toLowerCase(Locale.ROOT), product = m.group(2).toLowerCase(Locale.ROOT);
                    if (vendor.equals("*") || product.equals("*") || vendor.equals("-") || product.equals("-")) return null;
                    return vendor + ":" + product;
                }
            }
            return null;
        }

        private static int indexOfAny(String s, char... cs) {
            int best = -1;
            for (char c : cs) {
                int i = s.indexOf(c);
                if (i >= 0 && (best < 0 || i < best)) best = i;
            }
            return best;
        }
    }
}
