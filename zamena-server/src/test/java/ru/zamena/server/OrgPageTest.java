package ru.zamena.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The organisation page (review queue, audits): served, bilingual, and calling only operations the spec lists. */
class OrgPageTest {
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(OrgPageTest.class);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void thePageIsServedAndLinkedFromTheCatalogPage() {
        var page = s.get("/org.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"org.js\"", "id=\"review\"", "id=\"audits\"", "type=\"password\"");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(s.get("/").body()).contains("href=\"org.html\"");
        assertThat(s.get("/org.js").contentType()).contains("javascript");
    }

    @Test
    void theScriptCallsOnlyOperationsOfTheSpecAndNeverWritesHtml() {
        String js = s.get("/org.js").body();
        var m = Pattern.compile("call\\('([A-Z]+)', (?:orgPath\\('([a-z/]+)|'([a-z]+))").matcher(js);
        var used = new TreeSet<String>();
        while (m.find()) used.add(m.group(1) + " " + (m.group(2) != null ? "/orgs/{org}/" + m.group(2) : "/" + m.group(3)));
        assertThat(used).containsExactlyInAnyOrder("GET /orgs/{org}/review", "POST /orgs/{org}/review/", "GET /orgs/{org}/audits",
                "GET /orgs/{org}/audits/", "GET /products");
        assertThat(OpenApi.operations(OpenApi.SPEC)).contains("GET /orgs/{org}/review", "POST /orgs/{org}/review/{id}",
                "GET /orgs/{org}/audits", "GET /orgs/{org}/audits/{id}", "GET /products");
        assertThat(js).doesNotContain("innerHTML", "localStorage.setItem('zamena.key'");
    }

    @Test
    void bothLanguagesHaveTheSameTexts() {
        PageTexts.assertComplete(s.get("/org.js").body(), s.get("/org.html").body());
    }

}
