package ru.zamena.cli;

import org.postgresql.PGConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import ru.zamena.app.Zamena;
import ru.zamena.app.dashboard.ProgressReport;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;
import ru.zamena.report.ReportFormat;
import ru.zamena.server.ZamenaServer;
import ru.zamena.store.Database;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code zamena bench dashboard}: on a throw-away embedded PostgreSQL, 1,000 organisations
 * (a ministry, agencies, units) with three yearly audits each and 1,000,000 inventory items in all,
 * written straight into the tables by COPY (the aggregate trigger runs as for real audits; the
 * matcher does not, to keep it quick), plus purchases. Then the overview's API calls are timed
 * under concurrent load from a second process (a child JVM on loopback), and a full PDF report.
 * Prints figures; asserts nothing.
 */
@Command(name = "dashboard", description = "Dashboard benchmark: 1,000 organisations, 1,000,000 items; overview API p50/p99 from a second process, PDF report.")
final class BenchDashboardCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand BenchCommand bench;
    @Option(names = "--orgs", defaultValue = "1000", description = "Organisations (default ${DEFAULT-VALUE})") int orgs;
    @Option(names = "--items", defaultValue = "1000000", description = "Inventory items in all audits together (default ${DEFAULT-VALUE})") int items;
    @Option(names = "--threads", defaultValue = "8", description = "Concurrent clients in the load process (default ${DEFAULT-VALUE})") int threads;
    @Option(names = "--requests", defaultValue = "3000", description = "Timed requests (default ${DEFAULT-VALUE})") int requests;
    @Option(names = "--seed", defaultValue = "42") long seed;

    static final int[] PERIODS = {2024, 2025, 2026};

    @Override
    public Integer call() throws Exception {
        PrintStream out = Output.out();
        BenchCommand.inScratchDatabase(bench.main.config(), (tmp, db, z) -> {
            z.catalog().loadCuratedIfChanged();
            long t0 = System.nanoTime();
            List<String> slugs = generate(db, new Random(seed));
            out.printf("Dashboard benchmark: %,d organisations, %,d audits, %,d inventory items, loaded by COPY in %.1f s; %d cores (shared machine)%n",
                    slugs.size(), slugs.size() * PERIODS.length, items, secs(t0), Runtime.getRuntime().availableProcessors());
            String key = z.tenants().createApiKey(Caller.localOperator(), "bench", "bench viewer", Role.VIEWER).secret();
            try (var server = ZamenaServer.start(z, "127.0.0.1", 0)) {
                out.println("1. a freshly started server (its JIT and the database's buffers cold):");
                load(out, server.url() + "api/v1", key, slugs);
                // What people meet day to day: a warm server whose data just changed (an audit was stored), so every
                // cached answer is stale and the first request of each URL computes again.
                db.jdbi().useHandle(h -> h.execute("update dashboard_version set version = version + 1"));
                out.println("2. the same server after a data change (every cached answer stale):");
                load(out, server.url() + "api/v1", key, slugs);
            }
            report(out, z);
        });
        return 0;
    }

    // ------------------------------------------------------------------ data

    /** Organisations (bench → agencies → units), audits and items by COPY, purchases; returns the slugs, root first. */
    private List<String> generate(Database db, Random random) throws Exception {
        int agencies = Math.max(1, (int) Math.round(Math.sqrt(orgs) / 1.6));
        int unitsPerAgency = Math.max(0, (orgs - 1 - agencies + agencies - 1) / agencies);
        var slugs = new ArrayList<String>();
        db.jdbi().useTransaction(h -> {
            var conn = h.getConnection().unwrap(PGConnection.class);
            var orgRows = new StringBuilder();
            long id = 1_000_000;
            var ids = new ArrayList<Long>();
            orgRows.append(id).append("\tbench\tBenchmark ministry\t\\N\tministry\n");
            slugs.add("bench");
            ids.add(id);
            long root = id;
            for (int a = 1; a <= agencies && slugs.size() < orgs; a++) {
                long agency = ++id;
                String as = String.format(Locale.ROOT, "bench-a%02d", a);
                orgRows.append(agency).append('\t').append(as).append("\tAgency ").append(a).append('\t').append(root).append("\tagency\n");
                slugs.add(as);
                ids.add(agency);
                for (int u = 1; u <= unitsPerAgency && slugs.size() < orgs; u++) {
                    String us = String.format(Locale.ROOT, "%s-u%03d", as, u);
                    orgRows.append(++id).append('\t').append(us).append("\tUnit ").append(u).append(" of agency ").append(a).append('\t')
                            .append(agency).append("\tunit\n");
                    slugs.add(us);
                    ids.add(id);
                }
            }
            copy(conn, "copy organisation (id, slug, name, parent_id, kind) from stdin", orgRows);

            List<String[]> products = h.createQuery("""
                            select p.id, p.name, v.name as vendor, v.country, p.category,
                                   case when v.country = 'RU' then 'domestic' when p.license = 'open_source' then 'open_source'
                                        when v.country is not null then 'foreign' else 'unknown' end as origin
                            from product p join vendor v on v.id = p.vendor_id order by p.id""")
                    .map((rs, c) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)})
                    .list();
            int audits = ids.size() * PERIODS.length, perAudit = Math.max(1, items / audits), extra = Math.max(0, items - perAudit * audits);
            var auditRows = new StringBuilder();
            long auditId = 0;
            for (long org : ids)
                for (int period : PERIODS)
                    auditRows.append(++auditId).append('\t').append(org).append("\tbench ").append(period).append("\tbench\tbench-").append(auditId)
                            .append("\t[]\t{}\t").append(perAudit).append('\t').append(perAudit * 10L).append('\t').append(period).append('\n');
            copy(conn, "copy inventory_audit (id, org_id, label, created_by, fingerprint, files, totals, item_count, occurrence_count, period) from stdin",
                    auditRows);
            h.execute("select setval('inventory_audit_id_seq', (select max(id) from inventory_audit))");
            h.execute("select setval('organisation_id_seq', (select max(id) from organisation))");

            // Items: each audit a random selection of catalog products plus unknown names; later years a little more domestic.
            var chunk = new StringBuilder(1 << 24);
            long a = 0;
            for (long org : ids) {
                for (int p = 0; p < PERIODS.length; p++) {
                    a++;
                    int n = perAudit + (a <= extra ? 1 : 0); // the first audits take the remainder: exactly `items` in all
                    for (int seq = 1; seq <= n; seq++) {
                        boolean unknown = random.nextDouble() < 0.12;
                        String[] pr = products.get(random.nextInt(products.size()));
                        if (!unknown && "foreign".equals(pr[5]) && random.nextDouble() < 0.15 * p)
                            pr = products.get(random.nextInt(products.size())); // a replacement, roughly
                        int occ = 1 + random.nextInt(40);
                        if (unknown)
                            Copy.row(chunk, a, org, seq, "unknown" + seq, "", "Unknown program " + seq, null, "{}", occ, occ, "unmatched",
                                    null, null, null, null, "unknown", null, 0, "{}", "matcher");
                        else
                            Copy.row(chunk, a, org, seq, pr[0] + "-" + seq, "", pr[1], pr[2], "{}", occ, occ,
                                    random.nextDouble() < 0.05 ? "review" : "matched", pr[0], pr[1], pr[2], pr[3], pr[5], pr[4], 0.9, "{}", "matcher");
                    }
                    if (chunk.length() > 16_000_000) {
                        copyItems(conn, chunk);
                        chunk.setLength(0);
                    }
                }
            }
            copyItems(conn, chunk);

            // A recorded file of ten checked purchases per organisation (file id = organisation id), as PurchaseService records them.
            var files = new StringBuilder();
            var purchases = new StringBuilder();
            java.time.LocalDate bought = java.time.LocalDate.of(PERIODS[PERIODS.length - 1], 6, 1);
            for (long org : ids) {
                Copy.row(files, org, org, "bench-" + org, "bench.csv", "ru", 10, "bench");
                for (int i = 1; i <= 10; i++) {
                    String[] pr = products.get(random.nextInt(products.size()));
                    Copy.row(purchases, org, i, org, "bench-" + org + "-" + i, bought, "44-FZ", null, "Licence " + pr[1], pr[3], false,
                            1000 + random.nextInt(900_000), "ALLOWED", pr[0], pr[4], pr[2], pr[5],
                            "cpu".equals(pr[4]) ? ("domestic".equals(pr[5]) ? "domestic" : "foreign") : null, 1 + random.nextInt(50));
                }
            }
            copy(conn, "copy purchase_file (id, org_id, sha256, name, profile, items, recorded_by) from stdin", files);
            h.execute("select setval('purchase_file_id_seq', (select max(id) from purchase_file))");
            copy(conn, "copy purchase_item (file_id, ordinal, org_id, item_id, date, law, okpd2, name, origin, registered, price, verdict, "
                    + "product_id, category, vendor, origin_class, processor_origin, quantity) from stdin", purchases);
        });
        db.jdbi().useHandle(h -> h.execute("analyze"));
        return slugs;
    }

    private static void copyItems(PGConnection conn, StringBuilder rows) {
        copy(conn, "copy audit_item (audit_id, org_id, seq, name_key, publisher_key, raw_name, publisher, versions, hosts, occurrences, status, "
                + "product_id, product_name, vendor, country, origin, category, score, evidence, decided_by) from stdin", rows);
    }

    private static void copy(PGConnection conn, String sql, CharSequence rows) {
        try {
            conn.getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
        } catch (Exception e) {
            throw new IllegalStateException("bulk load failed: " + e.getMessage(), e);
        }
    }

    /** COPY text rows: tab-separated, \N for null (the store's Copy is package-private; these values need no escaping beyond it). */
    static final class Copy {
        static void row(StringBuilder sb, Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) sb.append('\t');
                Object v = values[i];
                if (v == null) sb.append("\\N");
                else sb.append(v.toString().replace("\\", "\\\\").replace("\t", " ").replace("\n", " "));
            }
            sb.append('\n');
        }
    }

    // ------------------------------------------------------------------ load from a second process

    private void load(PrintStream out, String api, String key, List<String> slugs) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        var cmd = List.of(java, "-cp", System.getProperty("java.class.path"), LoadGenerator.class.getName(), api, key,
                Integer.toString(threads), Integer.toString(requests), Long.toString(seed), String.join(",", sample(slugs)));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) out.println(line);
        }
        if (p.waitFor() != 0) throw new IllegalStateException("the load process failed (exit " + p.exitValue() + ")");
    }

    /** The root, every agency and some units: what people open. */
    private static List<String> sample(List<String> slugs) {
        var out = new ArrayList<String>();
        for (String s : slugs) if (!s.contains("-u") || s.endsWith("-u001") || s.endsWith("-u017")) out.add(s);
        return out;
    }

    private static void report(PrintStream out, Zamena z) throws IOException {
        for (int i = 0; i < 2; i++) {
            long t0 = System.nanoTime();
            var r = z.progressReports().build(Caller.localOperator(), "bench", null, "ru");
            var buf = new ByteArrayOutputStream();
            ProgressReport.write(r, ReportFormat.PDF, buf);
            out.printf("full PDF report of the ministry (%s, %,d measures, %,d gaps), %s: %.2f s, %,d bytes%n", r.period(), r.measures().size(),
                    r.topGaps().size(), i == 0 ? "first" : "again", secs(t0), buf.size());
        }
    }

    static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * The second process: {@code threads} clients send the overview's calls (measures, breakdowns,
     * top foreign products) for the root, agencies and some units, round-robin; after a warm-up,
     * {@code requests} are timed. Prints p50/p99 per call and overall.
     */
    public static final class LoadGenerator {
        public static void main(String[] args) throws Exception {
            String api = args[0], key = args[1];
            int threads = Integer.parseInt(args[2]), requests = Integer.parseInt(args[3]);
            var random = new Random(Long.parseLong(args[4]));
            List<String> orgs = List.of(args[5].split(","));
            String[] calls = {"measures?basis=count", "measures?basis=seats", "breakdown?dim=category", "breakdown?dim=country",
                    "breakdown?dim=platform", "top-foreign?limit=20"};
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            var plan = new ArrayList<String[]>();
            int warmup = Math.max(50, requests / 10);
            for (int i = 0; i < warmup + requests; i++) {
                // Half the calls are for the ministry (the overview's first screen), half for an agency or unit.
                String org = random.nextBoolean() ? orgs.getFirst() : orgs.get(random.nextInt(orgs.size()));
                String call = calls[i % calls.length];
                plan.add(new String[]{call.substring(0, call.indexOf('?')) + (org.equals(orgs.getFirst()) ? " (ministry)" : " (agency/unit)"),
                        api + "/orgs/" + org + "/" + call});
            }
            var timings = new ConcurrentHashMap<String, List<Long>>();
            // The first request of each distinct URL computes its answer; repeats are served from the dashboard's
            // cache until the data changes. Both are reported.
            var seen = ConcurrentHashMap.<String>newKeySet();
            var cold = new CopyOnWriteArrayList<Long>();
            var errors = new AtomicInteger();
            var next = new AtomicInteger();
            var all = new CopyOnWriteArrayList<Long>();
            var everything = new CopyOnWriteArrayList<Long>(); // every request as a person meets it, computed or cached
            long start = System.nanoTime();
            var workers = new ArrayList<Thread>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().start(() -> {
                    for (int i; (i = next.getAndIncrement()) < plan.size(); ) {
                        String[] c = plan.get(i);
                        long t0 = System.nanoTime();
                        try {
                            var res = http.send(HttpRequest.newBuilder(URI.create(c[1])).header("Authorization", "Bearer " + key).build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            if (res.statusCode() != 200) errors.incrementAndGet();
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        long micros = (System.nanoTime() - t0) / 1000;
                        everything.add(micros);
                        if (seen.add(c[1])) cold.add(micros);
                        else if (i >= warmup) {
                            timings.computeIfAbsent(c[0], k -> new CopyOnWriteArrayList<>()).add(micros);
                            all.add(micros);
                        }
                    }
                }));
            }
            for (Thread w : workers) w.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("overview API from a second process: %d clients, %,d requests (%,d distinct URLs), %.0f requests/s, %d errors%n",
                    threads, warmup + requests, seen.size(), (warmup + requests) / seconds, errors.get());
            new TreeMap<>(timings).forEach((call, list) -> System.out.printf("  %-32s n=%5d  p50 %7.1f ms  p99 %7.1f ms%n", call, list.size(),
                    pct(list, 50), pct(list, 99)));
            System.out.printf("  %-32s n=%5d  p50 %7.1f ms  p99 %7.1f ms%n", "all overview calls (repeats)", all.size(), pct(all, 50), pct(all, 99));
            System.out.printf("  %-32s n=%5d  p50 %7.1f ms  p99 %7.1f ms  (first request of each URL: computed, not cached)%n",
                    "first requests (cold)", cold.size(), pct(cold, 50), pct(cold, 99));
            System.out.printf("  %-32s n=%5d  p50 %7.1f ms  p99 %7.1f ms%n", "every request (cold and repeats)", everything.size(),
                    pct(everything, 50), pct(everything, 99));
        }

        static double pct(List<Long> list, int p) {
            var s = new ArrayList<>(list);
            Collections.sort(s);
            return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1)) / 1000.0;
        }
    }
}
