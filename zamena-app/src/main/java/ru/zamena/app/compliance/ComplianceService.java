package ru.zamena.app.compliance;

import ru.zamena.app.CatalogService;
import ru.zamena.compliance.Profiles;
import ru.zamena.compliance.SovereigntyLoader;
import ru.zamena.core.compliance.CatalogFacts;
import ru.zamena.core.compliance.ComplianceEngine;
import ru.zamena.core.compliance.Decision;
import ru.zamena.core.compliance.ItemFacts;
import ru.zamena.core.compliance.ItemRejectedException;
import ru.zamena.core.compliance.ProcurementItem;
import ru.zamena.core.compliance.sovereignty.SovereigntyScore;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.procurement.ItemSink;
import ru.zamena.ingest.procurement.ProcurementReaders;

import java.io.Reader;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Checks procurement items against a jurisdiction profile: reads the input (streaming), adds what the
 * catalog knows, decides each item and hands the outcome on in input order. Items that cannot be read or
 * decided are reported as rejected, with the reason, and the rest go on.
 */
public final class ComplianceService {
    private final Profiles profiles;
    private final CatalogService catalog;
    private volatile CatalogEnrichment enrichment;

    /** {@code catalog} null: no enrichment, items are decided on what they state (benchmarks, tests). */
    public ComplianceService(Profiles profiles, CatalogService catalog) {
        this.profiles = profiles;
        this.catalog = catalog;
    }

    /** How a check runs: the profile, a date that replaces the items' own (what-if), and defaults for what the input may not say. */
    public record Options(String profile, LocalDate date, ProcurementReaders.Defaults defaults) {
        public Options {
            if (profile == null || profile.isBlank()) profile = "ru";
            if (defaults == null) defaults = ProcurementReaders.Defaults.NONE;
        }

        public static Options of(String profile) {
            return new Options(profile, null, null);
        }
    }

    /** An item's outcome: a decision, or a rejection (an item the input or the rules cannot decide). */
    public sealed interface Outcome {
        record Decided(Decision decision) implements Outcome {}

        record Rejected(String itemId, InputException problem) implements Outcome {}
    }

    /** What a check saw: items read (decided + rejected), decided, rejected, and decided items that are not ALLOWED. */
    public record Counts(long read, long decided, long rejected, long findings) {}

    /** Receives outcomes in input order. */
    @FunctionalInterface
    public interface Listener {
        void outcome(Outcome outcome);
    }

    public ComplianceEngine engine(String profile) {
        return profiles.engine(profile);
    }

    /** Checks every item of {@code file}; a problem with the whole file is thrown after the outcomes before it. */
    public Counts check(Path file, Options options, Listener listener) {
        var run = new Run(engine(options.profile()), options, listener, file.toString());
        ProcurementReaders.read(file, options.defaults(), run);
        return run.counts();
    }

    /** Checks text already open (e.g. a request body); its kind is detected as for a file. */
    public Counts check(Reader in, String name, Options options, Listener listener) {
        var run = new Run(engine(options.profile()), options, listener, name);
        ProcurementReaders.read(in, name, options.defaults(), run);
        return run.counts();
    }

    /**
     * Scores a described service (YAML or JSON text; {@code name} names it in errors) on the sovereignty
     * framework of {@code profile}, e.g. the EU Cloud Sovereignty Framework of "eu".
     */
    public SovereigntyScore sovereignty(String profile, String description, String name) {
        return SovereigntyScore.of(profiles.sovereignty(profile), SovereigntyLoader.assessment(description, name));
    }

    /** Decides one item (already read). */
    public Decision decide(ProcurementItem item, Options options) {
        return engine(options.profile()).check(facts(options.date() == null ? item : item.withDate(options.date())));
    }

    private ItemFacts facts(ProcurementItem item) {
        return new ItemFacts(item, catalog == null ? CatalogFacts.NONE : enrichment().facts(item));
    }

    private CatalogEnrichment enrichment() {
        CatalogEnrichment e = enrichment;
        if (e == null) enrichment = e = new CatalogEnrichment(catalog);
        return e;
    }

    private final class Run implements ItemSink {
        private final ComplianceEngine engine;
        private final Options options;
        private final Listener listener;
        private final String file;
        private long decided, rejected, findings;

        Run(ComplianceEngine engine, Options options, Listener listener, String file) {
            this.engine = engine;
            this.options = options;
            this.listener = listener;
            this.file = file;
        }

        @Override
        public void item(ProcurementItem item) {
            item(item, 0, 0);
        }

        @Override
        public void item(ProcurementItem item, long record, long line) {
            ProcurementItem dated = options.date() == null ? item : item.withDate(options.date());
            Decision d;
            try {
                d = engine.check(facts(dated));
            } catch (ItemRejectedException e) {
                rejected(InputException.inRecord(file, record, line, "item " + item.id() + ": " + e.getMessage()), item.id());
                return;
            }
            decided++;
            if (d.verdict() != ru.zamena.core.compliance.Verdict.ALLOWED) findings++;
            listener.outcome(new Outcome.Decided(d));
        }

        @Override
        public void rejected(InputException problem) {
            rejected(problem, null);
        }

        private void rejected(InputException problem, String id) {
            rejected++;
            listener.outcome(new Outcome.Rejected(id, problem));
        }

        Counts counts() {
            return new Counts(decided + rejected, decided, rejected, findings);
        }
    }
}
