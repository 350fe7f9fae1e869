package ru.zamena.server;

import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The Russian and English texts of a page script: both languages complete, and every text its HTML names defined. */
final class PageTexts {
    private static final Pattern KEY = Pattern.compile("(?:'([^']+)'|\\b([a-zA-Z_]+)): ['\"]");
    private static final Pattern IN_PAGE = Pattern.compile("data-i18n(?:-aria|-placeholder)?=\"([^\"]+)\"");

    private PageTexts() {}

    /** Asserts that {@code js}'s {@code ru} and {@code en} dictionaries have the same keys and cover {@code html}; returns the keys. */
    static TreeSet<String> assertComplete(String js, String html) {
        int ru = js.indexOf("ru: {"), en = js.indexOf("en: {"), end = js.indexOf("\n    }", en); // blocks close on their own line
        var ruKeys = keys(js.substring(ru, en));
        assertThat(ruKeys).as("the same texts in Russian and English").isEqualTo(keys(js.substring(en, end)));
        var m = IN_PAGE.matcher(html);
        var inPage = new TreeSet<String>();
        while (m.find()) inPage.add(m.group(1));
        assertThat(ruKeys).as("every text the page names").containsAll(inPage);
        return ruKeys;
    }

    private static TreeSet<String> keys(String block) {
        var m = KEY.matcher(block);
        var out = new TreeSet<String>();
        while (m.find()) out.add(m.group(1) != null ? m.group(1) : m.group(2));
        return out;
    }
}
