package ru.zamena.ingest.procurement;

import java.util.Map;

/**
 * EIS writes countries as OKSM codes, the numeric ISO 3166 codes (643 is Russia). The countries that
 * matter for the rules (Russia, the EAEU) and the usual origins of IT goods are known; others stay unknown.
 */
final class Oksm {
    private static final Map<String, String> ALPHA2 = Map.ofEntries(
            Map.entry("643", "RU"), Map.entry("112", "BY"), Map.entry("398", "KZ"), Map.entry("417", "KG"), Map.entry("051", "AM"),
            Map.entry("156", "CN"), Map.entry("840", "US"), Map.entry("276", "DE"), Map.entry("392", "JP"), Map.entry("410", "KR"),
            Map.entry("158", "TW"), Map.entry("250", "FR"), Map.entry("826", "GB"), Map.entry("380", "IT"), Map.entry("528", "NL"),
            Map.entry("246", "FI"), Map.entry("756", "CH"), Map.entry("752", "SE"), Map.entry("203", "CZ"), Map.entry("616", "PL"),
            Map.entry("356", "IN"), Map.entry("792", "TR"), Map.entry("704", "VN"), Map.entry("458", "MY"), Map.entry("360", "ID"),
            Map.entry("764", "TH"), Map.entry("484", "MX"), Map.entry("076", "BR"), Map.entry("376", "IL"), Map.entry("040", "AT"));

    private Oksm() {}

    /** The alpha-2 code for an OKSM code ("643" → "RU"), an alpha-2 code as it is, null when unknown. */
    static String alpha2(String code) {
        if (code == null || code.isBlank()) return null;
        String c = code.strip();
        if (c.matches("[A-Za-z]{2}")) return c.toUpperCase(java.util.Locale.ROOT);
        if (c.matches("\\d{1,3}")) return ALPHA2.get("000".substring(c.length()) + c);
        return null;
    }
}
