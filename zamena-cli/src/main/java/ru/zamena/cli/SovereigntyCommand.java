package ru.zamena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import ru.zamena.app.compliance.SovereigntyJson;
import ru.zamena.core.compliance.sovereignty.SovereigntyScore;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code zamena sovereignty FILE}: scores a described cloud service (YAML or JSON: the level reached on each
 * objective, with evidence) on a profile's sovereignty framework — the EU Cloud Sovereignty Framework of
 * the {@code eu} profile: weighted score, overall SEAL level (the weakest objective's) and what limits it.
 * Exit code 1 when the description asks for a required level the service does not reach.
 */
@Command(name = "sovereignty", description = {"Score a described cloud service on a profile's sovereignty framework (eu: EU Cloud Sovereignty Framework, SEAL levels).",
        "FILE (YAML or JSON): service, provider, required_level (optional), objectives: {SOV-1: {level: 0-4, evidence: ...}, ...}. See data/profiles/eu/example-service.yaml."})
final class SovereigntyCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Parameters(index = "0", paramLabel = "FILE") Path file;
    @Option(names = "--profile", defaultValue = "eu", description = "profile with a sovereignty framework (default eu)") String profile;
    @Option(names = "--lang", defaultValue = "en", description = "en or ru") String lang;
    @Option(names = "--format", defaultValue = "table", description = "table (default) or json") Output.Format format;

    @Override
    public Integer call() throws Exception {
        if (!lang.equals("en") && !lang.equals("ru")) throw new IllegalArgumentException("--lang must be en or ru");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        // The framework is data beside the rule packs: no database needed
        var compliance = new ru.zamena.app.compliance.ComplianceService(new ru.zamena.compliance.Profiles(ru.zamena.app.Zamena.profilesDir(main.config())), null);
        SovereigntyScore s = compliance.sovereignty(profile, text, file.toString());
        var json = SovereigntyJson.of(s, lang);
        PrintStream out = Output.out();
        if (format == Output.Format.json) Output.json(out, json);
        else print(out, s, json);
        return Boolean.FALSE.equals(s.meetsRequired()) ? 1 : 0;
    }

    private void print(PrintStream out, SovereigntyScore s, java.util.Map<String, Object> json) {
        var rows = new ArrayList<List<String>>();
        for (SovereigntyScore.Line l : s.lines())
            rows.add(List.of(l.objective().id(), l.objective().name(lang), fmt(l.objective().weightPercent()) + (l.objective().weightUnverified() ? "%*" : "%"),
                    s.framework().level(l.level()).label(), fmt(l.contribution()), l.evidence() == null ? "" : l.evidence()));
        out.println(json.get("framework") + ": " + s.assessment().service() + (s.assessment().provider() == null ? "" : " (" + s.assessment().provider() + ")"));
        Output.table(out, List.of("OBJECTIVE", "NAME", "WEIGHT", "LEVEL", "POINTS", "EVIDENCE"), rows);
        out.println("score " + fmt(s.score()) + " of 100; level " + s.level().label() + " (" + s.level().name(lang) + ")"
                + (s.limitedBy().isEmpty() ? "" : ", limited by " + String.join(", ", s.limitedBy())));
        if (s.meetsRequired() != null)
            out.println("required " + json.get("required_level") + ": " + (s.meetsRequired() ? "met" : "NOT met"));
        out.println("* weight not verified against the framework text; also unverified: " + String.join("; ", s.framework().unverified()));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(Math.round(d * 100) / 100.0);
    }
}
