package ru.zamena.ingest.procurement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * EIS writes countries as OKSM codes, which are the ISO 3166-1 numeric codes (643 is Russia). The table
 * ({@code oksm-alpha2.tsv}) holds every ISO 3166-1 country, so a code it lacks is not a country code.
 */
final class Oksm {
    private static final Map<String, String> ALPHA2 = load();

    private Oksm() {}

    /** The alpha-2 code for an OKSM code ("643" → "RU"), an alpha-2 code as it is, null when unknown. */
    static String alpha2(String code) {
        if (code == null || code.isBlank()) return null;
        String c = code.strip();
        if (c.matches("[A-Za-z]{2}")) return c.toUpperCase(java.util.Locale.ROOT);
        if (c.matches("\\d{1,3}")) return ALPHA2.get("000".substring(c.length()) + c);
        return null;
    }

    private static Map<String, String> load() {
        var map = new HashMap<String, String>();
        try (InputStream in = Oksm.class.getResourceAsStream("oksm-alpha2.tsv")) {
            if (in == null) throw new IllegalStateException("oksm-alpha2.tsv is missing from the build");
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .forEach(l -> map.put(l.substring(0, l.indexOf('\t')), l.substring(l.indexOf('\t') + 1).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(map);
    }
}
