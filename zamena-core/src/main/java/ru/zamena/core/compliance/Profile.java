package ru.zamena.core.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A jurisdiction profile: its rules, its country groups ("domestic", "eaeu", "eu"...) and the first
 * date its rules speak about ({@code coversFrom}; items dated earlier are refused, not passed as allowed),
 * its yearly quotas and the procurement laws whose purchases count towards them ({@code quotaLaws}, empty: all),
 * and the correspondence that gives items classified only by CPV an OKPD2 code ({@code cpvMapping}, may be empty).
 */
public record Profile(String id, String name, LocalDate coversFrom, Map<String, Set<String>> groups, List<Rule> rules, List<Quota> quotas,
                      Set<Law> quotaLaws, CpvMapping cpvMapping) {
    public Profile {
        groups = Map.copyOf(groups);
        rules = List.copyOf(rules);
        quotas = quotas == null ? List.of() : List.copyOf(quotas);
        quotaLaws = quotaLaws == null ? Set.of() : Set.copyOf(quotaLaws);
        if (cpvMapping == null) cpvMapping = CpvMapping.NONE;
    }

    public Profile(String id, String name, LocalDate coversFrom, Map<String, Set<String>> groups, List<Rule> rules, List<Quota> quotas,
                   Set<Law> quotaLaws) {
        this(id, name, coversFrom, groups, rules, quotas, quotaLaws, CpvMapping.NONE);
    }

    public Profile(String id, String name, LocalDate coversFrom, Map<String, Set<String>> groups, List<Rule> rules, List<Quota> quotas) {
        this(id, name, coversFrom, groups, rules, quotas, Set.of());
    }

    public Set<String> group(String name) {
        return groups.getOrDefault(name, Set.of());
    }
}
