package ru.zamena.ingest.catalog;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import ru.zamena.core.catalog.*;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.*;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads the curated catalog under {@code data/} (format in data/README.md): tab-separated files,
 * one header row, {@code |} between several values of one cell. Errors name file and line.
 */
public final class CatalogFiles {
    private static final CSVFormat TSV = CSVFormat.TDF.builder()
            .setHeader().setSkipHeaderRecord(true).setQuote(null).setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private CatalogFiles() {}

    /** The result: the data and a checksum of every file read, to skip reloading unchanged files. */
    public record Loaded(CatalogData data, String checksum) {}

    public static Loaded read(Path dataDir) {
        if (!Files.isDirectory(dataDir)) throw new CatalogFileException(dataDir + ": catalog data folder not found");
        var digest = sha256();
        List<Category> categories = rows(dataDir.resolve("categories.tsv"), digest, r -> new Category(
                req(r, "id"), req(r, "name_en"), req(r, "name_ru"), enumOf(Product.Kind.class, r, "kind"), opt(r, "registry_class"), opt(r, "okpd2")));
        List<Platform> platforms = rows(dataDir.resolve("platforms.tsv"), digest, r -> new Platform(
                req(r, "id"), enumOf(Platform.Kind.class, r, "kind"), req(r, "name"), req(r, "family"), list(r, "aliases"), opt(r, "notes"), opt(r, "source")));
        var vendors = new LinkedHashMap<String, Vendor>();
        var products = new ArrayList<Product>();
        var alternatives = new ArrayList<Alternative>();
        var compatibility = new ArrayList<Compatibility>();
        List<Path> parts;
        try (Stream<Path> s = Files.list(dataDir.resolve("catalog"))) {
            parts = s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new CatalogFileException(dataDir.resolve("catalog") + ": " + e.getMessage());
        }
        for (Path part : parts) {
            for (Vendor v : rows(part.resolve("vendors.tsv"), digest, CatalogFiles::vendor)) {
                Vendor old = vendors.get(v.id());
                vendors.put(v.id(), old == null ? v : merge(old, v, part));
            }
            products.addAll(rows(part.resolve("products.tsv"), digest, CatalogFiles::product));
            alternatives.addAll(rows(part.resolve("alternatives.tsv"), digest, r -> new Alternative(
                    req(r, "from"), req(r, "to"), enumOf(Alternative.Fit.class, r, "fit"), opt(r, "notes"), req(r, "source"))));
            compatibility.addAll(rows(part.resolve("compatibility.tsv"), digest, r -> new Compatibility(
                    req(r, "product"), req(r, "platform"), enumOf(Compatibility.Level.class, r, "level"), opt(r, "detail"), opt(r, "source"))));
        }
        var data = new CatalogData(categories, platforms, List.copyOf(vendors.values()), products, alternatives, compatibility);
        return new Loaded(data, HexFormat.of().formatHex(digest.digest()));
    }

    private static Vendor vendor(CSVRecord r) {
        return new Vendor(req(r, "id"), req(r, "name"), opt(r, "name_ru"), list(r, "aliases"), opt(r, "country"),
                enumOf(Vendor.Kind.class, r, "kind"), opt(r, "inn"), opt(r, "ogrn"), opt(r, "parent"), opt(r, "wikidata"),
                opt(r, "website"), opt(r, "source"), list(r, "uncertain"), opt(r, "notes"));
    }

    private static Product product(CSVRecord r) {
        String trusted = opt(r, "trusted");
        return new Product(req(r, "id"), req(r, "name"), opt(r, "name_ru"), list(r, "aliases"), req(r, "vendor"), req(r, "category"),
                enumOf(Product.Kind.class, r, "kind"), enumOf(Product.License.class, r, "license"),
                opt(r, "registry"), opt(r, "registry_number"), date(r, "registry_date"), trusted == null ? null : Boolean.valueOf(trusted),
                opt(r, "okpd2"), opt(r, "wikidata"), opt(r, "cpe"), opt(r, "purl"), opt(r, "website"), req(r, "source"),
                list(r, "uncertain"), opt(r, "notes"));
    }

    /** The same vendor listed in two parts: aliases are united, facts must agree. */
    private static Vendor merge(Vendor a, Vendor b, Path part) {
        if (!Objects.equals(a.country(), b.country()))
            throw new CatalogFileException(part.resolve("vendors.tsv") + ": vendor " + a.id() + " has country " + b.country() + " here but " + a.country() + " elsewhere");
        if (a.inn() != null && b.inn() != null && !a.inn().equals(b.inn()))
            throw new CatalogFileException(part.resolve("vendors.tsv") + ": vendor " + a.id() + " has two INNs: " + a.inn() + ", " + b.inn());
        var aliases = new LinkedHashSet<>(a.aliases());
        aliases.addAll(b.aliases());
        var uncertain = new LinkedHashSet<>(a.uncertain());
        uncertain.addAll(b.uncertain());
        return new Vendor(a.id(), a.name(), first(a.nameRu(), b.nameRu()), List.copyOf(aliases), a.country(), a.kind(),
                first(a.inn(), b.inn()), first(a.ogrn(), b.ogrn()), first(a.parentId(), b.parentId()), first(a.wikidata(), b.wikidata()),
                first(a.website(), b.website()), first(a.source(), b.source()), List.copyOf(uncertain), first(a.notes(), b.notes()));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static <T> List<T> rows(Path file, MessageDigest digest, Function<CSVRecord, T> mapper) {
        if (!Files.isRegularFile(file)) return List.of();
        try {
            byte[] bytes = Files.readAllBytes(file);
            digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
            var out = new ArrayList<T>();
            try (Reader in = new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8)); var parser = TSV.parse(in)) {
                for (CSVRecord r : parser) {
                    if (!r.isConsistent())
                        throw new CatalogFileException(file + ": line " + (r.getRecordNumber() + 1) + ": expected " + parser.getHeaderNames().size() + " columns, found " + r.size());
                    try {
                        out.add(mapper.apply(r));
                    } catch (IllegalArgumentException e) {
                        throw new CatalogFileException(file + ": line " + (r.getRecordNumber() + 1) + ": " + e.getMessage());
                    }
                }
            }
            return out;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CatalogFileException(file + ": " + e.getMessage());
        }
    }

    private static String opt(CSVRecord r, String column) {
        if (!r.isMapped(column)) throw new IllegalArgumentException("missing column '" + column + "'");
        String v = r.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String req(CSVRecord r, String column) {
        String v = opt(r, column);
        if (v == null) throw new IllegalArgumentException("column '" + column + "' is empty");
        return v;
    }

    private static List<String> list(CSVRecord r, String column) {
        String v = opt(r, column);
        if (v == null) return List.of();
        return Arrays.stream(v.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, CSVRecord r, String column) {
        String v = req(r, column);
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column '" + column + "': unknown value '" + v + "'; expected one of "
                    + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    private static LocalDate date(CSVRecord r, String column) {
        String v = opt(r, column);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("column '" + column + "': not a date (YYYY-MM-DD): " + v);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
