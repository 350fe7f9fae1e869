package ru.zamena.core.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Decides items against one profile. Every condition is compiled once, when the engine is made; checking
 * an item evaluates, in a fixed order (most severe verdict first, then rule id), the conditions of the
 * rules in force on the item's date whose scope and coverage include it. The verdict is the most severe
 * one that fired; all fired rules are reported, so an officer sees every reason, not just the winner.
 */
public final class ComplianceEngine {
    private final Profile profile;
    private final List<Compiled> rules;
    private final Map<String, List<String>> groupLists;

    private record Compiled(Rule rule, Condition condition) {}

    public ComplianceEngine(Profile profile, Condition.Compiler compiler) {
        this.profile = profile;
        var list = new ArrayList<Compiled>();
        for (Rule r : profile.rules()) list.add(new Compiled(r, compiler.compile(r)));
        list.sort(Comparator.comparing((Compiled c) -> c.rule.verdict()).reversed().thenComparing(c -> c.rule.id()));
        this.rules = List.copyOf(list);
        this.groupLists = ItemFacts.groupLists(profile.groups());
    }

    public Profile profile() {
        return profile;
    }

    /** The rules in the order they are evaluated. */
    public List<Rule> rules() {
        return rules.stream().map(Compiled::rule).toList();
    }

    /** The rules in force on {@code date}. */
    public List<Rule> rulesInForce(LocalDate date) {
        return rules().stream().filter(r -> r.inForceOn(date)).toList();
    }

    /**
     * Decides one item.
     *
     * @throws ItemRejectedException when the item's date is before the profile covers anything (no rule
     *         could speak about it, so "allowed" would be a guess)
     */
    public Decision check(ItemFacts stated) {
        ItemFacts facts = stated.withCpvMapping(profile.cpvMapping());
        LocalDate date = facts.item().date();
        if (date.isBefore(profile.coversFrom()))
            throw new ItemRejectedException(facts.item().id(), "date " + date + " is before every rule of profile '" + profile.id()
                    + "' (it covers " + profile.coversFrom() + " onwards)");
        Map<String, Object> variables = null; // made when the first rule applies: many items meet none
        Verdict verdict = Verdict.ALLOWED;
        var fired = new ArrayList<Decision.Fired>();
        for (Compiled c : rules) {
            Rule r = c.rule;
            if (!r.appliesTo(facts)) continue;
            if (variables == null) variables = facts.variablesWith(groupLists);
            if (!c.condition.test(variables)) continue;
            fired.add(new Decision.Fired(r, r.reason("ru", variables), r.reason("en", variables)));
            if (r.verdict().moreSevereThan(verdict)) verdict = r.verdict();
        }
        var analogues = verdict == Verdict.ALLOWED ? List.<Analogue>of() : facts.catalog().analogues();
        return new Decision(facts, verdict, fired, analogues, Okpd2Basis.notes(facts, profile));
    }
}
