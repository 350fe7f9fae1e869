package ru.zamena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import ru.zamena.app.compliance.QuotaJson;
import ru.zamena.core.compliance.QuotaReport;
import ru.zamena.core.tenancy.Caller;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code zamena quota --org ORG --year Y}: the organisation's domestic share per quota position of the
 * profile (Decree No. 2013 in ru) against that year's minimum, with the shortfall, from the purchases
 * recorded with {@code zamena check FILE --org ORG --record}. Exit code 1 when a quota is not met.
 */
@Command(name = "quota", description = {"Domestic share per quota position for an organisation and year, against the minimum shares, with the shortfall.",
        "Purchases are recorded with: zamena check FILE --org ORG --record. Exit code 1 when a quota is not met."})
final class QuotaCommand implements Callable<Integer> {
    enum Format { table, json, xlsx }

    @ParentCommand Main main;
    @Option(names = "--org", required = true, description = "organisation") String org;
    @Option(names = "--year", required = true, description = "calendar year of the purchases") int year;
    @Option(names = "--profile", defaultValue = "ru", description = "profile whose quota table applies (default ru)") String profile;
    @Option(names = "--lang", defaultValue = "en", description = "language of position names: en or ru") String lang;
    @Option(names = "--format", defaultValue = "table", description = "table (default), json or xlsx (needs --output)") Format format;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report to FILE (required for xlsx)") Path output;

    @Override
    public Integer call() throws Exception {
        if (!lang.equals("en") && !lang.equals("ru")) throw new IllegalArgumentException("--lang must be en or ru");
        if (format == Format.xlsx && output == null) throw new IllegalArgumentException("--format xlsx needs --output FILE.xlsx");
        try (var z = main.open()) {
            QuotaReport report = z.purchases().quotas(Caller.localOperator(), org, year, profile);
            Map<String, Object> json = QuotaJson.of(report, org, lang);
            @SuppressWarnings("unchecked") var lines = (List<Map<String, Object>>) json.get("quotas");
            var rows = new ArrayList<List<Object>>();
            for (var l : lines) rows.add(QuotaJson.COLUMNS.stream().map(l::get).toList());
            if (format == Format.xlsx) {
                XlsxTable.write(output, "quotas " + year, QuotaJson.COLUMNS, rows,
                        "Quota report of " + org + " for " + year + " (profile " + profile + "); unverified = the minimum share was not confirmed against the official text");
            } else if (output != null) {
                try (var out = new PrintStream(java.nio.file.Files.newOutputStream(output), true, java.nio.charset.StandardCharsets.UTF_8)) {
                    print(out, json, rows);
                }
            } else print(Output.out(), json, rows);
            return report.lines().stream().anyMatch(l -> l.status() == QuotaReport.Status.SHORT) ? 1 : 0;
        }
    }

    private void print(PrintStream out, Map<String, Object> json, List<List<Object>> rows) {
        if (format == Format.json) {
            Output.json(out, json);
            return;
        }
        var text = rows.stream().map(r -> r.stream().map(v -> v == null ? "" : String.valueOf(v)).toList()).toList();
        Output.table(out, QuotaJson.COLUMNS.stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList(), text);
    }
}
