package ru.zamena.app.audit;

import ru.zamena.core.catalog.AlternativeView;
import ru.zamena.store.AuditStore;

import java.util.*;

/**
 * What changed between two audits of one organisation. Items are compared by product (every
 * spelling of one product counts together), names nothing matched by their folded name.
 * <ul>
 *   <li>{@code replaced}: a foreign product that is gone while one of its catalog alternatives appeared;</li>
 *   <li>{@code added} / {@code removed}: present in only one audit (replacements not repeated here);</li>
 *   <li>{@code changed_count}: present in both with a different number of occurrences;</li>
 *   <li>{@code origin_shares}: each origin's share of occurrences before and after.</li>
 * </ul>
 */
public record AuditDiff(long fromAudit, long toAudit, List<Replacement> replaced, List<Entry> added, List<Entry> removed,
                        int changedCount, List<ShareChange> originShares) {

    public record Entry(String name, String productId, String product, String origin, long occurrences) {}

    public record Replacement(String fromProductId, String fromProduct, String toProductId, String toProduct, String toOrigin,
                              long fromOccurrences, long toOccurrences) {}

    /** Shares are 0..1 of all occurrences in each audit; {@code delta} = to − from. */
    public record ShareChange(String origin, double from, double to, double delta, long fromOccurrences, long toOccurrences) {}

    static AuditDiff between(AuditStore.Audit a, List<AuditStore.Item> aItems, AuditStore.Audit b, List<AuditStore.Item> bItems,
                             PlatformAlternatives alternatives) {
        Map<String, Entry> before = byKey(aItems), after = byKey(bItems);
        var removedKeys = new LinkedHashSet<>(before.keySet());
        removedKeys.removeAll(after.keySet());
        var addedKeys = new LinkedHashSet<>(after.keySet());
        addedKeys.removeAll(before.keySet());

        var replaced = new ArrayList<Replacement>();
        var replacedFrom = new HashSet<String>();
        var replacedTo = new HashSet<String>();
        for (String k : removedKeys) {
            Entry gone = before.get(k);
            if (gone.productId() == null || !"foreign".equals(gone.origin())) continue;
            for (AlternativeView alt : alternatives.all(gone.productId())) {
                Entry came = after.get(alt.product().id());
                if (came == null || !addedKeys.contains(alt.product().id())) continue;
                replaced.add(new Replacement(gone.productId(), gone.product(), came.productId(), came.product(), came.origin(),
                        gone.occurrences(), came.occurrences()));
                replacedFrom.add(k);
                replacedTo.add(alt.product().id());
            }
        }
        int changed = 0;
        for (var e : before.entrySet()) {
            Entry now = after.get(e.getKey());
            if (now != null && now.occurrences() != e.getValue().occurrences()) changed++;
        }
        List<Entry> added = addedKeys.stream().filter(k -> !replacedTo.contains(k)).map(after::get).sorted(LARGEST_FIRST).toList();
        List<Entry> removed = removedKeys.stream().filter(k -> !replacedFrom.contains(k)).map(before::get).sorted(LARGEST_FIRST).toList();

        var shares = new ArrayList<ShareChange>();
        var sa = AuditReport.shares(aItems, AuditStore.Item::origin, AuditReport.ORIGINS);
        var sb = AuditReport.shares(bItems, AuditStore.Item::origin, AuditReport.ORIGINS);
        for (int i = 0; i < sa.size(); i++) {
            var x = sa.get(i);
            var y = sb.get(i);
            shares.add(new ShareChange(x.key(), x.occurrenceShare(), y.occurrenceShare(),
                    Math.round((y.occurrenceShare() - x.occurrenceShare()) * 10000.0) / 10000.0, x.occurrences(), y.occurrences()));
        }
        return new AuditDiff(a.id(), b.id(), replaced, added, removed, changed, shares);
    }

    private static final Comparator<Entry> LARGEST_FIRST = Comparator.comparingLong(Entry::occurrences).reversed().thenComparing(Entry::name);

    /** Product id for anything matched or in review, "name:" + folded name for the rest; occurrences summed. */
    private static Map<String, Entry> byKey(List<AuditStore.Item> items) {
        var out = new LinkedHashMap<String, Entry>();
        for (AuditStore.Item i : items) {
            String key = i.productId() != null ? i.productId() : "name:" + i.nameKey();
            Entry e = new Entry(i.productId() != null ? i.productName() : i.rawName(), i.productId(), i.productName(), i.origin(), i.occurrences());
            out.merge(key, e, (x, y) -> new Entry(x.name(), x.productId(), x.product(), x.origin(), x.occurrences() + y.occurrences()));
        }
        return out;
    }
}
