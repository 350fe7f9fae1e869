package ru.zamena.app.dashboard;

import ru.zamena.app.audit.AuditService;
import ru.zamena.app.compliance.ComplianceService;
import ru.zamena.app.compliance.PurchaseService;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;
import ru.zamena.store.AuditStore;
import ru.zamena.store.DashboardStore;
import ru.zamena.store.DashboardStore.CatalogProduct;
import ru.zamena.store.DashboardStore.Substitution;
import ru.zamena.store.TenantStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;
import java.util.function.Consumer;

/**
 * The demo: a ministry ({@code demo}) with agencies and their regional units, three yearly
 * inventories per organisation and a year of purchases, so a first-time user sees a living
 * dashboard. Inventories are generated from the real catalog — foreign products that have
 * domestic or open-source alternatives, replaced by them year by year at a pace that differs
 * by agency — with the messy spellings real inventories have (versions, editions, "(x64)",
 * language tags, Cyrillic and Latin names) plus drivers, runtimes and in-house programs the
 * catalog does not know. They go through the real audit pipeline ({@link AuditService}), so
 * matching and the review queue happen for real. Everything is drawn from a fixed seed:
 * loading twice changes nothing (same files, same audits).
 */
public final class DemoData {
    public static final String ROOT = "demo";
    public static final List<Integer> PERIODS = List.of(2024, 2025, 2026);
    private static final long SEED = 20240601L;

    /** An organisation of the demo: its pace of substitution per year and its number of workstations. */
    record DemoOrg(String slug, String name, String kind, String parent, double pace, int hosts) {}

    static final List<DemoOrg> ORGS = List.of(
            new DemoOrg(ROOT, "Министерство цифрового развития (демо)", "ministry", null, 0.14, 70),
            new DemoOrg("demo-nalog", "Федеральное налоговое агентство (демо)", "agency", ROOT, 0.30, 120),
            new DemoOrg("demo-nalog-msk", "Управление по г. Москве", "unit", "demo-nalog", 0.32, 60),
            new DemoOrg("demo-nalog-spb", "Управление по г. Санкт-Петербургу", "unit", "demo-nalog", 0.27, 45),
            new DemoOrg("demo-stat", "Федеральная служба статистики (демо)", "agency", ROOT, 0.13, 90),
            new DemoOrg("demo-stat-nsk", "Территориальный орган по Новосибирской области", "unit", "demo-stat", 0.12, 40),
            new DemoOrg("demo-stat-kzn", "Территориальный орган по Республике Татарстан", "unit", "demo-stat", 0.15, 35),
            new DemoOrg("demo-archive", "Федеральное архивное агентство (демо)", "agency", ROOT, 0.06, 80),
            new DemoOrg("demo-archive-ekb", "Архивный центр в Екатеринбурге", "unit", "demo-archive", 0.05, 30),
            new DemoOrg("demo-archive-rnd", "Архивный центр в Ростове-на-Дону", "unit", "demo-archive", 0.07, 30),
            new DemoOrg("demo-transport", "Федеральное агентство транспорта (демо)", "agency", ROOT, 0.03, 100),
            new DemoOrg("demo-transport-vlg", "Управление в Волгограде", "unit", "demo-transport", 0.02, 35),
            new DemoOrg("demo-transport-kgd", "Управление в Калининграде", "unit", "demo-transport", 0.04, 25));

    /** Programs real inventories are full of that say nothing about substitution; the catalog knows few of them. */
    private static final List<String[]> NOISE = List.of(
            new String[]{"Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33130", "Microsoft Corporation", "14.38.33130.0"},
            new String[]{"Microsoft Visual C++ 2013 Redistributable (x86) - 12.0.40664", "Microsoft Corporation", "12.0.40664.0"},
            new String[]{"NVIDIA Graphics Driver 531.79", "NVIDIA Corporation", "531.79"},
            new String[]{"Realtek High Definition Audio Driver", "Realtek Semiconductor Corp.", "6.0.9235.1"},
            new String[]{"Intel(R) Management Engine Components", "Intel Corporation", "2227.3.3.0"},
            new String[]{"Драйвер принтера Kyocera ECOSYS M2540dn", "KYOCERA Document Solutions Inc.", "7.2.1020"},
            new String[]{"HP LaserJet Pro MFP M428f Basic Device Software", "HP Inc.", "49.3.4570"},
            new String[]{"КриптоПро CSP", "Компания КРИПТО-ПРО", "5.0.12000"},
            new String[]{"Континент TLS-клиент", "Код Безопасности", "2.0.1440"},
            new String[]{"Госзакупки: АРМ заказчика", "ФКУ \"Центр\"", "3.1"},
            new String[]{"Справочно-правовая система КонсультантПлюс", "КонсультантПлюс", "4018.00.30"},
            new String[]{"Система ГАРАНТ", "НПП \"Гарант-Сервис\"", "8.1"},
            new String[]{"АРМ учёта входящей корреспонденции (собственная разработка)", null, "1.4"},
            new String[]{"Java 8 Update 381", "Oracle Corporation", "8.0.3810.9"},
            new String[]{"7-Zip 23.01 (x64)", "Igor Pavlov", "23.01"},
            new String[]{"Notepad++ (64-bit x64)", "Notepad++ Team", "8.5.8"},
            new String[]{"Adobe Acrobat Reader DC - Russian", "Adobe Systems Incorporated", "23.006.20320"},
            new String[]{"Zoom", "Zoom Video Communications, Inc.", "5.16.2"},
            new String[]{"WinRAR 6.24 (64-разрядная)", "win.rar GmbH", "6.24.0"},
            new String[]{"Яндекс Браузер", "ООО «ЯНДЕКС»", "23.9.1.962"},
            new String[]{"Update for Windows 10 for x64-based Systems (KB5001716)", "Microsoft Corporation", "8.94.0.0"},
            new String[]{"ScanSoft PDF Create! 4", null, "4.0"},
            new String[]{"AnyDesk", "philandro Software GmbH", "7.1.13"});

    private static final Set<String> FOREIGN_UTILITIES = Set.of("7-Zip 23.01 (x64)", "Notepad++ (64-bit x64)", "Adobe Acrobat Reader DC - Russian",
            "Zoom", "WinRAR 6.24 (64-разрядная)", "AnyDesk", "ScanSoft PDF Create! 4");
    private static final List<String> LANG_TAGS = List.of(" ru-ru", " - Русский", " (RUS)", " - ru", " Russian", "");
    private static final List<String> EDITIONS = List.of(" Professional", " Standard", " Enterprise", " Pro", " Корпоративная", "");

    private final AuditService audits;
    private final AuditStore auditStore;
    private final DashboardStore store;
    private final TenantStore tenants;
    private final PurchaseService purchases;

    public DemoData(AuditService audits, AuditStore auditStore, DashboardStore store, TenantStore tenants, PurchaseService purchases) {
        this.purchases = purchases;
        this.audits = audits;
        this.auditStore = auditStore;
        this.store = store;
        this.tenants = tenants;
    }

    /** What loading did: organisations, audits created now, audits found already, purchase lines. */
    public record Loaded(int organisations, int auditsCreated, int auditsKept, int purchases, long millis) {}

    /** Loads the demo (idempotent): missing organisations and audits are created, existing ones kept. */
    public Loaded load(Consumer<String> progress) {
        return load(progress, 1.0);
    }

    /** With fewer workstations per organisation ({@code scale} below 1), for tests. */
    public Loaded load(Consumer<String> progress, double scale) {
        long start = System.nanoTime();
        Caller op = Caller.localOperator();
        List<Substitution> pairs = store.substitutions();
        if (pairs.isEmpty()) throw new IllegalStateException("the catalog has no alternatives to build a demo from; load the curated catalog first");
        Slots slots = new Slots(pairs);
        int created = 0, kept = 0, purchases = 0;
        Path dir;
        try {
            dir = Files.createTempDirectory("zamena-demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (DemoOrg o : ORGS) {
                if (tenants.organisation(o.slug()).isEmpty()) tenants.createOrganisation(op, o.slug(), o.name(), o.parent(), false, o.kind());
                else tenants.updateOrganisation(op, o.slug(), o.kind(), null);
                for (int t = 0; t < PERIODS.size(); t++) {
                    int period = PERIODS.get(t);
                    Path file = dir.resolve(o.slug() + "-" + period + ".csv");
                    Files.writeString(file, inventory(o, t, slots, Math.max(3, (int) Math.round(o.hosts() * scale))), StandardCharsets.UTF_8);
                    var run = audits.run(op, o.slug(), List.of(file),
                            new AuditService.Options(null, null, "Инвентаризация " + period + " (демо)", Map.of(), false, period), null);
                    if (run.outcome().equals(AuditService.CREATED)) created++;
                    else kept++;
                    progress.accept(o.slug() + " " + period + ": " + run.outcome());
                }
                // A year of purchases, checked and recorded as a buyer's file would be (once: by the file's SHA-256).
                Path bought = dir.resolve(o.slug() + "-purchases-" + PERIODS.getLast() + ".csv");
                Files.writeString(bought, purchases(o, slots), StandardCharsets.UTF_8);
                var recorded = this.purchases.checkAndRecord(op, o.slug(), bought, ComplianceService.Options.of("ru"), outcome -> {});
                if (recorded.status() == PurchaseService.Status.NOT_RECORDED)
                    throw new IllegalStateException("the demo's purchases of " + o.slug() + " have items the rules reject: " + recorded.counts());
                purchases += (int) recorded.counts().decided();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
        return new Loaded(ORGS.size(), created, kept, purchases, (System.nanoTime() - start) / 1_000_000);
    }

    /** Is the demo there: every organisation with an audit for every period? */
    public boolean loaded() {
        Caller op = Caller.localOperator();
        for (DemoOrg o : ORGS) {
            if (tenants.organisation(o.slug()).isEmpty()) return false;
            if (store.auditPeriods(new Long[]{auditStore.orgId(op, o.slug(), Role.VIEWER)}).size() < PERIODS.size()) return false;
        }
        return true;
    }

    // ------------------------------------------------------------------ generation

    /**
     * What a government office runs, by category, and how many of its workstations use it: at most
     * two foreign products per category (each with its catalog alternatives) make a slot.
     */
    private static final Map<String, Double> USAGE = orderedUsage(
            "operating-system", 0.95, "office-suite", 0.9, "browser", 0.85, "antivirus-edr", 0.9, "cpu", 1.0, "email-groupware", 0.7,
            "messenger", 0.4, "video-conferencing", 0.35, "crypto-pki", 0.3, "remote-access", 0.2, "document-management", 0.5,
            "accounting", 0.12, "hr-payroll", 0.08, "dbms", 0.06, "bi-analytics", 0.05, "virtualization", 0.04, "backup", 0.04,
            "directory-services", 0.05, "service-desk", 0.06, "monitoring", 0.04, "erp", 0.05, "crm", 0.04);

    /** The foreign products a Russian government office actually had: picked first in their category. */
    private static final List<String> COMMON = List.of("microsoft-windows", "microsoft-office", "google-chrome", "microsoft-exchange",
            "microsoft-outlook", "intel-core", "intel-xeon", "zoom", "microsoft-teams", "whatsapp", "symantec-endpoint-protection",
            "microsoft-sharepoint", "opentext-documentum", "oracle-database", "microsoft-sql-server", "sap-successfactors",
            "intuit-quickbooks", "microsoft-power-bi", "vmware-vsphere", "veeam-backup-replication", "microsoft-active-directory",
            "servicenow-itsm", "solarwinds-npm", "sap-s4hana", "salesforce-sales-cloud", "teamviewer", "thales-safenet-etoken", "microsoft-edge");

    private static Map<String, Double> orderedUsage(Object... kv) {
        var m = new LinkedHashMap<String, Double>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        return m;
    }

    static final class Slots {
        final List<Slot> list = new ArrayList<>();

        Slots(List<Substitution> pairs) {
            var byFrom = new LinkedHashMap<String, Slot>();
            var ordered = new ArrayList<>(pairs);
            ordered.sort(Comparator.comparingInt((Substitution s) -> COMMON.contains(s.from().id()) ? COMMON.indexOf(s.from().id()) : COMMON.size()));
            for (Substitution s : ordered)
                if (USAGE.containsKey(s.from().category())) byFrom.computeIfAbsent(s.from().id(), k -> new Slot(s.from())).alternatives.add(s.to());
            var random = new Random(SEED);
            var perCategory = new HashMap<String, Integer>();
            for (String category : USAGE.keySet())
                for (Slot s : byFrom.values()) {
                    if (!s.foreign.category().equals(category) || perCategory.merge(category, 1, Integer::sum) > 2) continue;
                    // the first product of a category is the common one; a second one is found on fewer machines
                    s.usage = USAGE.get(category) * (perCategory.get(category) == 1 ? 1 : 0.3);
                    s.start = 0.25 + random.nextDouble() * 0.35;
                    list.add(s);
                }
        }
    }

    static final class Slot {
        final CatalogProduct foreign;
        final List<CatalogProduct> alternatives = new ArrayList<>();
        double usage, start;

        Slot(CatalogProduct foreign) {
            this.foreign = foreign;
        }

        boolean processor() {
            return "cpu".equals(foreign.category());
        }
    }

    /**
     * One organisation's inventory of year index {@code t} as the CSV an inventory tool exports.
     * Each workstation keeps its own random draws across the years, so a machine once moved to
     * the alternative stays moved, and the share rises steadily with the organisation's pace.
     */
    static String inventory(DemoOrg o, int t, Slots slots, int hosts) {
        var sb = new StringBuilder("Имя компьютера;Программа;Производитель;Версия\r\n");
        var orgRandom = new Random(SEED ^ o.slug().hashCode());
        // Which alternative this organisation chose for each slot, and which slots it has at all.
        var choice = new HashMap<Slot, CatalogProduct>();
        // Authorities mostly move to registered domestic products; open source where nothing domestic fits.
        for (Slot s : slots.list) {
            var domestic = s.alternatives.stream().filter(a -> a.origin().equals("domestic")).toList();
            var from = !domestic.isEmpty() && orgRandom.nextDouble() < 0.85 ? domestic : s.alternatives;
            choice.put(s, from.get(orgRandom.nextInt(from.size())));
        }
        var noiseRandom = new Random(SEED ^ (o.slug().hashCode() * 31L + t));
        for (int h = 1; h <= hosts; h++) {
            String host = o.slug().toUpperCase(Locale.ROOT).replace("DEMO-", "").replace("DEMO", "MIN") + "-WS" + String.format(Locale.ROOT, "%03d", h);
            var hostRandom = new Random(SEED ^ (o.slug().hashCode() * 1_000_003L + h));
            for (Slot s : slots.list) {
                double uses = hostRandom.nextDouble(), moved = hostRandom.nextDouble(), spelling = hostRandom.nextDouble();
                if (uses >= s.usage) continue;
                double pace = s.processor() ? o.pace() * 0.6 : o.pace();
                boolean replaced = moved < Math.min(0.99, s.start * (s.processor() ? 0.5 : 1) + pace * t);
                CatalogProduct p = replaced ? choice.get(s) : s.foreign;
                // Most machines of an organisation spell a product one way; some another (another installer, another year).
                double variant = spelling < 0.85 ? orgSpelling(o, p) : spelling;
                row(sb, host, spell(p, variant, t), p.vendor(), version(p, t));
            }
            // Drivers and runtimes stay; the foreign utilities among them go at the organisation's pace.
            for (String[] n : NOISE)
                if (noiseRandom.nextDouble() < 0.3 * (FOREIGN_UTILITIES.contains(n[0]) ? Math.max(0.05, 1 - 1.5 * o.pace() * t) : 1))
                    row(sb, host, n[0], n[1], n[2]);
        }
        return sb.toString();
    }

    private static double orgSpelling(DemoOrg o, CatalogProduct p) {
        return new Random(SEED ^ (o.slug().hashCode() * 17L + p.id().hashCode())).nextDouble();
    }

    /** A name as inventories write it: the catalog's name, Russian name or an alias, with clutter around it. */
    static String spell(CatalogProduct p, double r, int t) {
        var names = new ArrayList<String>();
        names.add(p.name());
        if (p.nameRu() != null && !p.nameRu().isBlank()) names.add(p.nameRu());
        p.aliases().stream().filter(a -> a.length() > 3).limit(3).forEach(names::add);
        String base = names.get((int) (r * 1000) % names.size());
        if ("cpu".equals(p.category())) return base; // hardware inventories name processors plainly
        return switch ((int) (r * 100) % 7) {
            case 0 -> base + " " + (2019 + t) + EDITIONS.get((int) (r * 10000) % EDITIONS.size());
            case 1 -> base + " (x64)";
            case 2 -> base + LANG_TAGS.get((int) (r * 10000) % LANG_TAGS.size());
            case 3 -> base + " " + (5 + t) + "." + ((int) (r * 1000) % 10);
            case 4 -> base.toUpperCase(Locale.ROOT);
            case 5 -> base + " (64-bit)";
            default -> base;
        };
    }

    private static String version(CatalogProduct p, int t) {
        return (3 + Math.abs(p.id().hashCode() % 20) + t) + "." + Math.abs(p.id().hashCode() % 7) + "." + (100 + t * 17);
    }

    private static void row(StringBuilder sb, String host, String name, String publisher, String version) {
        sb.append(host).append(';').append(csv(name)).append(';').append(csv(publisher)).append(';').append(csv(version)).append("\r\n");
    }

    private static String csv(String v) {
        if (v == null) return "";
        return v.contains(";") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /**
     * A year of purchases as a line-item CSV (the last period): licences named as the catalog names the
     * product, and workstations with the country of their processor; domestic at the organisation's pace.
     */
    String purchases(DemoOrg o, Slots slots) {
        int period = PERIODS.getLast(), t = PERIODS.size();
        var random = new Random(SEED ^ (o.slug().hashCode() * 7L));
        var sb = new StringBuilder("id,date,law,kii,okpd2,name,origin_country,registry_number,price,quantity,processor_country\r\n");
        int lines = 8 + o.hosts() / 10;
        for (int i = 0; i < lines; i++) {
            Slot s = slots.list.get(random.nextInt(slots.list.size()));
            boolean domestic = random.nextDouble() < Math.min(0.98, s.start + o.pace() * t + 0.1);
            CatalogProduct p = domestic ? s.alternatives.get(random.nextInt(s.alternatives.size())) : s.foreign;
            LocalDate on = LocalDate.of(period, 1 + random.nextInt(11), 1 + random.nextInt(28));
            String id = o.slug() + "-" + period + "-" + (i + 1);
            if (s.processor()) {
                int n = 2 + random.nextInt(20);
                // A workstation bought whole: assembled in Russia either way, its processor domestic or not.
                purchaseRow(sb, id, on, "26.20.15", "АРМ на процессоре " + p.name(), "RU", n * (domestic ? 145_000L : 98_000L), n, p.country());
            } else {
                int seats = 5 + random.nextInt(Math.max(6, o.hosts()));
                double price = switch (String.valueOf(p.category())) {
                    case "dbms", "erp", "virtualization", "document-management" -> 90_000;
                    case "operating-system" -> 9_500;
                    case "office-suite" -> 7_800;
                    case "antivirus-edr", "information-security" -> 3_200;
                    default -> 5_000;
                };
                purchaseRow(sb, id, on, "", p.name(), p.country(), Math.round(seats * price * (0.8 + random.nextDouble() * 0.4)), seats, "");
            }
        }
        return sb.toString();
    }

    private static void purchaseRow(StringBuilder sb, String id, LocalDate on, String okpd2, String name, String country, long price, int quantity,
                                    String processorCountry) {
        sb.append(id).append(',').append(on).append(",44-FZ,false,").append(okpd2).append(',').append(quoted(name)).append(',')
                .append(country == null ? "" : country).append(",,").append(price).append(',').append(quantity).append(',')
                .append(processorCountry == null ? "" : processorCountry).append("\r\n");
    }

    private static String quoted(String v) {
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
