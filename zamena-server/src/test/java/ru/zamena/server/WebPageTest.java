package ru.zamena.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The web page is served from the same process, loads nothing from elsewhere and uses only the public API. */
class WebPageTest {
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(WebPageTest.class);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void thePageAndItsFilesAreServed() {
        var page = s.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<meta charset=\"utf-8\">", "<script src=\"app.js\"", "href=\"style.css\"", "role=\"search\"");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(s.get("/app.js").contentType()).contains("javascript");
        assertThat(s.get("/style.css").contentType()).startsWith("text/css");
    }

    @Test
    void nothingIsLoadedFromElsewhere() {
        String html = s.get("/").body();
        var m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        var refs = new ArrayList<String>();
        while (m.find()) refs.add(m.group(1));
        assertThat(refs).isNotEmpty().noneMatch(r -> r.matches("(?i)^(https?:)?//.*"));
        assertThat(s.get("/style.css").body()).doesNotContain("@import", "url(");
    }

    @Test
    void theScriptUsesOnlyPublicEndpointsThatTheSpecLists() {
        String js = s.get("/app.js").body();
        var m = Pattern.compile("api\\('([a-z-]+)").matcher(js);
        var used = new TreeSet<String>();
        while (m.find()) used.add("/" + m.group(1));
        assertThat(used).containsExactlyInAnyOrder("/products", "/categories", "/platforms", "/stats");
        assertThat(OpenApi.operations(OpenApi.SPEC)).contains("GET /products", "GET /products/{id}", "GET /products/{id}/alternatives",
                "GET /categories", "GET /platforms", "GET /stats");
        assertThat(js).doesNotContain("orgs", "imports", "Authorization", "X-API-Key", "innerHTML");
    }

    @Test
    void bothLanguagesHaveTheSameTexts() {
        PageTexts.assertComplete(s.get("/app.js").body(), s.get("/").body());
    }

}
