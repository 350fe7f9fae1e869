package ru.zamena.core.compliance;

import java.util.List;

/**
 * The products a rule covers: OKPD2 code prefixes, software-register classes and catalog categories.
 * An item is covered when any list names it (a rule with the three lists empty covers every item), unless
 * its OKPD2 code lies under one of {@code exceptOkpd2} (e.g. a preference for all goods except those banned).
 */
public record Coverage(List<String> okpd2, List<String> softwareClasses, List<String> categories, List<String> exceptOkpd2) {
    public Coverage {
        okpd2 = okpd2 == null ? List.of() : List.copyOf(okpd2);
        softwareClasses = softwareClasses == null ? List.of() : List.copyOf(softwareClasses);
        categories = categories == null ? List.of() : List.copyOf(categories);
        exceptOkpd2 = exceptOkpd2 == null ? List.of() : List.copyOf(exceptOkpd2);
    }

    public boolean everything() {
        return okpd2.isEmpty() && softwareClasses.isEmpty() && categories.isEmpty();
    }

    public boolean covers(ItemFacts facts) {
        String code = facts.okpd2();
        for (String prefix : exceptOkpd2) if (Okpd2.under(code, prefix)) return false;
        if (everything()) return true;
        for (String prefix : okpd2) if (Okpd2.under(code, prefix)) return true;
        for (String c : softwareClasses) if (facts.softwareClasses().contains(c)) return true;
        return facts.category() != null && categories.contains(facts.category());
    }
}
