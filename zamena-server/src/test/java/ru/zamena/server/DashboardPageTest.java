package ru.zamena.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard page: served with its chart library from the product itself, linked, bilingual, calling only operations of the spec. */
class DashboardPageTest {
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(DashboardPageTest.class);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void thePageAndEChartsAreServedFromTheProduct() {
        var page = s.get("/dashboard.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(page.body()).contains("<script src=\"vendor/echarts.min.js\"", "<script src=\"dashboard.js\"", "type=\"password\"",
                "class=\"skip\"");
        var echarts = s.get("/vendor/echarts.min.js");
        assertThat(echarts.status()).isEqualTo(200);
        assertThat(echarts.contentType()).contains("javascript");
        assertThat(echarts.body()).contains("echarts").hasSizeGreaterThan(500_000);
        assertThat(s.get("/dashboard.js").contentType()).contains("javascript");
    }

    @Test
    void thePagesLinkToEachOtherAndLoadNothingFromElsewhere() {
        assertThat(s.get("/").body()).contains("href=\"dashboard.html\"");
        assertThat(s.get("/org.html").body()).contains("href=\"dashboard.html\"");
        String html = s.get("/dashboard.html").body();
        assertThat(html).contains("href=\"./\"", "href=\"org.html\"");
        var m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        var refs = new ArrayList<String>();
        while (m.find()) refs.add(m.group(1));
        assertThat(refs).isNotEmpty().noneMatch(r -> r.matches("(?i)^(https?:)?//.*"));
    }

    @Test
    void theScriptCallsOnlyOperationsOfTheSpecAndKeepsTheKeyInThisTab() {
        String js = s.get("/dashboard.js").body();
        var m = Pattern.compile("orgPath\\((?:state\\.)?\\w+, '([a-z-]+)").matcher(js);
        var used = new TreeSet<String>();
        while (m.find()) used.add(m.group(1));
        assertThat(used).contains("measures", "breakdown", "top-foreign", "tree", "report", "review", "audits", "quotas");
        var spec = OpenApi.operations(OpenApi.SPEC);
        assertThat(spec).contains("GET /orgs/{org}/review", "POST /orgs/{org}/review/{id}", "GET /orgs/{org}/audits",
                "GET /orgs/{org}/audits/{id}/diff/{other}");
        // quotas come with the compliance module; the page says so when the server has not got them
        used.stream().filter(u -> !u.equals("quotas") && !u.equals("review") && !u.equals("audits"))
                .forEach(u -> assertThat(spec).as("the spec lists the dashboard's %s", u).contains("GET /orgs/{org}/" + u));
        assertThat(js).doesNotContain("innerHTML", "localStorage.setItem('zamena.key'", "eval(");
        assertThat(js).contains("sessionStorage.setItem('zamena.key'", "history.replaceState");
    }

    @Test
    void bothLanguagesHaveTheSameTexts() {
        PageTexts.assertComplete(s.get("/dashboard.js").body(), s.get("/dashboard.html").body());
    }

}
