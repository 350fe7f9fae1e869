package ru.zamena.store;

import org.jdbi.v3.core.Jdbi;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;

import java.sql.SQLException;
import java.util.*;

/**
 * What the dashboard reads: an organisation's subtree, per-audit aggregates (filled by a trigger
 * when items are stored, V8__dashboard.sql) of the latest audit of each organisation and period,
 * purchases, and targets. Reads take the subtree's root after checking the caller may read it
 * (its own organisation or one below it, {@link OrgScope}); nothing here reads audit items.
 */
public final class DashboardStore {
    private final Jdbi jdbi;
    private final String[] domesticCountries;

    public DashboardStore(Database db, Collection<String> domesticCountries) {
        this.jdbi = db.jdbi();
        this.domesticCountries = domesticCountries.toArray(String[]::new);
    }

    /**
     * Every purchase line the dashboard counts: the checked purchases the compliance engine recorded
     * ({@code purchase_item}), with the origin class decided when recording. Items recorded before V9
     * have none: they are domestic when registered or from a domestic country, foreign from another,
     * unknown without a country. Hardware: OKPD2 26.* or a hardware category of the catalog.
     */
    private static final String PURCHASES = """
            with lines as (
                select i.org_id, extract(year from i.date)::int as period, i.category, i.vendor, i.origin as country,
                       coalesce(i.origin_class, case when i.registered or i.origin = any (:dom) then 'domestic'
                                                     when i.origin is not null then 'foreign' else 'unknown' end) as origin,
                       i.processor_origin, i.quantity, coalesce(i.price, 0) as amount,
                       case when i.okpd2 like '26.%' or c.kind = 'hardware' then 'hardware' else 'software' end as kind
                from purchase_item i left join category c on c.id = i.category where i.org_id = any (:ids))
            """;

    public record OrgNode(long id, String slug, String name, String kind, Long parentId) {}

    /** Items and seats of one class and origin in the latest audit of an organisation in a period. */
    public record ClassRow(long orgId, int period, String cls, String origin, long items, long seats) {}

    /** One key of a breakdown with its origin: items and seats (from audits) or lines, quantity and amount (from purchases). */
    public record KeyRow(String key, String origin, double count, double seats, double amount) {}

    public record ForeignRow(String productId, String product, String vendor, String country, long seats, long items, int orgs) {}

    public record AlternativeRow(String fromId, String productId, String product, String vendor, String country, String license, boolean registry) {}

    /** Purchases of an organisation in a period, by the category's kind and the origins decided. */
    public record PurchaseRow(long orgId, int period, String categoryKind, String origin, String processorOrigin,
                              double lines, double quantity, double amount) {}

    public record StoredTarget(long orgId, String orgSlug, String measure, double value, int year, String setBy) {}

    /** Labels of breakdown keys in Russian and English. */
    public record Label(String ru, String en) {}

    /**
     * The latest audit of each organisation (of the given ids) and period. A lateral join per audit
     * keeps the aggregate reads on the primary key whatever the planner thinks of the id list.
     */
    private static final String LATEST = """
            with latest as (select distinct on (a.org_id, a.period) a.org_id, a.id as audit_id, a.period
                            from inventory_audit a where a.org_id = any (:ids)
                            order by a.org_id, a.period, a.id desc)
            """;
    private static final String AGGREGATES = """
            from latest l cross join lateral (select * from audit_aggregate g where g.audit_id = l.audit_id and g.dim = :dim) g
            """;

    /** The data version: changes with every commit that touches what the dashboard reads. */
    public long version() {
        return jdbi.withHandle(h -> h.createQuery("select version from dashboard_version").mapTo(Long.class).one());
    }

    /** The root's id after checking the caller may read it. */
    public long readableOrg(Caller caller, String slug) {
        return jdbi.withHandle(h -> OrgScope.orgId(h, caller, slug, Role.VIEWER));
    }

    /** The organisation and everything below it, parents before children. */
    public List<OrgNode> subtree(String slug) {
        return jdbi.withHandle(h -> h.createQuery("""
                        with recursive tree as (select o.*, 0 as depth from organisation o where o.slug = :root
                                                union all select o.*, t.depth + 1 from organisation o join tree t on o.parent_id = t.id)
                        select id, slug, name, kind, parent_id from tree order by depth, slug""")
                .bind("root", slug)
                .map((rs, c) -> new OrgNode(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("kind"),
                        (Long) rs.getObject("parent_id"))).list());
    }

    /** The organisation and its ancestors, nearest first. */
    public List<OrgNode> pathToRoot(long orgId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        with recursive up as (select o.*, 0 as depth from organisation o where o.id = :id
                                              union all select o.*, up.depth + 1 from organisation o join up on o.id = up.parent_id)
                        select id, slug, name, kind, parent_id from up order by depth""")
                .bind("id", orgId)
                .map((rs, c) -> new OrgNode(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("kind"),
                        (Long) rs.getObject("parent_id"))).list());
    }

    /** Class totals of the latest audit of every organisation in the subtree, per period. */
    public List<ClassRow> classCounts(Long[] orgIds) {
        return jdbi.withHandle(h -> h.createQuery(LATEST + "select l.org_id, l.period, g.class, g.origin, sum(g.items) as items, sum(g.seats) as seats "
                        + AGGREGATES + " group by l.org_id, l.period, g.class, g.origin")
                .bind("ids", orgIds).bind("dim", "class")
                .map((rs, c) -> new ClassRow(rs.getLong("org_id"), rs.getInt("period"), rs.getString("class"), rs.getString("origin"),
                        rs.getLong("items"), rs.getLong("seats"))).list());
    }

    /** Periods with an audit in the subtree, oldest first. */
    public List<Integer> auditPeriods(Long[] orgIds) {
        return jdbi.withHandle(h -> h.createQuery("select distinct period from inventory_audit where org_id = any (:ids) order by period")
                .bind("ids", orgIds).mapTo(Integer.class).list());
    }

    /** Audit aggregates of a period over the subtree by one dimension; {@code cls} null: every class. */
    public List<KeyRow> breakdown(Long[] orgIds, int period, String dim, String cls) {
        return jdbi.withHandle(h -> h.createQuery(LATEST.replace("where a.org_id = any (:ids)", "where a.org_id = any (:ids) and a.period = :period")
                        + "select g.key, g.origin, sum(g.items) as items, sum(g.seats) as seats " + AGGREGATES
                        + " where cast(:cls as text) is null or g.class = :cls group by g.key, g.origin")
                .bind("ids", orgIds).bind("period", period).bind("dim", dim).bind("cls", cls)
                .map((rs, c) -> new KeyRow(rs.getString("key"), rs.getString("origin"), rs.getLong("items"), rs.getLong("seats"), 0)).list());
    }

    /** Purchases of a period over the subtree by category, country or vendor. */
    public List<KeyRow> purchaseBreakdown(Long[] orgIds, int period, String dim) {
        String column = switch (dim) {
            case "category" -> "p.category";
            case "country" -> "p.country";
            case "vendor" -> "p.vendor";
            default -> throw new IllegalArgumentException("purchases have no " + dim);
        };
        return jdbi.withHandle(h -> h.createQuery(PURCHASES + "select coalesce(" + column + ", '') as key, p.origin, count(*) as lines, "
                        + "sum(p.quantity) as quantity, sum(p.amount) as amount from lines p where p.period = :period group by 1, 2")
                .bind("ids", orgIds).bind("dom", domesticCountries).bind("period", period)
                .map((rs, c) -> new KeyRow(rs.getString("key"), rs.getString("origin"), rs.getLong("lines"), rs.getDouble("quantity"),
                        rs.getDouble("amount"))).list());
    }

    /** Foreign products in the latest audits of a period over the subtree, most seats first. */
    public List<ForeignRow> topForeign(Long[] orgIds, int period, int limit) {
        return jdbi.withHandle(h -> h.createQuery(LATEST.replace("where a.org_id = any (:ids)", "where a.org_id = any (:ids) and a.period = :period")
                        + ", top as (select g.key, sum(g.seats) as seats, sum(g.items) as items, count(distinct g.org_id) as orgs "
                        + AGGREGATES + " where g.origin = 'foreign' group by g.key order by seats desc, g.key limit :lim) "
                        + """
                        select top.*, p.name, v.name as vendor, v.country from top
                        left join product p on p.id = top.key left join vendor v on v.id = p.vendor_id
                        order by top.seats desc, top.key""")
                .bind("ids", orgIds).bind("dim", "product").bind("period", period).bind("lim", limit)
                .map((rs, c) -> new ForeignRow(rs.getString("key"), rs.getString("name") == null ? rs.getString("key") : rs.getString("name"),
                        rs.getString("vendor"), rs.getString("country"), rs.getLong("seats"), rs.getLong("items"), rs.getInt("orgs"))).list());
    }

    /** The catalog's alternatives of these products, with whether each is in a register. */
    public List<AlternativeRow> alternatives(Collection<String> productIds) {
        if (productIds.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("""
                        select a.from_id, p.id, p.name, v.name as vendor, v.country, p.license,
                               exists (select 1 from registry_entry r where r.product_id = p.id and r.status = 'registered') as registry
                        from alternative a join product p on p.id = a.to_id join vendor v on v.id = p.vendor_id
                        where a.from_id = any (:ids)
                        order by a.from_id, (a.fit = 'full') desc, registry desc, p.name""")
                .bind("ids", productIds.toArray(String[]::new))
                .map((rs, c) -> new AlternativeRow(rs.getString("from_id"), rs.getString("id"), rs.getString("name"), rs.getString("vendor"),
                        rs.getString("country"), rs.getString("license"), rs.getBoolean("registry"))).list());
    }

    /** Purchases of every organisation in the subtree, per period, category kind and origins. */
    public List<PurchaseRow> purchases(Long[] orgIds) {
        return jdbi.withHandle(h -> h.createQuery(PURCHASES + """
                        select p.org_id, p.period, p.kind, p.origin, p.processor_origin,
                               count(*) as lines, sum(p.quantity) as quantity, sum(p.amount) as amount
                        from lines p group by 1, 2, 3, 4, 5""")
                .bind("ids", orgIds).bind("dom", domesticCountries)
                .map((rs, c) -> new PurchaseRow(rs.getLong("org_id"), rs.getInt("period"), rs.getString("kind"), rs.getString("origin"),
                        rs.getString("processor_origin"), rs.getLong("lines"), rs.getDouble("quantity"), rs.getDouble("amount"))).list());
    }

    /** Labels for keys of a dimension: categories and platforms by their names; vendors and countries are their own labels. */
    public Map<String, Label> labels(String dim, Collection<String> keys) {
        var out = new HashMap<String, Label>();
        if (keys.isEmpty()) return out;
        String sql = switch (dim) {
            case "category" -> "select id, name_ru, name_en from category where id = any (:ids)";
            case "platform" -> """
                    select id, name as name_ru, name as name_en from platform where id = any (:ids)
                    union all select id, coalesce(name_ru, name), name from product where id = any (:ids)""";
            default -> null;
        };
        if (sql == null) return out;
        jdbi.useHandle(h -> h.createQuery(sql).bind("ids", keys.toArray(String[]::new))
                .map((rs, c) -> out.putIfAbsent(rs.getString(1), new Label(rs.getString(2), rs.getString(3)))).forEach(x -> {}));
        return out;
    }

    // ------------------------------------------------------------ targets

    /** The own targets of these organisations. */
    public List<StoredTarget> targets(Collection<Long> orgIds) {
        if (orgIds.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("""
                        select t.*, o.slug from org_target t join organisation o on o.id = t.org_id where t.org_id = any (:ids) order by o.slug, t.measure""")
                .bind("ids", orgIds.toArray(Long[]::new))
                .map((rs, c) -> new StoredTarget(rs.getLong("org_id"), rs.getString("slug"), rs.getString("measure"), rs.getDouble("value"),
                        rs.getInt("year"), rs.getString("set_by"))).list());
    }

    /** Sets an organisation's own target (admins of the organisation). */
    public StoredTarget putTarget(Caller caller, String slug, String measure, double value, int year) {
        return jdbi.inTransaction(h -> {
            long org = OrgScope.orgId(h, caller, slug, Role.ADMIN);
            h.createUpdate("""
                    insert into org_target (org_id, measure, value, year, set_by) values (:org, :m, :v, :y, :by)
                    on conflict (org_id, measure) do update set value = excluded.value, year = excluded.year, set_by = excluded.set_by, set_at = now()""")
                    .bind("org", org).bind("m", measure).bind("v", value).bind("y", year).bind("by", caller.actor()).execute();
            TenantStore.audit(h, caller, org, "target.put", measure, Map.of("value", value, "year", year));
            return new StoredTarget(org, slug, measure, value, year, caller.actor());
        });
    }

    // ------------------------------------------------------------ writes of the demo and bulk loads

    /** A catalog product as the demo generator needs it; {@code origin} from the vendor's country and the licence. */
    public record CatalogProduct(String id, String name, String nameRu, List<String> aliases, String vendor, String country, String category,
                                 String kind, String origin) {}

    /** A foreign product and one of its domestic or open-source alternatives. */
    public record Substitution(CatalogProduct from, CatalogProduct to, String fit) {}

    /** Every alternative edge from a foreign product to a domestic or open-source one, in a stable order. */
    public List<Substitution> substitutions() {
        String origin = """
                case when v.country = any (:dom) then 'domestic' when p.license = 'open_source' then 'open_source'
                     when v.country is not null then 'foreign' else 'unknown' end""";
        String product = "p.id, p.name, p.name_ru, p.aliases, v.name as vendor, v.country, p.category, p.kind, " + origin + " as origin";
        return jdbi.withHandle(h -> h.createQuery("with prod as (select " + product + " from product p join vendor v on v.id = p.vendor_id) "
                        + "select a.fit, f.id as f_id, f.name as f_name, f.name_ru as f_name_ru, f.aliases as f_aliases, f.vendor as f_vendor, f.country as f_country, "
                        + "f.category as f_category, f.kind as f_kind, f.origin as f_origin, t.id as t_id, t.name as t_name, t.name_ru as t_name_ru, "
                        + "t.aliases as t_aliases, t.vendor as t_vendor, t.country as t_country, t.category as t_category, t.kind as t_kind, t.origin as t_origin "
                        + "from alternative a join prod f on f.id = a.from_id join prod t on t.id = a.to_id "
                        + "where f.origin = 'foreign' and t.origin in ('domestic', 'open_source') order by a.from_id, a.to_id")
                .bind("dom", domesticCountries)
                .map((rs, c) -> new Substitution(catalogProduct(rs, "f_"), catalogProduct(rs, "t_"), rs.getString("fit"))).list());
    }

    private static CatalogProduct catalogProduct(java.sql.ResultSet rs, String p) throws SQLException {
        return new CatalogProduct(rs.getString(p + "id"), rs.getString(p + "name"), rs.getString(p + "name_ru"), CatalogStore.array(rs, p + "aliases"),
                rs.getString(p + "vendor"), rs.getString(p + "country"), rs.getString(p + "category"), rs.getString(p + "kind"), rs.getString(p + "origin"));
    }

    /** Says which reporting year an audit stands for (by default the year it was stored). */
    public void setAuditPeriod(Caller caller, String slug, long auditId, int period) {
        jdbi.useTransaction(h -> {
            long org = OrgScope.orgId(h, caller, slug, Role.EDITOR);
            int n = h.createUpdate("update inventory_audit set period = :p where id = :a and org_id = :org")
                    .bind("p", period).bind("a", auditId).bind("org", org).execute();
            if (n == 0) throw new NotFoundException("no audit " + auditId + " in organisation " + slug);
        });
    }
}
