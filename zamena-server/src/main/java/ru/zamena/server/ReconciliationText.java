package ru.zamena.server;

import io.javalin.http.Context;
import ru.zamena.core.catalog.Category;
import ru.zamena.core.catalog.Origin;
import ru.zamena.core.text.NameKey;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words the reconciliation service shows people, in English and Russian, and the country
 * names it understands. The language is the {@code lang} parameter ({@code en} or {@code ru}),
 * else the best of the two in Accept-Language, else English.
 */
final class ReconciliationText {
    private ReconciliationText() {}

    enum Lang { EN, RU }

    /** Properties of a product: id → English and Russian name. The first three also narrow reconciliation queries. */
    static final Map<String, List<String>> PROPERTIES = properties();

    private static Map<String, List<String>> properties() {
        var m = new LinkedHashMap<String, List<String>>();
        m.put("vendor", List.of("Vendor", "Производитель"));
        m.put("country", List.of("Vendor country", "Страна производителя"));
        m.put("origin", List.of("Origin", "Происхождение"));
        m.put("category", List.of("Category", "Категория"));
        m.put("registry", List.of("Software register entry", "Запись в реестре ПО"));
        m.put("alternatives", List.of("Alternatives", "Альтернативы"));
        return m;
    }

    static Lang lang(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked != null && !asked.isBlank()) {
            if (asked.strip().toLowerCase(Locale.ROOT).startsWith("ru")) return Lang.RU;
            if (asked.strip().toLowerCase(Locale.ROOT).startsWith("en")) return Lang.EN;
            throw ApiException.badParameter("lang", "lang must be en or ru, got '" + asked + "'");
        }
        String accept = ctx.header("Accept-Language");
        if (accept == null || accept.isBlank()) return Lang.EN;
        try {
            String best = Locale.lookupTag(Locale.LanguageRange.parse(accept), List.of("en", "ru"));
            return "ru".equals(best) ? Lang.RU : Lang.EN;
        } catch (IllegalArgumentException malformed) {
            return Lang.EN; // a header we cannot read is no reason to fail a preview
        }
    }

    static String pick(Lang lang, String en, String ru) {
        return lang == Lang.RU && ru != null && !ru.isBlank() ? ru : en;
    }

    static String property(Lang lang, String id) {
        List<String> names = PROPERTIES.get(id);
        return pick(lang, names.get(0), names.get(1));
    }

    static String type(Lang lang) {
        return pick(lang, "Product", "Продукт");
    }

    static String category(Lang lang, Category c) {
        return c == null ? null : pick(lang, c.nameEn(), c.nameRu());
    }

    static String origin(Lang lang, Origin o) {
        if (o == null) return null;
        return switch (o) {
            case DOMESTIC -> pick(lang, "domestic", "отечественный");
            case FOREIGN -> pick(lang, "foreign", "иностранный");
            case OPEN_SOURCE -> pick(lang, "open source", "свободный (open source)");
            case UNKNOWN -> pick(lang, "origin unknown", "происхождение неизвестно");
        };
    }

    /** "in the software register, № 283" (numbers of entries not excluded), or null when not registered. */
    static String register(Lang lang, List<String> numbers) {
        if (numbers == null || numbers.isEmpty()) return null;
        var known = numbers.stream().filter(n -> n != null && !n.isBlank()).toList();
        String in = pick(lang, "in the software register", "в реестре ПО");
        return known.isEmpty() ? in : in + ", № " + String.join(", ", known);
    }

    /** The flag emoji of an ISO alpha-2 code: two regional indicator letters. */
    static String flag(String iso) {
        if (iso == null || !iso.matches("[A-Z]{2}")) return "";
        return new String(Character.toChars(0x1F1E6 + iso.charAt(0) - 'A')) + new String(Character.toChars(0x1F1E6 + iso.charAt(1) - 'A'));
    }

    // ------------------------------------------------------------------ countries

    private static final Pattern ISO = Pattern.compile("[A-Za-z]{2}");
    private static final Map<String, String> COUNTRY_BY_NAME = countryNames();

    /**
     * ISO 3166-1 alpha-2 for a code or a country name in English or Russian ("RU", "Russia",
     * "Россия", "Российская Федерация"); null when unknown. Names come from the JDK's locale data.
     */
    static String countryCode(String value) {
        if (value == null) return null;
        String v = value.strip();
        if (ISO.matcher(v).matches()) {
            String code = v.toUpperCase(Locale.ROOT);
            return Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).contains(code) ? code : null;
        }
        return COUNTRY_BY_NAME.get(NameKey.fold(v));
    }

    private static Map<String, String> countryNames() {
        var m = new HashMap<String, String>();
        Locale ru = Locale.forLanguageTag("ru");
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            m.put(NameKey.fold(country.getDisplayCountry(Locale.ENGLISH)), code);
            m.put(NameKey.fold(country.getDisplayCountry(ru)), code);
            try {
                m.put(NameKey.fold(country.getISO3Country()), code); // "RUS", "USA"
            } catch (java.util.MissingResourceException none) {
                // a code without an alpha-3 form: the names suffice
            }
        }
        // Official and everyday names the locale data does not give.
        String[][] extra = {
                {"Russian Federation", "RU"}, {"Российская Федерация", "RU"}, {"РФ", "RU"},
                {"USA", "US"}, {"United States of America", "US"}, {"США", "US"}, {"Соединенные Штаты Америки", "US"},
                {"UK", "GB"}, {"Great Britain", "GB"}, {"Britain", "GB"}, {"England", "GB"}, {"Англия", "GB"},
                {"Republic of Belarus", "BY"}, {"Белоруссия", "BY"}, {"Республика Беларусь", "BY"},
                {"PRC", "CN"}, {"КНР", "CN"}, {"South Korea", "KR"}, {"Южная Корея", "KR"}, {"Czech Republic", "CZ"}, {"Чехия", "CZ"},
        };
        for (String[] e : extra) m.put(NameKey.fold(e[0]), e[1]);
        return Map.copyOf(m);
    }
}
