package ru.zamena.app.compliance;

import ru.zamena.app.CatalogService;
import ru.zamena.app.match.InventoryMatcher;
import ru.zamena.core.catalog.Alternative;
import ru.zamena.core.catalog.AlternativeView;
import ru.zamena.core.catalog.Category;
import ru.zamena.core.catalog.Origin;
import ru.zamena.core.catalog.Product;
import ru.zamena.core.catalog.ProductDetail;
import ru.zamena.core.catalog.ProductSummary;
import ru.zamena.core.catalog.RegistryEntry;
import ru.zamena.core.compliance.Analogue;
import ru.zamena.core.compliance.CatalogFacts;
import ru.zamena.core.compliance.ProcurementItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the catalog knows about an item: the product its name matches (the inventory matcher decides, with
 * its calibrated thresholds), the vendor's country, the category with its OKPD2 code and register class,
 * the register entries, and the registered domestic products the catalog names as its replacements.
 * Tenders repeat names, so answers are cached per name (bounded).
 */
final class CatalogEnrichment {
    private static final int CACHE = 10_000;

    private final CatalogService catalog;
    private final InventoryMatcher matcher;
    private final Map<String, Category> categories;
    private final Map<String, CatalogFacts> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CatalogFacts> eldest) {
            return size() > CACHE;
        }
    };

    CatalogEnrichment(CatalogService catalog) {
        this.catalog = catalog;
        this.matcher = new InventoryMatcher(catalog);
        this.categories = catalog.categories().stream().collect(Collectors.toMap(Category::id, Function.identity()));
    }

    synchronized CatalogFacts facts(ProcurementItem item) {
        if (item.name().isBlank()) return CatalogFacts.NONE;
        return cache.computeIfAbsent(item.name(), this::lookUp);
    }

    /** In a register of domestic products: an entry not excluded, or the curated record's register (known without its number). */
    private static boolean registered(ProductDetail d) {
        if (d == null) return false;
        if (d.registryEntries().stream().anyMatch(e -> e.excludedOn() == null)) return true;
        return d.registryEntries().isEmpty() && d.product().registry() != null && !d.product().registry().isBlank();
    }

    private CatalogFacts lookUp(String name) {
        InventoryMatcher.Match m = matcher.match(name, null);
        if (!"matched".equals(m.status()) || m.product() == null) return CatalogFacts.NONE;
        ProductSummary p = m.product();
        ProductDetail detail = catalog.product(p.id()).orElse(null);
        Category category = p.category() == null ? null : categories.get(p.category());
        var classes = new ArrayList<String>();
        if (category != null && category.registryClass() != null) classes.add(category.registryClass());
        if (detail != null) for (RegistryEntry e : detail.registryEntries()) for (String c : e.classes()) if (!classes.contains(c)) classes.add(c);
        List<String> numbers = detail == null ? p.registryNumbers()
                : detail.registryEntries().stream().filter(e -> e.excludedOn() == null).map(RegistryEntry::number).toList();
        boolean registered = !numbers.isEmpty() || registered(detail);
        var analogues = new ArrayList<Analogue>();
        if (p.origin() != Origin.DOMESTIC) {
            for (AlternativeView a : catalog.alternatives(p.id(), null, null)) {
                ProductSummary alt = a.product();
                if (alt.origin() == Origin.DOMESTIC && (!alt.registryNumbers().isEmpty() || registered(catalog.product(alt.id()).orElse(null))))
                    analogues.add(new Analogue(alt.id(), alt.name(), alt.vendor(), alt.vendorCountry(), alt.registryNumbers(), a.fit() == Alternative.Fit.FULL, a.notes()));
            }
        }
        return new CatalogFacts(p.id(), p.name(), p.vendor(), p.vendorCountry(), p.category(), category == null ? null : category.okpd2(),
                p.kind() == Product.Kind.SOFTWARE, classes, registered, numbers, analogues);
    }
}
