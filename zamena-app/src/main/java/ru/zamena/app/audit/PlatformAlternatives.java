package ru.zamena.app.audit;

import ru.zamena.app.CatalogService;
import ru.zamena.core.catalog.AlternativeView;
import ru.zamena.core.catalog.ProductSummary;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Alternatives of products for one target platform, each product asked once per report: an audit
 * of thousands of items names the same few hundred foreign products again and again.
 */
final class PlatformAlternatives {
    private final CatalogService catalog;
    private final String cpu, os;
    private final Map<String, List<AlternativeView>> all = new ConcurrentHashMap<>();
    private final Map<String, List<AlternativeView>> onPlatform = new ConcurrentHashMap<>();
    private final Map<String, Boolean> registered = new ConcurrentHashMap<>();

    PlatformAlternatives(CatalogService catalog, String cpu, String os) {
        this.catalog = catalog;
        this.cpu = blankToNull(cpu);
        this.os = blankToNull(os);
    }

    /** True when a CPU or OS was given, so alternatives are filtered by it. */
    boolean filtered() {
        return cpu != null || os != null;
    }

    /** Every alternative the catalog knows, whatever the platform. */
    List<AlternativeView> all(String productId) {
        return all.computeIfAbsent(productId, id -> catalog.alternatives(id, null, null));
    }

    /** Alternatives with a claim for the target CPU and OS (all of them when none was given), best first. */
    List<AlternativeView> onPlatform(String productId) {
        if (!filtered()) return all(productId);
        return onPlatform.computeIfAbsent(productId, id -> catalog.alternatives(id, cpu, os));
    }

    /**
     * Is the product listed in a register of domestic software? Entry numbers are not always known
     * yet; the curated catalog's claim that it is listed counts too.
     */
    boolean registered(ProductSummary p) {
        if (!p.registryNumbers().isEmpty()) return true;
        return registered.computeIfAbsent(p.id(), id -> catalog.product(id)
                .map(d -> d.product().registry() != null || !d.registryEntries().isEmpty()).orElse(false));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
