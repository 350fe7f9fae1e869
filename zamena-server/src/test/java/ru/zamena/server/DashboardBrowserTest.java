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
import ru.zamena.app.audit.AuditService;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in Debian's Chromium against a real server and database with the demo loaded (a ministry,
 * its agencies and their units, three yearly audits each): what a person sees and can do on a laptop
 * screen (1366×768). One browser and one server for the class; each test has a fresh profile.
 * Screenshots go to target/screenshots/ (the ones in docs/screenshots/ are copies of these).
 */
class DashboardBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static final String MINISTRY = "demo", MINISTRY_NAME = "Министерство цифрового развития (демо)";
    static final String AGENCY = "demo-nalog", AGENCY_NAME = "Федеральное налоговое агентство (демо)";
    static final String UNIT = "demo-nalog-msk", UNIT_NAME = "Управление по г. Москве";
    static final String CLINIC = "clinic"; // an organisation of its own whose audit has a doubtful name to decide
    static TestServer s;
    static Browser browser;
    static String editorKey, clinicKey;
    BrowserContext context;
    Page page;
    final List<String> scriptErrors = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.chromium();
        // The small fixture catalog keeps the demo's load to seconds; -Dzamena.dashboard.catalog=real runs the
        // same tests on the curated catalog in data/ (a minute and more), e.g. to renew docs/screenshots.
        boolean real = "real".equals(System.getProperty("zamena.dashboard.catalog"));
        s = real ? TestServer.start(DashboardBrowserTest.class, Path.of(System.getProperty("zamena.root", "..")).resolve("data"))
                : TestServer.start(DashboardBrowserTest.class);
        long t0 = System.nanoTime();
        var loaded = s.zamena.demo().load(line -> {});
        System.out.printf("demo loaded for the browser test: %d organisations, %d audits in %d ms%n", loaded.organisations(),
                loaded.auditsCreated(), (System.nanoTime() - t0) / 1_000_000);
        editorKey = s.key(MINISTRY, Role.EDITOR);
        s.createOrg(CLINIC, false);
        clinicKey = s.key(CLINIC, Role.EDITOR);
        Path sbom = Files.createTempFile("clinic", ".cdx.json");
        Files.writeString(sbom, AuditApiTest.SBOM);
        s.zamena.audits().run(Caller.localOperator(), CLINIC, List.of(sbom), AuditService.Options.defaults(), AuditService.Progress.NONE);
        Files.delete(sbom);
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
        signIn(MINISTRY, editorKey);
    }

    private void signIn(String org, String key) {
        page.navigate(s.server.url() + "dashboard.html#key=" + key + "&org=" + org);
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
        assertThat(page.locator("#org-title").textContent()).contains(MINISTRY_NAME, "ministry");
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
        assertThat(firstYear.first().textContent()).isEqualTo("2024");
        assertThat(firstYear.nth(1).textContent()).endsWith("%");
        assertThat(page.locator("#method").textContent()).startsWith("How the forecast is made:");

        var children = page.locator("#children tbody tr");
        assertThat(children.count()).as("the ministry's four agencies").isEqualTo(4);
        assertThat(children.allTextContents()).anyMatch(r -> r.contains(AGENCY_NAME));
        assertThat(children.first().locator(".verdict-badge").first().textContent()).matches("On track|At risk|Will miss");
        assertThat(page.locator("#top tbody tr").count()).as("foreign products in use").isPositive();
        assertThat(page.locator("#top .alts a").count()).as("with their alternatives").isPositive();
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
    void anAgencyAndItsUnitOpenTheirOwnDashboardsAndTheBreadcrumbLeadsBack() {
        signIn();
        page.locator("#children a", new Page.LocatorOptions().setHasText(AGENCY_NAME)).click();
        page.waitForURL("**#org=" + AGENCY);
        page.locator("#org-title", new Page.LocatorOptions().setHasText(AGENCY_NAME)).waitFor();
        waitForOverview();
        assertThat(page.locator("#org-title").textContent()).contains("agency");
        assertThat(page.locator("#children tbody").textContent()).as("the agency's units").contains(UNIT_NAME);

        page.locator("#children a", new Page.LocatorOptions().setHasText(UNIT_NAME)).click();
        page.waitForURL("**#org=" + UNIT);
        page.locator("#org-title", new Page.LocatorOptions().setHasText(UNIT_NAME)).waitFor();
        waitForOverview();
        assertThat(page.locator("#crumbs li").allTextContents()).containsExactly(MINISTRY_NAME, AGENCY_NAME, UNIT_NAME);
        assertThat(page.locator("#children-view").isVisible()).as("a unit has nothing below it").isFalse();
        assertThat(page.locator("[data-measure=software_domestic_share] .figure strong").textContent()).endsWith("%");
        shot("dashboard-drill-down");

        page.locator("#crumbs a", new Page.LocatorOptions().setHasText(MINISTRY_NAME)).click();
        page.waitForURL("**#org=" + MINISTRY);
        page.locator("#org-title", new Page.LocatorOptions().setHasText(MINISTRY_NAME)).waitFor();
        assertThat(page.locator("#crumbs").isVisible()).isFalse();
        page.goBack();
        page.locator("#org-title", new Page.LocatorOptions().setHasText(UNIT_NAME)).waitFor();
    }

    @Test
    void aDoubtfulMatchIsAcceptedFromTheQueueByKeyboard() {
        signIn(CLINIC, clinicKey);
        var first = page.locator("#review li").filter(new Locator.FilterOptions().setHas(page.locator("button", new Page.LocatorOptions().setHasText("Accept")))).first();
        first.scrollIntoViewIfNeeded();
        String name = first.locator(".line strong").textContent();
        int before = page.locator("#review li").count();
        assertThat(first.locator(".candidate").textContent()).startsWith("Candidate: ");
        shot("dashboard-review-queue");
        first.locator("button", new Locator.LocatorOptions().setHasText("Accept")).focus();
        page.keyboard().press("Enter");
        page.locator("#review-status", new Page.LocatorOptions().setHasText("accepted")).waitFor();
        assertThat(page.locator("#review-status").textContent()).contains(name);
        assertThat(page.locator("#review li .line strong").allTextContents()).doesNotContain(name);
        assertThat(page.locator("#review li").count()).isLessThanOrEqualTo(before);
        assertThat(page.evaluate("document.getElementById('review-view').contains(document.activeElement)"))
                .as("focus stays in the queue, on the next item").isEqualTo(true);
        assertThat(s.get("/api/v1/orgs/" + CLINIC + "/review?status=accepted", clinicKey).body()).contains(name);
    }

    @Test
    void aChartsDataDownloadsAsTheServersCsv() throws IOException {
        signIn();
        Download download = page.waitForDownload(() -> page.locator("#breakdown-view [data-csv=breakdown]").click());
        assertThat(download.suggestedFilename()).isEqualTo(MINISTRY + "-breakdown-category-count-2026.csv");
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
