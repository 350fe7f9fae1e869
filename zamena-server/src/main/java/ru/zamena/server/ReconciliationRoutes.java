package ru.zamena.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import ru.zamena.app.CatalogService;
import ru.zamena.app.match.InventoryMatcher;
import ru.zamena.core.catalog.ProductDetail;
import ru.zamena.core.text.NameKey;
import ru.zamena.server.ReconciliationCandidates.TypeRef;
import ru.zamena.server.ReconciliationText.Lang;
import ru.zamena.store.NotFoundException;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The catalog as a W3C Reconciliation Service (API 0.2) at {@value #PATH}, so OpenRefine and
 * other clients can match spreadsheet columns to catalog products. Public and read-only, like the
 * catalog; every answer allows any origin (CORS) and JSON answers may be wrapped for JSONP.
 * Queries arrive as the specification and OpenRefine send them: a form field or query parameter
 * {@code queries} (or {@code extend}) holding JSON; a plain JSON body of the batch is accepted too.
 */
final class ReconciliationRoutes {
    static final String PATH = "/reconcile";
    /** Every path of the service, for CORS preflight. */
    static final List<String> PATHS = List.of(PATH, PATH + "/suggest/entity", PATH + "/suggest/type", PATH + "/suggest/property",
            PATH + "/preview", PATH + "/properties");
    private static final Pattern CALLBACK = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(?:\\.[A-Za-z_$][A-Za-z0-9_$]*)*");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(?::\\d{1,5})?|\\[[0-9A-Fa-f:.]+](?::\\d{1,5})?");
    /** The specification's names are camelCase and snake_case at once, so no naming strategy: fields as written. */
    private static final ObjectMapper JSON = new ObjectMapper().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private final CatalogService catalog;
    private final ReconciliationCandidates candidates;
    private final ReconciliationExtension extension;

    ReconciliationRoutes(CatalogService catalog, InventoryMatcher matcher) {
        this.catalog = catalog;
        this.candidates = new ReconciliationCandidates(catalog, matcher);
        this.extension = new ReconciliationExtension(catalog);
    }

    // ------------------------------------------------------------------ CORS

    /** Before-handler: the specification requires CORS on every endpoint; nothing here is private. */
    static void allowAnyOrigin(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
    }

    /** Preflight (OPTIONS) for every path of the service. */
    static void preflight(Context ctx) {
        allowAnyOrigin(ctx);
        ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        String asked = ctx.header("Access-Control-Request-Headers");
        ctx.header("Access-Control-Allow-Headers", asked == null || asked.isBlank() ? "Content-Type, Accept, Accept-Language" : asked);
        ctx.header("Access-Control-Max-Age", "86400");
        ctx.status(204);
    }

    // ------------------------------------------------------------------ the endpoint

    /** GET or POST on the endpoint: the manifest, a reconciliation batch or a data extension query. */
    void service(Context ctx) {
        String queries = param(ctx, ReconciliationQuery.PARAMETER);
        String extend = param(ctx, ReconciliationExtension.PARAMETER);
        if (queries == null && extend == null && isJson(ctx)) queries = ctx.body();
        var session = candidates.session(ReconciliationText.lang(ctx));
        if (queries != null) {
            var batch = ReconciliationQuery.batch(queries, session.types());
            var out = new LinkedHashMap<String, Map<String, List<ReconciliationCandidates.Candidate>>>();
            batch.forEach((key, q) -> out.put(key, Map.of("result", session.find(q))));
            write(ctx, out);
        } else if (extend != null) {
            write(ctx, extension.extend(extend, session));
        } else if (ctx.method().name().equals("POST")) {
            throw ApiException.badParameter(ReconciliationQuery.PARAMETER,
                    "nothing to do: send a form field 'queries' (or 'extend') with a JSON batch, or the batch as a JSON body");
        } else {
            write(ctx, manifest(ctx, session));
        }
    }

    private Map<String, Object> manifest(Context ctx, ReconciliationCandidates.Session session) {
        String base = base(ctx);
        String service = base + ZamenaServer.API + PATH;
        String lang = ctx.queryParam("lang") == null ? "" : "&lang=" + (session.lang == Lang.RU ? "ru" : "en");
        var m = new LinkedHashMap<String, Object>();
        m.put("versions", List.of("0.1", "0.2"));
        m.put("name", session.lang == Lang.RU ? "Каталог Zamena" : "Zamena catalog");
        m.put("identifierSpace", base + ZamenaServer.API + "/products/");
        m.put("schemaSpace", base + ZamenaServer.API + "/openapi.yaml#/components/schemas/ProductDetail");
        m.put("documentation", base + ZamenaServer.API + "/openapi.yaml");
        m.put("serviceVersion", version());
        m.put("batchSize", ReconciliationQuery.MAX_BATCH);
        m.put("defaultTypes", List.of(session.productType()));
        m.put("view", Map.of("url", base + "/#/product/{{id}}"));
        m.put("preview", Map.of("url", service + "/preview?id={{id}}" + lang, "width", ReconciliationPreview.WIDTH,
                "height", ReconciliationPreview.HEIGHT));
        var suggest = new LinkedHashMap<String, Object>();
        for (String kind : List.of("entity", "type", "property"))
            suggest.put(kind, Map.of("service_url", service, "service_path", "/suggest/" + kind));
        m.put("suggest", suggest);
        m.put("extend", Map.of(
                "propose_properties", Map.of("service_url", service, "service_path", "/properties"),
                "property_settings", List.of(Map.of("name", "limit", "label", session.lang == Lang.RU ? "Сколько альтернатив" : "Alternatives to fetch",
                        "type", "number", "default", ReconciliationExtension.DEFAULT_ALTERNATIVES,
                        "help_text", session.lang == Lang.RU ? "Для свойства «Альтернативы»; 0 — все" : "For the Alternatives property; 0 for all"))));
        return m;
    }

    // ------------------------------------------------------------------ suggest, preview, property proposals

    record SuggestResult<T>(List<T> result) {}

    record PropertyRef(String id, String name, String description) {}

    record TypeSuggestion(String id, String name, String description, List<TypeRef> broader) {}

    record PropertyProposal(String type, List<PropertyRef> properties, Integer limit) {}

    void suggestEntity(Context ctx) {
        String prefix = Params.text(ctx, "prefix");
        var session = candidates.session(ReconciliationText.lang(ctx));
        write(ctx, new SuggestResult<>(prefix == null ? List.of() : session.suggest(prefix, Params.text(ctx, "type"), cursor(ctx))));
    }

    void suggestType(Context ctx) {
        var session = candidates.session(ReconciliationText.lang(ctx));
        String prefix = NameKey.fold(Params.text(ctx, "prefix"));
        var out = new ArrayList<TypeSuggestion>();
        TypeRef product = session.productType();
        if (matches(prefix, product.id(), product.name(), "product", "продукт"))
            out.add(new TypeSuggestion(product.id(), product.name(), null, null));
        session.categories.values().forEach(c -> {
            if (matches(prefix, c.id(), c.nameEn(), c.nameRu()))
                out.add(new TypeSuggestion(c.id(), ReconciliationText.category(session.lang, c), null, List.of(product)));
        });
        write(ctx, new SuggestResult<>(out.stream().skip(cursor(ctx)).toList()));
    }

    void suggestProperty(Context ctx) {
        Lang lang = ReconciliationText.lang(ctx);
        String prefix = NameKey.fold(Params.text(ctx, "prefix"));
        write(ctx, new SuggestResult<>(properties(lang).stream()
                .filter(p -> matches(prefix, p.id(), ReconciliationText.property(Lang.EN, p.id()), ReconciliationText.property(Lang.RU, p.id())))
                .skip(cursor(ctx)).toList()));
    }

    /** Data extension property proposals for a type: every type has the same properties. */
    void proposeProperties(Context ctx) {
        var session = candidates.session(ReconciliationText.lang(ctx));
        String type = Params.text(ctx, "type");
        if (type == null) type = ReconciliationCandidates.PRODUCT;
        if (!session.types().contains(type))
            throw ApiException.badParameter("type", "unknown type '" + type + "'; the types are 'product' and the category ids");
        Integer limit = ctx.queryParam("limit") == null ? null : Params.limit(ctx, ReconciliationText.PROPERTIES.size(), 100);
        List<PropertyRef> all = properties(session.lang);
        write(ctx, new PropertyProposal(type, limit == null ? all : all.stream().limit(limit).toList(), limit));
    }

    void preview(Context ctx) {
        String id = Params.text(ctx, "id");
        if (id == null) throw ApiException.badParameter("id", "id is required: the product id, e.g. ?id=microsoft-office");
        ProductDetail d = catalog.product(id).orElseThrow(() -> new NotFoundException("product '" + id + "'"));
        var session = candidates.session(ReconciliationText.lang(ctx));
        ctx.header("Content-Security-Policy", ReconciliationPreview.POLICY);
        ctx.contentType("text/html; charset=utf-8").result(ReconciliationPreview.html(d, session.categories.get(d.product().category()), session.lang));
    }

    private static List<PropertyRef> properties(Lang lang) {
        var out = new ArrayList<PropertyRef>();
        for (String id : ReconciliationText.PROPERTIES.keySet()) {
            boolean narrows = List.of("vendor", "country", "origin").contains(id);
            out.add(new PropertyRef(id, ReconciliationText.property(lang, id), narrows
                    ? ReconciliationText.pick(lang, "narrows reconciliation; fetchable by data extension", "сужает сопоставление; можно получить расширением данных")
                    : ReconciliationText.pick(lang, "fetchable by data extension", "можно получить расширением данных")));
        }
        return out;
    }

    /** Whether any of the names starts with the folded prefix, or contains it as a word (an empty prefix matches all). */
    private static boolean matches(String prefix, String... names) {
        if (prefix.isEmpty()) return true;
        for (String n : names) {
            String f = NameKey.fold(n);
            if (f.startsWith(prefix) || f.contains(" " + prefix)) return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ request and response plumbing

    /** A query parameter or, in a form-encoded POST, a form field. */
    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null && isForm(ctx)) v = ctx.formParam(name);
        return v == null || v.isBlank() ? null : v;
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.contentType();
        return ctx.method().name().equals("POST") && type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    private static int cursor(Context ctx) {
        String v = ctx.queryParam("cursor");
        if (v == null || v.isBlank()) return 0;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 0 && n <= 10_000) return n;
        } catch (NumberFormatException ignored) {
            // falls through to the message
        }
        throw ApiException.badParameter("cursor", "cursor must be the number of suggestions to skip, 0 to 10000, got '" + v + "'");
    }

    /** JSON, or JSONP when the client names a callback (only a plain JavaScript name: no markup, no calls). */
    private static void write(Context ctx, Object body) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        String callback = param(ctx, "callback");
        if (callback == null) {
            ctx.contentType("application/json; charset=utf-8").result(json);
            return;
        }
        if (callback.length() > 100 || !CALLBACK.matcher(callback).matches())
            throw ApiException.badParameter("callback", "callback must be a JavaScript function name such as jsonp123 or cb.handle");
        ctx.contentType("text/javascript; charset=utf-8").result("/**/" + callback + "(" + json + ");");
    }

    /** scheme://host[:port] as the client reached us, so the manifest's URLs work from where it stands. */
    private static String base(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || !HOST.matcher(host).matches()) { // no usable Host header: the address the connection came in on
            String local = ctx.req().getLocalAddr();
            host = (local.contains(":") ? "[" + local + "]" : local) + ":" + ctx.req().getLocalPort();
        }
        String scheme = "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")) ? "https" : ctx.scheme();
        return scheme + "://" + host;
    }

    private static String version() {
        String v = ReconciliationRoutes.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
