package ru.zamena.app.audit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.zamena.app.TestCatalog;
import ru.zamena.app.Zamena;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;
import ru.zamena.ingest.InputException;
import ru.zamena.store.AccessDeniedException;
import ru.zamena.store.Database;
import ru.zamena.store.ReviewStore;
import ru.zamena.store.testing.TestDatabase;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Audits of realistic inventories against the real catalog: report, judgments, idempotency, transactions, tenancy. */
class AuditServiceIT {
    static Database db;
    static Zamena zamena;
    static final Caller OPERATOR = Caller.localOperator();

    @BeforeAll
    static void start() {
        db = TestDatabase.create(AuditServiceIT.class);
        zamena = new Zamena(db, TestCatalog.config(TestCatalog.root().resolve("data")));
        zamena.catalog().loadCuratedIfChanged();
        for (String org : List.of("minfin", "region", "other", "judged", "isolated"))
            zamena.tenants().createOrganisation(OPERATOR, org, "Test " + org, null, false);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static Path fixture(String name) {
        try {
            return Path.of(AuditServiceIT.class.getResource("/audit/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static AuditService.Run audit(String org, AuditService.Options o, Path... files) {
        return zamena.audits().run(OPERATOR, org, List.of(files), o, null);
    }

    static AuditReport.Item item(AuditReport r, String name) {
        return r.items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no item " + name));
    }

    @Test
    void auditOfAnSbomAndARegistryExport() {
        var run = audit("minfin", new AuditService.Options(null, "astra", "workstations", Map.of(), false),
                fixture("workstations.cdx.json"), fixture("accounting-pc.reg"));
        assertThat(run.outcome()).isEqualTo(AuditService.CREATED);
        AuditReport r = run.report();
        assertThat(r.audit().org()).isEqualTo("minfin");
        assertThat(r.audit().files()).extracting(AuditStoreFile::name).containsExactly("workstations.cdx.json", "accounting-pc.reg");
        assertThat(r.audit().files().getFirst().format()).isEqualTo("cyclonedx-json");
        assertThat(r.audit().files().get(1).format()).isNotBlank(); // the readers name host formats their own way
        assertThat(r.audit().files()).extracting(AuditStoreFile::rows).containsExactly(12L, 8L);
        // 12 + 8 rows; the Office of the .reg (Russian edition name, 2016) folds with the SBOM's Office 2019.
        assertThat(r.summary().occurrences()).isEqualTo(20);
        assertThat(r.summary().items()).isEqualTo(14);
        var office = item(r, "Microsoft Office Professional Plus 2019");
        assertThat(office.occurrences()).isEqualTo(4);
        assertThat(office.versions()).contains("16.0.10827.20138", "16.0.4266.1001");
        assertThat(office.status()).isEqualTo("matched");
        assertThat(office.productId()).isEqualTo("microsoft-office");
        assertThat(office.origin()).isEqualTo("foreign");
        assertThat(office.flags()).contains(AuditReport.FOREIGN_REGISTERED);
        assertThat(office.alternatives()).extracting(AuditReport.Alternative::productId).contains("ncloudtech-myoffice");
        assertThat(office.alternatives()).allSatisfy(a -> assertThat(a.platforms()).isNotEmpty());
        assertThat(office.evidence()).containsKey("cleaned");

        var kaspersky = item(r, "Kaspersky Endpoint Security для Windows");
        assertThat(kaspersky.productId()).isEqualTo("kaspersky-endpoint-security");
        assertThat(kaspersky.origin()).isEqualTo("domestic");
        assertThat(item(r, "1С:Предприятие 8 (x86-64) (8.3.22.1709)").productId()).isEqualTo("1c-enterprise");
        assertThat(item(r, "Яндекс Браузер").origin()).isEqualTo("domestic");
        assertThat(item(r, "Mozilla Firefox (x64 ru)").origin()).isEqualTo("open_source");
        var acme = item(r, "Acme Inventory Helper");
        assertThat(acme.status()).isEqualTo("unmatched");
        assertThat(acme.origin()).isEqualTo("unknown");
        assertThat(acme.flags()).containsExactly(AuditReport.UNMATCHED);

        assertThat(r.byOrigin()).extracting(AuditReport.Share::key).containsExactly("domestic", "foreign", "open_source", "unknown");
        assertThat(r.byOrigin().stream().mapToLong(AuditReport.Share::occurrences).sum()).isEqualTo(20);
        assertThat(r.byOrigin().stream().mapToDouble(AuditReport.Share::occurrenceShare).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
        var unknown = r.byOrigin().get(3);
        assertThat(unknown.items()).isEqualTo(r.summary().unmatched());
        assertThat(r.byCountry()).extracting(AuditReport.Share::key).contains("RU", "US");
        assertThat(r.byCategory()).extracting(AuditReport.Share::key).contains("office-suite");
        assertThat(r.byVendor()).extracting(AuditReport.Share::key).contains("Microsoft");
        assertThat(r.summary().flags().get(AuditReport.UNMATCHED)).isEqualTo(2);
        assertThat(r.summary().flags().get(AuditReport.REVIEW_PENDING)).isEqualTo(r.summary().review());
        assertThat(r.summary().matched() + r.summary().review() + r.summary().unmatched()).isEqualTo(14);

        // The stored report is the same when read back; the totals kept with the audit agree.
        AuditReport again = zamena.audits().report(OPERATOR, "minfin", r.audit().id());
        assertThat(again.summary()).isEqualTo(r.summary());
        assertThat(again.items()).isEqualTo(r.items());
        assertThat(r.audit().totals()).containsEntry("items", 14).containsEntry("occurrences", 20);
        assertThat(r.audit().cpu()).isNull();
        assertThat(r.audit().os()).isEqualTo("astra");
        assertThat(r.audit().label()).isEqualTo("workstations");
    }

    @Test
    void theSameFilesAgainReturnTheStoredAudit() {
        var first = audit("other", AuditService.Options.defaults(), fixture("workstations.cdx.json"));
        var second = audit("other", AuditService.Options.defaults(), fixture("workstations.cdx.json"));
        assertThat(second.outcome()).isEqualTo(AuditService.UNCHANGED);
        assertThat(second.audit().id()).isEqualTo(first.audit().id());
        assertThat(zamena.audits().audits(OPERATOR, "other", 10)).hasSize(1);
        // Another platform is another audit; force audits the same input again.
        var onElbrus = audit("other", new AuditService.Options("elbrus", null, null, Map.of(), false), fixture("workstations.cdx.json"));
        assertThat(onElbrus.outcome()).isEqualTo(AuditService.CREATED);
        var forced = audit("other", new AuditService.Options(null, null, null, Map.of(), true), fixture("workstations.cdx.json"));
        assertThat(forced.outcome()).isEqualTo(AuditService.CREATED);
        assertThat(zamena.audits().audits(OPERATOR, "other", 10)).hasSize(3);
        // The same file twice in one audit would count everything double.
        assertThatThrownBy(() -> audit("other", AuditService.Options.defaults(), fixture("workstations.cdx.json"), fixture("workstations.cdx.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same content");
        assertThatThrownBy(() -> audit("other", new AuditService.Options("pdp-11", null, null, Map.of(), false), fixture("workstations.cdx.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown cpu 'pdp-11'");
    }

    @Test
    void judgmentsDecideTheNextAudit() {
        var first = audit("judged", AuditService.Options.defaults(), fixture("workstations.cdx.json")).report();
        var queue = zamena.review().queue(OPERATOR, "judged", null, 50);
        assertThat(queue).extracting(ReviewStore.ReviewItem::rawName).containsExactlyInAnyOrder("Oracle Databse 19c", "Skype");
        var oracle = queue.stream().filter(q -> q.rawName().startsWith("Oracle")).findFirst().orElseThrow();
        assertThat(oracle.candidateId()).isEqualTo("oracle-database");
        assertThat(oracle.evidence()).containsKey("name_score");
        assertThat(oracle.firstAuditId()).isEqualTo(first.audit().id());
        var skype = queue.stream().filter(q -> q.rawName().equals("Skype")).findFirst().orElseThrow();

        Caller editor = new Caller("key:test", 0, "judged", Role.EDITOR, false);
        Caller viewer = new Caller("key:viewer", 0, "judged", Role.VIEWER, false);
        assertThatThrownBy(() -> zamena.review().decide(viewer, "judged", oracle.id(), ReviewStore.Decision.ACCEPT, null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(zamena.review().decide(editor, "judged", oracle.id(), ReviewStore.Decision.ACCEPT, null, "checked").status()).isEqualTo("accepted");
        assertThat(zamena.review().decide(editor, "judged", skype.id(), ReviewStore.Decision.REJECT, null, null).status()).isEqualTo("rejected");
        assertThat(zamena.review().queue(OPERATOR, "judged", null, 50)).isEmpty();
        assertThat(zamena.tenants().aliases(OPERATOR, "judged")).extracting(a -> a.productId()).containsExactly("oracle-database");

        var next = audit("judged", new AuditService.Options(null, null, null, Map.of(), true), fixture("workstations.cdx.json")).report();
        var o = item(next, "Oracle Databse 19c");
        assertThat(o.status()).isEqualTo("matched");
        assertThat(o.decidedBy()).isEqualTo("judgment");
        assertThat(o.evidence()).containsEntry("judgment", "accepted").containsEntry("note", "checked");
        var s = item(next, "Skype");
        assertThat(s.status()).isEqualTo("unmatched");
        assertThat(s.productId()).isNull();
        assertThat(s.decidedBy()).isEqualTo("judgment");
        assertThat(next.summary().decidedByJudgment()).isEqualTo(2);
        assertThat(zamena.review().queue(OPERATOR, "judged", null, 50)).isEmpty();
    }

    @Test
    void pickingAnotherProductAndPromotingItsAlias() {
        audit("region", AuditService.Options.defaults(), fixture("accounting-pc.reg"), fixture("workstations.cdx.json"));
        var skype = zamena.review().queue(OPERATOR, "region", null, 50).stream().filter(q -> q.rawName().equals("Skype")).findFirst().orElseThrow();
        var picked = zamena.review().decide(OPERATOR, "region", skype.id(), ReviewStore.Decision.PICK, "skype-for-business", null);
        assertThat(picked.status()).isEqualTo("picked");
        assertThat(picked.productId()).isEqualTo("skype-for-business");
        assertThatThrownBy(() -> zamena.review().decide(OPERATOR, "region", skype.id(), ReviewStore.Decision.PICK, "no-such-product", null))
                .hasMessageContaining("no-such-product");

        zamena.tenants().putAlias(OPERATOR, "region", "Оракл ДБ Региональный", "oracle-database", null);
        Caller regionAdmin = new Caller("key:admin", 0, "region", Role.ADMIN, false);
        assertThatThrownBy(() -> zamena.review().promote(regionAdmin, "region", List.of())).isInstanceOf(AccessDeniedException.class);
        var promoted = zamena.review().promote(OPERATOR, "region", List.of("Оракл ДБ Региональный"));
        assertThat(promoted).extracting(ReviewStore.Promoted::productId).containsExactly("oracle-database");
        var hit = zamena.catalog().search(new ru.zamena.core.catalog.SearchQuery("Оракл ДБ Региональный", null, null, null, null, 0, 1));
        assertThat(hit).extracting(h -> h.id()).containsExactly("oracle-database");
        // A reload of the curated files rewrites product aliases; the promoted one stays.
        db.jdbi().useHandle(h -> h.execute("update product set aliases = '{}' where id = 'oracle-database'"));
        assertThat(zamena.catalog().product("oracle-database").orElseThrow().product().aliases()).contains("Оракл ДБ Региональный");
    }

    @Test
    void aBrokenSecondFileStoresNothing() throws IOException {
        Path dir = Files.createTempDirectory("audit");
        Path broken = dir.resolve("broken.cdx.json");
        Files.writeString(broken, "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"components\": [\n {\"type\": \"application\", \"name\": \"Zoom\"},\n {\"type\": ");
        assertThatThrownBy(() -> audit("isolated", AuditService.Options.defaults(), fixture("accounting-pc.reg"), broken))
                .isInstanceOf(InputException.class).hasMessageStartingWith("broken.cdx.json: line 3");
        assertThat(zamena.audits().audits(OPERATOR, "isolated", 10)).isEmpty();
        assertThat(zamena.review().queue(OPERATOR, "isolated", null, 10)).isEmpty();
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> audit("isolated", AuditService.Options.defaults(), empty)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("empty.txt: ");
        assertThatThrownBy(() -> audit("isolated", AuditService.Options.defaults(), dir.resolve("missing.json")))
                .isInstanceOf(InputException.class).hasMessage("missing.json: no such file");
    }

    @Test
    void anOrganisationNeverSeesAnothersAudits() {
        var run = audit("isolated", new AuditService.Options(null, null, "private", Map.of(), true), fixture("workstations.cdx.json"));
        long id = run.audit().id();
        Caller outsider = new Caller("key:other", 0, "other", Role.ADMIN, false);
        assertThatThrownBy(() -> zamena.audits().audits(outsider, "isolated", 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> zamena.audits().report(outsider, "isolated", id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> zamena.review().queue(outsider, "isolated", null, 10)).isInstanceOf(AccessDeniedException.class);
        // Its own organisation in the path does not open another's audit by id.
        assertThatThrownBy(() -> zamena.audits().report(outsider, "other", id)).isInstanceOf(ru.zamena.store.NotFoundException.class);
        assertThatThrownBy(() -> zamena.audits().items(outsider, "other", id, 0, 10)).isInstanceOf(ru.zamena.store.NotFoundException.class);
        assertThatThrownBy(() -> zamena.audits().run(new Caller("key:v", 0, "isolated", Role.VIEWER, false), "isolated",
                List.of(fixture("workstations.cdx.json")), AuditService.Options.defaults(), null)).isInstanceOf(AccessDeniedException.class);
        assertThat(zamena.audits().audits(new Caller("key:v", 0, "isolated", Role.VIEWER, false), "isolated", 10))
                .extracting(a -> a.id()).contains(id);
    }

    @Test
    void diffShowsWhatWasReplacedAddedAndRemoved() throws IOException {
        Path dir = Files.createTempDirectory("audit-diff");
        Path before = dir.resolve("before.cdx.json"), after = dir.resolve("after.cdx.json");
        Files.writeString(before, sbom("Microsoft Office Professional Plus 2019", "Microsoft Corporation", "Google Chrome", "Google LLC",
                "Microsoft Windows 10 Pro", "Microsoft Corporation", "Zoom Workplace", "Zoom Video Communications, Inc.",
                "КриптоПро CSP", "Компания КРИПТО-ПРО"));
        Files.writeString(after, sbom("Р7-Офис", "АО «Р7»", "Яндекс Браузер", "ООО «ЯНДЕКС»", "Astra Linux Special Edition", "ГК Астра",
                "КриптоПро CSP", "Компания КРИПТО-ПРО", "КриптоПро CSP", "Компания КРИПТО-ПРО", "Acme Inventory Helper", "Acme Widgets Ltd"));
        long a = audit("region", AuditService.Options.defaults(), before).audit().id();
        long b = audit("region", AuditService.Options.defaults(), after).audit().id();
        AuditDiff d = zamena.audits().diff(OPERATOR, "region", a, b);
        assertThat(d.replaced()).extracting(x -> x.fromProductId() + ">" + x.toProductId())
                .contains("microsoft-office>r7-office", "google-chrome>yandex-browser", "microsoft-windows>astra-linux-se");
        assertThat(d.removed()).extracting(AuditDiff.Entry::productId).containsExactly("zoom");
        assertThat(d.added()).extracting(AuditDiff.Entry::name).containsExactly("Acme Inventory Helper");
        assertThat(d.changedCount()).isEqualTo(1); // CryptoPro: one installation, then two
        var foreign = d.originShares().stream().filter(x -> x.origin().equals("foreign")).findFirst().orElseThrow();
        assertThat(foreign.from()).isEqualTo(0.8);
        assertThat(foreign.to()).isZero();
        assertThat(foreign.delta()).isEqualTo(-0.8);
        assertThatThrownBy(() -> zamena.audits().diff(OPERATOR, "minfin", a, b)).isInstanceOf(ru.zamena.store.NotFoundException.class);
    }

    @Test
    void aRealSbom() {
        Path shared = Path.of(System.getenv().getOrDefault("ZAMENA_SHARED_DIR", "../../shared"));
        Path sbom = shared.resolve("fixtures/sbom/cyclonedx_juice-shop_v11.1.2_bom.json");
        assumeTrue(Files.isRegularFile(sbom), "shared fixture " + sbom + " is absent");
        var r = audit("minfin", AuditService.Options.defaults(), sbom).report();
        assertThat(r.summary().items()).isGreaterThan(100);
        assertThat(r.summary().occurrences()).isGreaterThanOrEqualTo(r.summary().items());
        assertThat(r.audit().files().getFirst().format()).isEqualTo("cyclonedx-json");
        assertThat(r.byOrigin().stream().mapToLong(AuditReport.Share::items).sum()).isEqualTo(r.summary().items());
    }

    /** A CycloneDX document of applications given as name, publisher pairs. */
    static String sbom(String... nameAndPublisher) {
        var sb = new StringBuilder("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"version\": 1, \"components\": [\n");
        for (int i = 0; i < nameAndPublisher.length; i += 2) {
            if (i > 0) sb.append(",\n");
            sb.append("  {\"type\": \"application\", \"name\": \"").append(nameAndPublisher[i].replace("\"", "\\\""))
                    .append("\", \"publisher\": \"").append(nameAndPublisher[i + 1].replace("\"", "\\\"")).append("\"}");
        }
        return sb.append("\n]}\n").toString();
    }

    private interface AuditStoreFile {
        static String name(ru.zamena.store.AuditStore.FileInfo f) { return f.name(); }
        static long rows(ru.zamena.store.AuditStore.FileInfo f) { return f.items(); }
    }
}
