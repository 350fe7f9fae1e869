package ru.zamena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import ru.zamena.app.audit.AuditDiff;
import ru.zamena.app.audit.AuditExport;
import ru.zamena.app.audit.AuditReport;
import ru.zamena.app.audit.AuditService;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.report.ReportFormat;
import ru.zamena.store.AuditStore;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.Callable;

/**
 * {@code zamena audit FILE...}: audits inventories for an organisation (the operator organisation
 * when none is named) and stores the result; {@code list}, {@code show} and {@code diff} read
 * stored audits. Reports go to stdout as a table or JSON, or as CSV, XLSX or PDF to {@code -o FILE}
 * (or to stdout when it is redirected).
 */
@Command(name = "audit", description = "Audit inventory or SBOM files against the catalog and store the result.",
        subcommands = {AuditCommand.ListAudits.class, AuditCommand.Show.class, AuditCommand.Diff.class})
final class AuditCommand implements Callable<Integer> {
    enum Format { table, json, csv, xlsx, pdf }

    @ParentCommand Main main;
    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Inventory or SBOM files (CycloneDX, SPDX, GLPI, OCS, .reg, osquery, dpkg/rpm lists...)")
    List<Path> files = new ArrayList<>();
    @Option(names = "--org", description = "Organisation (default: the operator organisation)") String org;
    @Option(names = "--cpu", description = "Target CPU: alternatives must run on it (e2k|elbrus, aarch64|baikal-m, x86_64...)") String cpu;
    @Option(names = "--os", description = "Target OS: alternatives must run on it (astra, alt, red-os, rosa...)") String os;
    @Option(names = "--label", description = "A name for this audit") String label;
    @Option(names = "--columns", split = ",", description = "Spreadsheet columns: name=...,publisher=...,version=...") Map<String, String> columns = new LinkedHashMap<>();
    @Option(names = "--force", description = "Audit again even when the same files were audited for this platform") boolean force;
    @Option(names = "--period", paramLabel = "YEAR", description = "The reporting year this audit stands for (default: the year it is stored)") Integer period;
    @Option(names = "--format", defaultValue = "table", description = "table, json, csv, xlsx or pdf") Format format;
    @Option(names = {"-o", "--output"}, description = "Write the report to this file") Path output;

    @Override
    public Integer call() throws IOException {
        if (files.isEmpty()) throw new IllegalArgumentException("give one or more inventory files, or a subcommand: list, show, diff");
        for (Path f : files) if (!Files.isRegularFile(f)) throw new IllegalArgumentException(f + ": no such file");
        try (var z = main.open()) {
            var run = z.audits().run(Caller.localOperator(), org, files,
                    new AuditService.Options(cpu, os, label, columns, force, period), new StderrProgress());
            print(run.report(), run.outcome(), format, output);
        }
        return 0;
    }

    /** Prints a report in the chosen format; {@code outcome} (created/unchanged) is shown when known. */
    static void print(AuditReport r, String outcome, Format format, Path output) throws IOException {
        switch (format) {
            case json -> {
                var m = new LinkedHashMap<String, Object>();
                if (outcome != null) m.put("outcome", outcome);
                m.put("report", r);
                writeText(output, out -> Output.json(out, m));
            }
            case table -> writeText(output, out -> table(out, r, outcome));
            default -> export(ReportFormat.of(format.name()), output, out -> AuditExport.write(r, ReportFormat.of(format.name()), out));
        }
    }

    private static void table(PrintStream out, AuditReport r, String outcome) {
        AuditStore.Audit a = r.audit();
        var s = r.summary();
        out.printf("Audit #%d of %s for %d%s%s: %,d items, %,d occurrences; matched %,d, review %,d, unmatched %,d%n", a.id(), a.org(), a.period(),
                a.label() == null ? "" : " (" + a.label() + ")", outcome == null ? "" : " — " + outcome,
                s.items(), s.occurrences(), s.matched(), s.review(), s.unmatched());
        if (AuditService.UNCHANGED.equals(outcome)) out.println("The same files were audited before for this platform; --force audits them again.");
        var shares = new ArrayList<List<String>>();
        for (var x : r.byOrigin()) shares.add(List.of(x.key(), fmt(x.items()), percent(x.itemShare()), fmt(x.occurrences()), percent(x.occurrenceShare())));
        Output.table(out, List.of("ORIGIN", "ITEMS", "SHARE", "OCCURRENCES", "SHARE"), shares);
        var flags = new ArrayList<List<String>>();
        s.flags().forEach((k, v) -> { if (v > 0) flags.add(List.of(k, fmt(v))); });
        if (!flags.isEmpty()) {
            out.println();
            Output.table(out, List.of("FLAG", "ITEMS"), flags);
        }
        out.println();
        var rows = new ArrayList<List<String>>();
        for (var i : r.items())
            rows.add(List.of("" + i.seq(), i.name(), i.status(), CatalogCommand.nz(i.product()), CatalogCommand.nz(i.country()), i.origin(),
                    fmt(i.occurrences()), String.join(",", i.flags()),
                    String.join(", ", i.alternatives().stream().map(AuditReport.Alternative::name).toList())));
        Output.table(out, List.of("#", "NAME", "STATUS", "PRODUCT", "COUNTRY", "ORIGIN", "OCC", "FLAGS", "ALTERNATIVES"), rows);
    }

    @Command(name = "list", description = "List the stored audits of an organisation, newest first.")
    static final class ListAudits implements Callable<Integer> {
        @ParentCommand AuditCommand parent;
        @Option(names = "--org", description = "Organisation (default: the operator organisation)") String org;
        @Option(names = "--limit", defaultValue = "50") int limit;
        @Option(names = "--format", defaultValue = "table") Output.Format format;

        @Override
        public Integer call() {
            try (var z = parent.main.open()) {
                var audits = z.audits().audits(Caller.localOperator(), org, limit);
                if (format == Output.Format.json) Output.json(Output.out(), audits);
                else {
                    var rows = new ArrayList<List<String>>();
                    for (var a : audits)
                        rows.add(List.of("" + a.id(), "" + a.period(), a.createdAt().toLocalDateTime().withNano(0).toString(), CatalogCommand.nz(a.label()),
                                String.join(", ", a.files().stream().map(AuditStore.FileInfo::name).toList()), fmt(a.itemCount()),
                                fmt(a.occurrenceCount()), foreignShare(a), AuditExport.platform(a), a.createdBy()));
                    Output.table(Output.out(), List.of("ID", "PERIOD", "CREATED", "LABEL", "FILES", "ITEMS", "OCCURRENCES", "FOREIGN", "PLATFORM", "BY"), rows);
                }
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Show a stored audit's report.")
    static final class Show implements Callable<Integer> {
        @ParentCommand AuditCommand parent;
        @Parameters(paramLabel = "ID") long id;
        @Mixin ReportOptions report;

        @Override
        public Integer call() throws IOException {
            try (var z = parent.main.open()) {
                print(z.audits().report(Caller.localOperator(), report.org, id), null, report.format, report.output);
            }
            return 0;
        }
    }

    @Command(name = "diff", description = "What was replaced, added or removed between two audits of an organisation.")
    static final class Diff implements Callable<Integer> {
        @ParentCommand AuditCommand parent;
        @Parameters(index = "0", paramLabel = "FROM") long from;
        @Parameters(index = "1", paramLabel = "TO") long to;
        @Mixin ReportOptions report;

        @Override
        public Integer call() throws IOException {
            try (var z = parent.main.open()) {
                AuditDiff d = z.audits().diff(Caller.localOperator(), report.org, from, to);
                Path output = report.output;
                switch (report.format) {
                    case json -> writeText(output, out -> Output.json(out, d));
                    case table -> writeText(output, out -> diffTable(out, d));
                    default -> {
                        ReportFormat f = ReportFormat.of(report.format.name());
                        export(f, output, out -> AuditExport.write(d, f, out));
                    }
                }
            }
            return 0;
        }

        private static void diffTable(PrintStream out, AuditDiff d) {
            out.printf("Audit #%d → #%d: %d replaced, %d added, %d removed, %d changed in count%n", d.fromAudit(), d.toAudit(),
                    d.replaced().size(), d.added().size(), d.removed().size(), d.changedCount());
            var rows = new ArrayList<List<String>>();
            for (var x : d.originShares()) rows.add(List.of(x.origin(), percent(x.from()), percent(x.to()), (x.delta() >= 0 ? "+" : "") + percent(x.delta())));
            Output.table(out, List.of("ORIGIN", "FROM", "TO", "CHANGE"), rows);
            var ch = new ArrayList<List<String>>();
            d.replaced().forEach(x -> ch.add(List.of("replaced", x.fromProduct(), x.toProduct() + " (" + x.toOrigin() + ")")));
            d.added().forEach(x -> ch.add(List.of("added", x.name(), x.origin())));
            d.removed().forEach(x -> ch.add(List.of("removed", x.name(), x.origin())));
            if (!ch.isEmpty()) {
                out.println();
                Output.table(out, List.of("CHANGE", "NAME", "NOW"), ch);
            }
        }
    }

    /** The options every reading subcommand shares: whose audit, in which format, to which file. */
    static final class ReportOptions {
        @Option(names = "--org", description = "Organisation (default: the operator organisation)") String org;
        @Option(names = "--format", defaultValue = "table", description = "table, json, csv, xlsx or pdf") Format format;
        @Option(names = {"-o", "--output"}, description = "Write the report to this file") Path output;
    }

    // ------------------------------------------------------------------ output helpers

    interface Writer<T> {
        void write(T out) throws IOException;
    }

    /** Text to the file given, else stdout. */
    static void writeText(Path output, Writer<PrintStream> w) throws IOException {
        if (output == null) {
            w.write(Output.out());
            return;
        }
        try (var out = new PrintStream(Files.newOutputStream(output), true, java.nio.charset.StandardCharsets.UTF_8)) {
            w.write(out);
        }
        System.err.println("zamena: wrote " + output);
    }

    /** A CSV/XLSX/PDF export to the file given, else to stdout unless stdout is a terminal (binary would garble it). */
    static void export(ReportFormat format, Path output, Writer<OutputStream> w) throws IOException {
        if (output != null) {
            try (OutputStream out = Files.newOutputStream(output)) {
                w.write(out);
            }
            System.err.println("zamena: wrote " + output);
            return;
        }
        if (format.binary() && Output.capture == null && stdoutIsTerminal())
            throw new IllegalArgumentException(format.extension() + " is a binary format: give -o FILE or redirect the output to a file");
        w.write(Output.out());
        Output.out().flush();
    }

    private static boolean stdoutIsTerminal() {
        var console = System.console();
        if (console == null) return false;
        try { // JDK 22+: a console exists even when redirected; isTerminal tells
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    @SuppressWarnings("unchecked")
    private static String foreignShare(AuditStore.Audit a) {
        Object origins = a.totals().get("by_origin");
        if (!(origins instanceof Map<?, ?> m) || !(m.get("foreign") instanceof Map<?, ?> f)) return "";
        Object share = ((Map<String, Object>) f).get("occurrence_share");
        return share instanceof Number n ? percent(n.doubleValue()) : "";
    }

    /** Progress of long audits on stderr, on one line that is rewritten; short ones print nothing. */
    static final class StderrProgress implements AuditService.Progress {
        private static final long WORTH_SHOWING = 2000;
        @Override
        public void update(String stage, long done, long total) {
            if (done < WORTH_SHOWING && total < WORTH_SHOWING) return;
            String what = total < 0 ? String.format(Locale.ROOT, "%s: %,d items", stage, done)
                    : String.format(Locale.ROOT, "%s: %,d of %,d", stage, done, total);
            System.err.print("\r" + what + "   ");
            if (stage.equals("store") && done == total) System.err.print("\r" + " ".repeat(what.length() + 3) + "\r");
        }
    }
}
