package ru.zamena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import ru.zamena.app.Zamena;
import ru.zamena.app.dashboard.DemoData;

import java.util.LinkedHashMap;
import java.util.concurrent.Callable;

/** {@code zamena demo load}: loads the demo ministry with its agencies, audits and purchases, idempotently. */
@Command(name = "demo", description = "The demo organisation 'demo' (a ministry with agencies, three yearly audits, purchases).",
        subcommands = DemoCommand.Load.class)
final class DemoCommand {
    @ParentCommand Main main;

    @Command(name = "load", description = "Load the demo (again: changes nothing).")
    static final class Load implements Callable<Integer> {
        @ParentCommand DemoCommand parent;
        @Option(names = "--format", defaultValue = "table", description = "table or json") Output.Format format;

        @Override
        public Integer call() {
            try (var z = parent.main.open()) {
                var loaded = load(z, format == Output.Format.table);
                if (format == Output.Format.json) {
                    var m = new LinkedHashMap<String, Object>();
                    m.put("organisations", loaded.organisations());
                    m.put("audits_created", loaded.auditsCreated());
                    m.put("audits_kept", loaded.auditsKept());
                    m.put("purchases", loaded.purchases());
                    m.put("millis", loaded.millis());
                    Output.json(Output.out(), m);
                }
            }
            return 0;
        }
    }

    /** Loads the demo, telling progress on stderr; the summary line too when {@code talk}. */
    static DemoData.Loaded load(Zamena z, boolean talk) {
        var loaded = z.demo().load(line -> System.err.println("zamena demo: " + line));
        if (talk)
            System.err.printf("zamena demo: %d organisations, %d audits created, %d already there, %d purchase lines (%.1f s)%n",
                    loaded.organisations(), loaded.auditsCreated(), loaded.auditsKept(), loaded.purchases(), loaded.millis() / 1000.0);
        return loaded;
    }
}
