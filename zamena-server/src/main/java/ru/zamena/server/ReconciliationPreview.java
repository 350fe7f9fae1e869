package ru.zamena.server;

import ru.zamena.core.catalog.AlternativeView;
import ru.zamena.core.catalog.Category;
import ru.zamena.core.catalog.ProductDetail;
import ru.zamena.core.catalog.ProductSummary;
import ru.zamena.server.ReconciliationText.Lang;

import java.util.List;

/**
 * The HTML card a reconciliation client shows in an iframe of {@link #WIDTH}×{@link #HEIGHT}
 * pixels: name, vendor with country, origin, category, register entry and the top alternatives.
 * Every catalog value is escaped: register data comes from outside and may hold markup.
 */
final class ReconciliationPreview {
    static final int WIDTH = 420, HEIGHT = 190;
    /** No script, no external resource, nothing loaded at all; inline style only. Framing is the point, so it is allowed. */
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
    private static final int ALTERNATIVES = 3;
    private static final String STYLE = "body{margin:0;font:13px/1.35 system-ui,sans-serif;color:#222}"
            + ".card{padding:8px 10px;height:" + (HEIGHT - 16) + "px;overflow:hidden}"
            + "h1{font-size:15px;margin:0}p{margin:0 0 6px;color:#666}"
            + "dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 8px;margin:0}dt{color:#666}dd{margin:0}";

    private ReconciliationPreview() {}

    static String html(ProductDetail d, Category category, Lang lang) {
        var p = d.product();
        String name = ReconciliationText.pick(lang, p.name(), p.nameRu());
        String other = name.equals(p.name()) ? p.nameRu() : p.name();
        var b = new StringBuilder(1024);
        b.append("<!DOCTYPE html><html lang=\"").append(lang == Lang.RU ? "ru" : "en").append("\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(name)).append("</title><style>").append(STYLE).append("</style></head><body><div class=\"card\"><h1>")
                .append(esc(name)).append("</h1>");
        if (other != null && !other.isBlank() && !other.equals(name)) b.append("<p>").append(esc(other)).append("</p>");
        b.append("<dl>");
        String country = d.vendor().country();
        row(b, ReconciliationText.property(lang, "vendor"), ReconciliationText.pick(lang, d.vendor().name(), d.vendor().nameRu())
                + (country == null ? "" : " · " + ReconciliationText.flag(country) + " " + country));
        row(b, ReconciliationText.property(lang, "origin"), ReconciliationText.origin(lang, d.origin()));
        row(b, ReconciliationText.property(lang, "category"), ReconciliationText.category(lang, category));
        row(b, ReconciliationText.pick(lang, "Register", "Реестр"), ReconciliationText.register(lang, registered(d)));
        if (!d.replacedBy().isEmpty())
            row(b, ReconciliationText.property(lang, "alternatives"), names(lang, d.replacedBy().stream().map(AlternativeView::product).toList()));
        else if (!d.replaces().isEmpty())
            row(b, ReconciliationText.pick(lang, "Replaces", "Заменяет"), names(lang, d.replaces()));
        return b.append("</dl></div></body></html>").toString();
    }

    /**
     * Numbers of the register entries still in force; "" for membership without a known number
     * (an entry without one, or a curated product marked as registered); empty when not registered.
     */
    static List<String> registered(ProductDetail d) {
        List<String> numbers = d.registryEntries().stream().filter(e -> !"excluded".equalsIgnoreCase(e.status()))
                .map(e -> e.number() == null ? "" : e.number()).toList();
        return numbers.isEmpty() && d.product().registry() != null && !d.product().registry().isBlank() ? List.of("") : numbers;
    }

    private static String names(Lang lang, List<ProductSummary> products) {
        var shown = products.stream().limit(ALTERNATIVES).map(a -> ReconciliationText.pick(lang, a.name(), a.nameRu())).toList();
        return String.join(", ", shown) + (products.size() > ALTERNATIVES ? " +" + (products.size() - ALTERNATIVES) : "");
    }

    private static void row(StringBuilder b, String label, String value) {
        if (value == null || value.isBlank()) return;
        b.append("<dt>").append(esc(label)).append("</dt><dd>").append(esc(value)).append("</dd>");
    }

    static String esc(String s) {
        if (s == null) return "";
        var out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
