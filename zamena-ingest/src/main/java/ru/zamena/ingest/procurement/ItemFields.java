package ru.zamena.ingest.procurement;

import ru.zamena.core.compliance.Law;
import ru.zamena.core.compliance.Okpd2;
import ru.zamena.core.compliance.ProcurementItem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Turns the text fields of one input item into a {@link ProcurementItem}, or says in words what is wrong
 * ({@link IllegalArgumentException}); every reader uses it so the same mistake reads the same everywhere.
 */
final class ItemFields {
    private ItemFields() {}

    /** A date as {@code YYYY-MM-DD} or a timestamp starting with one (EIS and OCDS write {@code 2018-01-24T14:20:43+10:00}). */
    static LocalDate date(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("missing date");
        String t = text.strip();
        try {
            if (t.length() > 10 && t.charAt(10) == 'T') {
                try {
                    return OffsetDateTime.parse(t).toLocalDate();
                } catch (DateTimeParseException e) {
                    return LocalDate.parse(t.substring(0, 10));
                }
            }
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad date '" + t + "' (expected YYYY-MM-DD)");
        }
    }

    static String okpd2(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        if (!Okpd2.valid(t)) throw new IllegalArgumentException("bad OKPD2 code '" + t + "' (expected e.g. 26.20.11 or 58.29.12.000)");
        return t;
    }

    static boolean kii(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "true", "yes", "1", "да" -> true;
            case "false", "no", "0", "нет", "" -> false;
            default -> throw new IllegalArgumentException("bad kii flag '" + text + "' (expected true or false)");
        };
    }

    static String country(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (!t.matches("[A-Z]{2}")) throw new IllegalArgumentException("bad origin country '" + text + "' (expected an ISO 3166 alpha-2 code such as RU)");
        return t;
    }

    static BigDecimal quantity(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            BigDecimal q = new BigDecimal(text.strip().replace(" ", "").replace(',', '.'));
            if (q.signum() <= 0) throw new IllegalArgumentException("quantity must be positive, got '" + text + "'");
            return q;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad quantity '" + text + "'");
        }
    }

    static BigDecimal price(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            BigDecimal p = new BigDecimal(text.strip().replace(" ", "").replace(',', '.'));
            if (p.signum() < 0) throw new IllegalArgumentException("negative price '" + text + "'");
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad price '" + text + "'");
        }
    }

    static Law law(String text) {
        return Law.parse(text);
    }

    static ProcurementItem item(String id, LocalDate date, Law law, boolean kii, String okpd2, String cpv, String name,
                                String origin, String registryNumber, BigDecimal price) {
        return item(id, date, law, kii, okpd2, cpv, name, origin, registryNumber, price, null, null);
    }

    static ProcurementItem item(String id, LocalDate date, Law law, boolean kii, String okpd2, String cpv, String name,
                                String origin, String registryNumber, BigDecimal price, BigDecimal quantity, String processorCountry) {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("missing id");
        return new ProcurementItem(id.strip(), date, law, kii, okpd2, cpv, name, origin, registryNumber, price, quantity, processorCountry);
    }
}
