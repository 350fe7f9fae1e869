package ru.zamena.core.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The curated catalog as read from files, before it is stored. {@link #problems()} lists broken references. */
public record CatalogData(
        List<Category> categories, List<Platform> platforms, List<Vendor> vendors,
        List<Product> products, List<Alternative> alternatives, List<Compatibility> compatibility) {

    public CatalogData {
        categories = List.copyOf(categories);
        platforms = List.copyOf(platforms);
        vendors = List.copyOf(vendors);
        products = List.copyOf(products);
        alternatives = List.copyOf(alternatives);
        compatibility = List.copyOf(compatibility);
    }

    /** Referential problems a loader must refuse: unknown ids, duplicates, edges to foreign proprietary products. */
    public List<String> problems(Set<String> domesticCountries) {
        var out = new ArrayList<String>();
        Set<String> categoryIds = ids(categories.stream().map(Category::id).toList(), "category", out);
        Set<String> platformIds = ids(platforms.stream().map(Platform::id).toList(), "platform", out);
        Map<String, Vendor> vendorById = new HashMap<>();
        for (Vendor v : vendors) if (vendorById.put(v.id(), v) != null) out.add("duplicate vendor id " + v.id());
        Map<String, Product> productById = new HashMap<>();
        for (Product p : products) {
            if (productById.put(p.id(), p) != null) out.add("duplicate product id " + p.id());
            if (!vendorById.containsKey(p.vendorId())) out.add("product " + p.id() + ": unknown vendor " + p.vendorId());
            if (!categoryIds.contains(p.category())) out.add("product " + p.id() + ": unknown category " + p.category());
        }
        for (Vendor v : vendors) {
            if (v.parentId() != null && !vendorById.containsKey(v.parentId()))
                out.add("vendor " + v.id() + ": unknown parent " + v.parentId());
        }
        var edges = new HashSet<List<String>>();
        for (Alternative a : alternatives) {
            Product from = productById.get(a.fromId()), to = productById.get(a.toId());
            if (from == null) out.add("alternative: unknown product " + a.fromId());
            if (to == null) out.add("alternative: unknown product " + a.toId());
            if (!edges.add(List.of(a.fromId(), a.toId()))) out.add("duplicate alternative " + a.fromId() + " -> " + a.toId());
            if (to != null && vendorById.containsKey(to.vendorId())) {
                Origin o = Origin.of(vendorById.get(to.vendorId()).country(), to.license(), domesticCountries);
                if (o != Origin.DOMESTIC && o != Origin.OPEN_SOURCE)
                    out.add("alternative " + a.fromId() + " -> " + a.toId() + ": target is neither domestic nor open source");
            }
            if (Objects.equals(a.fromId(), a.toId())) out.add("alternative " + a.fromId() + " replaces itself");
        }
        var claims = new HashSet<List<String>>();
        for (Compatibility c : compatibility) {
            if (!claims.add(List.of(c.productId(), c.platformId())))
                out.add("duplicate compatibility claim " + c.productId() + " on " + c.platformId() + " (merge the rows)");
            if (!productById.containsKey(c.productId())) out.add("compatibility: unknown product " + c.productId());
            if (!platformIds.contains(c.platformId())) out.add("compatibility: unknown platform " + c.platformId());
        }
        return out;
    }

    private static Set<String> ids(List<String> ids, String what, List<String> out) {
        var set = new HashSet<String>();
        for (String id : ids) if (!set.add(id)) out.add("duplicate " + what + " id " + id);
        return set;
    }
}
