package ru.zamena.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The officers' check page: served beside the catalog page, loads nothing from elsewhere, uses POST /check and, with a key, the quota report. */
class CheckPageTest {
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(CheckPageTest.class);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void thePageItsFilesAndTheLinkFromTheCatalogPage() {
        var page = s.get("/check.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(page.body()).contains("<script src=\"check.js\"", "id=\"check-items\"", "type=\"file\"", "data-lang=\"en\"");
        assertThat(s.get("/check.js").contentType()).contains("javascript");
        assertThat(s.get("/check.css").contentType()).startsWith("text/css");
        assertThat(s.get("/").body()).contains("href=\"check.html\"");
        var m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(page.body());
        var refs = new ArrayList<String>();
        while (m.find()) refs.add(m.group(1));
        assertThat(refs).noneMatch(r -> r.matches("(?i)^(https?:)?//.*"));
        // the quota view: organisation, key, year and the table's columns
        assertThat(page.body()).contains("id=\"quota-org\"", "id=\"quota-key\" type=\"password\"", "id=\"quota-year\"",
                "data-i18n=\"q.min\"", "data-i18n=\"q.byCount\"", "data-i18n=\"q.byMoney\"", "data-i18n=\"q.shortfall\"", "data-i18n=\"q.status\"");
    }

    @Test
    void theScriptUsesTheCheckAndQuotaEndpointsAndAsksForDrafts() {
        String js = s.get("/check.js").body();
        var m = Pattern.compile("'api/v1/([a-z-]+)").matcher(js);
        var used = new TreeSet<String>();
        while (m.find()) used.add(m.group(1));
        assertThat(used).containsExactly("check", "orgs");
        assertThat(js).contains("justification: 'true'", "navigator.clipboard", "/quotas?", "Authorization: 'Bearer ' + key")
                .doesNotContain("innerHTML", "localStorage.setItem('zamena.key'"); // the key stays in the tab (sessionStorage)
        // every text the page shows exists in both languages
        assertThat(PageTexts.assertComplete(js, s.get("/check.html").body())).hasSizeGreaterThan(20);
    }

}
