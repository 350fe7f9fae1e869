package ru.zamena.server;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.zamena.core.tenancy.Role;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.zamena.server.DashboardFixture.FAST;
import static ru.zamena.server.DashboardFixture.MINISTRY;

/**
 * The dashboard in Debian's Chromium against a real server and database: what a person sees and can do
 * on a laptop screen (1366×768). One browser and one server for the class; each test has a fresh profile.
 * Screenshots go to target/screenshots/ (the ones in docs/screenshots/ are copies of these).
 */
class DashboardBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static TestServer s;
    static Browser browser;
    static String editorKey;
    BrowserContext context;
    Page page;
    final List<String> scriptErrors = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.chromium();
        s = TestServer.start(DashboardBrowserTest.class);
        DashboardFixture.load(s);
        editorKey = s.key(MINISTRY, Role.EDITOR);
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
        page.onPageError(scriptErrors::add);
        page.onConsoleMessage(m -> {
            // Refused requests (a wrong key, /quotas without the compliance module) are shown in the page; script faults are not.
            if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) scriptErrors.add(m.text());
        });
    }

    @AfterEach
    void close() {
        context.close();
        assertThat(scriptErrors).as("errors in the page's console").isEmpty();
    }

    /** Opens the dashboard as the demo's printed link does: the key in the fragment. */
    private void signIn() {
        page.navigate(s.server.url() + "dashboard.html#key=" + editorKey + "&org=" + MINISTRY);
        waitForOverview();
    }

    private void waitForOverview() {
        page.locator("#measures .card canvas").first().waitFor();
        page.locator("#breakdown-chart canvas").waitFor();
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
    }

    private void fullShot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + "-full.png")).setFullPage(true));
    }

    @Test
    void theOverviewShowsEachMeasureAgainstItsTargetWithAVerdictAndAChart() {
        signIn();
        assertThat(page.url()).as("the key leaves the address at once").doesNotContain(editorKey).endsWith("#org=" + MINISTRY);
        assertThat(page.evaluate("sessionStorage.getItem('zamena.key')")).isEqualTo(editorKey);
        assertThat(page.title()).isEqualTo("Zamena — Dashboard");
        assertThat(page.locator("#org-title").textContent()).contains("Министерство здравоохранения (тест)", "ministry");
        assertThat(page.locator("#overview-heading").textContent()).isEqualTo("Domestic share and forecast");
        shot("dashboard-overview-en");

        Locator software = page.locator("[data-measure=software_domestic_share]");
        assertThat(software.locator("h3").textContent()).isEqualTo("Domestic software share");
        assertThat(software.locator(".target").textContent()).matches("Target: \\d+(\\.\\d)?% by 20\\d\\d.*");
        assertThat(software.locator(".verdict-badge").textContent()).matches("On track|At risk|Will miss.*");
        assertThat(software.locator(".chart canvas").count()).as("the chart is drawn").isEqualTo(1);
        assertThat(page.evaluate("echarts.getInstanceByDom(document.getElementById('chart-m-software_domestic_share'))"
                + ".getOption().series[0].data.filter(v => v !== null).length")).as("yearly points on the chart").isEqualTo(3);
        // the same numbers as a table, for screen readers and keyboard users
        software.locator(".data-table summary").click();
        var firstYear = software.locator("table tbody tr").first().locator("th, td");
        assertThat(firstYear.first().textContent()).isEqualTo("2023");
        assertThat(firstYear.nth(1).textContent()).endsWith("%");
        assertThat(page.locator("#method").textContent()).startsWith("How the forecast is made:");

        var children = page.locator("#children tbody tr");
        assertThat(children.count()).isEqualTo(2);
        assertThat(children.allTextContents()).anyMatch(r -> r.contains("Северное агентство")).anyMatch(r -> r.contains("Южное агентство"));
        assertThat(page.locator("#top tbody tr").first().textContent()).contains("Microsoft");
        assertThat(page.locator("#changes-status").textContent()).startsWith("Audit no.");
        assertThat(page.locator("#compliance-status").textContent()).isNotEmpty();

        // readable on a laptop screen: nothing sticks out sideways
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isTrue();
        fullShot("dashboard-overview-en");
    }

    @Test
    void theLanguageSwitchesToRussianAndStays() {
        signIn();
        page.locator("[data-lang=ru]").click();
        assertThat(page.locator("#overview-heading").textContent()).isEqualTo("Доля отечественного и прогноз");
        assertThat(page.locator("[data-measure=software_domestic_share] h3").textContent()).isEqualTo("Доля отечественного ПО");
        assertThat(page.locator("[data-measure=software_domestic_share] .target").textContent()).matches("Цель: \\d+(,\\d)?[\\s\u00a0\u202f]%.*");
        assertThat(page.locator("[data-measure=software_domestic_share] .verdict-badge").textContent()).matches("Успевает|Под угрозой|Не успеет.*");
        assertThat(page.locator("#children thead").textContent()).contains("Организация");
        assertThat(page.locator("[data-csv=measures]").textContent()).isEqualTo("Скачать CSV");
        assertThat(page.evaluate("document.documentElement.lang")).isEqualTo("ru");

        page.reload();
        waitForOverview();
        assertThat(page.locator("#overview-heading").textContent()).as("the choice persists").isEqualTo("Доля отечественного и прогноз");
        shot("dashboard-overview-ru");
    }

    @Test
    void aChildOrganisationOpensItsOwnDashboardAndTheBreadcrumbLeadsBack() {
        signIn();
        page.locator("#children a", new Page.LocatorOptions().setHasText("Северное агентство")).click();
        page.waitForURL("**#org=" + FAST);
        page.locator("#org-title", new Page.LocatorOptions().setHasText("Северное агентство")).waitFor();
        waitForOverview();
        assertThat(page.locator("#crumbs li").allTextContents()).containsExactly("Министерство здравоохранения (тест)", "Северное агентство");
        assertThat(page.locator("#children-view").isVisible()).as("an agency without units has no table below").isFalse();
        assertThat(page.locator("[data-measure=software_domestic_share] .figure strong").textContent()).endsWith("%");
        shot("dashboard-drill-down");

        page.locator("#crumbs a").click();
        page.waitForURL("**#org=" + MINISTRY);
        page.locator("#children tbody tr").nth(1).waitFor();
        assertThat(page.locator("#children tbody").textContent()).contains("Южное агентство");
        assertThat(page.locator("#crumbs").isVisible()).isFalse();
    }

    @Test
    void aDoubtfulMatchIsAcceptedFromTheQueueByKeyboard() {
        signIn();
        var item = page.locator("#review li", new Page.LocatorOptions().setHasText("Oracle Databse Expres"));
        item.scrollIntoViewIfNeeded();
        assertThat(item.textContent()).contains("Oracle Database");
        shot("dashboard-review-queue");
        item.locator("button", new Locator.LocatorOptions().setHasText("Accept")).focus();
        page.keyboard().press("Enter");
        page.locator("#review-status", new Page.LocatorOptions().setHasText("accepted")).waitFor();
        assertThat(page.locator("#review li", new Page.LocatorOptions().setHasText("Oracle Databse Expres")).count()).isZero();
        assertThat(s.get("/api/v1/orgs/" + MINISTRY + "/review?status=accepted", editorKey).body()).contains("Oracle Databse Expres");
    }

    @Test
    void aChartsDataDownloadsAsTheServersCsv() throws IOException {
        signIn();
        Download download = page.waitForDownload(() -> page.locator("#breakdown-view [data-csv=breakdown]").click());
        assertThat(download.suggestedFilename()).isEqualTo(MINISTRY + "-breakdown-category-count-2025.csv");
        List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
        assertThat(lines.get(0).replace("\uFEFF", "")).contains("domestic", "foreign");
        int tableRows = page.locator("#breakdown tbody tr").count();
        assertThat(lines.stream().filter(l -> !l.isBlank()).count()).isEqualTo(tableRows + 1L);
        assertThat(page.locator("#breakdown-status").textContent()).contains("Downloaded");
    }

    @Test
    void theProgressReportDownloadsAsPdf() throws IOException {
        signIn();
        Download download = page.waitForDownload(() -> page.locator("#report-pdf").click());
        assertThat(download.suggestedFilename()).endsWith(".pdf");
        byte[] pdf = Files.readAllBytes(download.path());
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void theKeyboardReachesEverythingFromTheSkipLink() {
        signIn();
        page.keyboard().press("Tab");
        assertThat(page.evaluate("document.activeElement.className")).isEqualTo("skip");
        assertThat((Boolean) page.evaluate("getComputedStyle(document.activeElement).outlineStyle !== 'none'")).as("focus is visible").isTrue();
        page.keyboard().press("Enter");
        assertThat(page.evaluate("document.activeElement.id")).isEqualTo("main");
        // the breakdown by vendor country, chosen with the keyboard alone
        page.locator("#dim").focus();
        page.keyboard().press("ArrowDown"); // on a closed list this chooses; on an open one Enter does
        page.keyboard().press("Enter");
        assertThat(page.locator("#dim").inputValue()).isEqualTo("country");
        page.waitForCondition(() -> page.locator("#breakdown caption").textContent().contains("vendor country"));
        assertThat(page.locator("#breakdown tbody th").allTextContents()).contains("United States");
    }

    @Test
    void withoutAKeyThePageAsksForOneAndRefusesAWrongOne() {
        page.navigate(s.server.url() + "dashboard.html");
        assertThat(page.locator("#signin").isVisible()).isTrue();
        page.locator("#org").fill(MINISTRY);
        page.locator("#key").fill("zk_wrong");
        page.locator("#key").press("Enter");
        page.locator("#signin-status.error").waitFor();
        assertThat(page.locator("#board").isVisible()).isFalse();
    }
}
