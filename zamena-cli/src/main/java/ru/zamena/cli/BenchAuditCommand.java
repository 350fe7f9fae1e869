package ru.zamena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import ru.zamena.app.Zamena;
import ru.zamena.app.audit.AuditExport;
import ru.zamena.app.audit.AuditService;
import ru.zamena.core.catalog.ProductSummary;
import ru.zamena.core.catalog.SearchQuery;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.report.ReportFormat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.Callable;

/**
 * {@code zamena bench audit}: a generated CycloneDX SBOM of N components (catalog product names
 * with versions and editions, and library names the catalog does not know) audited end to end on
 * a throw-away embedded PostgreSQL, timing parse, match, report and store separately, then the
 * exports. Prints figures; asserts nothing.
 */
@Command(name = "audit", description = "Benchmark an end-to-end audit of a generated SBOM (parse, match, report, store, export).")
final class BenchAuditCommand implements Callable<Integer> {
    @ParentCommand BenchCommand bench;
    @Option(names = "--components", defaultValue = "10000", description = "Components in the generated SBOM (default ${DEFAULT-VALUE})") int components;
    @Option(names = "--seed", defaultValue = "42") long seed;

    @Override
    public Integer call() throws IOException {
        PrintStream out = Output.out();
        BenchCommand.inScratchDatabase(bench.main.config(), (tmp, db, z) -> {
            z.catalog().loadCuratedIfChanged();
            Path sbom = tmp.resolve("bench.cdx.json");
            int distinctNames = generate(z, sbom);
            out.printf("Audit benchmark: %,d components (%,d distinct names), CycloneDX JSON %.1f MB, %d cores%n",
                    components, distinctNames, Files.size(sbom) / 1e6, Runtime.getRuntime().availableProcessors());
            z.tenants().createOrganisation(Caller.localOperator(), "bench", "Benchmark", null, false);
            run(out, z, sbom, "first run", false);
            run(out, z, sbom, "again (forced, warm caches)", true);
            long t0 = System.nanoTime();
            var same = z.audits().run(Caller.localOperator(), "bench", List.of(sbom), options("same file again", false), null);
            out.printf("same file again: %s in %.2f s%n", same.outcome(), secs(t0));
            exports(out, z, same.audit().id(), tmp);
        });
        return 0;
    }

    private void run(PrintStream out, Zamena z, Path sbom, String what, boolean force) {
        var stages = new LinkedHashMap<String, Long>();
        long t0 = System.nanoTime();
        var run = z.audits().run(Caller.localOperator(), "bench", List.of(sbom),
                options(what, force),
                (stage, done, total) -> stages.putIfAbsent(stage.startsWith("read") ? "parse" : stage, System.nanoTime()));
        long end = System.nanoTime();
        var names = new ArrayList<>(stages.keySet());
        var sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            long from = i == 0 ? t0 : stages.get(names.get(i));
            long to = i + 1 < names.size() ? stages.get(names.get(i + 1)) : end;
            sb.append(String.format(Locale.ROOT, "%s %.2f s, ", names.get(i), (to - from) / 1e9));
        }
        var s = run.report().summary();
        out.printf("%s: %.2f s end to end (%s) — %,d items: %,d matched, %,d review, %,d unmatched%n",
                what, (end - t0) / 1e9, sb.substring(0, sb.length() - 2), s.items(), s.matched(), s.review(), s.unmatched());
    }

    private static AuditService.Options options(String label, boolean force) {
        return new AuditService.Options(null, "astra", label, Map.of(), force);
    }

    private void exports(PrintStream out, Zamena z, long id, Path tmp) throws IOException {
        long t0 = System.nanoTime();
        var report = z.audits().report(Caller.localOperator(), "bench", id);
        out.printf("stored report read back in %.2f s%n", secs(t0));
        for (ReportFormat f : ReportFormat.values()) {
            Path file = tmp.resolve("report." + f.extension());
            t0 = System.nanoTime();
            try (OutputStream o = Files.newOutputStream(file)) {
                AuditExport.write(report, f, o);
            } catch (ru.zamena.report.PdfFonts.MissingFontException e) {
                out.println(f.extension() + ": skipped (" + e.getMessage() + ")");
                continue;
            }
            out.printf("%s export: %.2f s, %.1f MB%n", f.extension(), secs(t0), Files.size(file) / 1e6);
        }
        t0 = System.nanoTime();
        Output.JSON.writeValueAsBytes(report);
        out.printf("json: %.2f s%n", secs(t0));
    }

    /** Half catalog products spelled as inventories do (versions, editions, years), half libraries nobody catalogs. */
    private int generate(Zamena z, Path file) throws IOException {
        List<ProductSummary> products = new ArrayList<>();
        for (int off = 0; ; off += 500) {
            var page = z.catalog().search(new SearchQuery("", null, null, null, null, off, 500));
            products.addAll(page);
            if (page.size() < 500) break;
        }
        var rnd = new Random(seed);
        String[] decorations = {"", " 2019", " Professional", " x64", " (64-bit)", " Enterprise Edition", " - ru-ru", " Standard"};
        var distinct = new HashSet<String>();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\"components\":[\n");
            for (int i = 0; i < components; i++) {
                String name, publisher, version = rnd.nextInt(20) + "." + rnd.nextInt(10) + "." + rnd.nextInt(100);
                if (i % 2 == 0 && !products.isEmpty()) {
                    ProductSummary p = products.get(rnd.nextInt(products.size()));
                    name = (rnd.nextInt(4) == 0 && p.nameRu() != null ? p.nameRu() : p.name()) + decorations[rnd.nextInt(decorations.length)];
                    publisher = p.vendor();
                } else {
                    name = "lib" + Integer.toString(rnd.nextInt(5000), 36) + "-" + (rnd.nextBoolean() ? "core" : "utils");
                    publisher = "Open source contributors";
                }
                distinct.add(name);
                if (i > 0) w.write(",\n");
                w.write("{\"type\":\"application\",\"name\":" + Output.JSON.writeValueAsString(name) + ",\"version\":\"" + version
                        + "\",\"publisher\":" + Output.JSON.writeValueAsString(publisher) + "}");
            }
            w.write("\n]}\n");
        }
        return distinct.size();
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
