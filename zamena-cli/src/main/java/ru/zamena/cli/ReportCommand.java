package ru.zamena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import ru.zamena.app.dashboard.ProgressReport;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.report.ReportFormat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code zamena report --org ORG [--period P] --format xlsx|pdf|json|csv [-o FILE]}: the progress
 * report of an organisation and those below it. Binary formats go to stdout unless {@code -o} is given.
 */
@Command(name = "report", description = "Progress report of an organisation: measures vs targets, forecasts, top gaps, plan.")
final class ReportCommand implements Callable<Integer> {
    enum Format { json, csv, xlsx, pdf }

    @ParentCommand Main main;
    @Option(names = "--org", required = true, description = "Organisation (slug), e.g. demo") String org;
    @Option(names = "--period", description = "Reporting year (default: the latest with an audit)") Integer period;
    @Option(names = "--format", defaultValue = "pdf", description = "json, csv, xlsx or pdf (default ${DEFAULT-VALUE})") Format format;
    @Option(names = "--lang", defaultValue = "ru", description = "ru or en (default ${DEFAULT-VALUE})") String lang;
    @Option(names = {"-o", "--output"}, description = "Write to this file (default: stdout)") Path output;

    @Override
    public Integer call() throws IOException {
        try (var z = main.open()) {
            ProgressReport.Report r = z.progressReports().build(Caller.localOperator(), org, period, lang);
            if (format == Format.json) AuditCommand.writeText(output, out -> Output.json(out, r));
            else {
                ReportFormat f = ReportFormat.of(format.name());
                AuditCommand.export(f, output, out -> ProgressReport.write(r, f, out));
            }
        }
        return 0;
    }
}
