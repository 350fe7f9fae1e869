package ru.zamena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import ru.zamena.core.catalog.AlternativeView;
import ru.zamena.core.catalog.Compatibility;
import ru.zamena.core.catalog.ProductSummary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "alternatives", description = "What replaces a product, optionally only what runs on a given CPU and OS.")
final class AlternativesCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Parameters(paramLabel = "PRODUCT", arity = "1..*", description = "Product id or name, e.g. \"Microsoft Office\"") List<String> words;
    @Option(names = "--cpu", description = "CPU architecture: x86-64, e2k (elbrus), aarch64 (baikal-m), mips32, ...") String cpu;
    @Option(names = "--os", description = "Operating system: astra, alt, red-os, rosa, elbrus-os, windows, linux, ...") String os;
    @Option(names = "--format", defaultValue = "table") Output.Format format;

    @Override
    public Integer call() {
        try (var z = main.open()) {
            ProductSummary p = z.catalog().resolve(String.join(" ", words));
            List<AlternativeView> alts = z.catalog().alternatives(p.id(), cpu, os);
            var out = Output.out();
            if (format == Output.Format.json) {
                var list = new ArrayList<Map<String, Object>>();
                for (AlternativeView a : alts) {
                    var m = new LinkedHashMap<String, Object>();
                    m.put("id", a.product().id());
                    m.put("product", a.product().name());
                    m.put("product_ru", a.product().nameRu());
                    m.put("vendor", a.product().vendor());
                    m.put("country", a.product().vendorCountry());
                    m.put("origin", CatalogCommand.lower(a.product().origin()));
                    m.put("fit", CatalogCommand.lower(a.fit()));
                    m.put("registry_numbers", a.product().registryNumbers());
                    m.put("notes", a.notes());
                    m.put("source", a.source());
                    m.put("platforms", a.platforms().stream().map(c -> Map.of("platform", c.platformId(), "level", CatalogCommand.lower(c.level()),
                            "detail", CatalogCommand.nz(c.detail()), "source", CatalogCommand.nz(c.source()))).toList());
                    m.put("replaces", p.name());
                    list.add(m);
                }
                Output.json(out, list);
                return 0;
            }
            String filter = (cpu != null ? " cpu=" + cpu : "") + (os != null ? " os=" + os : "");
            out.println("Alternatives to " + p.name() + " (" + p.vendor() + ", " + CatalogCommand.nz(p.vendorCountry()) + ")" + (filter.isEmpty() ? "" : " on" + filter) + ":");
            if (alts.isEmpty()) {
                out.println("None known" + (filter.isEmpty() ? "." : " for these platforms; try without --cpu/--os."));
                return 0;
            }
            var rows = new ArrayList<List<String>>();
            for (AlternativeView a : alts)
                rows.add(List.of(CatalogCommand.display(a.product()), a.product().vendor(), CatalogCommand.nz(a.product().vendorCountry()),
                        CatalogCommand.lower(a.product().origin()), CatalogCommand.lower(a.fit()),
                        a.platforms().stream().map(AlternativesCommand::claim).collect(Collectors.joining(", ")),
                        CatalogCommand.nz(a.source())));
            Output.table(out, List.of("PRODUCT", "VENDOR", "COUNTRY", "ORIGIN", "FIT", "PLATFORMS", "SOURCE"), rows);
        }
        return 0;
    }

    private static String claim(Compatibility c) {
        return c.platformId() + (c.level() == Compatibility.Level.CERTIFIED ? " (certified)" : "");
    }
}
