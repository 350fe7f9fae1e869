package ru.zamena.core.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a tender or contract as the input states it. {@code okpd2}, {@code originCountry}
 * (ISO alpha-2), {@code registryNumber} and {@code price} may be null when the input lacks them;
 * {@code cpv} is kept when the input classified the item by CPV instead (OCDS). {@code quantity} (units
 * bought, null when not stated) and {@code processorCountry} (for computing hardware: where its processor
 * comes from) are not used by the rules; recorded purchases keep them for the dashboard's measures.
 */
public record ProcurementItem(
        String id, LocalDate date, Law law, boolean kii, String okpd2, String cpv, String name,
        String originCountry, String registryNumber, BigDecimal price, BigDecimal quantity, String processorCountry) {

    public ProcurementItem {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("an item needs an id");
        if (date == null) throw new IllegalArgumentException("item " + id + " has no date");
        if (law == null) law = Law.NONE;
        okpd2 = blankToNull(okpd2);
        cpv = blankToNull(cpv);
        name = name == null ? "" : name.strip();
        originCountry = originCountry == null || originCountry.isBlank() ? null : originCountry.strip().toUpperCase(java.util.Locale.ROOT);
        registryNumber = blankToNull(registryNumber);
        processorCountry = processorCountry == null || processorCountry.isBlank() ? null : processorCountry.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** Without quantity (null: one) nor processor country (null: not stated). */
    public ProcurementItem(String id, LocalDate date, Law law, boolean kii, String okpd2, String cpv, String name,
                           String originCountry, String registryNumber, BigDecimal price) {
        this(id, date, law, kii, okpd2, cpv, name, originCountry, registryNumber, price, null, null);
    }

    public ProcurementItem withDate(LocalDate d) {
        return new ProcurementItem(id, d, law, kii, okpd2, cpv, name, originCountry, registryNumber, price, quantity, processorCountry);
    }

    public ProcurementItem withLaw(Law l) {
        return new ProcurementItem(id, date, l, kii, okpd2, cpv, name, originCountry, registryNumber, price, quantity, processorCountry);
    }

    public ProcurementItem withKii(boolean k) {
        return new ProcurementItem(id, date, law, k, okpd2, cpv, name, originCountry, registryNumber, price, quantity, processorCountry);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
