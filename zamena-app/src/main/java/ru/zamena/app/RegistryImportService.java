package ru.zamena.app;

import ru.zamena.store.CatalogStore;
import ru.zamena.store.Database;
import ru.zamena.store.TenantStore;

/** Imports the official software register export on top of the curated catalog. */
public final class RegistryImportService {
    private final Database db;
    private final CatalogStore catalog;
    private final TenantStore tenants;

    RegistryImportService(Database db, CatalogStore catalog, TenantStore tenants) {
        this.db = db;
        this.catalog = catalog;
        this.tenants = tenants;
    }
}
