package ru.zamena.server;

import io.javalin.http.Context;
import ru.zamena.app.CatalogService;
import ru.zamena.core.catalog.Origin;
import ru.zamena.core.catalog.Product;
import ru.zamena.core.catalog.ProductSummary;
import ru.zamena.core.catalog.SearchQuery;
import ru.zamena.core.catalog.Vendor;
import ru.zamena.store.NotFoundException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The public catalog: products, vendors, categories, platforms, stats. Readable without a key. */
final class CatalogRoutes {
    private static final int MAX_PAGE = 100;
    private final CatalogService catalog;

    CatalogRoutes(CatalogService catalog) {
        this.catalog = catalog;
    }

    void products(Context ctx) {
        String q = Params.text(ctx, "q");
        String country = Params.country(ctx);
        String category = Params.text(ctx, "category");
        Product.Kind kind = Params.enumeration(ctx, "kind", Product.Kind.class);
        Origin origin = Params.enumeration(ctx, "origin", Origin.class);
        int limit = Params.limit(ctx, 20, MAX_PAGE);
        String fp = Cursor.fingerprint("products", q, country, category, kind, origin);
        int offset = Cursor.offset(ctx.queryParam("cursor"), fp);
        // The store ranks in a stable order, so offset paging is consistent; one extra row tells whether a next page exists.
        List<ProductSummary> hits = catalog.search(new SearchQuery(q, country, category, kind, origin, offset, limit + 1));
        String next = hits.size() > limit ? Cursor.encode(fp, Integer.toString(offset + limit)) : null;
        ctx.json(new Dto.Page<>(hits.stream().limit(limit).map(Dto::summary).toList(), next));
    }

    void product(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(Dto.detail(catalog.product(id).orElseThrow(() -> new NotFoundException("product '" + id + "'"))));
    }

    void alternatives(Context ctx) {
        String cpu = Params.text(ctx, "cpu");
        String os = Params.text(ctx, "os");
        String asked = ctx.pathParam("id");
        // Users type names ("Microsoft Office"), not ids; resolve and say which product was meant.
        ProductSummary product = catalog.resolve(asked);
        if (!product.id().equals(asked)) {
            String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
            ctx.header("Content-Location", "/api/v1/products/" + pathSegment(product.id()) + "/alternatives" + query);
        }
        ctx.json(catalog.alternatives(product.id(), cpu, os).stream().map(Dto::alternative).toList());
    }

    void vendors(Context ctx) {
        String q = Params.text(ctx, "q");
        String country = Params.country(ctx);
        int limit = Params.limit(ctx, 20, MAX_PAGE);
        String fp = Cursor.fingerprint("vendors", q, country);
        // Keyset on (lower(name), id): pages stay correct while vendors are added or removed.
        List<String> after = Cursor.decode(ctx.queryParam("cursor"), fp, 2);
        List<Vendor> rows = catalog.vendors(q, country, after == null ? null : after.get(0), after == null ? null : after.get(1), limit + 1);
        String next = null;
        if (rows.size() > limit) {
            Vendor last = rows.get(limit - 1);
            // Java's lower case of Latin and Cyrillic names equals PostgreSQL's lower(), which the keyset compares with.
            next = Cursor.encode(fp, last.name().toLowerCase(Locale.ROOT), last.id());
        }
        ctx.json(new Dto.Page<>(rows.stream().limit(limit).map(Dto::vendor).toList(), next));
    }

    void vendor(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(Dto.vendor(catalog.vendor(id).orElseThrow(() -> new NotFoundException("vendor '" + id + "'"))));
    }

    void categories(Context ctx) {
        ctx.json(catalog.categories().stream().map(Dto::category).toList());
    }

    void platforms(Context ctx) {
        ctx.json(catalog.platforms().stream().map(Dto::platform).toList());
    }

    void stats(Context ctx) {
        ctx.json(Dto.stats(catalog.stats()));
    }

    static String pathSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
