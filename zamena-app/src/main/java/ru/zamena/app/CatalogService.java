package ru.zamena.app;

import ru.zamena.core.catalog.*;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.ingest.catalog.CatalogFileException;
import ru.zamena.ingest.catalog.CatalogFiles;
import ru.zamena.store.CatalogStore;
import ru.zamena.store.NotFoundException;
import ru.zamena.store.TenantStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalog as users see it: search, product details, alternatives for their platforms, counts. */
public final class CatalogService {
    private final CatalogStore store;
    private final TenantStore tenants;
    private final Path catalogDir;

    CatalogService(CatalogStore store, TenantStore tenants, Path catalogDir) {
        this.store = store;
        this.tenants = tenants;
        this.catalogDir = catalogDir;
    }

    /** Loads the curated files when their checksum differs from the last load. Returns true when it loaded. */
    public boolean loadCuratedIfChanged() {
        CatalogFiles.Loaded loaded = CatalogFiles.read(catalogDir);
        // A new schema version may store more of the same files (a new column): reload then too.
        String checksum = loaded.checksum() + "@schema-" + store.schemaVersion();
        if (checksum.equals(store.curatedChecksum())) return false;
        var problems = loaded.data().problems(store.domesticCountries());
        if (!problems.isEmpty())
            throw new CatalogFileException(catalogDir + ": the curated catalog is inconsistent:\n  " + String.join("\n  ", problems.subList(0, Math.min(20, problems.size()))));
        store.loadCurated(loaded.data(), checksum);
        tenants.audit(new Caller("system:catalog-loader", 0, null, ru.zamena.core.tenancy.Role.ADMIN, true), "catalog.load", catalogDir.toString(),
                Map.of("checksum", loaded.checksum(), "products", loaded.data().products().size()));
        return true;
    }

    public List<ProductSummary> search(SearchQuery q) {
        return store.search(q);
    }

    public Optional<ProductDetail> product(String id) {
        return store.product(id);
    }

    /**
     * Finds the product a user means: an exact id, else the best search hit. Foreign products are
     * preferred when the name is ambiguous, since "alternatives X" asks what replaces a foreign X.
     */
    public ProductSummary resolve(String nameOrId) {
        Optional<ProductDetail> byId = store.product(nameOrId);
        if (byId.isPresent()) {
            var d = byId.get();
            return new ProductSummary(d.product().id(), d.product().name(), d.product().nameRu(), d.vendor().id(), d.vendor().name(),
                    d.vendor().country(), d.product().category(), d.product().kind(), d.product().license(), d.origin(),
                    d.registryEntries().stream().map(RegistryEntry::number).toList(), 1.0, d.product().id());
        }
        List<ProductSummary> hits = store.search(new SearchQuery(nameOrId, null, null, null, null, 0, 5));
        if (hits.isEmpty()) throw new NotFoundException("no product in the catalog matches '" + nameOrId + "'");
        return hits.getFirst();
    }

    public List<AlternativeView> alternatives(String productId, String cpu, String os) {
        return store.alternatives(productId, cpu, os);
    }

    public List<Platform> platforms() {
        return store.platforms();
    }

    public List<Category> categories() {
        return store.categories();
    }

    public Optional<Vendor> vendor(String id) {
        return store.vendor(id);
    }

    public List<Vendor> vendors(String text, String country, String afterName, String afterId, int limit) {
        return store.vendors(text, country, afterName, afterId, limit);
    }

    public CatalogStats stats() {
        return store.stats();
    }
}
