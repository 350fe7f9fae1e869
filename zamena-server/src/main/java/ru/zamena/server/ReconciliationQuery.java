package ru.zamena.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ru.zamena.core.catalog.Origin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One reconciliation query of a W3C Reconciliation API 0.2 batch, checked: the name to look for
 * (may be null when properties alone are given), the types asked for ({@code product} or
 * category ids), the number of candidates wanted and the property constraints, each with its
 * values as strings (a reconciled value {@code {"id": ..., "name": ...}} gives its id).
 * {@link #batch} refuses anything the specification's query schema refuses, and constraints
 * this service cannot apply, with a 400 that names the query and the field.
 */
record ReconciliationQuery(String key, String text, List<String> types, int limit, List<String> vendors, List<String> countries,
                           List<Origin> origins) {
    static final int DEFAULT_LIMIT = 5;
    /** Larger limits are lowered to this: candidates below it are noise for a person choosing in a spreadsheet. */
    static final int MAX_LIMIT = 25;
    /** What the manifest announces as batchSize; larger batches get 413. */
    static final int MAX_BATCH = 50;
    static final String PARAMETER = "queries";
    private static final Set<String> FIELDS = Set.of("query", "type", "limit", "properties", "type_strict");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses {@code text}, the JSON of a query batch, in the order the client sent it. */
    static Map<String, ReconciliationQuery> batch(String text, Set<String> knownTypes) {
        JsonNode root = parse(text, PARAMETER);
        if (!root.isObject()) throw bad("a query batch must be a JSON object of queries keyed by id, e.g. {\"q0\": {\"query\": \"МойОфис\"}}");
        if (root.size() > MAX_BATCH)
            throw new ApiException(413, "a batch may hold at most " + MAX_BATCH + " queries (the manifest's batchSize), got " + root.size(), PARAMETER);
        var out = new LinkedHashMap<String, ReconciliationQuery>();
        root.properties().forEach(e -> out.put(e.getKey(), query(e.getKey(), e.getValue(), knownTypes)));
        return out;
    }

    /** JSON from a request parameter; a syntax error is the client's, reported with its position. */
    static JsonNode parse(String text, String parameter) {
        if (text == null || text.isBlank()) throw ApiException.badParameter(parameter, parameter + " is empty; a JSON object is expected");
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw ApiException.badParameter(parameter, parameter + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    private static ReconciliationQuery query(String key, JsonNode q, Set<String> knownTypes) {
        String where = "query '" + key + "'";
        if (!q.isObject()) throw bad(where + " must be a JSON object with a 'query' or 'properties' field");
        q.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) throw bad(where + ": unknown field '" + f + "'; the fields are query, type, limit, properties, type_strict");
        });
        String text = null;
        if (q.has("query")) {
            if (!q.get("query").isTextual()) throw bad(where + ": 'query' must be a string");
            text = q.get("query").asText().strip();
            if (text.isEmpty()) text = null;
        }
        JsonNode props = q.path("properties");
        if (!props.isMissingNode() && !props.isArray()) throw bad(where + ": 'properties' must be an array of {\"pid\": ..., \"v\": ...}");
        if (text == null && props.isEmpty()) throw bad(where + " needs a non-empty 'query' or at least one property");
        JsonNode strict = q.path("type_strict");
        if (!strict.isMissingNode() && !Set.of("any", "should", "all").contains(strict.asText()))
            throw bad(where + ": 'type_strict' must be any, should or all");
        var vendors = new ArrayList<String>();
        var countries = new ArrayList<String>();
        var origins = new ArrayList<Origin>();
        for (JsonNode p : props) property(where, p, vendors, countries, origins);
        return new ReconciliationQuery(key, text, types(where, q.path("type"), knownTypes), limit(where, q.path("limit")),
                List.copyOf(vendors), List.copyOf(countries), List.copyOf(origins));
    }

    private static List<String> types(String where, JsonNode type, Set<String> knownTypes) {
        if (type.isMissingNode() || type.isNull()) return List.of();
        var out = new ArrayList<String>();
        if (type.isTextual()) out.add(type.asText());
        else if (type.isArray()) for (JsonNode t : type) {
            if (!t.isTextual()) throw bad(where + ": 'type' must be a string or an array of strings");
            out.add(t.asText());
        }
        else throw bad(where + ": 'type' must be a string or an array of strings");
        for (String t : out)
            if (!knownTypes.contains(t))
                throw bad(where + ": unknown type '" + t + "'; the types are 'product' and the category ids (see suggest/type)");
        return List.copyOf(out);
    }

    private static int limit(String where, JsonNode limit) {
        if (limit.isMissingNode() || limit.isNull()) return DEFAULT_LIMIT;
        if (!limit.isNumber() || limit.asDouble() != Math.rint(limit.asDouble()) || limit.asDouble() < 1)
            throw bad(where + ": 'limit' must be a positive whole number, got " + limit);
        return (int) Math.min(MAX_LIMIT, limit.asDouble());
    }

    private static void property(String where, JsonNode p, List<String> vendors, List<String> countries, List<Origin> origins) {
        if (!p.isObject() || !p.path("pid").isTextual() || !p.has("v"))
            throw bad(where + ": each property must be an object {\"pid\": ..., \"v\": ...}");
        String pid = p.get("pid").asText();
        List<String> values = values(where, pid, p.get("v"));
        switch (pid) {
            case "vendor" -> vendors.addAll(values);
            case "country" -> {
                for (String v : values) {
                    String iso = ReconciliationText.countryCode(v);
                    if (iso == null) throw bad(where + ": country '" + v + "' is neither an ISO 3166-1 alpha-2 code nor a country name known here");
                    countries.add(iso);
                }
            }
            case "origin" -> {
                for (String v : values) origins.add(origin(where, v));
            }
            default -> throw bad(where + ": unknown property '" + pid + "'; queries can be narrowed by vendor, country and origin"
                    + (ReconciliationText.PROPERTIES.containsKey(pid) ? " ('" + pid + "' can be fetched with data extension)" : ""));
        }
    }

    private static List<String> values(String where, String pid, JsonNode v) {
        var out = new ArrayList<String>();
        for (JsonNode one : v.isArray() ? v : List.of(v)) {
            String s = one.isObject() ? (one.path("id").isTextual() ? one.get("id").asText() : one.path("name").asText(""))
                    : one.isValueNode() && !one.isNull() ? one.asText() : "";
            if (s.isBlank()) throw bad(where + ": property '" + pid + "' has an empty value");
            out.add(s.strip());
        }
        if (out.isEmpty()) throw bad(where + ": property '" + pid + "' has no value");
        return out;
    }

    private static Origin origin(String where, String v) {
        try {
            return Origin.valueOf(v.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw bad(where + ": origin '" + v + "' must be one of domestic, foreign, open_source, unknown");
        }
    }

    private static ApiException bad(String detail) {
        return ApiException.badParameter(PARAMETER, detail);
    }
}
