package ru.zamena.core.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * One entry of the Russian software register as read from its public export (XML or CSV).
 * Field meanings follow shared/domain/registry-format.md; parsers map source columns onto it.
 *
 * @param number       registration number (реестровый номер), the key everyone cites
 * @param name         program name as registered, often with alternative names in brackets
 * @param classes      software classes (codes or names) as given in the export
 * @param holders      rights holders
 * @param includedOn   date of the decision to include
 * @param orderRef     number and date of the ministry order, as text
 * @param website      product or documentation link
 * @param status       {@link Status#REGISTERED} or {@link Status#EXCLUDED}
 * @param excludedOn   exclusion date when excluded
 * @param exclusionReason free text reason of the exclusion
 * @param trusted      marked as trusted software (for critical information infrastructure)
 * @param line         position in the source (line or record index) for error messages
 */
public record RegistryRecord(
        long number,
        String name,
        List<String> classes,
        List<RightsHolder> holders,
        LocalDate includedOn,
        String orderRef,
        String website,
        Status status,
        LocalDate excludedOn,
        String exclusionReason,
        boolean trusted,
        long line) {

    public enum Status { REGISTERED, EXCLUDED }

    /** A rights holder: legal name, INN (10 digits for companies, 12 for individuals) and OGRN. */
    public record RightsHolder(String name, String inn, String ogrn) {}

    public RegistryRecord {
        classes = classes == null ? List.of() : List.copyOf(classes);
        holders = holders == null ? List.of() : List.copyOf(holders);
        if (number <= 0) throw new IllegalArgumentException("registry number must be positive: " + number);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("registry entry " + number + " has no name");
        if (status == null) status = excludedOn != null ? Status.EXCLUDED : Status.REGISTERED;
    }
}
