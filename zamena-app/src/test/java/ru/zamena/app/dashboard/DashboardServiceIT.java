package ru.zamena.app.dashboard;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.zamena.app.TestCatalog;
import ru.zamena.app.Zamena;
import ru.zamena.app.dashboard.DashboardViews.*;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;
import ru.zamena.store.AccessDeniedException;
import ru.zamena.store.AuditStore;
import ru.zamena.store.Database;
import ru.zamena.app.compliance.ComplianceService;
import ru.zamena.app.compliance.PurchaseService;
import ru.zamena.store.testing.TestDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Measures on a small hierarchy with known numbers: ministry → agencies a1, a2; a1 → unit u1.
 * Roll-ups add numerators and denominators; the latest audit of a period counts; doubtful items
 * count as unknown; profile targets depend on the organisation's kind; parents read children.
 */
class DashboardServiceIT {
    static final Caller OP = Caller.localOperator();
    static Database db;
    static Zamena zamena;
    static AuditStore audits;
    static DashboardService dashboard;

    @BeforeAll
    static void start() {
        db = TestDatabase.create(DashboardServiceIT.class);
        zamena = new Zamena(db, TestCatalog.config(TestCatalog.root().resolve("data")));
        zamena.catalog().loadCuratedIfChanged();
        audits = new AuditStore(db);
        dashboard = zamena.dashboard();
        org("min", null, "ministry");
        org("a1", "min", "agency");
        org("a2", "min", "agency");
        org("u1", "a1", "unit");
        org("corp", null, "holding");

        // 2024 — a1: 2 domestic items (30 + 10 seats), 2 foreign (50 + 10); a processor: Elbrus (4 seats).
        audit("a1", 2024, soft("1c-accounting", "domestic", 30), soft("ncloudtech-myoffice", "domestic", 10),
                soft("microsoft-office", "foreign", 50), soft("oracle-database", "foreign", 10), cpu("mcst-elbrus-8sv", "domestic", 4));
        // u1: 1 domestic (60), 1 foreign (40), an Intel processor (12 seats).
        audit("u1", 2024, soft("1c-zup", "domestic", 60), soft("microsoft-office", "foreign", 40), cpu("intel-core", "foreign", 12));
        // a2: an older audit of 2024 that must not count, then the latest: 1 foreign (100) and 1 doubtful (20).
        audit("a2", 2024, soft("1c-accounting", "domestic", 1000));
        audit("a2", 2024, soft("microsoft-office", "foreign", 100), review("libreoffice", 20));
        // 2025 — a1 only: 3 domestic of 4 items.
        audit("a1", 2025, soft("1c-accounting", "domestic", 30), soft("ncloudtech-myoffice", "domestic", 40),
                soft("postgrespro-std", "domestic", 10), soft("microsoft-office", "foreign", 20));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static void org(String slug, String parent, String kind) {
        zamena.tenants().createOrganisation(OP, slug, "Org " + slug, parent, false, kind);
    }

    static int seq;

    static AuditStore.Item soft(String product, String origin, int seats) {
        return new AuditStore.Item(++seq, product, "", product, null, List.of(), seats, seats, "matched", product, product, "v",
                origin.equals("domestic") ? "RU" : "US", origin, "office-suite", 1, Map.of(), "matcher");
    }

    static AuditStore.Item cpu(String product, String origin, int seats) {
        return new AuditStore.Item(++seq, product, "", product, null, List.of(), seats, seats, "matched", product, product, "v",
                origin.equals("domestic") ? "RU" : "US", origin, "cpu", 1, Map.of(), "matcher");
    }

    static AuditStore.Item review(String product, int seats) {
        return new AuditStore.Item(++seq, product + "?", "", product + "?", null, List.of(), seats, seats, "review", product, product, "v",
                null, "open_source", "office-suite", 0.6, Map.of(), "matcher");
    }

    static void audit(String org, int period, AuditStore.Item... items) {
        long orgId = audits.orgId(OP, org, Role.EDITOR);
        var renumbered = new ArrayList<AuditStore.Item>();
        int i = 0;
        for (var it : items)
            renumbered.add(new AuditStore.Item(++i, it.nameKey(), it.publisherKey(), it.rawName(), it.publisher(), it.versions(), it.hosts(),
                    it.occurrences(), it.status(), it.productId(), it.productName(), it.vendor(), it.country(), it.origin(), it.category(),
                    it.score(), it.evidence(), it.decidedBy()));
        var a = audits.store(OP, orgId, null, null, null, "fp-" + org + period + (++seq), List.of(), Map.of(), renumbered);
        dashboard.store().setAuditPeriod(OP, org, a.id(), period);
    }

    static Measure measure(Measures ms, MeasureId id) {
        return ms.measures().stream().filter(m -> m.id().equals(id.id())).findFirst().orElseThrow();
    }

    static SeriesPoint point(Measure m, String period) {
        return m.series().stream().filter(p -> p.period().equals(period)).findFirst().orElseThrow(() -> new AssertionError("no " + period + " in " + m));
    }

    @Test
    void rollUpAddsNumeratorsAndDenominators() {
        var software = measure(dashboard.measures(OP, "min", Basis.COUNT), MeasureId.SOFTWARE_DOMESTIC_SHARE);
        // 2024: a1 2/4, u1 1/2, a2 0/1 (one foreign; the doubtful item is unknown) → 3 of 7 identified,
        // not the average of shares (0.5 + 0.5 + 0) / 3.
        SeriesPoint p = point(software, "2024");
        assertThat(p.n().longValue()).isEqualTo(8);
        assertThat(p.value()).isEqualTo(0.4286);
        assertThat(p.domestic()).isEqualTo(0.375);
        assertThat(p.foreign()).isEqualTo(0.5);
        assertThat(p.unknown()).isEqualTo(0.125);
        assertThat(p.openSource()).isZero();
        // 2025: only a1 audited: 3 of 4.
        assertThat(point(software, "2025").value()).isEqualTo(0.75);

        var seats = measure(dashboard.measures(OP, "min", Basis.SEATS), MeasureId.SOFTWARE_DOMESTIC_SHARE);
        // 2024 seats: a1 40 of 100, u1 60 of 100, a2 0 of 100 identified (+20 doubtful) → 100 of 300 identified, of 320 in all.
        assertThat(point(seats, "2024").n().longValue()).isEqualTo(320);
        assertThat(point(seats, "2024").value()).isCloseTo(100 / 300.0, within(1e-4));

        // a1 rolls up u1 but not its sibling.
        var a1 = measure(dashboard.measures(OP, "a1", Basis.COUNT), MeasureId.SOFTWARE_DOMESTIC_SHARE);
        assertThat(point(a1, "2024").value()).isEqualTo(0.5);
        assertThat(point(a1, "2024").n().longValue()).isEqualTo(6);
    }

    @Test
    void processorsAreTheirOwnMeasure() {
        var cpu = measure(dashboard.measures(OP, "min", Basis.SEATS), MeasureId.PROCESSOR_DOMESTIC_SHARE);
        assertThat(point(cpu, "2024").value()).isEqualTo(0.25); // Elbrus 4 of 16 seats
        assertThat(cpu.target().value()).isEqualTo(0.70);
        assertThat(cpu.target().year()).isEqualTo(2023);
    }

    @Test
    void childrenCarryTheirRolledValueTargetAndVerdict() {
        var ms = dashboard.measures(OP, "min", Basis.COUNT);
        assertThat(ms.children()).extracting(ChildMeasures::slug).containsExactly("a1", "a2");
        ChildMeasure a1 = ms.children().getFirst().measures().getFirst();
        assertThat(a1.id()).isEqualTo("software_domestic_share");
        assertThat(a1.value()).isEqualTo(0.75);
        assertThat(a1.verdict()).isNotNull();
    }

    @Test
    void withoutPurchasesSpendIsNotInvented() {
        var ms = dashboard.measures(OP, "a2", Basis.SPEND);
        for (Measure m : ms.measures()) {
            assertThat(m.series()).isEmpty();
            assertThat(m.forecast()).isNull();
            assertThat(m.note()).contains("no purchases");
        }
    }

    @Test
    void purchasesGiveSpend() throws IOException {
        // Checked and recorded as a buyer records a file: the one purchases model (purchase_item).
        Path file = Files.createTempFile("corp-purchases", ".csv");
        Files.writeString(file, """
                id,date,law,kii,okpd2,name,origin_country,registry_number,price,quantity,processor_country
                1,2025-03-01,44-FZ,false,58.29.21,Astra Linux Special Edition,RU,,300000,10,
                2,2025-04-01,44-FZ,false,58.29.21,Microsoft Office,US,,100000,5,
                3,2025-05-01,44-FZ,false,26.20.14,Server on Elbrus,RU,,600000,1,RU
                """);
        long before = dashboard.store().version();
        var recorded = zamena.purchases().checkAndRecord(OP, "corp", file, ComplianceService.Options.of("ru"), outcome -> {});
        assertThat(recorded.status()).as(recorded.counts().toString()).isEqualTo(PurchaseService.Status.RECORDED);
        long version = dashboard.store().version();
        assertThat(version).as("recording bumps the data version: cached answers are not served").isGreaterThan(before);
        assertThat(zamena.purchases().checkAndRecord(OP, "corp", file, ComplianceService.Options.of("ru"), outcome -> {}).status())
                .isEqualTo(PurchaseService.Status.ALREADY_RECORDED);
        assertThat(dashboard.store().version()).as("nothing recorded, nothing changed").isEqualTo(version);
        var office = db.jdbi().withHandle(h -> h.createQuery("select product_id, category, origin_class, quantity from purchase_item i join organisation o on o.id = i.org_id "
                + "where o.slug = 'corp' and i.item_id = '2'")
                .mapToMap().one());
        assertThat(office).containsEntry("product_id", "microsoft-office").containsEntry("category", "office-suite")
                .containsEntry("origin_class", "foreign").containsEntry("quantity", 5.0);
        var ms = dashboard.measures(OP, "corp", Basis.SPEND);
        assertThat(point(measure(ms, MeasureId.PURCHASES_DOMESTIC_SHARE), "2025").value()).isEqualTo(0.75); // software only: 300k of 400k
        assertThat(point(measure(ms, MeasureId.PROCESSOR_DOMESTIC_SHARE), "2025").value()).isEqualTo(1.0);
        // A holding is a state company: 70% for software purchases.
        assertThat(measure(ms, MeasureId.PURCHASES_DOMESTIC_SHARE).target().value()).isEqualTo(0.70);
        var count = dashboard.measures(OP, "corp", Basis.COUNT);
        assertThat(point(measure(count, MeasureId.PURCHASES_DOMESTIC_SHARE), "2025").value()).isEqualTo(0.5);
        var seats = dashboard.measures(OP, "corp", Basis.SEATS);
        assertThat(point(measure(seats, MeasureId.PURCHASES_DOMESTIC_SHARE), "2025").value()).isCloseTo(10 / 15.0, within(1e-4)); // rounded to four places
        var byCountry = dashboard.breakdown(OP, "corp", "country", 2025, Basis.SPEND);
        assertThat(byCountry.rows().getFirst().key()).isEqualTo("RU");
        assertThat(byCountry.rows().getFirst().total().doubleValue()).isEqualTo(900_000.0);
    }

    @Test
    void purchasesRecordedBeforeV9CountByTheirCountry() {
        org("checked", null, "agency");
        long org = audits.orgId(OP, "checked", Role.VIEWER);
        db.jdbi().useHandle(h -> {
            long file = h.createUpdate("insert into purchase_file (org_id, sha256, name, profile, items, recorded_by) values (:o, 'x', 'f.csv', 'ru', 3, 't')")
                    .bind("o", org).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            // origin is a country there; registered counts as domestic; 26.* is hardware
            h.createUpdate("""
                    insert into purchase_item (file_id, ordinal, org_id, item_id, date, law, okpd2, name, origin, registered, price, verdict) values
                    (:f, 1, :o, '1', '2025-03-01', '44-FZ', '58.29.1', 'Astra Linux', 'RU', true, 700, 'allowed'),
                    (:f, 2, :o, '2', '2025-04-01', '44-FZ', '58.29.2', 'MS Office', 'US', false, 300, 'prohibited'),
                    (:f, 3, :o, '3', '2025-05-01', '44-FZ', '26.20.15', 'PC', 'CN', false, 5000, 'allowed')""")
                    .bind("f", file).bind("o", org).execute();
        });
        var ms = dashboard.measures(OP, "checked", Basis.SPEND);
        assertThat(point(measure(ms, MeasureId.PURCHASES_DOMESTIC_SHARE), "2025").value()).isEqualTo(0.7);
        assertThat(point(measure(ms, MeasureId.PURCHASES_DOMESTIC_SHARE), "2025").n().doubleValue()).isEqualTo(1000.0);
    }

    @Test
    void targetsDependOnKindAndOwnTargetsAreInherited() {
        var min = dashboard.targets(OP, "min").targets();
        assertThat(min).filteredOn(TargetRow::effective).extracting(TargetRow::measure, TargetRow::value)
                .contains(org.assertj.core.groups.Tuple.tuple("software_domestic_share", 0.9));
        assertThat(dashboard.targets(OP, "corp").targets()).filteredOn(t -> t.measure().equals("software_domestic_share") && t.effective())
                .extracting(TargetRow::value).containsExactly(0.7);
        dashboard.putTarget(OP, "a1", "software_domestic_share", 0.95, 2027);
        var u1 = dashboard.targets(OP, "u1").targets().stream().filter(t -> t.measure().equals("software_domestic_share")).toList();
        assertThat(u1.getFirst()).satisfies(t -> {
            assertThat(t.effective()).isTrue();
            assertThat(t.org()).isEqualTo("a1");
            assertThat(t.value()).isEqualTo(0.95);
        });
        assertThat(u1.get(1).source()).startsWith("profile ru");
        assertThatThrownBy(() -> dashboard.putTarget(OP, "a1", "software_domestic_share", 1.5, 2027)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dashboard.putTarget(OP, "a1", "nonsense", 0.5, 2027)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parentsReadTheirDescendantsButNotSiblingsOrParents() {
        Caller a1Viewer = caller("a1", Role.VIEWER), minViewer = caller("min", Role.VIEWER);
        assertThat(dashboard.measures(a1Viewer, "u1", Basis.COUNT).org().slug()).isEqualTo("u1");
        assertThat(dashboard.tree(minViewer, "a1").children()).extracting(TreeNode::slug).containsExactly("u1");
        assertThatThrownBy(() -> dashboard.measures(a1Viewer, "a2", Basis.COUNT)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboard.measures(a1Viewer, "min", Basis.COUNT)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboard.putTarget(minViewer, "min", "software_domestic_share", 0.5, 2027)).isInstanceOf(AccessDeniedException.class);
        // Reading below is not writing below.
        assertThatThrownBy(() -> dashboard.putTarget(caller("min", Role.ADMIN), "a1", "software_domestic_share", 0.5, 2027))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void breakdownsAndTopForeignReadTheLatestAuditOfThePeriod() {
        var byCategory = dashboard.breakdown(OP, "min", "category", 2024, Basis.SEATS);
        BreakdownRow office = byCategory.rows().stream().filter(r -> r.key().equals("office-suite")).findFirst().orElseThrow();
        assertThat(office.label().en()).isEqualTo("Office suites");
        assertThat(office.domestic().longValue()).isEqualTo(100);
        assertThat(office.foreign().longValue()).isEqualTo(200);
        // the doubtful item has no category: it is in the "not identified" row
        assertThat(byCategory.rows()).anySatisfy(r -> {
            assertThat(r.key()).isEmpty();
            assertThat(r.unknown().longValue()).isEqualTo(20);
        });
        var platforms = dashboard.breakdown(OP, "min", "platform", 2024, Basis.COUNT);
        assertThat(platforms.rows()).extracting(BreakdownRow::key).contains("e2k", "x86-64");

        var top = dashboard.topForeign(OP, "min", 2024, 5);
        assertThat(top.rows().getFirst().productId()).isEqualTo("microsoft-office");
        assertThat(top.rows().getFirst().seats()).isEqualTo(190);
        assertThat(top.rows().getFirst().orgs()).isEqualTo(3);
        assertThat(top.rows().getFirst().alternatives()).extracting(Alternative::productId).contains("ncloudtech-myoffice", "r7-office");
        assertThat(dashboard.topForeign(OP, "min", null, 5).period()).isEqualTo("2025");
    }

    static Caller caller(String org, Role role) {
        return new Caller("test", audits.orgId(OP, org, Role.VIEWER), org, role, false);
    }
}
