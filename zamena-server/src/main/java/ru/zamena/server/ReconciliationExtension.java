package ru.zamena.server;

import com.fasterxml.jackson.databind.JsonNode;
import ru.zamena.app.CatalogService;
import ru.zamena.core.catalog.AlternativeView;
import ru.zamena.core.catalog.ProductDetail;
import ru.zamena.server.ReconciliationText.Lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data extension: the values of vendor, country, origin, category, register number and
 * alternatives for reconciled products, so a spreadsheet can gain those columns. Alternatives are
 * products of this service ({@code {"id", "name"}}); everything else is text ({@code {"str"}}).
 */
final class ReconciliationExtension {
    static final String PARAMETER = "extend";
    static final int MAX_IDS = 200;
    /** Alternatives per product when the client does not say (setting {@code limit}). */
    static final int DEFAULT_ALTERNATIVES = 3;

    record Meta(String id, String name, ReconciliationCandidates.TypeRef type) {}

    record Response(List<Meta> meta, Map<String, Map<String, List<Map<String, String>>>> rows) {}

    /** A requested property with its alternatives limit (0: all). */
    private record Wanted(String id, int limit) {}

    private final CatalogService catalog;

    ReconciliationExtension(CatalogService catalog) {
        this.catalog = catalog;
    }

    Response extend(String query, ReconciliationCandidates.Session session) {
        JsonNode q = ReconciliationQuery.parse(query, PARAMETER);
        if (!q.isObject() || !q.path("ids").isArray() || !q.path("properties").isArray())
            throw bad("a data extension query is {\"ids\": [...], \"properties\": [{\"id\": ...}]}");
        if (q.get("ids").size() > MAX_IDS) throw new ApiException(413, "at most " + MAX_IDS + " ids per data extension query", PARAMETER);
        var wanted = new ArrayList<Wanted>();
        var meta = new ArrayList<Meta>();
        for (JsonNode p : q.get("properties")) {
            String id = p.path("id").asText("");
            if (!ReconciliationText.PROPERTIES.containsKey(id))
                throw bad("unknown property '" + id + "'; the properties are " + String.join(", ", ReconciliationText.PROPERTIES.keySet()));
            wanted.add(new Wanted(id, alternativesLimit(p.path("settings"))));
            meta.add(new Meta(id, ReconciliationText.property(session.lang, id), id.equals("alternatives") ? session.productType() : null));
        }
        var rows = new LinkedHashMap<String, Map<String, List<Map<String, String>>>>();
        for (JsonNode idNode : q.get("ids")) {
            String id = idNode.asText("");
            Optional<ProductDetail> d = id.isBlank() ? Optional.empty() : catalog.product(id);
            var row = new LinkedHashMap<String, List<Map<String, String>>>();
            for (Wanted w : wanted) row.put(w.id(), d.map(detail -> values(detail, w, session)).orElse(List.of()));
            rows.put(id, row);
        }
        return new Response(meta, rows);
    }

    private static List<Map<String, String>> values(ProductDetail d, Wanted w, ReconciliationCandidates.Session s) {
        Lang lang = s.lang;
        return switch (w.id()) {
            case "vendor" -> text(ReconciliationText.pick(lang, d.vendor().name(), d.vendor().nameRu()));
            case "country" -> text(d.vendor().country());
            case "origin" -> text(Dto.lower(d.origin()));
            case "category" -> text(ReconciliationText.category(lang, s.categories.get(d.product().category())));
            // The entry numbers; the register's id when membership is known without a number.
            case "registry" -> ReconciliationPreview.registered(d).stream().map(n -> n.isBlank() ? d.product().registry() : n)
                    .filter(n -> n != null && !n.isBlank()).map(n -> Map.of("str", n)).toList();
            case "alternatives" -> d.replacedBy().stream().limit(w.limit() == 0 ? Long.MAX_VALUE : w.limit()).map(AlternativeView::product)
                    .map(p -> Map.of("id", p.id(), "name", ReconciliationText.pick(lang, p.name(), p.nameRu()))).toList();
            default -> throw new IllegalStateException("property " + w.id() + " has no values"); // PROPERTIES and this switch disagree
        };
    }

    private static List<Map<String, String>> text(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(Map.of("str", s));
    }

    private static int alternativesLimit(JsonNode settings) {
        JsonNode limit = settings.path("limit");
        if (limit.isMissingNode() || limit.isNull() || limit.asText().isBlank()) return DEFAULT_ALTERNATIVES;
        try {
            int n = Integer.parseInt(limit.asText().strip()); // OpenRefine sends settings as strings
            if (n >= 0) return n;
        } catch (NumberFormatException ignored) {
            // same message as a negative number
        }
        throw bad("setting 'limit' must be a whole number, 0 for all, got " + limit);
    }

    private static ApiException bad(String detail) {
        return ApiException.badParameter(PARAMETER, detail);
    }
}
