package ru.zamena.server;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium driven by Playwright, one per test class. Playwright never downloads a browser here:
 * the one on the machine is used ({@code /usr/bin/chromium}, or {@code ZAMENA_CHROMIUM}), and the tests
 * are skipped with a message when there is none. The flags keep a headless Chromium from calling out
 * (the build machines have no network).
 */
final class Browser implements AutoCloseable {
    private static final List<String> QUIET = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** The machine's Chromium; skips the calling test class when there is none. */
    static Browser chromium() {
        Path exe = Path.of(System.getenv().getOrDefault("ZAMENA_CHROMIUM", "/usr/bin/chromium"));
        assumeTrue(Files.isExecutable(exe), "browser tests skipped: no Chromium at " + exe
                + " (apt-get install chromium, or set ZAMENA_CHROMIUM to its path)");
        var playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            var browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(exe).setHeadless(true).setArgs(QUIET));
            return new Browser(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh profile (no storage) with a laptop's screen, the given language and downloads allowed. */
    BrowserContext laptop(String locale) {
        return browser.newContext(new NewContextOptions().setViewportSize(1366, 768).setLocale(locale).setAcceptDownloads(true));
    }

    /**
     * Collects into {@code errors} what a person would call the page broken: script errors, console errors and
     * failed requests (the browser's own favicon probe aside).
     */
    static void watch(com.microsoft.playwright.Page page, List<String> errors) {
        page.onPageError(errors::add);
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) errors.add(m.text());
        });
        page.onResponse(r -> {
            if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) errors.add(r.status() + " " + r.url());
        });
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
