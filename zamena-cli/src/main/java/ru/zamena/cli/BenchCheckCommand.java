package ru.zamena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import ru.zamena.app.Zamena;
import ru.zamena.app.compliance.ComplianceService;
import ru.zamena.compliance.Profiles;
import ru.zamena.core.compliance.Law;
import ru.zamena.core.compliance.ProcurementItem;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.procurement.ItemSink;
import ru.zamena.ingest.procurement.ProcurementReaders;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code zamena bench check}: generates OCDS JSON Lines files of procurement items, then in the same run
 * times reading them alone (parse only) and reading plus deciding every item (parse + check), and samples
 * the heap: the goal is that rule evaluation costs no more than parsing (ratio check/parse ≥ 0.5) and that
 * memory does not grow with the file (a quarter-size and a full-size file are compared). Catalog enrichment
 * is left out (it is a database lookup per distinct name, measured by {@code zamena bench}).
 */
@Command(name = "check", description = {"Benchmark 'zamena check': items/s of parsing alone vs parsing + rule evaluation on generated OCDS JSON Lines,",
        "and heap at two file sizes (prints figures)."})
final class BenchCheckCommand implements Callable<Integer> {
    @ParentCommand BenchCommand bench;
    @Option(names = "--items", defaultValue = "200000", description = "items in the large file (default ${DEFAULT-VALUE}); the small one has a quarter") int items;
    @Option(names = "--items-per-release", defaultValue = "5") int perRelease;
    @Option(names = "--profile", defaultValue = "ru") String profile;
    @Option(names = "--law", defaultValue = "44-FZ", description = "law given to the OCDS items (default ${DEFAULT-VALUE}, so the 44-FZ rules apply)") String law;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--rounds", defaultValue = "3", description = "parse and check runs per file, alternating; the best of each is shown (default ${DEFAULT-VALUE}: a shared machine is noisy)") int rounds;

    // A spread of codes that fire different rules (software, computers, cars, goods, services) and none.
    private static final List<String> CODES = List.of("58.29.12.000", "62.01.29.000", "26.20.11.110", "26.20.14.000", "26.20.15.000",
            "26.30.11.110", "29.10.22.000", "27.11.10.000", "17.12.14.110", "32.99.12.110", "86.10.11.000", "26.12.10.000");

    @Override
    public Integer call() throws IOException {
        PrintStream out = Output.out();
        Path tmp = Files.createTempDirectory("zamena-bench-check");
        try {
            var compliance = new ComplianceService(new Profiles(Zamena.profilesDir(bench.main.config())), null);
            var options = new ComplianceService.Options(profile, null, new ProcurementReaders.Defaults(Law.parse(law), false));
            compliance.engine(profile); // load and compile the profile outside the timings
            Path small = generate(tmp.resolve("small.jsonl"), Math.max(1, items / 4));
            Path large = generate(tmp.resolve("large.jsonl"), items);
            out.printf("zamena bench check: profile %s, law %s, %d cores, %s %s, max heap %d MB%n", profile, law,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20);
            // warm-up: the JIT compiles the reader and the CEL programs before anything is timed
            parse(small, options);
            check(compliance, small, options);
            out.println();
            out.printf("items per CPU-second of the working thread, best of %d alternating runs per file%n", Math.max(1, rounds));
            out.printf("%-7s %9s %8s %14s %14s %6s %18s %18s%n", "file", "items", "MB", "parse items/s", "check items/s", "ratio",
                    "peak heap parse MB", "peak heap check MB");
            double worst = Double.MAX_VALUE;
            for (Path f : List.of(small, large)) {
                Run p = null, c = null;
                for (int i = 0; i < Math.max(1, rounds); i++) {
                    p = Run.best(p, parse(f, options));
                    c = Run.best(c, check(compliance, f, options));
                }
                double ratio = c.perSecond() / p.perSecond();
                worst = Math.min(worst, ratio);
                out.printf("%-7s %9d %8.1f %14.0f %14.0f %6.2f %18d %18d%n", f.getFileName().toString().replace(".jsonl", ""), c.items,
                        Files.size(f) / 1e6, p.perSecond(), c.perSecond(), ratio, p.peakHeap >> 20, c.peakHeap >> 20);
            }
            out.printf("%nratio check/parse (goal >= 0.5): %.2f — %s; heap is flat when the large file's peak is close to the small one's%n",
                    worst, worst >= 0.5 ? "met" : "NOT met");
        } finally {
            try (var files = Files.list(tmp)) {
                for (Path p : files.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(tmp);
        }
        return 0;
    }

    record Run(long items, long nanos, long peakHeap) {
        double perSecond() {
            return items * 1e9 / nanos;
        }

        /** The faster run, with the larger heap peak of the two (memory is reported at its worst). */
        static Run best(Run a, Run b) {
            if (a == null) return b;
            return new Run(b.items, Math.min(a.nanos, b.nanos), Math.max(a.peakHeap, b.peakHeap));
        }
    }

    private Run parse(Path file, ComplianceService.Options options) {
        var n = new AtomicLong();
        return timed(() -> ProcurementReaders.read(file, options.defaults(), new ItemSink() {
            @Override public void item(ProcurementItem item) { n.incrementAndGet(); }
            @Override public void rejected(InputException problem) { n.incrementAndGet(); }
        }), n);
    }

    private Run check(ComplianceService compliance, Path file, ComplianceService.Options options) {
        var n = new AtomicLong();
        return timed(() -> compliance.check(file, options, outcome -> n.incrementAndGet()), n);
    }

    /** Runs {@code work} with a heap sampler (used heap every 2 ms, after a GC beforehand so runs start level), timing its CPU. */
    private static Run timed(Runnable work, AtomicLong items) {
        System.gc();
        var peak = new AtomicLong();
        var pools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        var sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        // CPU time of this thread (reading and deciding run on it): on a machine shared with other work,
        // wall-clock time measures the neighbours as much as the code
        var threads = ManagementFactory.getThreadMXBean();
        long t0 = threads.getCurrentThreadCpuTime();
        work.run();
        long nanos = threads.getCurrentThreadCpuTime() - t0;
        sampler.interrupt();
        return new Run(items.get(), nanos, peak.get());
    }

    /** OCDS releases, one per line, {@code perRelease} tender items each, dates spread over 2016-2025. */
    private Path generate(Path file, int count) throws IOException {
        var rnd = new Random(seed);
        LocalDate start = LocalDate.of(2016, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int written = 0, release = 0;
            while (written < count) {
                int k = Math.min(perRelease, count - written);
                String date = start.plusDays(rnd.nextInt(3650)).toString();
                w.write("{\"ocid\":\"ocds-bench-" + (++release) + "\",\"id\":\"" + release + "\",\"date\":\"" + date
                        + "T10:00:00Z\",\"tag\":[\"tender\"],\"initiationType\":\"tender\",\"tender\":{\"id\":\"t" + release + "\",\"items\":[");
                for (int i = 0; i < k; i++) {
                    if (i > 0) w.write(',');
                    String code = CODES.get(rnd.nextInt(CODES.size()));
                    w.write("{\"id\":\"" + (i + 1) + "\",\"description\":\"Item " + code + " lot " + rnd.nextInt(1000)
                            + "\",\"classification\":{\"scheme\":\"OKPD2\",\"id\":\"" + code + "\"},\"quantity\":" + (1 + rnd.nextInt(20))
                            + ",\"unit\":{\"name\":\"piece\",\"value\":{\"amount\":" + (100 + rnd.nextInt(100000)) + ",\"currency\":\"RUB\"}}}");
                }
                w.write("]}}\n");
                written += k;
            }
        }
        return file;
    }
}
