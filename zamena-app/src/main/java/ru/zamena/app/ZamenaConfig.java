package ru.zamena.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where Zamena keeps its data and finds its catalog. {@code dbUrl} null means: run the embedded
 * PostgreSQL with its data in {@code dataDir}/pg.
 */
public record ZamenaConfig(String dbUrl, String dbUser, String dbPassword, Path dataDir, Path catalogDir, Set<String> domesticCountries) {

    /** Defaults from the environment: ZAMENA_DB_URL, ZAMENA_DB_USER, ZAMENA_DB_PASSWORD, ZAMENA_DATA_DIR, ZAMENA_HOME. */
    public static ZamenaConfig fromEnvironment(String dbUrlOverride, Path dataDirOverride) {
        String url = dbUrlOverride != null ? dbUrlOverride : System.getenv("ZAMENA_DB_URL");
        Path data = dataDirOverride != null ? dataDirOverride
                : System.getenv("ZAMENA_DATA_DIR") != null ? Path.of(System.getenv("ZAMENA_DATA_DIR"))
                : Path.of(System.getProperty("user.home"), ".zamena");
        return new ZamenaConfig(blankToNull(url), System.getenv("ZAMENA_DB_USER"), System.getenv("ZAMENA_DB_PASSWORD"),
                data, defaultCatalogDir(), Set.of("RU"));
    }

    /** The curated catalog shipped with the product: $ZAMENA_HOME/data, or ./data when run from the source tree. */
    public static Path defaultCatalogDir() {
        String home = System.getProperty("zamena.home", System.getenv("ZAMENA_HOME"));
        if (home != null && Files.isDirectory(Path.of(home, "data"))) return Path.of(home, "data");
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent())
            if (Files.isDirectory(p.resolve("data/catalog"))) return p.resolve("data");
        return Path.of("data");
    }

    public ZamenaConfig withCatalogDir(Path dir) {
        return new ZamenaConfig(dbUrl, dbUser, dbPassword, dataDir, dir, domesticCountries);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
