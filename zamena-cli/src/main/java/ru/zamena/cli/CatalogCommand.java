package ru.zamena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import ru.zamena.core.catalog.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "catalog", description = "Search and inspect the catalog.",
        subcommands = {CatalogCommand.Search.class, CatalogCommand.Show.class, CatalogCommand.Stats.class})
final class CatalogCommand {
    @ParentCommand Main main;

    @Command(name = "search", description = "Find products by name in any script (Cyrillic, Latin, transliteration), typos tolerated.")
    static final class Search implements Callable<Integer> {
        @ParentCommand CatalogCommand parent;
        @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Words to search for") List<String> words;
        @Option(names = "--country", description = "Vendor country, ISO alpha-2 (e.g. RU)") String country;
        @Option(names = "--category", description = "Category id (see `zamena catalog stats`)") String category;
        @Option(names = "--origin", description = "domestic, foreign, open_source or unknown") String origin;
        @Option(names = "--kind", description = "software, hardware or service") String kind;
        @Option(names = "--limit", defaultValue = "20") int limit;
        @Option(names = "--format", defaultValue = "table", description = "table or json") Output.Format format;

        @Override
        public Integer call() {
            String text = words == null ? null : String.join(" ", words);
            var q = new SearchQuery(text, country, category, kind == null ? null : enumOf(Product.Kind.class, kind, "--kind"),
                    origin == null ? null : enumOf(Origin.class, origin, "--origin"), 0, limit);
            try (var z = parent.main.open()) {
                List<ProductSummary> hits = z.catalog().search(q);
                var out = Output.out();
                if (format == Output.Format.json) {
                    Output.json(out, hits);
                } else if (hits.isEmpty()) {
                    out.println("No products found.");
                } else {
                    var rows = new ArrayList<List<String>>();
                    for (ProductSummary p : hits)
                        rows.add(List.of(p.id(), display(p), p.vendor(), nz(p.vendorCountry()), p.category(), lower(p.origin()),
                                String.join(",", p.registryNumbers()), text == null ? "" : String.format(Locale.ROOT, "%.2f", p.score())));
                    Output.table(out, List.of("ID", "PRODUCT", "VENDOR", "COUNTRY", "CATEGORY", "ORIGIN", "REGISTRY", "SCORE"), rows);
                }
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Everything known about one product.")
    static final class Show implements Callable<Integer> {
        @ParentCommand CatalogCommand parent;
        @Parameters(paramLabel = "PRODUCT", arity = "1..*", description = "Product id or name") List<String> words;
        @Option(names = "--format", defaultValue = "table") Output.Format format;

        @Override
        public Integer call() {
            try (var z = parent.main.open()) {
                ProductSummary p = z.catalog().resolve(String.join(" ", words));
                ProductDetail d = z.catalog().product(p.id()).orElseThrow();
                var out = Output.out();
                if (format == Output.Format.json) {
                    Output.json(out, d);
                    return 0;
                }
                Product pr = d.product();
                var rows = new ArrayList<List<String>>();
                rows.add(List.of("id", pr.id()));
                rows.add(List.of("name", pr.name() + (pr.nameRu() != null ? " / " + pr.nameRu() : "")));
                rows.add(List.of("aliases", String.join("; ", pr.aliases())));
                rows.add(List.of("vendor", d.vendor().name() + " (" + nz(d.vendor().country()) + ")"));
                rows.add(List.of("category", pr.category()));
                rows.add(List.of("kind / licence", lower(pr.kind()) + " / " + lower(pr.license())));
                rows.add(List.of("origin", lower(d.origin())));
                if (pr.registry() != null && d.registryEntries().isEmpty())
                    rows.add(List.of("registry", pr.registry() + " (entry number not known yet" + (pr.uncertain().contains("registry") ? "; unverified" : "") + ")"));
                for (RegistryEntry e : d.registryEntries())
                    rows.add(List.of("registry", e.registry() + " #" + e.number() + " " + e.status() + (e.includedOn() != null ? " since " + e.includedOn() : "") + (e.uncertain() ? " (unverified)" : "")));
                for (Compatibility c : d.platforms())
                    rows.add(List.of("runs on", c.platformId() + " (" + lower(c.level()) + (c.detail() != null ? ", " + c.detail() : "") + ")"));
                for (AlternativeView a : d.replacedBy())
                    rows.add(List.of("replaced by", a.product().name() + " — " + a.product().vendor() + " (" + lower(a.fit()) + ")"));
                for (ProductSummary r : d.replaces()) rows.add(List.of("replaces", r.name() + " — " + r.vendor()));
                if (pr.wikidata() != null) rows.add(List.of("wikidata", pr.wikidata()));
                if (pr.cpe() != null) rows.add(List.of("cpe", pr.cpe()));
                if (pr.purl() != null) rows.add(List.of("purl", pr.purl()));
                rows.add(List.of("source", nz(pr.source())));
                if (!pr.uncertain().isEmpty()) rows.add(List.of("unverified", String.join(", ", pr.uncertain())));
                Output.table(out, List.of("FIELD", "VALUE"), rows);
            }
            return 0;
        }
    }

    @Command(name = "stats", description = "Counts of products, vendors, alternatives and categories.")
    static final class Stats implements Callable<Integer> {
        @ParentCommand CatalogCommand parent;
        @Option(names = "--format", defaultValue = "table") Output.Format format;

        @Override
        public Integer call() {
            try (var z = parent.main.open()) {
                CatalogStats s = z.catalog().stats();
                var out = Output.out();
                if (format == Output.Format.json) {
                    var m = new LinkedHashMap<String, Object>();
                    m.put("products", s.products());
                    m.put("vendors", s.vendors());
                    m.put("alternatives", s.alternatives());
                    m.put("categories", s.categories());
                    m.put("compatibility", s.compatibility());
                    m.put("registry_entries", s.registryEntries());
                    m.put("products_by_origin", s.productsByOrigin());
                    m.put("products_by_category", s.productsByCategory());
                    Output.json(out, m);
                } else {
                    var rows = new ArrayList<List<String>>();
                    rows.add(List.of("products", "" + s.products()));
                    rows.add(List.of("vendors", "" + s.vendors()));
                    rows.add(List.of("alternatives", "" + s.alternatives()));
                    rows.add(List.of("categories", "" + s.categories()));
                    rows.add(List.of("compatibility claims", "" + s.compatibility()));
                    rows.add(List.of("registry entries", "" + s.registryEntries()));
                    s.productsByOrigin().forEach((k, v) -> rows.add(List.of("origin: " + k, "" + v)));
                    s.productsByCategory().forEach((k, v) -> rows.add(List.of("category: " + k, "" + v)));
                    Output.table(out, List.of("MEASURE", "COUNT"), rows);
                }
            }
            return 0;
        }
    }

    static String display(ProductSummary p) {
        return p.nameRu() != null && !p.nameRu().equals(p.name()) ? p.name() + " / " + p.nameRu() : p.name();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static String lower(Enum<?> e) {
        return e == null ? "" : e.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            var names = new ArrayList<String>();
            for (E c : type.getEnumConstants()) names.add(c.name().toLowerCase(Locale.ROOT));
            throw new IllegalArgumentException(option + ": unknown value '" + value + "'; expected one of " + names);
        }
    }
}
