package ru.zamena.server;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The procurement officer's page in Debian's Chromium against a real server: paste items, read each verdict
 * with the rules that fired and their references, open the justification draft, switch to Russian.
 * Screenshots go to target/screenshots/.
 */
class CheckBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static TestServer s;
    static Browser browser;
    BrowserContext context;
    Page page;
    final List<String> scriptErrors = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.chromium();
        s = TestServer.start(CheckBrowserTest.class);
        Files.createDirectories(SHOTS);
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
        Browser.watch(page, scriptErrors);
        page.navigate(s.server.url() + "check.html");
    }

    @AfterEach
    void close() {
        context.close();
        assertThat(scriptErrors).as("errors in the page's console").isEmpty();
    }

    private Locator checkItems(String csv) {
        page.locator("#check-items").fill(csv);
        page.locator("#check-form button[type=submit]").click();
        Locator results = page.locator("#check-results > li");
        results.first().waitFor();
        return results;
    }

    @Test
    void pastedItemsGetVerdictsWithRulesReferencesAndADraft() {
        assertThat(page.locator("#check-heading").textContent()).isEqualTo("Check procurement items");
        Locator results = checkItems("""
                id,date,law,kii,okpd2,name,origin_country,registry_number,price
                office,2024-06-01,44-FZ,false,58.29.12,Unknown Office Suite 2021,US,,150000
                laptop,2025-02-01,44-FZ,false,26.20.11.110,Laptop 15,CN,,60000
                dbms,2025-02-01,223-FZ,true,58.29.12,Oracle Database,US,,
                """);
        assertThat(results.count()).isEqualTo(3);
        assertThat(page.locator("#check-status").textContent()).isEqualTo("3 items, 3 decided, 0 not checked, 3 not simply allowed");

        Locator office = results.nth(0);
        assertThat(office.locator("h3").textContent()).isEqualTo("office — Justification required");
        assertThat(office.locator("code").allTextContents()).contains("ru.pp1236");
        assertThat(office.locator(".rule-ref").first().textContent()).contains("1236");
        Locator laptop = results.nth(1);
        assertThat(laptop.locator("h3").textContent()).isEqualTo("laptop — Prohibited");
        assertThat(laptop.locator("code").allTextContents()).contains("ru.pp1875.annex1");
        assertThat(results.nth(2).locator("code").allTextContents()).contains("ru.ukaz166.use-ban");

        // The draft is text the officer edits: the item, the rule and its reference, placeholders for the rest.
        office.locator("details.draft summary").click();
        Locator draft = office.locator("details.draft textarea");
        assertThat(draft.isVisible()).isTrue();
        assertThat(draft.inputValue()).contains("Unknown Office Suite 2021", "1236");
        draft.fill(draft.inputValue() + "\nEdited by the officer.");
        assertThat(draft.inputValue()).endsWith("Edited by the officer.");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("check-en.png")).setFullPage(true));
    }

    @Test
    void russianLabelsAndReasonsAfterSwitchingLanguage() {
        page.locator("#check-example").click();
        page.locator("#check-form button[type=submit]").click();
        page.locator("#check-results > li").first().waitFor();
        page.locator("[data-lang=ru]").click();
        // A locator, not waitForFunction: the page's CSP forbids the eval that polling a function needs.
        page.locator("#check-results > li h3", new Page.LocatorOptions()
                .setHasText(Pattern.compile("Нужно обоснование|Запрещено|Ограничение|Разрешено|Преимущество"))).first().waitFor();
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("ru");
        assertThat(page.locator("#check-heading").textContent()).isEqualTo("Проверка позиций закупки");
        assertThat(page.locator("#check-results").textContent()).contains("Сработавшие правила").doesNotContain("Rules that fired");
        assertThat(page.locator("#check-results .rule-ref").first().textContent()).contains("Постановление");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("check-ru.png")));
    }

    @Test
    void aBrokenLineIsListedAndTheOthersAreStillDecided() {
        checkItems("""
                id,date,law,kii,okpd2,name,origin_country,registry_number,price
                1,2024-06-01,44-FZ,false,58.29.12,Microsoft Office 2021,US,,150000
                2,2024-06-01,45-FZ,false,58.29.12,Microsoft Office 2021,US,,150000
                """);
        assertThat(page.locator("#check-results > li").count()).isEqualTo(1);
        assertThat(page.locator("#check-rejected-block").isVisible()).isTrue();
        assertThat(page.locator("#check-rejected li").first().textContent()).contains("45-FZ");
    }
}
