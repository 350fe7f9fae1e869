package ru.zamena.core.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An organisation's domestic share per quota position for one year, against the profile's minimum
 * shares: how many items and how much money went to domestic (registered) goods, and the shortfall.
 * A position is judged by money when every item under it has a price, else by the number of items
 * (a share of unpriced purchases by value would be a guess).
 */
public record QuotaReport(String profile, int year, List<Line> lines) {
    public QuotaReport {
        lines = List.copyOf(lines);
    }

    public enum Status { MET, SHORT, NO_PURCHASES }

    /** Purchases grouped as stored: OKPD2 code (null when unknown), law, register membership, count, money, how many had a price. */
    public record Total(String okpd2, Law law, boolean domestic, long items, BigDecimal amount, long priced) {}

    /**
     * One quota position. Shares are percentages ({@code shareByAmount} null without every price);
     * the shortfall is what more domestic purchases would have met the minimum: in items (rounded up)
     * and in money.
     */
    public record Line(Quota quota, long items, long domesticItems, BigDecimal amount, BigDecimal domesticAmount, long unpriced,
                       double shareByCount, Double shareByAmount, long shortfallItems, BigDecimal shortfallAmount, Status status) {}

    /**
     * The report for {@code year} from {@code totals}: only the purchases under the quota's laws ({@code laws}
     * empty: every law) count.
     *
     * @throws IllegalArgumentException when the profile has no quotas for that year
     */
    public static QuotaReport of(Profile profile, int year, Set<Law> laws, List<Total> totals) {
        List<Quota> quotas = profile.quotas().stream().filter(q -> q.year() == year).toList();
        if (quotas.isEmpty()) {
            var years = new TreeSet<Integer>();
            profile.quotas().forEach(q -> years.add(q.year()));
            throw new IllegalArgumentException("profile '" + profile.id() + "' has no quotas for " + year
                    + (years.isEmpty() ? " (it has no quota table)" : " (years with quotas: " + years.first() + "-" + years.last() + ")"));
        }
        var lines = new ArrayList<Line>();
        for (Quota q : quotas) lines.add(line(q, laws, totals));
        return new QuotaReport(profile.id(), year, lines);
    }

    private static Line line(Quota q, Set<Law> laws, List<Total> totals) {
        long items = 0, domestic = 0, priced = 0;
        BigDecimal amount = BigDecimal.ZERO, domesticAmount = BigDecimal.ZERO;
        for (Total t : totals) {
            if (!(laws.isEmpty() || laws.contains(t.law())) || !Okpd2.under(t.okpd2(), q.okpd2())) continue;
            items += t.items();
            priced += t.priced();
            amount = amount.add(t.amount());
            if (t.domestic()) {
                domestic += t.items();
                domesticAmount = domesticAmount.add(t.amount());
            }
        }
        double min = q.minSharePercent();
        if (items == 0) return new Line(q, 0, 0, amount, domesticAmount, 0, 0, null, 0, BigDecimal.ZERO, Status.NO_PURCHASES);
        double byCount = 100.0 * domestic / items;
        boolean allPriced = priced == items && amount.signum() > 0;
        Double byAmount = allPriced ? domesticAmount.multiply(BigDecimal.valueOf(100)).divide(amount, 4, RoundingMode.HALF_UP).doubleValue() : null;
        long shortItems = Math.max(0, (long) Math.ceil(min * items / 100.0 - 1e-9) - domestic);
        BigDecimal needed = amount.multiply(BigDecimal.valueOf(min)).divide(BigDecimal.valueOf(100), 2, RoundingMode.UP);
        BigDecimal shortAmount = needed.subtract(domesticAmount).max(BigDecimal.ZERO);
        boolean met = allPriced ? shortAmount.signum() == 0 : shortItems == 0;
        return new Line(q, items, domestic, amount, domesticAmount, items - priced, byCount, byAmount, shortItems, shortAmount,
                met ? Status.MET : Status.SHORT);
    }
}
