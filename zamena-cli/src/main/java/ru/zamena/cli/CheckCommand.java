package ru.zamena.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import ru.zamena.app.compliance.ComplianceService;
import ru.zamena.app.compliance.ComplianceService.Outcome;
import ru.zamena.app.compliance.DecisionJson;
import ru.zamena.app.compliance.PurchaseService;
import ru.zamena.core.compliance.Decision;
import ru.zamena.core.compliance.JustificationDraft;
import ru.zamena.core.compliance.Law;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.procurement.ProcurementReaders;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code zamena check FILE}: the verdict on every item of a tender or contract (line-item CSV, OCDS, EIS
 * XML) under a jurisdiction profile, with the rules that fired, their references and reasons, and the
 * registered domestic analogues. Exit code 1 when any item is not ALLOWED (or could not be decided).
 */
@Command(name = "check", description = {"Check procurement items (line-item CSV, OCDS JSON/JSON Lines, EIS XML) against a rule profile.",
        "Exit code 1 when any item is not ALLOWED or could not be decided; counts of read/decided/rejected items on stderr."})
final class CheckCommand implements Callable<Integer> {
    enum Format { table, json, jsonl }

    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "FILE", description = "the items: CSV with header id,date,law,kii,okpd2,name,origin_country,registry_number,price; OCDS; EIS XML") Path file;
    @Option(names = "--profile", defaultValue = "ru", description = "jurisdiction profile (folder under data/profiles): ru (default) or eu") String profile;
    @Option(names = "--date", description = "check every item as if on this date (YYYY-MM-DD) instead of its own") LocalDate date;
    @Option(names = "--law", defaultValue = "none", description = "law for inputs that do not state it (OCDS): 44-FZ, 223-FZ or none") String law;
    @Option(names = "--kii", description = "the items are for a significant object of critical information infrastructure (OCDS, EIS)") boolean kii;
    @Option(names = "--lang", defaultValue = "en", description = "language of reasons and references: en or ru") String lang;
    @Option(names = "--format", defaultValue = "table", description = "table (default), json or jsonl (one object per item, streamed)") Format format;
    @Option(names = "--justification", description = "add to json/jsonl a \"justification\" field: the editable draft for JUSTIFICATION_REQUIRED items (null for others)") boolean justification;
    @Option(names = "--org", description = "organisation whose purchases these are (with --record)") String org;
    @Option(names = "--record", description = "record the decided items as the organisation's purchases for its quota report (once per file content; not when any item is rejected)") boolean record;
    @Option(names = "--drafts", paramLabel = "DIR", description = "write the justification draft of every JUSTIFICATION_REQUIRED item to DIR/<id>.<lang>.txt") Path drafts;

    @Override
    public Integer call() {
        if (!lang.equals("en") && !lang.equals("ru")) throw new IllegalArgumentException("--lang must be en or ru");
        var options = new ComplianceService.Options(profile, date, new ProcurementReaders.Defaults(Law.parse(law), kii));
        PrintStream out = Output.out();
        PrintWriter err = spec.commandLine().getErr();
        var decided = new ArrayList<Map<String, Object>>();
        var rejected = new ArrayList<Map<String, Object>>();
        if (record && org == null) throw new IllegalArgumentException("--record needs --org ORG");
        long[] seen = new long[3]; // decided, rejected, not allowed: to report when the file stops part way
        try (var z = main.open()) {
            ComplianceService.Counts counts;
            PurchaseService.Recorded recorded = null;
            try {
                ComplianceService.Listener listener = outcome -> {
                    switch (outcome) {
                        case Outcome.Decided d -> {
                            seen[0]++;
                            if (d.decision().verdict() != ru.zamena.core.compliance.Verdict.ALLOWED) seen[2]++;
                            if (drafts != null) writeDraft(d.decision());
                            var json = DecisionJson.of(d.decision(), lang, justification);
                            if (format == Format.jsonl) {
                                out.println(compact(json));
                                out.flush();
                            } else decided.add(json);
                        }
                        case Outcome.Rejected r -> {
                            seen[1]++;
                            err.println("zamena: rejected: " + r.problem().getMessage());
                            rejected.add(Map.of("id", r.itemId() == null ? "" : r.itemId(), "error", r.problem().getMessage()));
                        }
                    }
                };
                if (record) {
                    recorded = z.purchases().checkAndRecord(Caller.localOperator(), org, file, options, listener);
                    counts = recorded.counts();
                } else counts = z.compliance().check(file, options, listener);
            } catch (InputException stopped) {
                // the whole file could not be read on: say what was done before it, then the error (exit 2)
                err.printf("zamena: %d read, %d decided, %d rejected, %d not allowed before the error%s%n", seen[0] + seen[1], seen[0], seen[1], seen[2],
                        seen[0] + seen[1] > 0 ? "; the rest of the file was not read" + (record ? ", nothing was recorded" : "") : "");
                throw stopped;
            } finally {
                if (format != Format.jsonl) print(out, decided, rejected);
            }
            err.printf("zamena: %d read, %d decided, %d rejected, %d not allowed%n", counts.read(), counts.decided(), counts.rejected(), counts.findings());
            if (recorded != null) err.println("zamena: " + switch (recorded.status()) {
                case RECORDED -> "recorded " + recorded.file().items() + " purchases for " + org + " (file " + recorded.file().sha256().substring(0, 12) + ")";
                case ALREADY_RECORDED -> "not recorded again: " + org + " recorded this file (" + recorded.file().name() + ", "
                        + recorded.file().items() + " items) on " + recorded.file().recordedAt().toLocalDate();
                case NOT_RECORDED -> "not recorded: " + counts.rejected() + " item(s) were rejected; fix them and record the file again";
            });
            return counts.findings() > 0 || counts.rejected() > 0 ? 1 : 0;
        }
    }

    /** One file per item; the id is made safe for a file name (EIS ids contain '/'). */
    private void writeDraft(Decision decision) {
        JustificationDraft.of(decision, lang).ifPresent(text -> {
            try {
                Files.createDirectories(drafts);
                Path f = drafts.resolve(decision.itemId().replaceAll("[^\\p{L}\\p{N}._-]", "_") + "." + lang + ".txt");
                Files.writeString(f, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the draft for item " + decision.itemId() + " to " + drafts + ": " + e.getMessage(), e);
            }
        });
    }

    private void print(PrintStream out, List<Map<String, Object>> decided, List<Map<String, Object>> rejected) {
        if (format == Format.json) {
            var doc = new LinkedHashMap<String, Object>();
            doc.put("profile", profile);
            doc.put("items", decided);
            doc.put("rejected", rejected);
            Output.json(out, doc);
            return;
        }
        var rows = new ArrayList<List<String>>();
        for (var d : decided) {
            @SuppressWarnings("unchecked") var rules = (List<Map<String, Object>>) d.get("rules");
            @SuppressWarnings("unchecked") var analogues = (List<Map<String, Object>>) d.get("analogues");
            String ids = String.join(", ", rules.stream().map(r -> (String) r.get("id")).toList());
            String reason = rules.isEmpty() ? "" : (String) rules.getFirst().get("reason");
            String alts = String.join(", ", analogues.stream().map(a -> (String) a.get("product")).toList());
            @SuppressWarnings("unchecked") var notes = (List<String>) d.getOrDefault("notes", List.of());
            rows.add(List.of((String) d.get("id"), (String) d.get("verdict"), ids, reason, alts, String.join("; ", notes)));
        }
        boolean anyNotes = rows.stream().anyMatch(r -> !r.getLast().isEmpty());
        if (!anyNotes) rows.replaceAll(r -> r.subList(0, 5));
        Output.table(out, anyNotes ? List.of("ID", "VERDICT", "RULES", "REASON", "ANALOGUES", "NOTES") : List.of("ID", "VERDICT", "RULES", "REASON", "ANALOGUES"), rows);
    }

    private static String compact(Object value) {
        try {
            return Output.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
