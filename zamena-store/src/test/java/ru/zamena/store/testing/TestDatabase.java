package ru.zamena.store.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import ru.zamena.store.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL for tests: the server named by {@code ZAMENA_TEST_DB_URL} (a JDBC URL of a
 * database whose user may create databases), or one embedded server started once per test JVM.
 * Each test class gets a fresh database cloned from a migrated template, so classes never see each
 * other's rows and migrations run once.
 */
public final class TestDatabase {
    // One template per JVM: parallel module builds against one external server must not collide.
    private static final String TEMPLATE = "zamena_tpl_" + ProcessHandle.current().pid();
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static Server server;
    private static final java.util.List<String> DROP_AT_EXIT = new java.util.concurrent.CopyOnWriteArrayList<>();

    private record Server(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        String url(String db) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + db;
        }
    }

    private TestDatabase() {}

    /** A new, migrated, empty database for one test class. Close it in {@code @AfterAll}. */
    public static synchronized Database create(Class<?> testClass) {
        Server s = server();
        String name = ("t_" + testClass.getSimpleName() + "_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet())
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        exec(s, "create database " + name + " template " + TEMPLATE);
        if (s.embedded() == null) DROP_AT_EXIT.add(name);
        return Database.of(dataSource(s, name), "test database " + name);
    }

    /** The JDBC URL of a test database, with its user (and password, if any), for code under test that connects by URL. */
    public static String jdbcUrl(Database db) {
        var ds = (PGSimpleDataSource) unwrap(db);
        String url = "jdbc:postgresql://" + ds.getServerNames()[0] + ":" + ds.getPortNumbers()[0] + "/" + ds.getDatabaseName()
                + "?user=" + ds.getUser();
        return ds.getPassword() == null ? url : url + "&password=" + ds.getPassword();
    }

    private static Object unwrap(Database db) {
        try {
            return db.dataSource().unwrap(PGSimpleDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PGSimpleDataSource dataSource(Server s, String db) {
        var ds = new PGSimpleDataSource();
        ds.setUrl(s.url(db));
        ds.setUser(s.user());
        if (s.password() != null) ds.setPassword(s.password());
        return ds;
    }

    private static Server server() {
        if (server != null) return server;
        String url = System.getenv("ZAMENA_TEST_DB_URL");
        try {
            if (url != null && !url.isBlank()) {
                var u = java.net.URI.create(url.substring("jdbc:".length()));
                String user = System.getenv().getOrDefault("ZAMENA_TEST_DB_USER", query(u.getQuery(), "user", "postgres"));
                String password = System.getenv().getOrDefault("ZAMENA_TEST_DB_PASSWORD", query(u.getQuery(), "password", null));
                server = new Server(u.getHost(), u.getPort() < 0 ? 5432 : u.getPort(), user, password, null);
                Server external = server;
                DROP_AT_EXIT.add(TEMPLATE);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    for (String db : DROP_AT_EXIT.reversed()) { // clones before their template
                        try { exec(external, "drop database if exists " + db + " with (force)"); } catch (RuntimeException ignored) { /* best effort */ }
                    }
                }));
            } else {
                var pg = EmbeddedPostgres.builder()
                        .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                        .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                server = new Server("localhost", pg.getPort(), "postgres", null, pg);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try { pg.close(); } catch (IOException e) { throw new UncheckedIOException(e); }
                }));
            }
            exec(server, "create database " + TEMPLATE + " encoding 'UTF8' template template0");
            Flyway.configure().dataSource(dataSource(server, TEMPLATE)).locations("classpath:db/migration").load().migrate();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", e);
        }
    }

    private static String query(String query, String key, String dflt) {
        if (query == null) return dflt;
        for (String kv : query.split("&")) {
            int i = kv.indexOf('=');
            if (i > 0 && kv.substring(0, i).equals(key)) return kv.substring(i + 1);
        }
        return dflt;
    }

    private static void exec(Server s, String sql) {
        try (Connection c = DriverManager.getConnection(s.url("postgres"), s.user(), s.password()); var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}
