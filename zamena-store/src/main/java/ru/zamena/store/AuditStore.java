package ru.zamena.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;

import java.io.IOException;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.*;

/**
 * Stored inventory audits of one organisation: the audit with its files and totals, one row per
 * distinct name, and the review queue fed by doubtful matches. One audit is stored in one
 * transaction (items by COPY), so a failure leaves nothing behind. Every query filters by the
 * organisation the caller was checked for ({@link OrgScope}).
 */
public final class AuditStore {
    private final Jdbi jdbi;

    public AuditStore(Database db) {
        this.jdbi = db.jdbi();
    }

    public record FileInfo(String name, String format, String sha256, long items, long distinct) {}

    /** An audit without its items. {@code totals} is what the report computed when it was stored. */
    public record Audit(long id, String org, String label, OffsetDateTime createdAt, String createdBy, String cpu, String os,
                        List<FileInfo> files, Map<String, Object> totals, int itemCount, long occurrenceCount, String status, int period) {}

    /** One distinct name (and publisher) of an audit with its decision and the product's facts at the time. */
    public record Item(int seq, String nameKey, String publisherKey, String rawName, String publisher, List<String> versions,
                       int hosts, int occurrences, String status, String productId, String productName, String vendor,
                       String country, String origin, String category, double score, Map<String, Object> evidence, String decidedBy) {
        public Item {
            versions = versions == null ? List.of() : List.copyOf(versions);
            evidence = evidence == null ? Map.of() : evidence;
        }
    }

    /** A judgment of the organisation on a name: {@code productId} null means "none of the catalog's products". */
    public record Judgment(String nameKey, String publisherKey, String rawName, String productId, String decidedBy,
                           OffsetDateTime decidedAt, String note) {}

    /** The organisation's id after checking that the caller may act on it with {@code needed}. */
    public long orgId(Caller caller, String orgSlug, Role needed) {
        return jdbi.withHandle(h -> OrgScope.orgId(h, caller, orgSlug, needed));
    }

    /**
     * The operator organisation (the CLI's organisation when none is named), created on first use
     * with the slug {@code operator} when the installation has none yet.
     */
    public String operatorOrganisation(Caller caller) {
        if (!caller.mayEditCatalog()) throw new AccessDeniedException("only an operator admin acts without naming an organisation");
        return jdbi.inTransaction(h -> {
            Optional<String> slug = h.createQuery("select slug from organisation where operator order by id limit 1").mapTo(String.class).findOne();
            if (slug.isPresent()) return slug.get();
            long id = h.createUpdate("insert into organisation (slug, name, operator) values ('operator', 'Operator of this installation', true)")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            TenantStore.audit(h, caller, id, "organisation.create", "operator", Map.of("name", "Operator of this installation", "implicit", true));
            return "operator";
        });
    }

    /** The newest audit of the same input (by fingerprint) in this organisation, if any. */
    public Optional<Audit> byFingerprint(long orgId, String fingerprint) {
        return jdbi.withHandle(h -> h.createQuery(AUDIT_SELECT + " where a.org_id = :org and a.fingerprint = :fp order by a.id desc limit 1")
                .bind("org", orgId).bind("fp", fingerprint).map((rs, c) -> audit(rs)).findOne());
    }

    /** Says which reporting year an audit of the organisation stands for (the caller was checked as an editor by {@link #orgId}). */
    public void setPeriod(long orgId, long auditId, int period) {
        jdbi.useHandle(h -> h.createUpdate("update inventory_audit set period = :p where id = :a and org_id = :org")
                .bind("p", period).bind("a", auditId).bind("org", orgId).execute());
    }

    /** Everything the organisation decided, keyed by {@code nameKey + "\u0000" + publisherKey}. */
    public Map<String, Judgment> judgments(long orgId) {
        var out = new HashMap<String, Judgment>();
        jdbi.useHandle(h -> h.createQuery("select * from match_judgment where org_id = :org").bind("org", orgId)
                .map((rs, c) -> judgment(rs)).forEach(j -> out.put(j.nameKey() + "\u0000" + j.publisherKey(), j)));
        return out;
    }

    /** The organisation's own aliases: compact alias → product id. */
    public Map<String, String> orgAliases(long orgId) {
        var out = new HashMap<String, String>();
        jdbi.useHandle(h -> h.createQuery("select compact, product_id from org_alias where org_id = :org").bind("org", orgId)
                .map((rs, c) -> out.put(rs.getString(1), rs.getString(2))).forEach(x -> {}));
        return out;
    }

    /**
     * Stores an audit and its items in one transaction, and brings the review queue up to date:
     * every item the matcher left for review becomes (or refreshes) an open review item.
     */
    public Audit store(Caller caller, long orgId, String label, String cpu, String os, String fingerprint,
                       List<FileInfo> files, Map<String, Object> totals, List<Item> items) {
        return store(caller, orgId, label, cpu, os, fingerprint, files, totals, items, null);
    }

    /** As above, for the reporting year {@code period} (null: the year it is stored, set by a trigger of V8). */
    public Audit store(Caller caller, long orgId, String label, String cpu, String os, String fingerprint,
                       List<FileInfo> files, Map<String, Object> totals, List<Item> items, Integer period) {
        long occurrences = items.stream().mapToLong(Item::occurrences).sum();
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                    insert into inventory_audit (org_id, label, created_by, cpu, os, fingerprint, files, totals, item_count, occurrence_count, period)
                    values (:org, :label, :by, :cpu, :os, :fp, cast(:files as jsonb), cast(:totals as jsonb), :n, :occ, :period)""")
                    .bind("org", orgId).bind("label", label).bind("by", caller.actor()).bind("cpu", cpu).bind("os", os).bind("fp", fingerprint)
                    .bind("files", Json.write(files)).bind("totals", Json.write(totals)).bind("n", items.size()).bind("occ", occurrences)
                    .bind("period", period).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            copyItems(h, id, orgId, items);
            h.createUpdate("""
                    insert into review_item (org_id, name_key, publisher_key, raw_name, publisher, candidate_id, score, evidence, occurrences,
                                             first_audit_id, last_audit_id)
                    select i.org_id, i.name_key, i.publisher_key, i.raw_name, i.publisher,
                           (select p.id from product p where p.id = i.product_id), i.score, i.evidence, i.occurrences, i.audit_id, i.audit_id
                    from audit_item i where i.audit_id = :id and i.status = 'review' and i.decided_by = 'matcher'
                    on conflict (org_id, name_key, publisher_key) do update set raw_name = excluded.raw_name, publisher = excluded.publisher,
                      candidate_id = excluded.candidate_id, score = excluded.score, evidence = excluded.evidence,
                      occurrences = excluded.occurrences, last_audit_id = excluded.last_audit_id,
                      status = 'open', product_id = null, decided_by = null, decided_at = null""")
                    .bind("id", id).execute();
            TenantStore.audit(h, caller, orgId, "audit.create", "audit " + id,
                    Map.of("files", files.stream().map(FileInfo::name).toList(), "items", items.size(), "occurrences", occurrences));
            return h.createQuery(AUDIT_SELECT + " where a.id = :id").bind("id", id).map((rs, c) -> audit(rs)).one();
        });
    }

    /** COPY is an order of magnitude faster than batched inserts for the thousands of rows of a large SBOM. */
    private static void copyItems(Handle h, long auditId, long orgId, List<Item> items) {
        var sb = new StringBuilder(items.size() * 200);
        for (Item i : items) {
            Copy.row(sb, auditId, orgId, i.seq(), i.nameKey(), i.publisherKey(), i.rawName(), i.publisher(), Copy.array(i.versions()),
                    i.hosts(), i.occurrences(), i.status(), i.productId(), i.productName(), i.vendor(), i.country(), i.origin(),
                    i.category(), i.score(), Json.write(i.evidence()), i.decidedBy());
        }
        try {
            h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy audit_item (audit_id, org_id, seq, name_key, publisher_key, raw_name, publisher, versions, hosts, occurrences, status,
                      product_id, product_name, vendor, country, origin, category, score, evidence, decided_by) from stdin""",
                    new StringReader(sb.toString()));
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot store the audit's items: " + e.getMessage(), e);
        }
    }

    public List<Audit> audits(Caller caller, String orgSlug, int limit) {
        return jdbi.withHandle(h -> {
            long org = OrgScope.orgId(h, caller, orgSlug, Role.VIEWER);
            return h.createQuery(AUDIT_SELECT + " where a.org_id = :org order by a.id desc limit :lim")
                    .bind("org", org).bind("lim", limit).map((rs, c) -> audit(rs)).list();
        });
    }

    public Audit audit(Caller caller, String orgSlug, long id) {
        return jdbi.withHandle(h -> {
            long org = OrgScope.orgId(h, caller, orgSlug, Role.VIEWER);
            return h.createQuery(AUDIT_SELECT + " where a.org_id = :org and a.id = :id").bind("org", org).bind("id", id)
                    .map((rs, c) -> audit(rs)).findOne().orElseThrow(() -> new NotFoundException("no audit " + id + " in organisation " + orgSlug));
        });
    }

    /** Items of an audit in order, after item {@code afterSeq}, at most {@code limit} (keyset paging). */
    public List<Item> items(Caller caller, String orgSlug, long auditId, int afterSeq, int limit) {
        return jdbi.withHandle(h -> {
            long org = OrgScope.orgId(h, caller, orgSlug, Role.VIEWER);
            return h.createQuery("select * from audit_item where org_id = :org and audit_id = :id and seq > :after order by seq limit :lim")
                    .bind("org", org).bind("id", auditId).bind("after", afterSeq).bind("lim", limit).map((rs, c) -> item(rs)).list();
        });
    }

    private static final String AUDIT_SELECT = "select a.*, o.slug from inventory_audit a join organisation o on o.id = a.org_id";

    @SuppressWarnings("unchecked")
    private static Audit audit(ResultSet rs) throws SQLException {
        List<Map<String, Object>> files = Json.read(rs.getString("files"), List.class);
        return new Audit(rs.getLong("id"), rs.getString("slug"), rs.getString("label"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"), rs.getString("cpu"), rs.getString("os"),
                files.stream().map(f -> new FileInfo((String) f.get("name"), (String) f.get("format"), (String) f.get("sha256"),
                        ((Number) f.get("items")).longValue(), ((Number) f.get("distinct")).longValue())).toList(),
                Json.read(rs.getString("totals"), LinkedHashMap.class), rs.getInt("item_count"), rs.getLong("occurrence_count"), rs.getString("status"),
                rs.getInt("period"));
    }

    @SuppressWarnings("unchecked")
    private static Item item(ResultSet rs) throws SQLException {
        return new Item(rs.getInt("seq"), rs.getString("name_key"), rs.getString("publisher_key"), rs.getString("raw_name"), rs.getString("publisher"),
                CatalogStore.array(rs, "versions"), rs.getInt("hosts"), rs.getInt("occurrences"), rs.getString("status"), rs.getString("product_id"),
                rs.getString("product_name"), rs.getString("vendor"), rs.getString("country"), rs.getString("origin"), rs.getString("category"),
                rs.getDouble("score"), Json.read(rs.getString("evidence"), LinkedHashMap.class), rs.getString("decided_by"));
    }

    static Judgment judgment(ResultSet rs) throws SQLException {
        return new Judgment(rs.getString("name_key"), rs.getString("publisher_key"), rs.getString("raw_name"), rs.getString("product_id"),
                rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class), rs.getString("note"));
    }
}
