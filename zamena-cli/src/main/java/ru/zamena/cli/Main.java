package ru.zamena.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.zamena.app.Zamena;
import ru.zamena.app.ZamenaConfig;
import ru.zamena.ingest.catalog.CatalogFileException;
import ru.zamena.store.AccessDeniedException;
import ru.zamena.store.ConflictException;
import ru.zamena.store.NotFoundException;
import ru.zamena.store.StoreException;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The {@code zamena} command. Exit codes: 0 ok, 1 findings (e.g. prohibited items in later
 * commands), 2 usage, input or environment error (e.g. the database is unreachable), 3 internal error. Errors are one line on stderr, no stack trace
 * unless ZAMENA_DEBUG is set.
 */
@Command(name = "zamena", mixinStandardHelpOptions = true, version = "zamena 0.1.0",
        description = "Technology import substitution: catalog, alternatives, registry imports.",
        subcommands = {ServeCommand.class, CatalogCommand.class, AlternativesCommand.class, ImportCommand.class,
                OrgCommand.class, ApiKeyCommand.class, BenchCommand.class, MatchCommand.class, CheckCommand.class, AuditCommand.class,
                ReviewCommand.class, ReportCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    @Option(names = "--db-url", scope = CommandLine.ScopeType.INHERIT, description = "JDBC URL of an external PostgreSQL (default: $ZAMENA_DB_URL, else embedded)")
    String dbUrl;

    @Option(names = "--data-dir", scope = CommandLine.ScopeType.INHERIT, description = "Where the embedded PostgreSQL keeps its data (default: ~/.zamena)")
    Path dataDir;

    ZamenaConfig config() {
        return ZamenaConfig.fromEnvironment(dbUrl, dataDir);
    }

    Zamena open() {
        return Zamena.open(config());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        var cmd = new CommandLine(new Main());
        cmd.getSubcommands().get("bench").addSubcommand(BenchAuditCommand.class); // 'zamena bench audit'
        cmd.getSubcommands().get("bench").addSubcommand(BenchDashboardCommand.class); // 'zamena bench dashboard'
        cmd.setOut(new PrintWriter(Output.out(), true));
        cmd.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cmd.setExecutionExceptionHandler((e, c, parsed) -> {
            int code = exitCode(e);
            c.getErr().println("zamena: " + message(e));
            if (System.getenv("ZAMENA_DEBUG") != null) e.printStackTrace(c.getErr());
            return code;
        });
        return cmd.execute(args);
    }

    static int exitCode(Throwable e) {
        return e instanceof IllegalArgumentException || e instanceof NotFoundException || e instanceof CatalogFileException
                || e instanceof AccessDeniedException || e instanceof ConflictException || e instanceof java.io.IOException
                || e instanceof java.io.UncheckedIOException || e instanceof StoreException || isInputError(e) ? 2 : 3;
    }

    private static boolean isInputError(Throwable e) {
        return e.getClass().getName().equals("ru.zamena.ingest.InputException");
    }

    static String message(Throwable e) {
        if (e instanceof StoreException || exitCode(e) == 2) return e.getMessage();
        return "internal error: " + e + " (set ZAMENA_DEBUG=1 for details)";
    }
}
