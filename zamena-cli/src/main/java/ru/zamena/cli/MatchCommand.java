package ru.zamena.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import ru.zamena.app.CatalogService;
import ru.zamena.app.match.InventoryMatcher;
import ru.zamena.core.catalog.AlternativeView;
import ru.zamena.core.catalog.Origin;
import ru.zamena.core.catalog.Product;
import ru.zamena.core.catalog.ProductSummary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Matches raw inventory names read from stdin (one per line, optionally {@code name<TAB>publisher}) to catalog
 * products. JSON Lines output is streamed: one compact object per input line, flushed as soon as it is known.
 */
@Command(name = "match", description = "Match inventory names from stdin (name or name<TAB>publisher per line) to catalog products.")
final class MatchCommand implements Callable<Integer> {
    enum Format { jsonl, table }

    @ParentCommand Main main;
    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (default, streamed) or table") Format format;

    @Override
    public Integer call() throws IOException {
        try (var z = main.open()) {
            var matcher = new InventoryMatcher(z.catalog());
            var out = Output.out();
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            var rows = new ArrayList<List<String>>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
                int tab = line.indexOf('\t');
                String name = tab >= 0 ? line.substring(0, tab) : line;
                String publisher = tab >= 0 ? line.substring(tab + 1) : null;
                var m = matcher.match(name, publisher);
                var json = toJson(z.catalog(), m);
                if (format == Format.jsonl) {
                    out.println(compact(json));
                    out.flush();
                } else {
                    rows.add(List.of(m.input(), m.status(), CatalogCommand.nz((String) json.get("product")),
                            CatalogCommand.nz((String) json.get("vendor")), CatalogCommand.nz((String) json.get("vendor_country")),
                            String.format(java.util.Locale.ROOT, "%.3f", m.score())));
                }
            }
            if (format == Format.table)
                Output.table(out, List.of("INPUT", "STATUS", "PRODUCT", "VENDOR", "COUNTRY", "SCORE"), rows);
        }
        return 0;
    }

    static Map<String, Object> toJson(CatalogService catalog, InventoryMatcher.Match m) {
        ProductSummary p = m.product();
        var o = new LinkedHashMap<String, Object>();
        o.put("input", m.input());
        o.put("status", m.status());
        o.put("product", p == null ? null : p.name());
        o.put("product_id", p == null ? null : p.id());
        o.put("vendor", p == null ? null : p.vendor());
        o.put("vendor_country", p == null ? null : p.vendorCountry());
        o.put("open_source", p != null && p.license() == Product.License.OPEN_SOURCE);
        o.put("score", m.score());
        var alts = new ArrayList<Map<String, Object>>();
        if (p != null && p.origin() == Origin.FOREIGN) {
            for (AlternativeView a : catalog.alternatives(p.id(), null, null)) {
                if (alts.size() == 3) break;
                var alt = new LinkedHashMap<String, Object>();
                alt.put("product", a.product().name());
                alt.put("vendor", a.product().vendor());
                alt.put("country", a.product().vendorCountry());
                alts.add(alt);
            }
        }
        o.put("alternatives", alts);
        o.put("evidence", m.evidence());
        return o;
    }

    private static String compact(Object value) {
        try {
            return Output.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
