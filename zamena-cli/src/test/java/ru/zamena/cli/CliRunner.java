package ru.zamena.cli;

import com.fasterxml.jackson.databind.JsonNode;
import ru.zamena.store.Database;
import ru.zamena.store.testing.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the {@code zamena} command in-process as a user would, against a test class's own database and the
 * catalog shipped in data/, capturing stdout and stderr. One per test class: {@code start} in
 * {@code @BeforeAll}, {@code close} in {@code @AfterAll}.
 */
final class CliRunner implements AutoCloseable {
    /** The checkout's root: where data/ and the test fixtures are. */
    static final Path ROOT = Path.of(System.getProperty("zamena.root", "..")).toAbsolutePath().normalize();
    // Output.capture and System.in/err are global: one command at a time across all runners.
    private static final Object LOCK = new Object();

    final Database db;
    final String url;

    private CliRunner(Database db) {
        this.db = db;
        this.url = TestDatabase.jdbcUrl(db);
    }

    static CliRunner start(Class<?> owner) {
        System.setProperty("zamena.home", ROOT.toString());
        return new CliRunner(TestDatabase.create(owner));
    }

    record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            return Output.JSON.readTree(out);
        }
    }

    Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = run(null, out, err, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** With {@code stdin} as standard input (null: unchanged) and stdout/stderr written where given (null: not captured). */
    int run(InputStream stdin, OutputStream out, OutputStream err, String... args) {
        synchronized (LOCK) {
            InputStream savedIn = System.in;
            PrintStream savedErr = System.err;
            Output.capture = new PrintStream(out == null ? OutputStream.nullOutputStream() : out, true, StandardCharsets.UTF_8);
            if (stdin != null) System.setIn(stdin);
            if (err != null) System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                var all = new ArrayList<>(List.of(args));
                all.add("--db-url");
                all.add(url);
                return Main.run(all.toArray(String[]::new));
            } finally {
                System.setIn(savedIn);
                System.setErr(savedErr);
                Output.capture = null;
            }
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
