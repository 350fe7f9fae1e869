package ru.zamena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import ru.zamena.app.Zamena;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.store.ReviewStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code zamena review}: the queue of doubtful matches of an organisation, and decisions on them. */
@Command(name = "review", description = "Review doubtful matches of audits: list, accept, reject, pick another product, promote aliases.",
        subcommands = {ReviewCommand.ListQueue.class, ReviewCommand.Accept.class, ReviewCommand.Reject.class, ReviewCommand.Pick.class,
                ReviewCommand.Promote.class})
final class ReviewCommand {
    @ParentCommand Main main;

    @Command(name = "list", description = "List the review queue (most frequent names first).")
    static final class ListQueue implements Callable<Integer> {
        @ParentCommand ReviewCommand parent;
        @Option(names = "--org", description = "Organisation (default: the operator organisation)") String org;
        @Option(names = "--status", defaultValue = "open", description = "open, accepted, rejected or picked") String status;
        @Option(names = "--limit", defaultValue = "100") int limit;
        @Option(names = "--format", defaultValue = "table") Output.Format format;

        @Override
        public Integer call() {
            if (!List.of("open", "accepted", "rejected", "picked").contains(status))
                throw new IllegalArgumentException("--status must be open, accepted, rejected or picked, got '" + status + "'");
            try (var z = parent.main.open()) {
                var items = z.review().queue(Caller.localOperator(), org, status, limit);
                if (format == Output.Format.json) Output.json(Output.out(), items);
                else {
                    var rows = new ArrayList<List<String>>();
                    for (var i : items)
                        rows.add(List.of("" + i.id(), i.rawName(), CatalogCommand.nz(i.publisher()),
                                i.candidateName() == null ? "" : i.candidateName() + " [" + i.candidateId() + "]",
                                String.format(Locale.ROOT, "%.3f", i.score()), "" + i.occurrences(), CatalogCommand.nz(i.productId())));
                    Output.table(Output.out(), List.of("ID", "NAME", "PUBLISHER", "CANDIDATE", "SCORE", "OCC", "DECIDED"), rows);
                }
            }
            return 0;
        }
    }

    /** What every decision takes: the item, the organisation, a note. */
    abstract static class Decide implements Callable<Integer> {
        @ParentCommand ReviewCommand parent;
        @Parameters(index = "0", paramLabel = "ID", description = "Review item id (see 'review list')") long id;
        @Option(names = "--org", description = "Organisation (default: the operator organisation)") String org;
        @Option(names = "--note", description = "Why (kept with the judgment)") String note;
        @Option(names = "--format", defaultValue = "table") Output.Format format;

        abstract ReviewStore.Decision decision();

        String product(Zamena z) {
            return null;
        }

        @Override
        public Integer call() {
            try (var z = parent.main.open()) {
                var item = z.review().decide(Caller.localOperator(), org, id, decision(), product(z), note);
                if (format == Output.Format.json) Output.json(Output.out(), item);
                else Output.out().println("Review item " + item.id() + " (" + item.rawName() + "): " + item.status()
                        + (item.productId() == null ? "" : " → " + item.productId()) + ". Later audits of this name follow this decision.");
            }
            return 0;
        }
    }

    @Command(name = "accept", description = "Accept the candidate product of a review item.")
    static final class Accept extends Decide {
        @Override ReviewStore.Decision decision() { return ReviewStore.Decision.ACCEPT; }
    }

    @Command(name = "reject", description = "Reject the candidate: later audits leave this name unmatched.")
    static final class Reject extends Decide {
        @Override ReviewStore.Decision decision() { return ReviewStore.Decision.REJECT; }
    }

    @Command(name = "pick", description = "Match a review item to another product (an id or a name to search).")
    static final class Pick extends Decide {
        @Parameters(index = "1", paramLabel = "PRODUCT") String product;

        @Override ReviewStore.Decision decision() { return ReviewStore.Decision.PICK; }

        @Override
        String product(Zamena z) {
            return z.catalog().resolve(product).id();
        }
    }

    @Command(name = "promote", description = "Copy an organisation's aliases into the global catalog (operator admins).")
    static final class Promote implements Callable<Integer> {
        @ParentCommand ReviewCommand parent;
        @Option(names = "--org", required = true, description = "The organisation whose aliases to promote") String org;
        @Parameters(paramLabel = "ALIAS", arity = "0..*", description = "Only these aliases (default: all of them)") List<String> aliases = new ArrayList<>();
        @Option(names = "--format", defaultValue = "table") Output.Format format;

        @Override
        public Integer call() {
            try (var z = parent.main.open()) {
                var promoted = z.review().promote(Caller.localOperator(), org, aliases);
                if (format == Output.Format.json) Output.json(Output.out(), promoted);
                else if (promoted.isEmpty()) Output.out().println("Nothing to promote: every alias of " + org + " is in the catalog already.");
                else {
                    var rows = new ArrayList<List<String>>();
                    promoted.forEach(p -> rows.add(List.of(p.alias(), p.productId())));
                    Output.table(Output.out(), List.of("ALIAS", "PRODUCT"), rows);
                }
            }
            return 0;
        }
    }
}
