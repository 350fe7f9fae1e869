package ru.zamena.server;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.zamena.core.tenancy.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard in a real browser against a real server: what a person sees and can do. */
class DashboardBrowserTest {
    static TestServer s;
    static Browser browser;
    static String editor;
    BrowserContext context;
    Page page;
    final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void start() {
        browser = Browser.chromium();
        s = TestServer.start(DashboardBrowserTest.class);
        s.createOrg("dept", false);
        editor = s.key("dept", Role.EDITOR);
        AuditApiTest.s = s;
        AuditApiTest.upload("dept", editor, Map.of("2024.json", AuditApiTest.SBOM), Map.of("label", "2024"));
        AuditApiTest.upload("dept", editor, Map.of("2025.json", AuditApiTest.SBOM_LATER), Map.of("label", "2025"));
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
        page.onConsoleMessage(m -> { if (m.type().equals("error")) consoleErrors.add(m.text()); });
        page.onPageError(consoleErrors::add);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void signsInFromTheAddressAndForgetsTheKeyThere() {
        page.navigate(s.server.url() + "dashboard.html#key=" + editor + "&org=dept");
        page.locator("#review li").first().waitFor();
        assertThat(page.url()).doesNotContain(editor).endsWith("#org=dept");
        System.out.println(consoleErrors);
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/smoke.png")).setFullPage(true));
    }
}
