package ru.zamena.compliance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A broken rule pack fails when it loads, naming the file and the rule, not later on some item. */
class ProfileLoaderTest {
    static Path pack(Path dir, String rules) throws IOException {
        Path p = Files.createDirectories(dir.resolve("t"));
        Files.writeString(p.resolve("profile.yaml"), "id: t\nname: Test\ncovers_from: 2020-01-01\ngroups:\n  domestic: [RU]\nrule_files: [rules.yaml]\n");
        Files.writeString(p.resolve("rules.yaml"), rules);
        return dir;
    }

    static final String RULE = """
            - id: t.one
              title: {ru: Правило, en: Rule}
              ref: {act: Decree, number: "1", date: 2020-01-01}
              effective_from: 2020-01-01
              scope: {laws: [44-FZ]}
              covers: {okpd2: [%s]}
              when: "%s"
              verdict: %s
              reason: {ru: причина, en: reason}
            """;

    @Test
    void aTypoInAConditionIsCaughtByTheTypeChecker(@TempDir Path dir) throws IOException {
        Path d = pack(dir, RULE.formatted("\"26.20\"", "!registerd", "RESTRICTED"));
        assertThatThrownBy(() -> new Profiles(d).engine("t")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule t.one: invalid condition").hasMessageContaining("registerd");
    }

    @Test
    void aConditionMustBeBoolean(@TempDir Path dir) throws IOException {
        Path d = pack(dir, RULE.formatted("\"26.20\"", "okpd2", "RESTRICTED"));
        assertThatThrownBy(() -> new Profiles(d).engine("t")).hasMessageContaining("rule t.one: invalid condition");
    }

    @Test
    void unquotedCodesAndUnknownVerdictsAreRefused(@TempDir Path dir) throws IOException {
        Path d = pack(dir, RULE.formatted("26.20", "!registered", "RESTRICTED"));
        assertThatThrownBy(() -> ProfileLoader.load(d, "t")).hasMessageContaining("rules.yaml: rule t.one: write OKPD2 code 26.2 in quotes");
        Path e = pack(dir.resolve("e"), RULE.formatted("\"26.20\"", "!registered", "FORBIDDEN"));
        assertThatThrownBy(() -> ProfileLoader.load(e, "t")).hasMessageContaining("verdict must be one of");
    }

    @Test
    void aValidPackLoads(@TempDir Path dir) throws IOException {
        Path d = pack(dir, RULE.formatted("\"26.20\"", "!registered && !(origin in groups.domestic)", "RESTRICTED"));
        assertThat(new Profiles(d).engine("t").rules()).singleElement().satisfies(r -> assertThat(r.coverage().okpd2()).containsExactly("26.20"));
    }

    @Test
    void unquotedNorwayInACountryGroupIsRefused(@TempDir Path dir) throws IOException {
        Path d = pack(dir, RULE);
        Path main = d.resolve("t/profile.yaml");
        Files.writeString(main, Files.readString(main).replace("domestic: [RU]", "domestic: [RU]\n  nordic: [SE, NO]"));
        assertThatThrownBy(() -> ProfileLoader.load(d, "t")).hasMessageContaining("groups.nordic: 'false' is not an ISO alpha-2 country code");
    }
}
