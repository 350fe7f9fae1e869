package ru.zamena.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import ru.zamena.core.registry.RegistryRecord;
import ru.zamena.core.tenancy.Caller;

import java.time.OffsetDateTime;
import java.util.*;
import java.util.function.Supplier;

/**
 * Stores imports of the software register export. One import is one transaction: records stream
 * into a temporary stage table, then set-based SQL finds what was added, changed, excluded or
 * restored, links entries to catalog products (by registry number, then the rights holder's INN
 * and the name, then the name alone) and creates products for the rest.
 */
public final class RegistryStore {
    public static final String REGISTRY = "ru-software";
    private final Jdbi jdbi;
    private final CatalogStore catalog;

    public RegistryStore(Database db, CatalogStore catalog) {
        this.jdbi = db.jdbi();
        this.catalog = catalog;
    }

    /** A parsed record with what Java computes for it: a hash of its content, folded names, a category. */
    public record Staged(RegistryRecord record, String contentHash, List<String> compactNames, String category, String holdersJson) {}

    public record ImportRun(long id, String kind, String fileName, String fileSha256, String actor, OffsetDateTime startedAt,
                            OffsetDateTime finishedAt, String status, Map<String, Long> counts, List<String> errors, String message) {}

    public record Change(String number, String change, String name) {}

    /** The last successful import of a file with this content, if any. */
    public Optional<Long> importedBefore(String sha256) {
        return jdbi.withHandle(h -> h.createQuery("select id from import_run where kind = 'registry' and file_sha256 = :s and status = 'ok' order by id desc limit 1")
                .bind("s", sha256).mapTo(Long.class).findOne());
    }

    /** Records a run that stored nothing (same file again, or a rejected file). */
    public ImportRun recordRun(Caller caller, String fileName, String sha256, String status, Map<String, Long> counts, List<String> errors, String message) {
        return jdbi.inTransaction(h -> {
            long id = insertRun(h, caller, fileName, sha256, status, counts, errors, message);
            TenantStore.audit(h, caller, null, "registry.import." + status, fileName, Map.of("run", id, "sha256", sha256));
            return run(h, id);
        });
    }

    /**
     * Imports staged records in one transaction. {@code records} is consumed lazily (streaming); it
     * may throw, in which case nothing is stored. {@code errors} holds per-record rejections the
     * parser collected, kept with the run.
     */
    public ImportRun importRecords(Caller caller, String fileName, String sha256, Iterator<Staged> records, Supplier<List<String>> errors) {
        return jdbi.inTransaction(h -> {
            h.execute("""
                    create temporary table reg_stage (
                      number text primary key, name text not null, classes text[] not null, holders jsonb not null, inns text[] not null,
                      included_on date, order_ref text, website text, status text not null, excluded_on date, exclusion_reason text,
                      trusted boolean, content_hash text not null, compact_names text[] not null, category text not null, line bigint
                    ) on commit drop""");
            long read = 0, duplicates = 0;
            PreparedBatch batch = null;
            var seen = new HashSet<Long>();
            while (records.hasNext()) {
                Staged s = records.next();
                RegistryRecord r = s.record();
                read++;
                if (!seen.add(r.number())) { duplicates++; continue; } // a number twice in one file: the first wins
                if (batch == null) batch = h.prepareBatch("""
                        insert into reg_stage values (:number, :name, :classes, cast(:holders as jsonb), :inns, :included, :orderRef, :website,
                          :status, :excludedOn, :reason, :trusted, :hash, :compact, :category, :line)""");
                batch.bind("number", Long.toString(r.number())).bind("name", r.name()).bindArray("classes", String.class, r.classes())
                        .bind("holders", s.holdersJson())
                        .bindArray("inns", String.class, r.holders().stream().map(RegistryRecord.RightsHolder::inn).filter(Objects::nonNull).toList())
                        .bind("included", r.includedOn()).bind("orderRef", r.orderRef()).bind("website", r.website())
                        .bind("status", r.status() == RegistryRecord.Status.EXCLUDED ? "excluded" : "registered")
                        .bind("excludedOn", r.excludedOn()).bind("reason", r.exclusionReason()).bind("trusted", r.trusted())
                        .bind("hash", s.contentHash()).bindArray("compact", String.class, s.compactNames()).bind("category", s.category())
                        .bind("line", r.line()).add();
                if (batch.size() >= 1000) { batch.execute(); batch = null; }
            }
            if (batch != null && batch.size() > 0) batch.execute();
            h.execute("analyze reg_stage");
            List<String> errs = errors.get();
            var counts = new LinkedHashMap<String, Long>();
            counts.put("read", read);
            counts.put("rejected", (long) errs.size());
            counts.put("duplicates", duplicates);
            long runId = insertRun(h, caller, fileName, sha256, "ok", Map.of(), errs, null);
            counts.putAll(merge(h, runId));
            h.createUpdate("update import_run set counts = cast(:c as jsonb), finished_at = now() where id = :id")
                    .bind("c", Json.write(counts)).bind("id", runId).execute();
            TenantStore.audit(h, caller, null, "registry.import", fileName, counts);
            return run(h, runId);
        });
    }

    private Map<String, Long> merge(Handle h, long runId) {
        var c = new LinkedHashMap<String, Long>();
        // 1. Changes against what we had, recorded before anything is overwritten.
        c.put("added", (long) h.createUpdate("""
                insert into registry_change (import_id, registry, number, change, after)
                select :run, :reg, s.number, 'added', jsonb_build_object('name', s.name, 'status', s.status)
                from reg_stage s where not exists (select 1 from registry_entry e where e.registry = :reg and e.number = s.number)""")
                .bind("run", runId).bind("reg", REGISTRY).execute());
        for (String[] kind : new String[][]{{"excluded", "e.status = 'registered' and s.status = 'excluded'"},
                {"restored", "e.status = 'excluded' and s.status = 'registered'"},
                {"changed", "e.status = s.status"}}) {
            c.put(kind[0], (long) h.createUpdate("""
                    insert into registry_change (import_id, registry, number, change, before, after)
                    select :run, :reg, s.number, :kind,
                      jsonb_build_object('name', e.name, 'status', e.status, 'classes', e.classes, 'holders', e.holders, 'excluded_on', e.excluded_on, 'trusted', e.trusted),
                      jsonb_build_object('name', s.name, 'status', s.status, 'classes', s.classes, 'holders', s.holders, 'excluded_on', s.excluded_on, 'trusted', s.trusted)
                    from reg_stage s join registry_entry e on e.registry = :reg and e.number = s.number
                    where e.content_hash is distinct from s.content_hash and\s""" + kind[1])
                    .bind("run", runId).bind("reg", REGISTRY).bind("kind", kind[0]).execute());
        }
        c.put("unchanged", h.createQuery("""
                select count(*) from reg_stage s join registry_entry e on e.registry = :reg and e.number = s.number
                where e.content_hash = s.content_hash""").bind("reg", REGISTRY).mapTo(Long.class).one());
        // 2. Upsert the entries; links to products made earlier (or declared by curated products) are kept.
        h.createUpdate("""
                insert into registry_entry (registry, number, name, classes, holders, included_on, order_ref, website, status, excluded_on,
                  exclusion_reason, trusted, source, content_hash, last_import_id, updated_at)
                select :reg, s.number, s.name, s.classes, s.holders, s.included_on, s.order_ref, s.website, s.status, s.excluded_on,
                  s.exclusion_reason, s.trusted, 'registry import #' || :run, s.content_hash, :run, now()
                from reg_stage s
                on conflict (registry, number) do update set name = excluded.name, classes = excluded.classes, holders = excluded.holders,
                  included_on = excluded.included_on, order_ref = excluded.order_ref, website = excluded.website, status = excluded.status,
                  excluded_on = excluded.excluded_on, exclusion_reason = excluded.exclusion_reason, trusted = excluded.trusted,
                  source = excluded.source, uncertain = false, content_hash = excluded.content_hash, last_import_id = excluded.last_import_id,
                  updated_at = case when registry_entry.content_hash is distinct from excluded.content_hash then now() else registry_entry.updated_at end""")
                .bind("reg", REGISTRY).bind("run", runId).execute();
        List<String> unlinked = h.createQuery("select number from registry_entry where registry = :reg and product_id is null")
                .bind("reg", REGISTRY).mapTo(String.class).list();
        // 3. Link unlinked entries. By INN and name: the holder is a known vendor and one of its products has this name.
        c.put("linked_by_inn", (long) h.createUpdate("""
                update registry_entry e set product_id = m.product_id from (
                  select distinct on (s.number) s.number, k.product_id
                  from reg_stage s cross join lateral unnest(s.inns) i(inn) cross join lateral unnest(s.compact_names) n(compact)
                  join vendor v on v.inn = i.inn
                  join search_key k on k.compact = n.compact and k.kind in ('name', 'alias')
                  join product p on p.id = k.product_id and p.vendor_id = v.id
                  order by s.number, k.kind desc, p.id) m
                where e.registry = :reg and e.number = m.number and e.product_id is null""").bind("reg", REGISTRY).execute());
        // By name alone, only when exactly one curated product of a domestic vendor has that name.
        c.put("linked_by_name", (long) h.createUpdate("""
                update registry_entry e set product_id = m.product_id from (
                  select s.number, min(k.product_id) as product_id
                  from reg_stage s cross join lateral unnest(s.compact_names) n(compact)
                  join search_key k on k.compact = n.compact and k.kind in ('name', 'alias')
                  join product p on p.id = k.product_id and p.origin = 'curated' join vendor v on v.id = p.vendor_id and v.country = 'RU'
                  group by s.number having count(distinct k.product_id) = 1) m
                where e.registry = :reg and e.number = m.number and e.product_id is null""").bind("reg", REGISTRY).execute());
        // 4. Vendors for rights holders we do not know yet (by INN), then products for entries still unlinked.
        c.put("vendors_created", (long) h.createUpdate("""
                insert into vendor (id, name, aliases, country, kind, inn, ogrn, source, origin)
                select distinct on (hd->>'inn') 'inn-' || (hd->>'inn'), hd->>'name', '{}', 'RU',
                  case when length(hd->>'inn') = 12 then 'company' else 'company' end, hd->>'inn', nullif(hd->>'ogrn', ''),
                  'registry import #' || :run, 'registry'
                from reg_stage s cross join lateral jsonb_array_elements(s.holders) hd
                join registry_entry e on e.registry = :reg and e.number = s.number and e.product_id is null
                where hd->>'inn' ~ '^[0-9]{10}([0-9]{2})?$' and not exists (select 1 from vendor v where v.inn = hd->>'inn')
                  and not exists (select 1 from vendor v where v.id = 'inn-' || (hd->>'inn'))
                order by hd->>'inn', s.number""").bind("reg", REGISTRY).bind("run", runId).execute());
        // Entries whose export names no valid INN belong to a placeholder holder, created when first needed.
        h.createUpdate("""
                insert into vendor (id, name, name_ru, country, kind, source, origin, notes)
                select 'registry-unknown-holder', 'Unknown rights holder', 'Правообладатель не указан', 'RU', 'company',
                  'software register export', 'registry', 'entries of the register whose export gives no valid INN'
                where exists (select 1 from reg_stage s join registry_entry e on e.registry = :reg and e.number = s.number
                              where e.product_id is null and not exists (select 1 from vendor v where v.inn = s.inns[1]))
                on conflict (id) do nothing""").bind("reg", REGISTRY).execute();
        c.put("products_created", (long) h.createUpdate("""
                insert into product (id, name, aliases, vendor_id, category, kind, license, website, source, origin)
                select 'reg-' || s.number, s.name, '{}',
                  coalesce((select v.id from vendor v where v.inn = s.inns[1] order by v.origin, v.id limit 1), 'registry-unknown-holder'),
                  s.category, 'software', 'proprietary', s.website, 'registry import #' || :run, 'registry'
                from reg_stage s join registry_entry e on e.registry = :reg and e.number = s.number and e.product_id is null
                on conflict (id) do update set name = excluded.name, category = excluded.category, website = excluded.website""")
                .bind("reg", REGISTRY).bind("run", runId).execute());
        h.execute("update registry_entry set product_id = 'reg-' || number where registry = '" + REGISTRY + "' and product_id is null and exists (select 1 from product p where p.id = 'reg-' || number)");
        // A product with a registered entry is listed in the register (curated rows may not have said so).
        h.createUpdate("""
                update product p set registry = :reg, updated_at = now() where p.registry is null
                  and exists (select 1 from registry_entry e where e.product_id = p.id and e.registry = :reg and e.status = 'registered')""")
                .bind("reg", REGISTRY).execute();
        // Registry-created products follow their entry's name and category when it changes.
        h.createUpdate("""
                update product p set name = s.name, category = s.category, updated_at = now()
                from reg_stage s where p.id = 'reg-' || s.number and p.origin = 'registry' and (p.name <> s.name or p.category <> s.category)""").execute();
        // Search keys change only for products whose entry is new, changed or newly linked.
        var touched = h.createQuery("""
                select distinct e.product_id from registry_entry e
                where e.registry = :reg and e.product_id is not null
                  and (e.number = any(:unlinked) or exists (select 1 from registry_change c where c.import_id = :run and c.registry = e.registry and c.number = e.number))""")
                .bind("reg", REGISTRY).bind("run", runId).bindArray("unlinked", String.class, unlinked).mapTo(String.class).list();
        catalog.rebuildSearchKeys(h, touched);
        return c;
    }

    private static long insertRun(Handle h, Caller caller, String fileName, String sha256, String status, Map<String, Long> counts, List<String> errors, String message) {
        return h.createUpdate("""
                insert into import_run (kind, file_name, file_sha256, actor, status, counts, errors, message, finished_at)
                values ('registry', :f, :sha, :actor, :status, cast(:counts as jsonb), cast(:errors as jsonb), :msg, now())""")
                .bind("f", fileName).bind("sha", sha256).bind("actor", caller.actor()).bind("status", status)
                .bind("counts", Json.write(counts)).bind("errors", Json.write(errors.subList(0, Math.min(errors.size(), 200))))
                .bind("msg", message).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public List<ImportRun> runs(int limit) {
        return jdbi.withHandle(h -> h.createQuery("select id from import_run where kind = 'registry' order by id desc limit :l").bind("l", limit)
                .mapTo(Long.class).list().stream().map(id -> run(h, id)).toList());
    }

    public Optional<ImportRun> run(long id) {
        return jdbi.withHandle(h -> h.createQuery("select 1 from import_run where id = :id").bind("id", id).mapTo(Integer.class).findOne().map(x -> run(h, id)));
    }

    public List<Change> changes(long runId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select number, change, coalesce(after->>'name', before->>'name') as name from registry_change
                        where import_id = :id order by change, number::bigint""")
                .bind("id", runId).map((rs, c) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3))).list());
    }

    @SuppressWarnings("unchecked")
    private static ImportRun run(Handle h, long id) {
        return h.createQuery("select * from import_run where id = :id").bind("id", id).map((rs, c) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            ((Map<String, Object>) Json.read(rs.getString("counts"), Map.class)).forEach((k, v) -> counts.put(k, ((Number) v).longValue()));
            List<String> errors = (List<String>) Json.read(rs.getString("errors"), List.class);
            return new ImportRun(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"), rs.getString("file_sha256"), rs.getString("actor"),
                    rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class), rs.getString("status"),
                    counts, errors, rs.getString("message"));
        }).one();
    }
}
