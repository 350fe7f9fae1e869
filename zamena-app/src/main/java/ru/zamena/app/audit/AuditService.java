package ru.zamena.app.audit;

import ru.zamena.app.CatalogService;
import ru.zamena.app.match.InventoryMatcher;
import ru.zamena.core.catalog.Platform;
import ru.zamena.core.catalog.ProductSummary;
import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.core.match.NameCleaner;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;
import ru.zamena.core.text.NameKey;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.inventory.InventoryReader;
import ru.zamena.ingest.inventory.InventoryReaders;
import ru.zamena.store.AuditStore;
import ru.zamena.store.NotFoundException;
import ru.zamena.store.UnknownPlatformException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Audits an organisation's inventories: reads every file (any format {@link InventoryReaders} knows),
 * folds repeated names into one item, decides each by the organisation's judgments and aliases
 * first and by the matcher otherwise, and stores the audit with its report in one transaction.
 * The same files for the same organisation and platform give back the stored audit ("unchanged")
 * unless {@code force} is set. A broken file stores nothing.
 */
public final class AuditService {
    public static final String CREATED = "created", UNCHANGED = "unchanged";

    /**
     * How to audit: the target platform (platform words, as in {@code alternatives}), a label, a column mapping for
     * spreadsheets, and the reporting year the audit stands for ({@code period}; null: the year it is stored).
     */
    public record Options(String cpu, String os, String label, Map<String, String> columns, boolean force, Integer period) {
        public static final int MIN_PERIOD = 1990, MAX_PERIOD = 2100; // the inventory_audit.period check of V8

        public Options {
            columns = columns == null ? Map.of() : Map.copyOf(columns);
            if (period != null && (period < MIN_PERIOD || period > MAX_PERIOD))
                throw new IllegalArgumentException("period must be a year between " + MIN_PERIOD + " and " + MAX_PERIOD + ", got " + period);
        }

        public Options(String cpu, String os, String label, Map<String, String> columns, boolean force) {
            this(cpu, os, label, columns, force, null);
        }

        public static Options defaults() {
            return new Options(null, null, null, Map.of(), false);
        }
    }

    /** The stored audit, whether this call created it or found it, and its report. */
    public record Run(String outcome, AuditReport report) {
        public AuditStore.Audit audit() { return report.audit(); }
    }

    /** Told how far the work is: {@code stage} is "read FILE", "match", "report" or "store"; {@code done} counts items. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (stage, done, total) -> {};

        /** {@code total} is -1 when unknown (reading a file). */
        void update(String stage, long done, long total);
    }

    private static final int MATCH_THREADS = 4;
    private static final int MAX_VERSIONS = 20;
    private final AuditStore store;
    private final CatalogService catalog;
    private final InventoryMatcher matcher;

    public AuditService(AuditStore store, CatalogService catalog, InventoryMatcher matcher) {
        this.store = store;
        this.catalog = catalog;
        this.matcher = matcher;
    }

    /** The organisation a caller works in when it names none: the operator organisation (created on first use). */
    public String defaultOrganisation(Caller caller) {
        return caller.orgSlug() != null ? caller.orgSlug() : store.operatorOrganisation(caller);
    }

    public Run run(Caller caller, String orgSlug, List<Path> files, Options options, Progress progress) {
        Progress p = progress == null ? Progress.NONE : progress;
        String org = orgSlug == null ? defaultOrganisation(caller) : orgSlug;
        long orgId = store.orgId(caller, org, Role.EDITOR);
        if (files == null || files.isEmpty()) throw new IllegalArgumentException("no inventory file given");
        checkPlatform(Platform.Kind.CPU, options.cpu());
        checkPlatform(Platform.Kind.OS, options.os());

        var hashes = new LinkedHashMap<String, Path>();
        for (Path f : files) {
            String sha = sha256(f);
            Path before = hashes.putIfAbsent(sha, f);
            if (before != null)
                throw new IllegalArgumentException(name(f) + ": same content as " + name(before) + "; give each inventory once");
        }
        String fingerprint = fingerprint(hashes.keySet(), options);
        if (!options.force()) {
            var existing = store.byFingerprint(orgId, fingerprint);
            if (existing.isPresent()) {
                // the same files said to stand for another year: the stored audit now stands for that year
                if (options.period() != null && options.period() != existing.get().period())
                    store.setPeriod(orgId, existing.get().id(), options.period());
                return new Run(UNCHANGED, report(caller, org, existing.get().id()));
            }
        }

        // 1. Read every file completely before anything is stored: a broken file fails the whole audit.
        var groups = new LinkedHashMap<String, Group>();
        var fileInfos = new ArrayList<AuditStore.FileInfo>();
        var keys = new HashMap<String, String>();
        for (var e : hashes.entrySet()) fileInfos.add(read(e.getValue(), e.getKey(), options.columns(), groups, keys, p));

        // 2. Decide: the organisation's judgments, then its aliases, then the matcher.
        Map<String, AuditStore.Judgment> judgments = store.judgments(orgId);
        Map<String, String> aliases = store.orgAliases(orgId);
        List<Group> list = List.copyOf(groups.values());
        var decided = new AuditStore.Item[list.size()];
        var summaries = new ConcurrentHashMap<String, Optional<ProductSummary>>();
        var done = new java.util.concurrent.atomic.AtomicLong();
        p.update("match", 0, list.size());
        ForkJoinPool pool = new ForkJoinPool(MATCH_THREADS);
        try {
            pool.submit(() -> IntStream.range(0, list.size()).parallel().forEach(i -> {
                decided[i] = decide(i + 1, list.get(i), judgments, aliases, summaries);
                long n = done.incrementAndGet();
                if (n % 500 == 0) p.update("match", n, list.size());
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while matching", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        p.update("match", list.size(), list.size());
        List<AuditStore.Item> items = Arrays.asList(decided);

        // 3. Report, then store audit, items, totals and review queue together.
        p.update("report", 0, items.size());
        var alternatives = new PlatformAlternatives(catalog, options.cpu(), options.os());
        AuditReport report = AuditReport.build(null, items, alternatives);
        p.update("store", 0, items.size());
        AuditStore.Audit audit = store.store(caller, orgId, blankToNull(options.label()), blankToNull(options.cpu()), blankToNull(options.os()),
                fingerprint, fileInfos, report.totals(), items, options.period());
        p.update("store", items.size(), items.size());
        return new Run(CREATED, report.withAudit(audit));
    }

    /** Items read from one file are added to {@code groups}; a broken file throws {@link InputException}. */
    private static AuditStore.FileInfo read(Path file, String sha, Map<String, String> columns, Map<String, Group> groups,
                                            Map<String, String> keys, Progress p) {
        String stage = "read " + name(file);
        long n = 0;
        var distinct = new HashSet<String>();
        p.update(stage, 0, -1);
        try (InventoryReader reader = InventoryReaders.open(file, columns)) {
            while (reader.hasNext()) {
                InventoryItem item = reader.next();
                String nameKey = keys.computeIfAbsent(item.name(), AuditService::nameKey);
                String publisherKey = item.publisher() == null ? "" : NameKey.compact(item.publisher());
                String key = nameKey + "\u0000" + publisherKey;
                groups.computeIfAbsent(key, k -> new Group(nameKey, publisherKey, item)).add(item);
                distinct.add(key);
                if (++n % 5000 == 0) p.update(stage, n, -1);
            }
            p.update(stage, n, -1);
            if (n == 0) throw new InputException(name(file), 0, 0, "no software items in the file");
            return new AuditStore.FileInfo(name(file), reader.format(), sha, n, distinct.size());
        } catch (IOException e) {
            throw new InputException(name(file), 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The key that folds spellings of one product together: the cleaned name (versions, editions... removed), folded. */
    static String nameKey(String raw) {
        String k = NameKey.compact(NameCleaner.clean(raw).name());
        if (k.isEmpty()) k = NameKey.compact(raw);
        return k.isEmpty() ? raw.strip().toLowerCase(Locale.ROOT) : k;
    }

    /** How many seats one inventory row stands for: 1, or the quantity column of a spreadsheet. */
    static int seats(InventoryItem item) {
        return item.quantity();
    }

    private AuditStore.Item decide(int seq, Group g, Map<String, AuditStore.Judgment> judgments, Map<String, String> aliases,
                                   Map<String, Optional<ProductSummary>> summaries) {
        AuditStore.Judgment j = judgments.get(g.nameKey + "\u0000" + g.publisherKey);
        if (j == null) j = judgments.get(g.nameKey + "\u0000");
        if (j != null) {
            var ev = new LinkedHashMap<String, Object>();
            ev.put("judgment", j.productId() == null ? "rejected" : "accepted");
            ev.put("decided_by", j.decidedBy());
            ev.put("decided_at", String.valueOf(j.decidedAt()));
            if (j.note() != null) ev.put("note", j.note());
            ProductSummary product = j.productId() == null ? null : summary(j.productId(), summaries);
            if (j.productId() == null || product != null) return g.item(seq, product == null ? "unmatched" : "matched", product, 1.0, ev, "judgment");
        }
        String aliased = aliases.get(NameKey.compact(NameCleaner.clean(g.rawName).name()));
        if (aliased != null) {
            ProductSummary product = summary(aliased, summaries);
            if (product != null) return g.item(seq, "matched", product, 1.0, Map.of("org_alias", NameCleaner.clean(g.rawName).name()), "judgment");
        }
        InventoryMatcher.Match m = matcher.match(g.first); // name, publisher, and purl/CPE when the source gives them
        return g.item(seq, m.status(), m.product(), m.score(), m.evidence(), "matcher");
    }

    private ProductSummary summary(String productId, Map<String, Optional<ProductSummary>> cache) {
        return cache.computeIfAbsent(productId, id -> {
            try {
                return Optional.of(catalog.resolve(id)).filter(s -> s.id().equals(id));
            } catch (NotFoundException e) {
                return Optional.empty(); // the product left the catalog since the judgment: the matcher decides again
            }
        }).orElse(null);
    }

    public List<AuditStore.Audit> audits(Caller caller, String orgSlug, int limit) {
        return store.audits(caller, orgSlug == null ? defaultOrganisation(caller) : orgSlug, limit);
    }

    /** The full report of a stored audit, with alternatives as the catalog knows them now. */
    public AuditReport report(Caller caller, String orgSlug, long id) {
        String org = orgSlug == null ? defaultOrganisation(caller) : orgSlug;
        AuditStore.Audit audit = store.audit(caller, org, id);
        List<AuditStore.Item> items = allItems(caller, org, id);
        return AuditReport.build(audit, items, new PlatformAlternatives(catalog, audit.cpu(), audit.os()));
    }

    public List<AuditStore.Item> items(Caller caller, String orgSlug, long id, int afterSeq, int limit) {
        String org = orgSlug == null ? defaultOrganisation(caller) : orgSlug;
        store.audit(caller, org, id); // 404 for an audit of another organisation or none
        return store.items(caller, org, id, afterSeq, limit);
    }

    private List<AuditStore.Item> allItems(Caller caller, String org, long id) {
        var out = new ArrayList<AuditStore.Item>();
        for (int after = 0; ; ) {
            var page = store.items(caller, org, id, after, 5000);
            out.addAll(page);
            if (page.size() < 5000) return out;
            after = page.getLast().seq();
        }
    }

    /** What changed from audit {@code from} to audit {@code to} of the same organisation. */
    public AuditDiff diff(Caller caller, String orgSlug, long from, long to) {
        String org = orgSlug == null ? defaultOrganisation(caller) : orgSlug;
        AuditStore.Audit a = store.audit(caller, org, from), b = store.audit(caller, org, to);
        return AuditDiff.between(a, allItems(caller, org, from), b, allItems(caller, org, to), new PlatformAlternatives(catalog, null, null));
    }

    private void checkPlatform(Platform.Kind kind, String word) {
        if (word == null || word.isBlank()) return;
        List<Platform> platforms = catalog.platforms();
        if (platforms.stream().noneMatch(pl -> pl.kind() == kind && pl.answersTo(word)))
            throw new UnknownPlatformException(kind, word, platforms.stream().filter(pl -> pl.kind() == kind).map(Platform::id).toList());
    }

    /** Same files (by content), platform and column mapping: same audit. */
    static String fingerprint(Collection<String> sha256s, Options o) {
        var sb = new StringBuilder();
        sha256s.stream().sorted().forEach(s -> sb.append(s).append('\n'));
        sb.append("cpu=").append(norm(o.cpu())).append("\nos=").append(norm(o.os())).append("\ncolumns=");
        new TreeMap<>(o.columns()).forEach((k, v) -> sb.append(k).append('=').append(v).append(';'));
        return hex(digest().digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static String sha256(Path file) {
        if (!Files.isRegularFile(file)) throw new InputException(name(file), 0, 0, "no such file");
        try (InputStream in = Files.newInputStream(file)) {
            var md = digest();
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return hex(md.digest());
        } catch (IOException e) {
            throw new InputException(name(file), 0, 0, "cannot read: " + e.getMessage());
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String name(Path f) {
        return f.getFileName() == null ? f.toString() : f.getFileName().toString();
    }

    /** Rows of the inventories that fold to one name and publisher. */
    private static final class Group {
        final String nameKey, publisherKey, rawName, publisher;
        final InventoryItem first;
        final Set<String> versions = new LinkedHashSet<>();
        final Set<String> hosts = new HashSet<>();
        int occurrences;

        Group(String nameKey, String publisherKey, InventoryItem first) {
            this.nameKey = nameKey;
            this.publisherKey = publisherKey;
            this.rawName = first.name();
            this.publisher = first.publisher();
            this.first = first;
        }

        void add(InventoryItem item) {
            occurrences += seats(item);
            if (item.version() != null && versions.size() < MAX_VERSIONS) versions.add(item.version());
            if (item.host() != null) hosts.add(item.host());
        }

        AuditStore.Item item(int seq, String status, ProductSummary p, double score, Map<String, Object> evidence, String decidedBy) {
            String origin = p == null ? "unknown" : p.origin().name().toLowerCase(Locale.ROOT);
            return new AuditStore.Item(seq, nameKey, publisherKey, rawName, publisher, List.copyOf(versions), hosts.size(), occurrences,
                    status, p == null ? null : p.id(), p == null ? null : p.name(), p == null ? null : p.vendor(),
                    p == null ? null : p.vendorCountry(), origin, p == null ? null : p.category(), score, evidence, decidedBy);
        }
    }
}
