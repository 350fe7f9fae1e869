package ru.zamena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.store.RegistryStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", description = "Import files into Zamena.", subcommands = {ImportCommand.Registry.class, ImportCommand.Runs.class})
final class ImportCommand {
    @ParentCommand Main main;

    @Command(name = "registry", description = "Import the Russian software register export (XML or CSV, UTF-8 or CP1251, detected).")
    static final class Registry implements Callable<Integer> {
        @ParentCommand ImportCommand parent;
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--format", defaultValue = "table") Output.Format format;
        @Option(names = "--changes", defaultValue = "20", description = "How many changes to list (table format)") int changes;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + ": no such file");
            try (var z = parent.main.open()) {
                long t0 = System.nanoTime();
                RegistryStore.ImportRun run = z.registry().importFile(Caller.localOperator(), file,
                        n -> System.err.printf("\r%s: %,d records read...", file.getFileName(), n));
                System.err.print("\r");
                double secs = (System.nanoTime() - t0) / 1e9;
                var out = Output.out();
                List<RegistryStore.Change> changed = z.registry().changes(run.id());
                if (format == Output.Format.json) {
                    var m = new LinkedHashMap<String, Object>();
                    m.put("run", run);
                    m.put("changes", changed);
                    Output.json(out, m);
                    return 0;
                }
                out.printf("Import #%d of %s: %s in %.1f s%n", run.id(), run.fileName(), run.status(), secs);
                if (run.message() != null) out.println(run.message());
                var rows = new ArrayList<List<String>>();
                run.counts().forEach((k, v) -> rows.add(List.of(k.replace('_', ' '), String.format("%,d", v))));
                if (!rows.isEmpty()) Output.table(out, List.of("RECORDS", "COUNT"), rows);
                if (!run.errors().isEmpty()) {
                    out.println("Rejected records (first " + Math.min(10, run.errors().size()) + "):");
                    run.errors().stream().limit(10).forEach(e -> out.println("  " + e));
                }
                var ch = new ArrayList<List<String>>();
                for (var c : changed) {
                    if (ch.size() >= changes) break;
                    if (!c.change().equals("added") || changed.size() <= changes) ch.add(List.of(c.change(), c.number(), c.name()));
                }
                if (!ch.isEmpty()) {
                    out.println("Changes:");
                    Output.table(out, List.of("CHANGE", "NUMBER", "NAME"), ch);
                }
            }
            return 0;
        }
    }

    @Command(name = "runs", description = "List past imports.")
    static final class Runs implements Callable<Integer> {
        @ParentCommand ImportCommand parent;
        @Option(names = "--limit", defaultValue = "20") int limit;
        @Option(names = "--format", defaultValue = "table") Output.Format format;

        @Override
        public Integer call() {
            try (var z = parent.main.open()) {
                var runs = z.registry().runs(limit);
                if (format == Output.Format.json) Output.json(Output.out(), runs);
                else {
                    var rows = new ArrayList<List<String>>();
                    for (var r : runs) rows.add(List.of("" + r.id(), "" + r.startedAt(), r.fileName(), r.status(), r.counts().toString(), r.actor()));
                    Output.table(Output.out(), List.of("ID", "STARTED", "FILE", "STATUS", "COUNTS", "BY"), rows);
                }
            }
            return 0;
        }
    }
}
