package ru.zamena.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** zamena org create/set with a kind, and zamena audit --period, as a user runs them. */
class OrgCommandIT {
    static CliRunner cli;

    @BeforeAll
    static void start() {
        cli = CliRunner.start(OrgCommandIT.class);
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    static String fixture(String name) {
        return CliRunner.ROOT.resolve("zamena-app/src/test/resources/audit").resolve(name).toString();
    }

    @Test
    void kindsAreSetAtCreationAndChangedLater() throws IOException {
        var created = cli.run("org", "create", "rosgaz", "--name", "Росгаз", "--kind", "holding");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).contains("Created organisation rosgaz (Росгаз), holding.");
        assertThat(cli.run("org", "create", "rosgaz-sever", "--name", "Росгаз Север", "--parent", "rosgaz").code()).isZero();
        assertThat(cli.run("org", "create", "other", "--name", "Другая").code()).isZero();

        var set = cli.run("org", "set", "rosgaz-sever", "--kind", "company");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("rosgaz-sever: kind company, parent rosgaz");
        assertThat(cli.run("org", "set", "rosgaz", "--kind", "ministry").code()).isZero();
        assertThat(cli.run("org", "set", "rosgaz-sever", "--parent", "other").out()).contains("kind company, parent other");

        var list = cli.run("org", "list", "--format", "json").json();
        assertThat(list.findValuesAsText("kind")).contains("ministry", "company");
        assertThat(cli.run("org", "list").out()).contains("KIND", "ministry");

        var bad = cli.run("org", "set", "rosgaz", "--kind", "castle");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("organisation kind must be ministry, agency, unit, holding or company, got 'castle'");
        assertThat(cli.run("org", "set", "rosgaz").err()).contains("give --kind or --parent");
        var cycle = cli.run("org", "set", "other", "--parent", "rosgaz-sever");
        assertThat(cycle.code()).isNotZero();
        assertThat(cycle.err()).contains("cannot be its parent");
        assertThat(cli.run("org", "create", "castle", "--name", "Замок", "--kind", "castle").code()).isNotZero();
        assertThat(cli.run("org", "list").out()).doesNotContain("castle");
    }

    @Test
    void anAuditStandsForTheYearGiven() throws IOException {
        assertThat(cli.run("org", "create", "school", "--name", "Школа", "--kind", "unit").code()).isZero();
        var r = cli.run("audit", fixture("workstations.cdx.json"), "--org", "school", "--period", "2025", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().at("/report/audit/period").asInt()).isEqualTo(2025);
        var table = cli.run("audit", fixture("accounting-pc.reg"), "--org", "school");
        assertThat(table.out()).contains("of school for " + java.time.Year.now().getValue());

        var list = cli.run("audit", "list", "--org", "school");
        assertThat(list.out()).contains("PERIOD", "2025");
        assertThat(cli.run("audit", "list", "--org", "school", "--format", "json").json().findValuesAsText("period"))
                .containsExactlyInAnyOrder("" + java.time.Year.now().getValue(), "2025");

        var bad = cli.run("audit", fixture("workstations.cdx.json"), "--org", "school", "--period", "3025");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("period must be a year between 1990 and 2100");
    }
}
