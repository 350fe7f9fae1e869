package ru.zamena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import ru.zamena.app.Zamena;
import ru.zamena.app.ZamenaConfig;
import ru.zamena.app.match.InventoryMatcher;
import ru.zamena.app.match.MatchBaselines;
import ru.zamena.app.match.MatchBenchmark;
import ru.zamena.app.match.MatchIndex;
import ru.zamena.app.match.MatcherEvaluation;
import ru.zamena.core.catalog.ProductSummary;
import ru.zamena.core.catalog.SearchQuery;
import ru.zamena.core.registry.RegistryRecord;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.text.NameKey;
import ru.zamena.ingest.registry.RegistryFileGenerator;
import ru.zamena.ingest.registry.RegistryReader;
import ru.zamena.store.Database;
import ru.zamena.store.MatchNamesStore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.Callable;

/**
 * Measures, in one run and on the same data, Zamena against a simple baseline:
 * registry import (full import vs parsing alone) and catalog search (ranked trigram search vs a
 * plain ILIKE query) with throughput and p50/p99 latency. Runs on a throw-away embedded PostgreSQL,
 * so the user's data is untouched.
 */
@Command(name = "bench", description = "Benchmark registry import and catalog search against baselines (prints figures).",
        subcommands = {BenchCommand.Match.class, BenchAuditCommand.class, BenchCheckCommand.class})
final class BenchCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Option(names = "--records", defaultValue = "35000", description = "Generated registry records (default ${DEFAULT-VALUE})") int records;
    @Option(names = "--queries", defaultValue = "2000", description = "Search queries to time (default ${DEFAULT-VALUE})") int queries;
    @Option(names = "--seed", defaultValue = "42") long seed;

    @Override
    public Integer call() throws IOException {
        PrintStream out = Output.out();
        out.printf("Zamena benchmark: %d registry records, %d search queries, %d cores, %s%n", records, queries,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        inScratchDatabase(main.config(), (tmp, db, z) -> {
            long t0 = System.nanoTime();
            z.catalog().loadCuratedIfChanged();
            out.printf("curated catalog loaded in %.2f s%n%n", secs(t0));
            registry(out, z, tmp);
            search(out, z, db);
        });
        return 0;
    }

    interface ScratchWork<E extends Exception> {
        void run(Path tmp, Database db, Zamena z) throws E;
    }

    /** Runs {@code work} on a throw-away embedded PostgreSQL with the curated catalog, so the user's data is untouched. */
    static <E extends Exception> void inScratchDatabase(ZamenaConfig base, ScratchWork<E> work) throws IOException, E {
        Path tmp = Files.createTempDirectory("zamena-bench");
        try {
            var config = new ZamenaConfig(null, null, null, tmp, base.catalogDir(), base.domesticCountries());
            try (Database db = Database.embedded(tmp.resolve("pg"))) {
                var z = new Zamena(db, config);
                try {
                    work.run(tmp, db, z);
                } finally {
                    z.matcher().index().close();
                }
            }
        } finally {
            deleteTree(tmp);
        }
    }

    private void registry(PrintStream out, Zamena z, Path tmp) throws IOException {
        Path file = tmp.resolve("registry.xml");
        Path next = tmp.resolve("registry-next.xml");
        RegistryFileGenerator.write(file, records, seed, RegistryFileGenerator.Format.XML, Charset.forName("windows-1251"), false);
        RegistryFileGenerator.write(next, records, seed, RegistryFileGenerator.Format.XML, Charset.forName("windows-1251"), true);
        out.printf("== registry import (%,d records, XML in CP1251, %.1f MB)%n", records, Files.size(file) / 1e6);
        // Baseline: parsing alone, the least any import must do.
        long t0 = System.nanoTime();
        long n = 0;
        try (RegistryReader r = RegistryReader.open(file)) {
            while (r.hasNext()) { RegistryRecord rec = r.next(); n += rec.number() > 0 ? 1 : 0; }
        }
        double parse = secs(t0);
        t0 = System.nanoTime();
        var run = z.registry().importFile(Caller.localOperator(), file, null);
        double full = secs(t0);
        t0 = System.nanoTime();
        var again = z.registry().importFile(Caller.localOperator(), file, null);
        double same = secs(t0);
        t0 = System.nanoTime();
        var changed = z.registry().importFile(Caller.localOperator(), next, null);
        double delta = secs(t0);
        Output.table(out, List.of("STEP", "SECONDS", "RECORDS/S", "RESULT"), List.of(
                List.of("baseline: parse only", f(parse), rate(n, parse), n + " records"),
                List.of("import (parse, stage, merge, link)", f(full), rate(n, full), run.counts().toString()),
                List.of("same file again", f(same), rate(n, same), again.status()),
                List.of("newer file", f(delta), rate(n, delta), changed.counts().toString())));
        out.printf("import costs %.1fx parsing alone%n%n", full / parse);
    }

    private void search(PrintStream out, Zamena z, Database db) {
        // Queries a person would type: names as listed, other scripts, lower case, a typo, an alias.
        var rnd = new Random(seed);
        List<ProductSummary> products = z.catalog().search(new SearchQuery(null, null, null, null, null, 0, 500));
        var all = new ArrayList<ProductSummary>(products);
        for (int off = 500; all.size() < 50_000; off += 500) {
            var page = z.catalog().search(new SearchQuery(null, null, null, null, null, off, 500));
            if (page.isEmpty()) break;
            all.addAll(page);
        }
        var cases = new ArrayList<String[]>();
        var curated = all.stream().filter(p -> !p.id().startsWith("reg-")).toList();
        while (cases.size() < queries) {
            ProductSummary p = curated.get(rnd.nextInt(curated.size()));
            String name = rnd.nextBoolean() && p.nameRu() != null ? p.nameRu() : p.name();
            String q = switch (rnd.nextInt(4)) {
                case 0 -> name;
                case 1 -> NameKey.latin(name);
                case 2 -> typo(name, rnd);
                default -> name.toLowerCase(Locale.ROOT);
            };
            cases.add(new String[]{q, p.id()});
        }
        out.printf("== catalog search (%,d products in the catalog, %,d queries from curated names: as listed, transliterated, lower case, one typo)%n",
                all.size(), cases.size());
        for (int i = 0; i < Math.min(200, cases.size()); i++) z.catalog().search(SearchQuery.of(cases.get(i)[0])); // warm-up
        long[] ours = new long[cases.size()];
        int oursHits = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < cases.size(); i++) {
            long s = System.nanoTime();
            var hits = z.catalog().search(SearchQuery.of(cases.get(i)[0]));
            ours[i] = System.nanoTime() - s;
            if (!hits.isEmpty() && hits.getFirst().id().equals(cases.get(i)[1])) oursHits++;
        }
        double oursSecs = secs(t0);
        // Baseline: what a spreadsheet user's database query does, a substring match on names.
        long[] base = new long[cases.size()];
        int baseHits = 0;
        t0 = System.nanoTime();
        for (int i = 0; i < cases.size(); i++) {
            String q = cases.get(i)[0];
            long s = System.nanoTime();
            List<String> ids = db.jdbi().withHandle(h -> h.createQuery("""
                    select id from product where name ilike :q or name_ru ilike :q or exists (select 1 from unnest(aliases) a where a ilike :q)
                    order by length(name), id limit 20""").bind("q", "%" + q + "%").mapTo(String.class).list());
            base[i] = System.nanoTime() - s;
            if (!ids.isEmpty() && ids.getFirst().equals(cases.get(i)[1])) baseHits++;
        }
        double baseSecs = secs(t0);
        Output.table(out, List.of("METHOD", "QUERIES/S", "P50 MS", "P99 MS", "TOP-1 CORRECT"), List.of(
                List.of("baseline: ILIKE substring", rate(cases.size(), baseSecs), ms(pct(base, 50)), ms(pct(base, 99)), pctOf(baseHits, cases.size())),
                List.of("zamena: folded trigram + ranking", rate(cases.size(), oursSecs), ms(pct(ours, 50)), ms(pct(ours, 99)), pctOf(oursHits, cases.size()))));
    }

    /**
     * {@code zamena bench match}: the inventory matcher against exact normalised-name lookup and a plain Lucene
     * fuzzy query, on a catalog scaled to the register's size (the curated catalog plus a generated register
     * export imported on top) — quality on the labelled set and on a synthetic stream, and names per second.
     */
    @Command(name = "match", description = "Benchmark the inventory matcher against baselines on a catalog scaled to the register's size.")
    static final class Match implements Callable<Integer> {
        @ParentCommand BenchCommand bench;
        @Option(names = "--products", defaultValue = "35000", description = "Products in the scaled catalog (default ${DEFAULT-VALUE})") int products;
        @Option(names = "--names", defaultValue = "200000", description = "Synthetic names to match (default ${DEFAULT-VALUE})") int names;
        @Option(names = "--lucene-names", defaultValue = "10000", description = "Synthetic names for the slow Lucene baseline (default ${DEFAULT-VALUE})") int luceneNames;
        @Option(names = "--seed", defaultValue = "42") long seed;

        @Override
        public Integer call() throws IOException {
            ZamenaConfig base = bench.main.config();
            inScratchDatabase(base, (tmp, db, z) -> {
                z.catalog().loadCuratedIfChanged();
                long curated = z.catalog().stats().products();
                int records = (int) Math.max(0, products - curated + products / 50); // some entries link to curated products
                Path file = tmp.resolve("registry.xml");
                RegistryFileGenerator.write(file, records, seed, RegistryFileGenerator.Format.XML, java.nio.charset.StandardCharsets.UTF_8, false);
                z.registry().importFile(Caller.localOperator(), file, null);
                matchReport(Output.out(), z, new MatchNamesStore(db), base.catalogDir().resolve("eval/match-labelled.tsv"));
            });
            return 0;
        }

        private void matchReport(PrintStream out, Zamena z, MatchNamesStore store, Path labelledFile) {
            out.printf("Zamena match benchmark: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            long t0 = System.nanoTime();
            MatchNamesStore.Snapshot snapshot = store.load();
            double load = secs(t0);
            t0 = System.nanoTime();
            InventoryMatcher matcher = z.matcher();
            MatchIndex index = matcher.index().get();
            double ourBuild = secs(t0);
            t0 = System.nanoTime();
            MatchBaselines.Baseline exact = MatchBaselines.exact(snapshot);
            double exactBuild = secs(t0);
            t0 = System.nanoTime();
            MatchBaselines.Baseline lucene = MatchBaselines.luceneFuzzy(snapshot);
            double luceneBuild = secs(t0);
            out.printf("catalog: %,d products, %,d names and aliases in the index (snapshot read in %.2f s)%n", index.products(), index.keys(), load);

            List<MatchBenchmark.Labelled> labelled = Files.exists(labelledFile)
                    ? MatcherEvaluation.read(labelledFile).stream().map(r -> new MatchBenchmark.Labelled(r.input(), r.publisher(), r.expected())).toList()
                    : List.of();
            List<MatchBenchmark.Labelled> synthetic = MatchBenchmark.synthetic(snapshot, names, seed);
            List<MatchBenchmark.Labelled> repeated = MatchBenchmark.repeated(synthetic, 5_000, names, seed + 1);
            out.printf("names: %d labelled (%s), %,d synthetic (70%% catalog names with versions, editions, tags, typos; 30%% not in the catalog),%n"
                    + "       and %,d drawn with a Zipf skew from 5,000 of them (a fleet repeating its software)%n%n",
                    labelled.size(), labelledFile.getFileName(), synthetic.size(), repeated.size());

            record Method(String name, java.util.function.BiFunction<String, String, MatchBenchmark.Answer> f, double build) {}
            var methods = List.of(
                    new Method("baseline: exact normalised name", MatchBenchmark.method(exact), exactBuild),
                    new Method("baseline: Lucene FuzzyQuery", MatchBenchmark.method(lucene), luceneBuild),
                    new Method("zamena: match index", MatchBenchmark.method(matcher), ourBuild));
            var rows = new ArrayList<List<String>>();
            for (Method m : methods) {
                boolean ours = m.name().startsWith("zamena");
                // Lucene's fuzzy automata are slow to build: it gets the first names of each stream only (a rate is a rate).
                int n = m.name().contains("Lucene") ? Math.min(names, luceneNames) : names;
                var syn = synthetic.subList(0, n);
                var rep = repeated.subList(0, n);
                MatchBenchmark.run(m.f(), syn.subList(0, Math.min(n, 20_000)), 2); // JIT warm-up
                var lq = MatchBenchmark.quality(labelled, MatchBenchmark.run(m.f(), labelled, 1));
                var sq = MatchBenchmark.quality(syn, MatchBenchmark.run(m.f(), syn, 2));
                // Best of three runs: the machine may be shared, and the best run is the least disturbed one.
                double one = 0, two = 0, repeatedRate = 0;
                for (int run = 0; run < 3; run++) {
                    one = Math.max(one, ours ? MatchBenchmark.perSecond(matcher, syn, 1, 0) : MatchBenchmark.perSecond(m.f(), syn, 1));
                    two = Math.max(two, ours ? MatchBenchmark.perSecond(matcher, syn, 2, 0) : MatchBenchmark.perSecond(m.f(), syn, 2));
                    repeatedRate = Math.max(repeatedRate, ours ? MatchBenchmark.perSecond(matcher, rep, 2, 200_000) : MatchBenchmark.perSecond(m.f(), rep, 2));
                }
                rows.add(List.of(m.name(), p(lq.precision()), p(lq.recall()), p(sq.precision()), p(sq.recall()),
                        rate(1, 1 / one), rate(1, 1 / two), rate(1, 1 / repeatedRate), f(m.build()), String.format(Locale.ROOT, "%,d", n)));
            }
            Output.table(out, List.of("METHOD", "LABELLED P(MATCHED)", "LABELLED R(MATCHED|REVIEW)", "SYNTH P", "SYNTH R",
                    "NAMES/S 1 THREAD", "NAMES/S 2 THREADS", "NAMES/S 2T REPEATED", "BUILD S", "NAMES RUN"), rows);
            out.printf("%nzamena thresholds: matched >= %.2f, review >= %.2f; baselines have no review band (recall counts their matches).%n",
                    matcher.matchedThreshold(), matcher.reviewThreshold());
            out.println("names/s: best of three runs, cleaning included; the zamena repeated run uses the per-run cache of the CLI (the baselines have none).");
        }

        private static String p(double v) { return String.format(Locale.ROOT, "%.3f", v); }
    }

    static String typo(String s, Random rnd) {
        return MatchBenchmark.typo(s, rnd);
    }

    private static long pct(long[] v, int p) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    private static double secs(long t0) { return (System.nanoTime() - t0) / 1e9; }
    private static String f(double s) { return String.format(Locale.ROOT, "%.2f", s); }
    private static String rate(long n, double s) { return String.format(Locale.ROOT, "%,.0f", n / s); }
    private static String ms(long ns) { return String.format(Locale.ROOT, "%.2f", ns / 1e6); }
    private static String pctOf(int k, int n) { return String.format(Locale.ROOT, "%.1f%%", 100.0 * k / n); }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        }
    }
}
