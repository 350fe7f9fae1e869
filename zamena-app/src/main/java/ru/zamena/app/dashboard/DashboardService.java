package ru.zamena.app.dashboard;

import ru.zamena.app.dashboard.DashboardViews.*;
import ru.zamena.core.targets.Counts;
import ru.zamena.core.targets.OrgKind;
import ru.zamena.core.targets.Target;
import ru.zamena.core.targets.TrendForecast;
import ru.zamena.core.targets.TrendForecast.Text;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.store.DashboardStore;
import ru.zamena.store.DashboardStore.OrgNode;

import java.util.*;
import java.util.stream.Collectors;

/**
 * Progress of an organisation and everything below it: measures per period rolled up the
 * hierarchy (sums of numerators and denominators, never averages of shares), forecasts against
 * the targets that apply, breakdowns and the foreign products still in use. Reads only the
 * per-audit aggregates and purchases ({@link DashboardStore}); the caller must be allowed to
 * read the organisation (its own, or one below it).
 */
public final class DashboardService {
    public static final Set<String> DIMENSIONS = Set.of("category", "country", "platform", "vendor");
    private static final Text UNKNOWN_LABEL = new Text("не определено", "not identified");

    private static final int CACHE_ENTRIES = 2000;
    private final DashboardStore store;
    private final ProfileTargets profile;
    /**
     * Answers by question, valid for one data version: an overview is read many times between two
     * audits, and over a thousand organisations computing it takes far longer than reading it.
     * Access is checked on every call, before the cache is consulted.
     */
    private final Map<String, Cached> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHE_ENTRIES;
        }
    });

    private record Cached(long version, Object answer) {}

    public DashboardService(DashboardStore store, ProfileTargets profile) {
        this.store = store;
        this.profile = profile;
    }

    /**
     * Computations under way, by question and data version. Right after the data changed, many viewers ask
     * the same questions at once; they wait for one computation instead of each running its own (which,
     * for a ministry's whole tree, would multiply the work by the number of viewers).
     */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.CompletableFuture<Object>> inFlight =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The answer to {@code key} for the current data version, computed when not cached. */
    @SuppressWarnings("unchecked")
    private <T> T cached(String key, java.util.function.Supplier<T> compute) {
        long version = store.version();
        Cached c = cache.get(key);
        if (c != null && c.version() == version) return (T) c.answer();
        String flight = version + "\u0000" + key;
        var mine = new java.util.concurrent.CompletableFuture<Object>();
        var running = inFlight.putIfAbsent(flight, mine);
        if (running != null) { // another request computes it; its failure is ours too
            try {
                return (T) running.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw e;
            }
        }
        try {
            T answer = compute.get();
            cache.put(key, new Cached(version, answer));
            mine.complete(answer);
            return answer;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(flight, mine);
        }
    }

    public DashboardStore store() {
        return store;
    }

    // ------------------------------------------------------------------ tree

    public Tree tree(Caller caller, String slug) {
        store.readableOrg(caller, slug);
        return cached("tree " + slug, () -> tree(slug));
    }

    private Tree tree(String slug) {
        Hierarchy h = hierarchy(slug);
        return new Tree(ref(h.root()), h.children(h.root().id()).stream().map(c -> node(h, c)).toList());
    }

    private static TreeNode node(Hierarchy h, OrgNode n) {
        return new TreeNode(n.slug(), n.name(), n.kind(), h.children(n.id()).stream().map(c -> node(h, c)).toList());
    }

    // ------------------------------------------------------------------ measures

    public Measures measures(Caller caller, String slug, Basis basis) {
        return measures(caller, slug, basis, null);
    }

    /** Measures with periods up to {@code upTo} (null: all), as a report for that period sees them. */
    public Measures measures(Caller caller, String slug, Basis basis, Integer upTo) {
        store.readableOrg(caller, slug);
        return cached("measures " + slug + " " + basis + " " + upTo, () -> measures(slug, basis, upTo));
    }

    private Measures measures(String slug, Basis basis, Integer upTo) {
        Hierarchy h = hierarchy(slug);
        Map<Long, Map<MeasureId, TreeMap<Integer, Counts>>> rolled = rollUp(h, ownCounts(h, basis));
        if (upTo != null) rolled.values().forEach(byMeasure -> byMeasure.values().forEach(s -> s.tailMap(upTo, false).clear()));
        TargetResolver targets = targetResolver(h);
        var measures = new ArrayList<Measure>();
        for (MeasureId m : MeasureId.values())
            measures.add(measure(m, basis, series(rolled, h.root().id(), m), targets.effective(h.root().id(), m)));
        var children = new ArrayList<ChildMeasures>();
        for (OrgNode c : h.children(h.root().id())) {
            var list = new ArrayList<ChildMeasure>();
            for (MeasureId m : MeasureId.values()) {
                TreeMap<Integer, Counts> s = series(rolled, c.id(), m);
                TargetView t = view(targets.effective(c.id(), m));
                TrendForecast.Forecast f = forecast(s, t);
                list.add(new ChildMeasure(m.id(), s.isEmpty() ? null : round(s.lastEntry().getValue().domesticShare()), t,
                        f == null || f.verdict() == null ? null : word(f.verdict())));
            }
            children.add(new ChildMeasures(c.slug(), c.name(), c.kind(), list));
        }
        return new Measures(ref(h.root()), basis.word(), measures, children);
    }

    private Measure measure(MeasureId m, Basis basis, TreeMap<Integer, Counts> s, Target target) {
        TargetView t = view(target);
        var series = new ArrayList<SeriesPoint>();
        s.forEach((period, c) -> series.add(new SeriesPoint(Integer.toString(period), round(c.domesticShare()), round(c.share(c.domestic())),
                round(c.share(c.openSource())), round(c.share(c.foreign())), round(c.share(c.unknown())), amount(basis, c.total()))));
        TrendForecast.Forecast f = forecast(s, t);
        ForecastView fv = f == null ? null : new ForecastView(f.method().en(), f.method(),
                f.points().stream().map(p -> new ProjectedPoint(Integer.toString(p.year()), round(p.value()), round(p.low()), round(p.high()))).toList(),
                f.verdict() == null ? null : word(f.verdict()), f.missByPoints(), f.text());
        return new Measure(m.id(), m.title(), t, series, fv, series.isEmpty() ? emptyNote(m, basis) : null);
    }

    private static TrendForecast.Forecast forecast(TreeMap<Integer, Counts> s, TargetView t) {
        var points = s.entrySet().stream().map(e -> new TrendForecast.Point(e.getKey(), e.getValue().domesticShare())).toList();
        return TrendForecast.forecast(points, t == null ? null : t.value(), t == null ? null : t.year());
    }

    private static String emptyNote(MeasureId m, Basis basis) {
        if (basis == Basis.SPEND || m == MeasureId.PURCHASES_DOMESTIC_SHARE)
            return "no purchases are stored for this organisation or those below it, so this cannot be measured; nothing is estimated";
        if (m == MeasureId.PROCESSOR_DOMESTIC_SHARE) return "no processors were identified in the audited inventories";
        return "no audits are stored for this organisation or those below it";
    }

    /** Per organisation, measure and period: the amounts by origin of that organisation alone. */
    private Map<Long, Map<MeasureId, TreeMap<Integer, Counts>>> ownCounts(Hierarchy h, Basis basis) {
        var out = new HashMap<Long, Map<MeasureId, TreeMap<Integer, Counts>>>();
        if (basis != Basis.SPEND) {
            for (var r : store.classCounts(h.ids())) {
                MeasureId m = switch (r.cls()) {
                    case "software" -> MeasureId.SOFTWARE_DOMESTIC_SHARE;
                    case "cpu" -> MeasureId.PROCESSOR_DOMESTIC_SHARE;
                    default -> null;
                };
                if (m != null) add(out, r.orgId(), m, r.period(), r.origin(), basis == Basis.COUNT ? r.items() : r.seats());
            }
        }
        for (var r : store.purchases(h.ids())) {
            double amount = switch (basis) {
                case COUNT -> r.lines();
                case SEATS -> r.quantity();
                case SPEND -> r.amount();
            };
            boolean software = !"hardware".equals(r.categoryKind());
            if (software) add(out, r.orgId(), MeasureId.PURCHASES_DOMESTIC_SHARE, r.period(), r.origin(), amount);
            if (basis == Basis.SPEND && software) add(out, r.orgId(), MeasureId.SOFTWARE_DOMESTIC_SHARE, r.period(), r.origin(), amount);
            if (basis == Basis.SPEND && r.processorOrigin() != null)
                add(out, r.orgId(), MeasureId.PROCESSOR_DOMESTIC_SHARE, r.period(), r.processorOrigin(), amount);
        }
        return out;
    }

    private static void add(Map<Long, Map<MeasureId, TreeMap<Integer, Counts>>> out, long org, MeasureId m, int period, String origin, double amount) {
        out.computeIfAbsent(org, k -> new EnumMap<>(MeasureId.class)).computeIfAbsent(m, k -> new TreeMap<>())
                .merge(period, Counts.ZERO.plus(origin, amount), Counts::plus);
    }

    /** Each organisation's amounts plus everything below it: deepest first, each added to its parent. */
    static Map<Long, Map<MeasureId, TreeMap<Integer, Counts>>> rollUp(Hierarchy h, Map<Long, Map<MeasureId, TreeMap<Integer, Counts>>> own) {
        var rolled = new HashMap<Long, Map<MeasureId, TreeMap<Integer, Counts>>>();
        own.forEach((org, byMeasure) -> byMeasure.forEach((m, s) -> s.forEach((p, c) ->
                rolled.computeIfAbsent(org, k -> new EnumMap<>(MeasureId.class)).computeIfAbsent(m, k -> new TreeMap<>()).merge(p, c, Counts::plus))));
        for (OrgNode n : h.deepestFirst()) {
            if (n.parentId() == null || !h.contains(n.parentId()) || n.id() == h.root().id()) continue;
            var mine = rolled.get(n.id());
            if (mine == null) continue;
            var parent = rolled.computeIfAbsent(n.parentId(), k -> new EnumMap<>(MeasureId.class));
            mine.forEach((m, s) -> s.forEach((p, c) -> parent.computeIfAbsent(m, k -> new TreeMap<>()).merge(p, c, Counts::plus)));
        }
        return rolled;
    }

    private static TreeMap<Integer, Counts> series(Map<Long, Map<MeasureId, TreeMap<Integer, Counts>>> rolled, long org, MeasureId m) {
        var s = rolled.getOrDefault(org, Map.of()).getOrDefault(m, new TreeMap<>());
        s.values().removeIf(c -> c.identified() <= 0); // nothing identified: no share to speak of
        return s;
    }

    // ------------------------------------------------------------------ breakdowns and top foreign products

    public Breakdown breakdown(Caller caller, String slug, String dim, Integer period, Basis basis) {
        if (!DIMENSIONS.contains(dim)) throw new IllegalArgumentException("dim must be category, country, platform or vendor, got '" + dim + "'");
        store.readableOrg(caller, slug);
        return cached("breakdown " + slug + " " + dim + " " + period + " " + basis, () -> breakdown(slug, dim, period, basis));
    }

    private Breakdown breakdown(String slug, String dim, Integer period, Basis basis) {
        Long[] root = hierarchy(slug).ids();
        Integer p = period != null ? period : latest(basis == Basis.SPEND
                ? store.purchases(root).stream().map(DashboardStore.PurchaseRow::period).toList() : store.auditPeriods(root));
        if (p == null) return new Breakdown(dim, null, basis.word(), List.of(), emptyNote(MeasureId.SOFTWARE_DOMESTIC_SHARE, basis));
        if (basis == Basis.SPEND && dim.equals("platform"))
            return new Breakdown(dim, p.toString(), basis.word(), List.of(), "purchases are not broken down by platform");
        List<DashboardStore.KeyRow> raw = basis == Basis.SPEND ? store.purchaseBreakdown(root, p, dim) : store.breakdown(root, p, dim, null);
        var byKey = new LinkedHashMap<String, Counts>();
        for (var r : raw) {
            double v = switch (basis) {
                case COUNT -> r.count();
                case SEATS -> r.seats();
                case SPEND -> r.amount();
            };
            byKey.merge(r.key(), Counts.ZERO.plus(r.origin(), v), Counts::plus);
        }
        Map<String, DashboardStore.Label> labels = store.labels(dim, byKey.keySet());
        var rows = byKey.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Counts> e) -> -e.getValue().total()).thenComparing(Map.Entry::getKey))
                .map(e -> {
                    Counts c = e.getValue();
                    return new BreakdownRow(e.getKey(), label(e.getKey(), labels.get(e.getKey())), amount(basis, c.domestic()),
                            amount(basis, c.openSource()), amount(basis, c.foreign()), amount(basis, c.unknown()), amount(basis, c.total()));
                }).toList();
        return new Breakdown(dim, p.toString(), basis.word(), rows, rows.isEmpty() ? "nothing measured in " + p : null);
    }

    public TopForeign topForeign(Caller caller, String slug, Integer period, int limit) {
        store.readableOrg(caller, slug);
        return cached("top-foreign " + slug + " " + period + " " + limit, () -> topForeign(slug, period, limit));
    }

    private TopForeign topForeign(String slug, Integer period, int limit) {
        Long[] root = hierarchy(slug).ids();
        Integer p = period != null ? period : latest(store.auditPeriods(root));
        if (p == null) return new TopForeign(null, List.of());
        var rows = store.topForeign(root, p, limit);
        Map<String, List<Alternative>> alternatives = store.alternatives(rows.stream().map(DashboardStore.ForeignRow::productId).toList()).stream()
                .collect(Collectors.groupingBy(DashboardStore.AlternativeRow::fromId, LinkedHashMap::new,
                        Collectors.mapping(a -> new Alternative(a.productId(), a.product(), a.vendor(), a.country(), a.registry()), Collectors.toList())));
        return new TopForeign(p.toString(), rows.stream().map(r -> new ForeignProduct(r.productId(), r.product(), r.vendor(), r.country(), r.seats(),
                r.orgs(), alternatives.getOrDefault(r.productId(), List.of()))).toList());
    }

    // ------------------------------------------------------------------ targets

    public Targets targets(Caller caller, String slug) {
        store.readableOrg(caller, slug);
        Hierarchy h = hierarchy(slug);
        TargetResolver resolver = targetResolver(h);
        long org = h.root().id();
        var rows = new ArrayList<TargetRow>();
        for (MeasureId m : MeasureId.values()) {
            Target effective = resolver.effective(org, m);
            for (Target t : resolver.candidates(org, m))
                rows.add(new TargetRow(t.measure(), t.value(), t.year(), t.source(), t.org(), t.unverified(), t == effective));
        }
        return new Targets(rows);
    }

    public TargetRow putTarget(Caller caller, String slug, String measure, double value, int year) {
        MeasureId m = MeasureId.of(measure);
        new Target(m.id(), value, year, "org", slug, false); // validates the value and the year
        var stored = store.putTarget(caller, slug, m.id(), value, year);
        return new TargetRow(m.id(), stored.value(), stored.year(), "org " + slug, slug, false, true);
    }

    /** Targets in force: an organisation's own, else the nearest ancestor's own, else the profile's for its kind. */
    private TargetResolver targetResolver(Hierarchy h) {
        var nodes = new HashMap<Long, OrgNode>();
        h.nodes().forEach(n -> nodes.put(n.id(), n));
        store.pathToRoot(h.root().id()).forEach(n -> nodes.putIfAbsent(n.id(), n));
        var own = new HashMap<Long, Map<String, Target>>();
        for (var t : store.targets(nodes.keySet()))
            own.computeIfAbsent(t.orgId(), k -> new HashMap<>()).put(t.measure(),
                    new Target(t.measure(), t.value(), t.year(), "org " + t.orgSlug(), t.orgSlug(), false));
        return new TargetResolver(nodes, own, profile);
    }

    private record TargetResolver(Map<Long, OrgNode> nodes, Map<Long, Map<String, Target>> own, ProfileTargets profile) {
        Target effective(long org, MeasureId m) {
            var c = candidates(org, m);
            return c.isEmpty() ? null : c.getFirst();
        }

        /** Own targets up the path, nearest first, then the profile's. */
        List<Target> candidates(long org, MeasureId m) {
            var out = new ArrayList<Target>();
            OrgKind kind = null;
            for (OrgNode n = nodes.get(org); n != null; n = n.parentId() == null ? null : nodes.get(n.parentId())) {
                Target t = own.getOrDefault(n.id(), Map.of()).get(m.id());
                if (t != null) out.add(t);
                if (kind == null) kind = OrgKind.of(n.kind());
            }
            profile.target(OrgKind.targetClass(kind), m).ifPresent(out::add);
            return out;
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The organisation and its subtree, after the read check. */
    record Hierarchy(OrgNode root, List<OrgNode> nodes, Map<Long, List<OrgNode>> childrenOf, Set<Long> idSet) {
        Long[] ids() {
            return idSet.toArray(Long[]::new);
        }

        List<OrgNode> children(long id) {
            return childrenOf.getOrDefault(id, List.of());
        }

        boolean contains(long id) {
            return idSet.contains(id);
        }

        List<OrgNode> deepestFirst() {
            return nodes.reversed();
        }
    }

    /** The organisation and its subtree; the caller's access was checked before. */
    private Hierarchy hierarchy(String slug) {
        List<OrgNode> nodes = store.subtree(slug);
        long root = nodes.getFirst().id();
        var children = new HashMap<Long, List<OrgNode>>();
        for (OrgNode n : nodes) if (n.parentId() != null && n.id() != root) children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
        return new Hierarchy(nodes.getFirst(), nodes, children, nodes.stream().map(OrgNode::id).collect(Collectors.toSet()));
    }

    private static OrgRef ref(OrgNode n) {
        return new OrgRef(n.slug(), n.name(), n.kind());
    }

    private static TargetView view(Target t) {
        return t == null ? null : new TargetView(t.measure(), t.value(), t.year(), t.source(), t.org(), t.unverified());
    }

    private static Text label(String key, DashboardStore.Label l) {
        if (key.isEmpty()) return UNKNOWN_LABEL;
        return l == null ? new Text(key, key) : new Text(l.ru(), l.en());
    }

    private static Integer latest(Collection<Integer> periods) {
        return periods.stream().max(Integer::compare).orElse(null);
    }

    /** Items and seats are whole numbers; money keeps kopecks. */
    private static Number amount(Basis basis, double v) {
        return basis == Basis.SPEND ? Math.round(v * 100) / 100.0 : (Number) Math.round(v);
    }

    static double round(double share) {
        return Math.round(share * 10000) / 10000.0;
    }

    private static String word(TrendForecast.Verdict v) {
        return v.name().toLowerCase(Locale.ROOT);
    }
}
