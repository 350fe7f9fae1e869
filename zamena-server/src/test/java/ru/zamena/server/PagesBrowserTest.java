package ru.zamena.server;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.zamena.app.audit.AuditService;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog page and the organisation page in Debian's Chromium: they load their scripts (common.js
 * included) without errors and do their main job — find a product across scripts; sign in with a key and
 * list the review queue and the audits. The dashboard and the check page have browser tests of their own.
 */
class PagesBrowserTest {
    static TestServer s;
    static Browser browser;
    static String key;
    BrowserContext context;
    Page page;
    final List<String> errors = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.chromium();
        s = TestServer.start(PagesBrowserTest.class);
        s.createOrg("clinic", false);
        key = s.key("clinic", Role.EDITOR);
        Path sbom = Files.createTempFile("clinic", ".cdx.json");
        Files.writeString(sbom, AuditApiTest.SBOM);
        s.zamena.audits().run(Caller.localOperator(), "clinic", List.of(sbom), AuditService.Options.defaults(), AuditService.Progress.NONE);
        Files.delete(sbom);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (s != null) s.close();
    }

    @BeforeEach
    void open() {
        context = browser.laptop("en-GB");
        page = context.newPage();
        Browser.watch(page, errors);
    }

    @AfterEach
    void close() {
        context.close();
        assertThat(errors).as("errors in the page").isEmpty();
    }

    @Test
    void theCatalogPageFindsAProductWrittenInCyrillic() {
        page.navigate(s.server.url());
        // The page is ready when its first calls have answered (the catalog's figures in the footer).
        page.locator("#stats:not(:empty)").waitFor();
        page.locator("#q").fill("МойОфис");
        page.locator("#q").press("Enter");
        // Locators, not waitForFunction: the page's CSP forbids the eval that polling a function needs.
        page.locator("#results li", new Page.LocatorOptions().setHasText(Pattern.compile("myoffice", Pattern.CASE_INSENSITIVE))).first().waitFor();
        assertThat(page.locator("#results li").count()).isPositive();
    }

    @Test
    void theOrganisationPageSignsInAndShowsTheQueueAndTheAudits() {
        page.navigate(s.server.url() + "org.html");
        page.locator("#org").fill("clinic");
        page.locator("#key").fill(key);
        page.locator("#access button[type=submit]").click();
        page.locator("#review-view").waitFor();
        page.locator("#audits-view").waitFor();
        // The lists arrive after the views show ("Loading…"): wait for the audit's row.
        page.locator("#audits-view tr", new Page.LocatorOptions().setHasText("cdx.json")).first().waitFor();
        assertThat(page.locator("#review-heading").textContent()).isNotBlank();
        assertThat(page.locator("#audits-view").textContent()).contains("cdx.json");
    }
}
