package ru.zamena.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import ru.zamena.app.match.BatchMatcher;
import ru.zamena.app.match.InventoryMatcher;
import ru.zamena.core.catalog.Product;
import ru.zamena.core.catalog.ProductSummary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Matches raw inventory names read from stdin (one per line, optionally {@code name<TAB>publisher}) to catalog
 * products. JSON Lines output is streamed: lines are read in batches of what is already available (at most
 * {@value #BATCH}), matched on all cores and written in input order, so the first answer comes before the input
 * ends and memory stays bounded however long the input is (the per-run cache of repeated names is bounded too).
 */
@Command(name = "match", description = "Match inventory names from stdin (name or name<TAB>publisher per line) to catalog products.")
final class MatchCommand implements Callable<Integer> {
    enum Format { jsonl, table }

    static final int BATCH = 1000;

    @ParentCommand Main main;
    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (default, streamed) or table") Format format;

    @Override
    public Integer call() throws IOException {
        try (var z = main.open(); var batch = BatchMatcher.forRun(z.matcher())) {
            var out = Output.out();
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
            var rows = new ArrayList<List<String>>();
            var names = new ArrayList<BatchMatcher.Name>(BATCH);
            String line;
            while ((line = in.readLine()) != null) {
                names.add(name(line));
                // Take what has already arrived, without waiting for more: a slow producer still gets answers at once.
                while (names.size() < BATCH && in.ready() && (line = in.readLine()) != null) names.add(name(line));
                for (InventoryMatcher.Match m : batch.matchAll(names)) {
                    if (format == Format.jsonl) {
                        out.println(compact(toJson(m)));
                    } else {
                        rows.add(List.of(m.input(), m.status(), m.product() == null ? "-" : m.product().name(),
                                m.product() == null ? "-" : CatalogCommand.nz(m.product().vendor()),
                                m.product() == null ? "-" : CatalogCommand.nz(m.product().vendorCountry()),
                                String.format(Locale.ROOT, "%.3f", m.score())));
                    }
                }
                out.flush();
                names.clear();
            }
            if (format == Format.table)
                Output.table(out, List.of("INPUT", "STATUS", "PRODUCT", "VENDOR", "COUNTRY", "SCORE"), rows);
        }
        return 0;
    }

    private static BatchMatcher.Name name(String line) {
        if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
        int tab = line.indexOf('\t');
        return tab >= 0 ? new BatchMatcher.Name(line.substring(0, tab), line.substring(tab + 1)) : new BatchMatcher.Name(line, null);
    }

    /** The documented JSON object of one answer; {@code product_id} is extra, for scripts that join on it. */
    static Map<String, Object> toJson(InventoryMatcher.Match m) {
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
        for (ProductSummary a : m.alternatives()) {
            var alt = new LinkedHashMap<String, Object>();
            alt.put("product", a.name());
            alt.put("vendor", a.vendor());
            alt.put("country", a.vendorCountry());
            alts.add(alt);
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
