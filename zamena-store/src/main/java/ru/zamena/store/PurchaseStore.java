package ru.zamena.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An organisation's recorded purchases (checked procurement files) and the yearly totals a quota report
 * is made from. Like {@link TenantStore}, every query is scoped by the organisation the caller may access;
 * a file is recorded in one transaction, so a failed or refused recording leaves nothing behind.
 */
public final class PurchaseStore {
    private static final int BATCH = 1_000;
    private final Jdbi jdbi;

    public PurchaseStore(Database db) {
        this.jdbi = db.jdbi();
    }

    /**
     * One decided item as recorded: {@code origin} is the country; {@code productId}, {@code category}, {@code vendor}
     * what the catalog matched (null when nothing); {@code originClass} domestic, foreign, open_source or unknown;
     * {@code processorOrigin} the same for a computer's processor (null when not stated); {@code quantity} units bought.
     */
    public record Purchase(String itemId, LocalDate date, String law, String okpd2, String name, String origin, boolean registered,
                           BigDecimal price, String verdict, String productId, String category, String vendor, String originClass,
                           String processorOrigin, double quantity) {}

    public record RecordedFile(long id, String orgSlug, String sha256, String name, String profile, int items, String recordedBy,
                               OffsetDateTime recordedAt) {}

    /** Purchases of one year grouped by what a quota report distinguishes; {@code priced} counts the items with a price. */
    public record YearTotal(String okpd2, String law, boolean registered, long items, BigDecimal amount, long priced) {}

    /** The file with this content, if the organisation recorded it already; asked before recording, so it needs an editor. */
    public Optional<RecordedFile> recorded(Caller caller, String orgSlug, String sha256) {
        TenantStore.requireAccess(caller, orgSlug, Role.EDITOR);
        return jdbi.withHandle(h -> h.createQuery(FILES + " where o.slug = :s and f.sha256 = :sha").bind("s", orgSlug).bind("sha", sha256)
                .map((rs, c) -> file(rs)).findOne());
    }

    public List<RecordedFile> files(Caller caller, String orgSlug) {
        TenantStore.requireAccess(caller, orgSlug, Role.VIEWER);
        return jdbi.withHandle(h -> h.createQuery(FILES + " where o.slug = :s order by f.id").bind("s", orgSlug).map((rs, c) -> file(rs)).list());
    }

    private static final String FILES = "select f.*, o.slug from purchase_file f join organisation o on o.id = f.org_id";

    private static RecordedFile file(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RecordedFile(rs.getLong("id"), rs.getString("slug"), rs.getString("sha256"), rs.getString("name"), rs.getString("profile"),
                rs.getInt("items"), rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class));
    }

    /**
     * Starts recording a file for {@code orgSlug}: add the items, then {@link Recording#commit()}; closing
     * without committing rolls everything back.
     *
     * @throws ConflictException when the organisation recorded a file with this content already
     */
    public Recording begin(Caller caller, String orgSlug, String sha256, String name, String profile) {
        TenantStore.requireAccess(caller, orgSlug, Role.EDITOR);
        Handle h = jdbi.open();
        try {
            h.begin();
            long orgId = h.createQuery("select id from organisation where slug = :s").bind("s", orgSlug).mapTo(Long.class).findOne()
                    .orElseThrow(() -> new NotFoundException("organisation " + orgSlug));
            // the unique key waits for a concurrent recording of the same file, then refuses the second
            long fileId = h.createUpdate("""
                            insert into purchase_file (org_id, sha256, name, profile, items, recorded_by) values (:org, :sha, :name, :profile, 0, :by)
                            on conflict (org_id, sha256) do nothing""")
                    .bind("org", orgId).bind("sha", sha256).bind("name", name).bind("profile", profile).bind("by", caller.actor())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).findOne()
                    .orElseThrow(() -> new ConflictException(orgSlug + " recorded a file with this content (sha256 " + sha256 + ") already"));
            return new Recording(h, caller, orgId, orgSlug, fileId, sha256);
        } catch (RuntimeException e) {
            h.rollback();
            h.close();
            throw e;
        }
    }

    /** A file being recorded: one open transaction. */
    public static final class Recording implements AutoCloseable {
        private final Handle h;
        private final Caller caller;
        private final long orgId, fileId;
        private final String orgSlug, sha256;
        private PreparedBatch batch;
        private int items;
        private boolean done;

        private Recording(Handle h, Caller caller, long orgId, String orgSlug, long fileId, String sha256) {
            this.h = h;
            this.caller = caller;
            this.orgId = orgId;
            this.orgSlug = orgSlug;
            this.fileId = fileId;
            this.sha256 = sha256;
        }

        public void add(Purchase p) {
            if (batch == null) batch = h.prepareBatch("""
                    insert into purchase_item (file_id, ordinal, org_id, item_id, date, law, okpd2, name, origin, registered, price, verdict,
                                               product_id, category, vendor, origin_class, processor_origin, quantity)
                    values (:file, :ordinal, :org, :item, :date, :law, :okpd2, :name, :origin, :registered, :price, :verdict,
                            :product, :category, :vendor, :class, :processor, :quantity)""");
            batch.bind("file", fileId).bind("ordinal", ++items).bind("org", orgId).bind("item", p.itemId()).bind("date", p.date())
                    .bind("law", p.law()).bind("okpd2", p.okpd2()).bind("name", p.name()).bind("origin", p.origin())
                    .bind("registered", p.registered()).bind("price", p.price()).bind("verdict", p.verdict())
                    .bind("product", p.productId()).bind("category", p.category()).bind("vendor", p.vendor()).bind("class", p.originClass())
                    .bind("processor", p.processorOrigin()).bind("quantity", p.quantity()).add();
            if (batch.size() >= BATCH) flush();
        }

        private void flush() {
            if (batch != null && batch.size() > 0) batch.execute();
        }

        public int items() {
            return items;
        }

        public RecordedFile commit() {
            flush();
            h.createUpdate("update purchase_file set items = :n where id = :id").bind("n", items).bind("id", fileId).execute();
            TenantStore.audit(h, caller, orgId, "purchases.record", sha256, Map.of("items", items));
            RecordedFile f = h.createQuery(FILES + " where f.id = :id").bind("id", fileId).map((rs, c) -> file(rs)).one();
            h.commit();
            done = true;
            h.close();
            return f;
        }

        @Override
        public void close() {
            if (done) return;
            done = true;
            try {
                h.rollback();
            } finally {
                h.close();
            }
        }

        @Override
        public String toString() {
            return "recording of " + sha256 + " for " + orgSlug;
        }
    }

    /** The organisation's purchases dated in {@code year}, grouped by OKPD2 code, law and register membership. */
    public List<YearTotal> yearTotals(Caller caller, String orgSlug, int year) {
        TenantStore.requireAccess(caller, orgSlug, Role.VIEWER);
        return jdbi.withHandle(h -> {
            if (h.createQuery("select 1 from organisation where slug = :s").bind("s", orgSlug).mapTo(Integer.class).findOne().isEmpty())
                throw new NotFoundException("organisation " + orgSlug);
            return h.createQuery("""
                        select i.okpd2, i.law, i.registered, count(*) as items, coalesce(sum(i.price), 0) as amount, count(i.price) as priced
                        from purchase_item i join organisation o on o.id = i.org_id
                        where o.slug = :s and i.date >= :from and i.date < :to
                        group by i.okpd2, i.law, i.registered order by i.okpd2, i.law, i.registered""")
                .bind("s", orgSlug).bind("from", LocalDate.of(year, 1, 1)).bind("to", LocalDate.of(year + 1, 1, 1))
                .map((rs, c) -> new YearTotal(rs.getString("okpd2"), rs.getString("law"), rs.getBoolean("registered"), rs.getLong("items"),
                        rs.getBigDecimal("amount"), rs.getLong("priced"))).list();
        });
    }
}
