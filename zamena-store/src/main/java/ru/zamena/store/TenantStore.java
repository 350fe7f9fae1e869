package ru.zamena.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import ru.zamena.core.targets.OrgKind;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;
import ru.zamena.core.text.NameKey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.*;

/**
 * Organisations, API keys, organisation-private data and the audit log. Every query on
 * organisation data takes the organisation from the authenticated {@link Caller}, never from
 * the request alone: this class is the one place that scopes by tenant.
 */
public final class TenantStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Jdbi jdbi;

    public TenantStore(Database db) {
        this.jdbi = db.jdbi();
    }

    /** {@code kind}: ministry, agency, unit, holding or company (which profile targets apply); null when not said. */
    public record Organisation(long id, String slug, String name, String parentSlug, boolean operator, String kind, OffsetDateTime createdAt) {}

    public record ApiKeyInfo(long id, String orgSlug, String name, String prefix, Role role, OffsetDateTime createdAt, OffsetDateTime revokedAt) {}

    /** A newly created key: the secret is shown once and never stored. */
    public record NewApiKey(ApiKeyInfo info, String secret) {}

    public record OrgAlias(String alias, String productId, String note, String createdBy, OffsetDateTime createdAt) {}

    public record AuditEntry(long id, OffsetDateTime at, String actor, String orgSlug, String action, String target, String details) {}

    public Organisation createOrganisation(Caller caller, String slug, String name, String parentSlug, boolean operator) {
        return createOrganisation(caller, slug, name, parentSlug, operator, null);
    }

    /** {@code kind}: ministry, agency, unit, holding, company (the words of {@code OrgKind}, checked by V8's constraint) or null. */
    public Organisation createOrganisation(Caller caller, String slug, String name, String parentSlug, boolean operator, String kind) {
        if (!caller.mayEditCatalog()) throw new AccessDeniedException("only an operator admin may create organisations");
        String k = kindWord(kind);
        return jdbi.inTransaction(h -> {
            Long parent = parentSlug == null ? null : orgId(h, parentSlug).orElseThrow(() -> new NotFoundException("organisation " + parentSlug));
            if (orgId(h, slug).isPresent()) throw new ConflictException("organisation '" + slug + "' already exists");
            long id = h.createUpdate("insert into organisation (slug, name, parent_id, operator, kind) values (:slug, :name, :parent, :op, :kind)")
                    .bind("slug", slug).bind("name", name).bind("parent", parent).bind("op", operator).bind("kind", k)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit(h, caller, id, "organisation.create", slug, k == null ? Map.of("name", name) : Map.of("name", name, "kind", k));
            return organisation(h, slug).orElseThrow();
        });
    }

    /**
     * Changes what kind of organisation this is (its admins, or the operator) and, when {@code parentSlug}
     * is given, where it sits in the hierarchy (operator admins only: a parent reads everything below it).
     * A null argument leaves that field as it is; a parent that is the organisation or below it is refused.
     */
    public Organisation updateOrganisation(Caller caller, String slug, String kind, String parentSlug) {
        requireAccess(caller, slug, Role.ADMIN);
        if (parentSlug != null && !caller.mayEditCatalog()) throw new AccessDeniedException("only an operator admin may move an organisation");
        String k = kindWord(kind);
        return jdbi.inTransaction(h -> {
            Organisation before = organisation(h, slug).orElseThrow(() -> new NotFoundException("organisation " + slug));
            long id = before.id();
            var details = new LinkedHashMap<String, Object>();
            // Unchanged fields are not written (an update of no rows still bumps the dashboard's data version):
            // loading the demo again changes nothing.
            if (k != null && !k.equals(before.kind())) {
                h.createUpdate("update organisation set kind = :k where id = :id").bind("k", k).bind("id", id).execute();
                details.put("kind", k);
            }
            if (parentSlug != null && !parentSlug.equals(before.parentSlug())) {
                long parent = orgId(h, parentSlug).orElseThrow(() -> new NotFoundException("organisation " + parentSlug));
                boolean cycle = h.createQuery("""
                                with recursive up as (select id, parent_id from organisation where id = :parent
                                                      union all select o.id, o.parent_id from organisation o join up on o.id = up.parent_id)
                                select exists (select 1 from up where id = :id)""")
                        .bind("parent", parent).bind("id", id).mapTo(Boolean.class).one();
                if (cycle) throw new ConflictException("'" + parentSlug + "' is " + slug + " or below it, so it cannot be its parent");
                h.createUpdate("update organisation set parent_id = :p where id = :id").bind("p", parent).bind("id", id).execute();
                details.put("parent", parentSlug);
            }
            if (!details.isEmpty()) audit(h, caller, id, "organisation.update", slug, details);
            return organisation(h, slug).orElseThrow();
        });
    }

    /** "Agency " → "agency"; a clear error for a word that is not a kind. */
    private static String kindWord(String kind) {
        OrgKind k = OrgKind.of(kind);
        return k == null ? null : k.word();
    }

    public Optional<Organisation> organisation(String slug) {
        return jdbi.withHandle(h -> organisation(h, slug));
    }

    public List<Organisation> organisations(Caller caller) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select o.*, p.slug as parent_slug from organisation o left join organisation p on p.id = o.parent_id
                        where :all or o.slug = :own order by o.slug""")
                .bind("all", caller.orgSlug() == null && caller.operator()).bind("own", caller.orgSlug())
                .map((rs, c) -> new Organisation(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("parent_slug"),
                        rs.getBoolean("operator"), rs.getString("kind"), rs.getObject("created_at", OffsetDateTime.class))).list());
    }

    private static Optional<Organisation> organisation(Handle h, String slug) {
        return h.createQuery("select o.*, p.slug as parent_slug from organisation o left join organisation p on p.id = o.parent_id where o.slug = :s")
                .bind("s", slug)
                .map((rs, c) -> new Organisation(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("parent_slug"),
                        rs.getBoolean("operator"), rs.getString("kind"), rs.getObject("created_at", OffsetDateTime.class))).findOne();
    }

    private static Optional<Long> orgId(Handle h, String slug) {
        return h.createQuery("select id from organisation where slug = :s").bind("s", slug).mapTo(Long.class).findOne();
    }

    /** Creates an API key for an organisation; the caller must be an admin of it (or the operator). */
    public NewApiKey createApiKey(Caller caller, String orgSlug, String name, Role role) {
        requireAccess(caller, orgSlug, Role.ADMIN);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String prefix = HexFormat.of().formatHex(raw, 0, 4);
        String secret = "zk_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        return jdbi.inTransaction(h -> {
            long orgId = orgId(h, orgSlug).orElseThrow(() -> new NotFoundException("organisation " + orgSlug));
            long id = h.createUpdate("insert into api_key (org_id, name, prefix, secret_hash, role) values (:org, :name, :prefix, :hash, :role)")
                    .bind("org", orgId).bind("name", name).bind("prefix", prefix).bind("hash", sha256(secret)).bind("role", CatalogStore.lower(role))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit(h, caller, orgId, "api_key.create", prefix, Map.of("name", name, "role", role.name().toLowerCase(Locale.ROOT)));
            var info = h.createQuery("select k.*, o.slug from api_key k join organisation o on o.id = k.org_id where k.id = :id").bind("id", id)
                    .map((rs, c) -> keyInfo(rs)).one();
            return new NewApiKey(info, secret);
        });
    }

    public List<ApiKeyInfo> apiKeys(Caller caller, String orgSlug) {
        requireAccess(caller, orgSlug, Role.ADMIN);
        return jdbi.withHandle(h -> h.createQuery("select k.*, o.slug from api_key k join organisation o on o.id = k.org_id where o.slug = :s order by k.id")
                .bind("s", orgSlug).map((rs, c) -> keyInfo(rs)).list());
    }

    public void revokeApiKey(Caller caller, String orgSlug, String prefix) {
        requireAccess(caller, orgSlug, Role.ADMIN);
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("update api_key k set revoked_at = now() from organisation o where o.id = k.org_id and o.slug = :s and k.prefix = :p and k.revoked_at is null")
                    .bind("s", orgSlug).bind("p", prefix).execute();
            if (n == 0) throw new NotFoundException("active API key " + prefix + " of " + orgSlug);
            audit(h, caller, orgId(h, orgSlug).orElseThrow(), "api_key.revoke", prefix, Map.of());
        });
    }

    private static ApiKeyInfo keyInfo(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ApiKeyInfo(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("prefix"),
                Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("revoked_at", OffsetDateTime.class));
    }

    /** The caller an API key stands for, if the key is valid and not revoked. Constant-time hash comparison. */
    public Optional<Caller> authenticate(String secret) {
        if (secret == null || !secret.startsWith("zk_") || secret.length() < 16) return Optional.empty();
        String prefix = secret.substring(3, Math.min(11, secret.length()));
        return jdbi.withHandle(h -> h.createQuery("""
                        select k.id, k.name, k.prefix, k.secret_hash, k.role, o.id as org_id, o.slug, o.operator
                        from api_key k join organisation o on o.id = k.org_id where k.prefix = :p and k.revoked_at is null""")
                .bind("p", prefix)
                .map((rs, c) -> MessageDigest.isEqual(rs.getString("secret_hash").getBytes(StandardCharsets.US_ASCII), sha256(secret).getBytes(StandardCharsets.US_ASCII))
                        ? new Caller("key:" + rs.getString("prefix") + " (" + rs.getString("name") + ")", rs.getLong("org_id"), rs.getString("slug"),
                        Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), rs.getBoolean("operator"))
                        : null)
                .findOne().filter(Objects::nonNull)
                .map(caller -> {
                    h.createUpdate("update api_key set last_used_at = now() where prefix = :p").bind("p", prefix).execute();
                    return caller;
                }));
    }

    // ------------------------------------------------------------ organisation-private aliases

    public List<OrgAlias> aliases(Caller caller, String orgSlug) {
        requireAccess(caller, orgSlug, Role.VIEWER);
        return jdbi.withHandle(h -> h.createQuery("""
                        select a.* from org_alias a join organisation o on o.id = a.org_id where o.slug = :s order by a.alias""")
                .bind("s", orgSlug)
                .map((rs, c) -> new OrgAlias(rs.getString("alias"), rs.getString("product_id"), rs.getString("note"), rs.getString("created_by"),
                        rs.getObject("created_at", OffsetDateTime.class))).list());
    }

    public OrgAlias putAlias(Caller caller, String orgSlug, String alias, String productId, String note) {
        requireAccess(caller, orgSlug, Role.EDITOR);
        String compact = NameKey.compact(alias);
        if (compact.isEmpty()) throw new IllegalArgumentException("alias has no letters or digits");
        return jdbi.inTransaction(h -> {
            long orgId = orgId(h, orgSlug).orElseThrow(() -> new NotFoundException("organisation " + orgSlug));
            if (h.createQuery("select 1 from product where id = :id").bind("id", productId).mapTo(Integer.class).findOne().isEmpty())
                throw new NotFoundException("product " + productId);
            h.createUpdate("""
                    insert into org_alias (org_id, alias, compact, product_id, note, created_by) values (:org, :alias, :compact, :product, :note, :by)
                    on conflict (org_id, compact) do update set alias = excluded.alias, product_id = excluded.product_id, note = excluded.note,
                      created_by = excluded.created_by, created_at = now()""")
                    .bind("org", orgId).bind("alias", alias).bind("compact", compact).bind("product", productId).bind("note", note)
                    .bind("by", caller.actor()).execute();
            audit(h, caller, orgId, "alias.put", alias, Map.of("product", productId));
            return new OrgAlias(alias, productId, note, caller.actor(), OffsetDateTime.now());
        });
    }

    public void deleteAlias(Caller caller, String orgSlug, String alias) {
        requireAccess(caller, orgSlug, Role.EDITOR);
        jdbi.useTransaction(h -> {
            long orgId = orgId(h, orgSlug).orElseThrow(() -> new NotFoundException("organisation " + orgSlug));
            int n = h.createUpdate("delete from org_alias where org_id = :org and compact = :c").bind("org", orgId).bind("c", NameKey.compact(alias)).execute();
            if (n == 0) throw new NotFoundException("alias '" + alias + "' of " + orgSlug);
            audit(h, caller, orgId, "alias.delete", alias, Map.of());
        });
    }

    // ------------------------------------------------------------ audit log

    public List<AuditEntry> auditLog(Caller caller, String orgSlug, int limit) {
        requireAccess(caller, orgSlug, Role.ADMIN);
        return jdbi.withHandle(h -> h.createQuery("""
                        select l.*, o.slug from audit_log l join organisation o on o.id = l.org_id where o.slug = :s order by l.id desc limit :lim""")
                .bind("s", orgSlug).bind("lim", limit)
                .map((rs, c) -> new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"), rs.getString("slug"),
                        rs.getString("action"), rs.getString("target"), rs.getString("details"))).list());
    }

    /** Records a write in the audit log (who, when, what). Writes to the global catalog have no organisation. */
    public void audit(Caller caller, String action, String target, Map<String, ?> details) {
        jdbi.useHandle(h -> audit(h, caller, caller.orgSlug() == null ? null : caller.orgId(), action, target, details));
    }

    static void audit(Handle h, Caller caller, Long orgId, String action, String target, Map<String, ?> details) {
        h.createUpdate("insert into audit_log (actor, org_id, action, target, details) values (:actor, :org, :action, :target, cast(:details as jsonb))")
                .bind("actor", caller.actor()).bind("org", orgId).bind("action", action).bind("target", target)
                .bind("details", Json.write(details)).execute();
    }

    static void requireAccess(Caller caller, String orgSlug, Role needed) {
        if (!caller.may(orgSlug, needed))
            throw new AccessDeniedException("no " + needed.name().toLowerCase(Locale.ROOT) + " access to organisation '" + orgSlug + "'");
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
