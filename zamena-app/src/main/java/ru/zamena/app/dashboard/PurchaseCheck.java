package ru.zamena.app.dashboard;

import ru.zamena.app.CatalogService;
import ru.zamena.app.compliance.ComplianceService;
import ru.zamena.core.catalog.Category;
import ru.zamena.core.compliance.ItemRejectedException;
import ru.zamena.core.compliance.Law;
import ru.zamena.core.compliance.ProcurementItem;
import ru.zamena.store.DashboardStore.Purchase;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decides a purchase line by the compliance engine (the profile's rules for 44-FZ purchases), so
 * that stored purchases carry the verdict a buyer would have got. The seam where checked purchases
 * from the compliance store can come in instead of the demo's.
 */
public final class PurchaseCheck {
    private final ComplianceService compliance;
    private final CatalogService catalog;
    private Map<String, String> okpd2;

    public PurchaseCheck(ComplianceService compliance, CatalogService catalog) {
        this.compliance = compliance;
        this.catalog = catalog;
    }

    /** The verdict in lower case (allowed, prohibited...), or null when the engine refuses the line. */
    public String verdict(Purchase p, String id) {
        if (okpd2 == null) okpd2 = catalog.categories().stream().filter(c -> c.okpd2() != null)
                .collect(Collectors.toMap(Category::id, Category::okpd2));
        var item = new ProcurementItem(id, p.boughtOn(), Law.FZ44, false, okpd2.get(p.category()), null, p.name(), p.country(), null,
                BigDecimal.valueOf(p.amount()));
        try {
            return compliance.decide(item, ComplianceService.Options.of("ru")).verdict().name().toLowerCase(Locale.ROOT);
        } catch (ItemRejectedException | IllegalArgumentException e) {
            return null; // a line the rules cannot judge stays unjudged; the measures do not need a verdict
        }
    }
}
