package ru.zamena.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The system of record: PostgreSQL, either a server named by a JDBC URL or a real PostgreSQL started
 * from the bundled binaries with its data under a directory of ours (default {@code ~/.zamena/pg}).
 * When a Zamena process already runs that embedded server (e.g. {@code zamena serve}), later
 * commands connect to it instead of starting a second one on the same data directory.
 */
public final class Database implements AutoCloseable {
    public static final String DATABASE_NAME = "zamena";
    // Catalog search proposes candidates with pg_trgm's % operator; its default threshold (0.3) misses
    // short names with a typo. A placeholder setting is safe before the extension is created.
    private static final String TRGM_THRESHOLD = "set pg_trgm.similarity_threshold = 0.25";

    private final HikariDataSource dataSource;
    private final EmbeddedPostgres embedded;
    private final Jdbi jdbi;
    private final String description;

    private Database(HikariDataSource dataSource, EmbeddedPostgres embedded, String description) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.description = description;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Connects to an external server. {@code url} is a JDBC URL; user and password may be in it. */
    public static Database external(String url, String user, String password) {
        var cfg = pool(url);
        if (user != null) cfg.setUsername(user);
        if (password != null) cfg.setPassword(password);
        try {
            return migrated(new Database(new HikariDataSource(cfg), null, "PostgreSQL at " + redact(url)));
        } catch (com.zaxxer.hikari.pool.HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StoreException("cannot connect to PostgreSQL at " + redact(url) + ": " + cause.getMessage(), e);
        }
    }

    /** Starts (or joins) the embedded PostgreSQL whose data lives in {@code dataDir}. */
    public static Database embedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Integer running = runningPort(dataDir);
            EmbeddedPostgres pg = null;
            int port;
            if (running != null) {
                port = running;
            } else {
                pg = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                        .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                        .start();
                port = pg.getPort();
            }
            createDatabaseIfMissing(port);
            var cfg = pool("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE_NAME);
            cfg.setUsername("postgres");
            String how = running != null ? "joined the embedded PostgreSQL" : "embedded PostgreSQL";
            return migrated(new Database(new HikariDataSource(cfg), pg, how + " on port " + port + ", data in " + dataDir));
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Wraps an existing data source (tests hand in one database per test class). */
    public static Database of(DataSource ds, String description) {
        var cfg = new HikariConfig();
        cfg.setDataSource(ds);
        cfg.setConnectionInitSql(TRGM_THRESHOLD);
        cfg.setMaximumPoolSize(8);
        return migrated(new Database(new HikariDataSource(cfg), null, description));
    }

    public Jdbi jdbi() { return jdbi; }
    public DataSource dataSource() { return dataSource; }
    public String description() { return description; }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new StoreException("cannot stop the embedded PostgreSQL: " + e.getMessage(), e);
            }
        }
    }

    private static Database migrated(Database db) {
        Flyway.configure().dataSource(db.dataSource).locations("classpath:db/migration").load().migrate();
        return db;
    }

    private static HikariConfig pool(String url) {
        var cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setMaximumPoolSize(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        cfg.setMinimumIdle(1);
        cfg.setPoolName("zamena");
        cfg.setInitializationFailTimeout(1); // an unreachable server is reported at once, not after a query times out
        cfg.setConnectionTimeout(10_000);
        cfg.setConnectionInitSql(TRGM_THRESHOLD);
        return cfg;
    }

    /** The port of a PostgreSQL already serving this data directory, from its postmaster.pid, if it answers. */
    static Integer runningPort(Path dataDir) {
        Path pid = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pid)) return null;
        try {
            List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
            if (lines.size() < 4) return null;
            long processId = Long.parseLong(lines.get(0).strip());
            int port = Integer.parseInt(lines.get(3).strip());
            if (ProcessHandle.of(processId).map(ProcessHandle::isAlive).orElse(false)) {
                try (var s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                    return port;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return null; // stale or half-written file: start our own server
        }
        return null;
    }

    private static void createDatabaseIfMissing(int port) throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
        try (Connection c = java.sql.DriverManager.getConnection(url);
             var st = c.createStatement();
             var rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE_NAME + "'")) {
            if (!rs.next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database " + DATABASE_NAME + " encoding 'UTF8' template template0");
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) throw e; // created meanwhile by another process
                }
            }
        }
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
