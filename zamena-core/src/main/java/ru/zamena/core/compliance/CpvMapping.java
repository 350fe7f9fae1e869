package ru.zamena.core.compliance;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A correspondence from CPV codes (the EU's Common Procurement Vocabulary, the usual OCDS classification)
 * to OKPD2 codes, so an item classified only by CPV can meet rules whose coverage is by OKPD2. There is no
 * official CPV→OKPD2 table: each row is a judgement, marked {@link Confidence#CLOSE} when both titles
 * describe the same goods and {@link Confidence#APPROXIMATE} when one class is wider, narrower or spans
 * several codes of the other. An explicit OKPD2 code in the input always wins over a derived one.
 *
 * <p>A row's {@code cpv} is an 8-digit code; it covers every code under it in the CPV hierarchy, i.e.
 * every code starting with its significant digits (30213000 covers 30213100 and 30213200). The most
 * specific row wins.
 */
public final class CpvMapping {
    public static final CpvMapping NONE = new CpvMapping(List.of());

    private static final Pattern CODE = Pattern.compile("(\\d{8})(-\\d)?");

    public enum Confidence {
        CLOSE, APPROXIMATE;

        public String label(String language) {
            return switch (this) {
                case CLOSE -> "ru".equals(language) ? "близкое соответствие" : "close";
                case APPROXIMATE -> "ru".equals(language) ? "приблизительно" : "approximate";
            };
        }

        public static Confidence parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("confidence must be close or approximate, not '" + s + "'");
            }
        }
    }

    /** One row: the CPV code, the OKPD2 code (prefix) it corresponds to, how closely, why, and where the titles come from. */
    public record Entry(String cpv, String okpd2, Confidence confidence, String note, String source) {
        public Entry {
            if (digits(cpv) == null) throw new IllegalArgumentException("'" + cpv + "' is not an 8-digit CPV code");
            if (!Okpd2.valid(okpd2)) throw new IllegalArgumentException("'" + okpd2 + "' is not an OKPD2 code");
            if (confidence == null) throw new IllegalArgumentException("CPV " + cpv + " has no confidence");
        }
    }

    private final List<Entry> entries;
    private final Map<String, Entry> bySignificantDigits;

    /** @throws IllegalArgumentException when two rows map the same CPV code */
    public CpvMapping(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        var map = new HashMap<String, Entry>();
        for (Entry e : this.entries)
            if (map.putIfAbsent(significant(digits(e.cpv())), e) != null) throw new IllegalArgumentException("CPV " + e.cpv() + " is mapped twice");
        this.bySignificantDigits = Map.copyOf(map);
    }

    public List<Entry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The most specific row covering {@code cpv} ("30213100" or "30213100-6"); empty when none does or it is not a CPV code. */
    public Optional<Entry> find(String cpv) {
        String digits = digits(cpv);
        if (digits == null || entries.isEmpty()) return Optional.empty();
        String significant = significant(digits);
        for (int len = significant.length(); len >= 2; len--) {
            Entry e = bySignificantDigits.get(significant.substring(0, len));
            if (e != null) return Optional.of(e);
        }
        return Optional.empty();
    }

    /** The 8 digits of a CPV code written with or without its check digit ("30213100-6"); null when it is not one. */
    public static String digits(String cpv) {
        if (cpv == null) return null;
        var m = CODE.matcher(cpv.strip());
        return m.matches() ? m.group(1) : null;
    }

    /** The digits that place a code in the hierarchy: trailing zeros dropped, but never the 2-digit division. */
    static String significant(String digits) {
        int end = digits.length();
        while (end > 2 && digits.charAt(end - 1) == '0') end--;
        return digits.substring(0, end);
    }
}
