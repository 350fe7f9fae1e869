package ru.zamena.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.util.List;

/**
 * Everything the inventory matcher needs to know about the global catalog, read in bulk (a handful of
 * queries in one snapshot) so that it can match without asking the database per name; and the catalog
 * generation (V6), which any change to the catalog tables bumps.
 */
public final class MatchNamesStore {
    private final Jdbi jdbi;

    public MatchNamesStore(Database db) {
        this.jdbi = db.jdbi();
    }

    public record VendorRow(String id, String name, String nameRu, List<String> aliases, String country) {}

    /** A product with its names and identifiers. {@code registryNames} are the names of its register entries. */
    public record ProductRow(String id, String name, String nameRu, List<String> aliases, String vendorId, String category,
                             String kind, String license, String cpe, String purl,
                             List<String> registryNumbers, List<String> registryNames) {}

    /** An alternative edge with the best compatibility level of its target (0 certified, 1 supported, 2 reported, 9 none). */
    public record AlternativeRow(String fromId, String toId, String fit, int bestLevel) {}

    public record Snapshot(long generation, List<VendorRow> vendors, List<ProductRow> products, List<AlternativeRow> alternatives) {}

    /** The current catalog generation; it changes whenever a catalog table does (one cheap primary-key read). */
    public long generation() {
        return jdbi.withHandle(MatchNamesStore::generation);
    }

    private static long generation(Handle h) {
        return h.createQuery("select generation from catalog_generation where id = 1").mapTo(Long.class).findOne().orElse(0L);
    }

    /** Reads the whole catalog's names in one repeatable-read snapshot, with the generation it belongs to. */
    public Snapshot load() {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            long generation = generation(h);
            var vendors = h.createQuery("select id, name, name_ru, aliases, country from vendor")
                    .map((rs, c) -> new VendorRow(rs.getString("id"), rs.getString("name"), rs.getString("name_ru"),
                            CatalogStore.array(rs, "aliases"), rs.getString("country")))
                    .list();
            var products = h.createQuery("""
                    select p.id, p.name, p.name_ru, p.aliases, p.vendor_id, p.category, p.kind, p.license, p.cpe, p.purl,
                      coalesce(r.numbers, '{}') as numbers, coalesce(r.names, '{}') as rnames
                    from product p left join (
                      select product_id,
                        array_agg(number order by number) filter (where status = 'registered') as numbers,
                        array_agg(distinct name) as names
                      from registry_entry where product_id is not null group by product_id) r on r.product_id = p.id""")
                    .map((rs, c) -> new ProductRow(rs.getString("id"), rs.getString("name"), rs.getString("name_ru"),
                            CatalogStore.array(rs, "aliases"), rs.getString("vendor_id"), rs.getString("category"), rs.getString("kind"),
                            rs.getString("license"), rs.getString("cpe"), rs.getString("purl"),
                            CatalogStore.array(rs, "numbers"), CatalogStore.array(rs, "rnames")))
                    .list();
            var alternatives = h.createQuery("""
                    select a.from_id, a.to_id, a.fit, coalesce(min(case c.level when 'certified' then 0 when 'supported' then 1 else 2 end), 9) as best
                    from alternative a left join compatibility c on c.product_id = a.to_id
                    group by a.from_id, a.to_id, a.fit""")
                    .map((rs, c) -> new AlternativeRow(rs.getString("from_id"), rs.getString("to_id"), rs.getString("fit"), rs.getInt("best")))
                    .list();
            return new Snapshot(generation, vendors, products, alternatives);
        });
    }
}
