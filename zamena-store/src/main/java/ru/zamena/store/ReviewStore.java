package ru.zamena.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;
import ru.zamena.core.text.NameKey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.*;

/**
 * The review queue of an organisation and what its people decide. A decision is a judgment on the
 * name (reused by every later audit) and, when it names a product, an organisation alias that an
 * operator admin may later promote into the global catalog.
 */
public final class ReviewStore {
    public enum Decision { ACCEPT, REJECT, PICK }

    private final Jdbi jdbi;
    private final CatalogStore catalog;

    public ReviewStore(Database db, CatalogStore catalog) {
        this.jdbi = db.jdbi();
        this.catalog = catalog;
    }

    /** A queued name with the matcher's best candidate (null when it was removed from the catalog). */
    public record ReviewItem(long id, String org, String rawName, String publisher, String candidateId, String candidateName,
                             String candidateVendor, String candidateCountry, double score, Map<String, Object> evidence,
                             long occurrences, Long firstAuditId, Long lastAuditId, String status, String productId,
                             String decidedBy, OffsetDateTime decidedAt) {}

    public record Promoted(String alias, String productId) {}

    /** Review items of one status ({@code open} by default), most frequent first, at most {@code limit}. */
    public List<ReviewItem> queue(Caller caller, String orgSlug, String status, int limit) {
        return jdbi.withHandle(h -> {
            long org = OrgScope.orgId(h, caller, orgSlug, Role.VIEWER);
            return h.createQuery(SELECT + " where r.org_id = :org and r.status = :status order by r.occurrences desc, r.id limit :lim")
                    .bind("org", org).bind("status", status == null ? "open" : status).bind("lim", limit)
                    .map((rs, c) -> item(rs)).list();
        });
    }

    public ReviewItem item(Caller caller, String orgSlug, long id) {
        return jdbi.withHandle(h -> item(h, OrgScope.orgId(h, caller, orgSlug, Role.VIEWER), id, orgSlug));
    }

    /**
     * Decides a review item: {@code ACCEPT} the candidate, {@code REJECT} it (the name is then left
     * unmatched by later audits), or {@code PICK} another product. Deciding again overwrites.
     */
    public ReviewItem decide(Caller caller, String orgSlug, long id, Decision decision, String pickedProductId, String note) {
        return jdbi.inTransaction(h -> {
            long org = OrgScope.orgId(h, caller, orgSlug, Role.EDITOR);
            ReviewItem item = item(h, org, id, orgSlug);
            String product = switch (decision) {
                case ACCEPT -> {
                    if (item.candidateId() == null) throw new IllegalArgumentException("review item " + id + " has no candidate to accept; pick a product");
                    yield item.candidateId();
                }
                case REJECT -> null;
                case PICK -> {
                    if (pickedProductId == null || pickedProductId.isBlank()) throw new IllegalArgumentException("pick needs a product_id");
                    if (h.createQuery("select 1 from product where id = :id").bind("id", pickedProductId).mapTo(Integer.class).findOne().isEmpty())
                        throw new NotFoundException("product " + pickedProductId);
                    yield pickedProductId;
                }
            };
            String status = switch (decision) { case ACCEPT -> "accepted"; case REJECT -> "rejected"; case PICK -> "picked"; };
            h.createUpdate("update review_item set status = :st, product_id = :p, decided_by = :by, decided_at = now() where id = :id and org_id = :org")
                    .bind("st", status).bind("p", product).bind("by", caller.actor()).bind("id", id).bind("org", org).execute();
            h.createUpdate("""
                    insert into match_judgment (org_id, name_key, publisher_key, raw_name, product_id, decided_by, note)
                    select org_id, name_key, publisher_key, raw_name, :p, :by, :note from review_item where id = :id and org_id = :org
                    on conflict (org_id, name_key, publisher_key) do update set raw_name = excluded.raw_name, product_id = excluded.product_id,
                      decided_by = excluded.decided_by, decided_at = now(), note = excluded.note""")
                    .bind("p", product).bind("by", caller.actor()).bind("note", note).bind("id", id).bind("org", org).execute();
            if (product != null) putAlias(h, org, cleanedName(item), product, caller.actor());
            var details = new LinkedHashMap<String, Object>();
            details.put("decision", status);
            details.put("name", item.rawName());
            if (product != null) details.put("product", product);
            TenantStore.audit(h, caller, org, "review." + decision.name().toLowerCase(Locale.ROOT), "review item " + id, details);
            return item(h, org, id, orgSlug);
        });
    }

    /** The spelling the alias keeps: the cleaned name the matcher searched for, else the raw name. */
    private static String cleanedName(ReviewItem item) {
        Object cleaned = item.evidence().get("cleaned");
        return cleaned instanceof String s && !NameKey.compact(s).isEmpty() ? s : item.rawName();
    }

    private static void putAlias(Handle h, long org, String alias, String productId, String by) {
        h.createUpdate("""
                insert into org_alias (org_id, alias, compact, product_id, note, created_by) values (:org, :alias, :compact, :p, 'review decision', :by)
                on conflict (org_id, compact) do update set alias = excluded.alias, product_id = excluded.product_id,
                  note = excluded.note, created_by = excluded.created_by, created_at = now()""")
                .bind("org", org).bind("alias", alias).bind("compact", NameKey.compact(alias)).bind("p", productId).bind("by", by).execute();
    }

    public List<AuditStore.Judgment> judgments(Caller caller, String orgSlug) {
        return jdbi.withHandle(h -> {
            long org = OrgScope.orgId(h, caller, orgSlug, Role.VIEWER);
            return h.createQuery("select * from match_judgment where org_id = :org order by raw_name").bind("org", org)
                    .map((rs, c) -> AuditStore.judgment(rs)).list();
        });
    }

    /**
     * Copies an organisation's aliases into the global catalog (operator admins only): each becomes
     * an alias of its product, kept across reloads of the curated files, and searchable at once.
     * {@code only} limits it to some aliases (any spelling that folds the same); empty means all.
     */
    public List<Promoted> promote(Caller caller, String orgSlug, Collection<String> only) {
        if (!caller.mayEditCatalog()) throw new AccessDeniedException("only an operator admin may promote aliases into the global catalog");
        return jdbi.inTransaction(h -> {
            long org = OrgScope.orgId(h, caller, orgSlug, Role.ADMIN);
            var keys = only == null ? List.<String>of() : only.stream().map(NameKey::compact).filter(s -> !s.isEmpty()).toList();
            var promoted = h.createQuery("""
                            insert into promoted_alias (product_id, alias, from_org_id, promoted_by)
                            select a.product_id, a.alias, a.org_id, :by from org_alias a join product p on p.id = a.product_id
                            where a.org_id = :org and (cardinality(:keys) = 0 or a.compact = any(:keys))
                              and not (a.alias = any(p.aliases)) and lower(a.alias) <> lower(p.name) and lower(a.alias) <> lower(coalesce(p.name_ru, ''))
                            on conflict (product_id, alias) do nothing
                            returning alias, product_id""")
                    .bind("org", org).bind("by", caller.actor()).bindArray("keys", String.class, keys)
                    .map((rs, c) -> new Promoted(rs.getString(1), rs.getString(2))).list();
            if (!promoted.isEmpty()) {
                var products = promoted.stream().map(Promoted::productId).distinct().toList();
                // Rewriting aliases fires the trigger that appends promoted aliases; then the search keys follow.
                h.createUpdate("update product set aliases = aliases, updated_at = now() where id = any(:ids)").bindArray("ids", String.class, products).execute();
                catalog.rebuildSearchKeys(h, products);
            }
            TenantStore.audit(h, caller, org, "alias.promote", orgSlug, Map.of("aliases", promoted.stream().map(Promoted::alias).toList()));
            return promoted;
        });
    }

    private static final String SELECT = """
            select r.*, o.slug, p.name as candidate_name, v.name as candidate_vendor, v.country as candidate_country
            from review_item r join organisation o on o.id = r.org_id
            left join product p on p.id = r.candidate_id left join vendor v on v.id = p.vendor_id""";

    private static ReviewItem item(Handle h, long org, long id, String orgSlug) {
        return h.createQuery(SELECT + " where r.org_id = :org and r.id = :id").bind("org", org).bind("id", id)
                .map((rs, c) -> item(rs)).findOne().orElseThrow(() -> new NotFoundException("no review item " + id + " in organisation " + orgSlug));
    }

    @SuppressWarnings("unchecked")
    private static ReviewItem item(ResultSet rs) throws SQLException {
        return new ReviewItem(rs.getLong("id"), rs.getString("slug"), rs.getString("raw_name"), rs.getString("publisher"),
                rs.getString("candidate_id"), rs.getString("candidate_name"), rs.getString("candidate_vendor"), rs.getString("candidate_country"),
                rs.getDouble("score"), Json.read(rs.getString("evidence"), LinkedHashMap.class), rs.getLong("occurrences"),
                (Long) rs.getObject("first_audit_id"), (Long) rs.getObject("last_audit_id"), rs.getString("status"),
                rs.getString("product_id"), rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class));
    }
}
