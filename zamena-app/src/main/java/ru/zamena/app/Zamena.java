package ru.zamena.app;

import ru.zamena.app.match.InventoryMatcher;
import ru.zamena.app.match.LiveMatchIndex;
import ru.zamena.app.audit.AuditService;
import ru.zamena.app.audit.ReviewService;
import ru.zamena.ingest.catalog.CatalogFiles;
import ru.zamena.store.AuditStore;
import ru.zamena.store.CatalogStore;
import ru.zamena.store.Database;
import ru.zamena.store.MatchNamesStore;
import ru.zamena.store.ReviewStore;
import ru.zamena.store.TenantStore;

/**
 * One running Zamena: the database and the services over it. CLI commands and the server
 * each open one and close it when done.
 */
public final class Zamena implements AutoCloseable {
    private final Database db;
    private final CatalogService catalog;
    private final TenantStore tenants;
    private final RegistryImportService registry;
    private final LiveMatchIndex matchIndex;
    private final InventoryMatcher matcher;
    private final ru.zamena.app.compliance.ComplianceService compliance;
    private final AuditService audits;
    private final ReviewService review;
    private final ru.zamena.app.compliance.PurchaseService purchases;
    private final ru.zamena.app.dashboard.DashboardService dashboard;
    private final ru.zamena.app.dashboard.DemoData demo;

    public Zamena(Database db, ZamenaConfig config) {
        this.db = db;
        var catalogStore = new CatalogStore(db, config.domesticCountries());
        this.tenants = new TenantStore(db);
        this.catalog = new CatalogService(catalogStore, tenants, config.catalogDir());
        this.registry = new RegistryImportService(new ru.zamena.store.RegistryStore(db, catalogStore), catalogStore);
        // Built on first use; follows catalog changes by itself (checks the catalog generation at most once a second).
        this.matchIndex = new LiveMatchIndex(new MatchNamesStore(db), config.domesticCountries(), java.time.Duration.ofSeconds(1));
        this.matcher = new InventoryMatcher(catalog, matchIndex);
        this.compliance = new ru.zamena.app.compliance.ComplianceService(new ru.zamena.compliance.Profiles(profilesDir(config)), catalog);
        this.audits = new AuditService(new AuditStore(db), catalog, matcher);
        this.review = new ReviewService(new ReviewStore(db, catalogStore), audits);
        this.purchases = new ru.zamena.app.compliance.PurchaseService(compliance, new ru.zamena.store.PurchaseStore(db), catalog,
                config.domesticCountries());
        var dashboardStore = new ru.zamena.store.DashboardStore(db, config.domesticCountries());
        this.dashboard = new ru.zamena.app.dashboard.DashboardService(dashboardStore, ru.zamena.app.dashboard.ProfileTargets.load(profilesDir(config), "ru"));
        this.demo = new ru.zamena.app.dashboard.DemoData(audits, new AuditStore(db), dashboardStore, tenants, purchases);
    }

    /** Opens the configured database (starting the embedded one if needed) and loads the curated catalog if it changed. */
    public static Zamena open(ZamenaConfig config) {
        Database db = config.dbUrl() != null
                ? Database.external(config.dbUrl(), config.dbUser(), config.dbPassword())
                : Database.embedded(config.dataDir().resolve("pg"));
        try {
            var z = new Zamena(db, config);
            z.catalog.loadCuratedIfChanged();
            return z;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public CatalogService catalog() { return catalog; }
    public TenantStore tenants() { return tenants; }
    public RegistryImportService registry() { return registry; }
    public ru.zamena.app.compliance.ComplianceService compliance() { return compliance; }
    public AuditService audits() { return audits; }
    public ReviewService review() { return review; }
    public ru.zamena.app.compliance.PurchaseService purchases() { return purchases; }
    public ru.zamena.app.dashboard.DashboardService dashboard() { return dashboard; }
    public ru.zamena.app.dashboard.DemoData demo() { return demo; }
    public ru.zamena.app.dashboard.ProgressReport progressReports() { return new ru.zamena.app.dashboard.ProgressReport(dashboard); }
    public Database database() { return db; }
    /** The shared, thread-safe inventory matcher over an in-memory index of the catalog. */
    public InventoryMatcher matcher() { return matcher; }

    @Override
    public void close() {
        matchIndex.close();
        db.close();
    }

    /** The rule packs: beside the catalog, else the ones shipped with the product (a test catalog has none). */
    public static java.nio.file.Path profilesDir(ZamenaConfig config) {
        var dir = config.catalogDir().resolve("profiles");
        return java.nio.file.Files.isDirectory(dir) ? dir : ZamenaConfig.defaultCatalogDir().resolve("profiles");
    }

    /** Exposed for tests and benchmarks that want to read the files without a database. */
    public static CatalogFiles.Loaded readCatalog(ZamenaConfig config) {
        return CatalogFiles.read(config.catalogDir());
    }
}
