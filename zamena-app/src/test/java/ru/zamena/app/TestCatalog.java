package ru.zamena.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/** A small catalog for tests: the real taxonomy and platforms plus a hand-written part of real products. */
public final class TestCatalog {
    private TestCatalog() {}

    public static Path root() {
        return Path.of(System.getProperty("zamena.root", "..")).toAbsolutePath().normalize();
    }

    /** A temporary data folder with data/categories.tsv, data/platforms.tsv and the fixture part. */
    public static Path dir() {
        try {
            Path dir = Files.createTempDirectory("zamena-catalog");
            Files.copy(root().resolve("data/categories.tsv"), dir.resolve("categories.tsv"));
            Files.copy(root().resolve("data/platforms.tsv"), dir.resolve("platforms.tsv"));
            Path part = Files.createDirectories(dir.resolve("catalog/test"));
            Path src = root().resolve("zamena-app/src/test/resources/catalog/test");
            try (Stream<Path> files = Files.list(src)) {
                for (Path f : files.toList()) Files.copy(f, part.resolve(f.getFileName()));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ZamenaConfig config(Path catalogDir) {
        return new ZamenaConfig(null, null, null, catalogDir.resolve("unused"), catalogDir, Set.of("RU"));
    }
}
