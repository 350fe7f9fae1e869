package ru.zamena.app.dashboard;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.zamena.app.TestCatalog;
import ru.zamena.app.Zamena;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.store.Database;
import ru.zamena.store.testing.TestDatabase;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo on the real catalog, at a fifth of its size: three audits per organisation, loaded once however often it runs. */
class DemoDataIT {
    static final Caller OP = Caller.localOperator();
    static Database db;
    static Zamena zamena;
    static DemoData.Loaded first;

    @BeforeAll
    static void load() {
        db = TestDatabase.create(DemoDataIT.class);
        zamena = new Zamena(db, TestCatalog.config(TestCatalog.root().resolve("data")));
        zamena.catalog().loadCuratedIfChanged();
        first = zamena.demo().load(line -> {}, 0.2);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void aMinistryWithAgenciesAndUnitsEachWithThreeYearlyAudits() {
        assertThat(first.organisations()).isEqualTo(DemoData.ORGS.size());
        assertThat(first.auditsCreated()).isEqualTo(DemoData.ORGS.size() * 3);
        assertThat(zamena.demo().loaded()).isTrue();
        var tree = zamena.dashboard().tree(OP, "demo");
        assertThat(tree.org().kind()).isEqualTo("ministry");
        assertThat(tree.children()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(a -> {
            assertThat(a.kind()).isEqualTo("agency");
            assertThat(a.children()).isNotEmpty().allSatisfy(u -> assertThat(u.kind()).isEqualTo("unit"));
        });
        for (var o : DemoData.ORGS) {
            var audits = zamena.audits().audits(OP, o.slug(), 10);
            assertThat(audits).as(o.slug()).hasSize(3);
            // matching happened for real: doubtful or unknown names are among the items
            assertThat(audits.getFirst().itemCount()).isGreaterThan(10);
        }
    }

    @Test
    void loadingAgainChangesNothing() {
        int before = zamena.audits().audits(OP, "demo-nalog", 10).size();
        long version = zamena.dashboard().store().version();
        var again = zamena.demo().load(line -> {}, 0.2);
        assertThat(again.auditsCreated()).isZero();
        assertThat(again.auditsKept()).isEqualTo(DemoData.ORGS.size() * 3);
        assertThat(again.purchases()).isEqualTo(first.purchases());
        assertThat(zamena.audits().audits(OP, "demo-nalog", 10)).hasSize(before);
        // the purchase files are recorded once each (by their SHA-256), nothing the dashboard reads changed
        assertThat(zamena.purchases().files(OP, "demo-nalog")).hasSize(1);
        assertThat(zamena.dashboard().store().version()).isEqualTo(version);
    }

    @Test
    void theDemoShowsProgressAndAgenciesDiffer() {
        var ms = zamena.dashboard().measures(OP, "demo", Basis.SEATS);
        var software = ms.measures().getFirst();
        assertThat(software.id()).isEqualTo("software_domestic_share");
        assertThat(software.series()).hasSize(3);
        assertThat(software.series().getLast().value()).isGreaterThan(software.series().getFirst().value());
        assertThat(software.series().getLast().unknown()).isPositive(); // drivers, runtimes, in-house tools
        var verdicts = new ArrayList<String>();
        ms.children().forEach(c -> verdicts.add(c.measures().getFirst().verdict()));
        assertThat(verdicts).contains("will_miss").containsAnyOf("on_track", "at_risk");
        var spend = zamena.dashboard().measures(OP, "demo", Basis.SPEND);
        // purchases were checked by the compliance engine: some foreign software is refused
        long prohibited = db.jdbi().withHandle(h -> h.createQuery("select count(*) from purchase_item where verdict = 'PROHIBITED'").mapTo(Long.class).one());
        assertThat(prohibited).isPositive();
        assertThat(spend.measures().get(2).series()).hasSize(1); // a year of purchases
        assertThat(zamena.dashboard().topForeign(OP, "demo", null, 10).rows()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.alternatives()).isNotEmpty());
    }
}
