package ru.zamena.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import ru.zamena.core.catalog.*;
import ru.zamena.core.text.NameKey;
import ru.zamena.core.text.NameSimilarity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.*;

/** Reads and writes the global catalog. SQL is plain and lives here; ranking logic lives in core. */
public final class CatalogStore {
    private final Jdbi jdbi;
    private final Set<String> domesticCountries;

    public CatalogStore(Database db, Set<String> domesticCountries) {
        this.jdbi = db.jdbi();
        this.domesticCountries = Set.copyOf(domesticCountries);
    }

    public Set<String> domesticCountries() { return domesticCountries; }

    // ---------------------------------------------------------------- loading the curated catalog

    /** The version of the newest applied migration. */
    public String schemaVersion() {
        return jdbi.withHandle(h -> h.createQuery("select version from flyway_schema_history where success and version is not null order by installed_rank desc limit 1")
                .mapTo(String.class).findOne().orElse("0"));
    }

    /** The checksum of the curated files last loaded, or null. */
    public String curatedChecksum() {
        return jdbi.withHandle(h -> h.createQuery("select checksum from catalog_load order by id desc limit 1")
                .mapTo(String.class).findOne().orElse(null));
    }

    /**
     * Replaces the curated part of the catalog with {@code data} in one transaction: curated rows
     * missing from the files are removed, registry-created rows are kept, search keys are rebuilt.
     */
    public void loadCurated(CatalogData data, String checksum) {
        jdbi.useTransaction(h -> {
            h.execute("set constraints all deferred");
            upsertCategories(h, data.categories());
            upsertPlatforms(h, data.platforms());
            upsertVendors(h, data.vendors());
            upsertProducts(h, data.products());
            h.createUpdate("delete from product where origin = 'curated' and not (id = any(:ids))")
                    .bindArray("ids", String.class, data.products().stream().map(Product::id).toList()).execute();
            h.createUpdate("delete from vendor v where origin = 'curated' and not (id = any(:ids)) and not exists (select 1 from product p where p.vendor_id = v.id)")
                    .bindArray("ids", String.class, data.vendors().stream().map(Vendor::id).toList()).execute();
            h.execute("delete from alternative");
            PreparedBatch alt = h.prepareBatch("insert into alternative (from_id, to_id, fit, notes, source) values (:f, :t, :fit, :notes, :source)");
            for (Alternative a : data.alternatives())
                alt.bind("f", a.fromId()).bind("t", a.toId()).bind("fit", lower(a.fit())).bind("notes", a.notes()).bind("source", a.source()).add();
            if (!data.alternatives().isEmpty()) alt.execute();
            h.execute("delete from compatibility");
            PreparedBatch comp = h.prepareBatch("insert into compatibility (product_id, platform_id, level, detail, source) values (:p, :pl, :lv, :d, :s) on conflict do nothing");
            for (Compatibility c : data.compatibility())
                comp.bind("p", c.productId()).bind("pl", c.platformId()).bind("lv", lower(c.level())).bind("d", c.detail()).bind("s", c.source()).add();
            if (!data.compatibility().isEmpty()) comp.execute();
            rebuildSearchKeys(h, null);
            h.createUpdate("insert into catalog_load (checksum, counts) values (:c, cast(:counts as jsonb))")
                    .bind("c", checksum)
                    .bind("counts", "{\"products\":" + data.products().size() + ",\"vendors\":" + data.vendors().size()
                            + ",\"alternatives\":" + data.alternatives().size() + "}")
                    .execute();
        });
    }

    private static void upsertCategories(Handle h, List<Category> cats) {
        PreparedBatch b = h.prepareBatch("""
                insert into category (id, name_en, name_ru, kind, registry_class, okpd2) values (:id, :en, :ru, :kind, :rc, :okpd2)
                on conflict (id) do update set name_en = excluded.name_en, name_ru = excluded.name_ru, kind = excluded.kind,
                  registry_class = excluded.registry_class, okpd2 = excluded.okpd2""");
        for (Category c : cats)
            b.bind("id", c.id()).bind("en", c.nameEn()).bind("ru", c.nameRu()).bind("kind", lower(c.kind()))
                    .bind("rc", c.registryClass()).bind("okpd2", c.okpd2()).add();
        if (!cats.isEmpty()) b.execute();
    }

    private static void upsertPlatforms(Handle h, List<Platform> platforms) {
        PreparedBatch b = h.prepareBatch("""
                insert into platform (id, kind, name, family, aliases, notes, source) values (:id, :kind, :name, :family, :aliases, :notes, :source)
                on conflict (id) do update set kind = excluded.kind, name = excluded.name, family = excluded.family,
                  aliases = excluded.aliases, notes = excluded.notes, source = excluded.source""");
        for (Platform p : platforms)
            b.bind("id", p.id()).bind("kind", lower(p.kind())).bind("name", p.name()).bind("family", p.family())
                    .bindArray("aliases", String.class, p.aliases()).bind("notes", p.notes()).bind("source", p.source()).add();
        if (!platforms.isEmpty()) b.execute();
    }

    private static void upsertVendors(Handle h, List<Vendor> vendors) {
        PreparedBatch b = h.prepareBatch("""
                insert into vendor (id, name, name_ru, aliases, country, kind, inn, ogrn, parent_id, wikidata, website, source, uncertain, notes, origin)
                values (:id, :name, :nameRu, :aliases, :country, :kind, :inn, :ogrn, :parent, :wikidata, :website, :source, :uncertain, :notes, 'curated')
                on conflict (id) do update set name = excluded.name, name_ru = excluded.name_ru, aliases = excluded.aliases,
                  country = excluded.country, kind = excluded.kind, inn = excluded.inn, ogrn = excluded.ogrn, parent_id = excluded.parent_id,
                  wikidata = excluded.wikidata, website = excluded.website, source = excluded.source, uncertain = excluded.uncertain,
                  notes = excluded.notes, origin = 'curated', updated_at = now()""");
        for (Vendor v : vendors)
            b.bind("id", v.id()).bind("name", v.name()).bind("nameRu", v.nameRu()).bindArray("aliases", String.class, v.aliases())
                    .bind("country", v.country()).bind("kind", lower(v.kind())).bind("inn", v.inn()).bind("ogrn", v.ogrn())
                    .bind("parent", v.parentId()).bind("wikidata", v.wikidata()).bind("website", v.website()).bind("source", v.source())
                    .bindArray("uncertain", String.class, v.uncertain()).bind("notes", v.notes()).add();
        if (!vendors.isEmpty()) b.execute();
    }

    private static void upsertProducts(Handle h, List<Product> products) {
        PreparedBatch b = h.prepareBatch("""
                insert into product (id, name, name_ru, aliases, vendor_id, category, kind, license, registry, okpd2, wikidata, cpe, purl, website, source, uncertain, notes, origin)
                values (:id, :name, :nameRu, :aliases, :vendor, :category, :kind, :license, :registry, :okpd2, :wikidata, :cpe, :purl, :website, :source, :uncertain, :notes, 'curated')
                on conflict (id) do update set name = excluded.name, name_ru = excluded.name_ru, aliases = excluded.aliases, vendor_id = excluded.vendor_id,
                  category = excluded.category, kind = excluded.kind, license = excluded.license, registry = excluded.registry, okpd2 = excluded.okpd2, wikidata = excluded.wikidata,
                  cpe = excluded.cpe, purl = excluded.purl, website = excluded.website, source = excluded.source, uncertain = excluded.uncertain,
                  notes = excluded.notes, origin = 'curated', updated_at = now()""");
        PreparedBatch reg = h.prepareBatch("""
                insert into registry_entry (registry, number, product_id, name, included_on, trusted, source, uncertain)
                values (:registry, :number, :product, :name, :included, :trusted, :source, :uncertain)
                on conflict (registry, number) do update set product_id = excluded.product_id,
                  included_on = coalesce(registry_entry.included_on, excluded.included_on),
                  trusted = coalesce(registry_entry.trusted, excluded.trusted)""");
        int regs = 0;
        for (Product p : products) {
            b.bind("id", p.id()).bind("name", p.name()).bind("nameRu", p.nameRu()).bindArray("aliases", String.class, p.aliases())
                    .bind("vendor", p.vendorId()).bind("category", p.category()).bind("kind", lower(p.kind())).bind("license", lower(p.license()))
                    .bind("registry", p.registry()).bind("okpd2", p.okpd2()).bind("wikidata", p.wikidata()).bind("cpe", p.cpe()).bind("purl", p.purl()).bind("website", p.website())
                    .bind("source", p.source()).bindArray("uncertain", String.class, p.uncertain()).bind("notes", p.notes()).add();
            if (p.registry() != null && p.registryNumber() != null) {
                reg.bind("registry", p.registry()).bind("number", p.registryNumber()).bind("product", p.id()).bind("name", p.name())
                        .bind("included", p.registryDate()).bind("trusted", p.trusted()).bind("source", p.source())
                        .bind("uncertain", p.uncertain().contains("registry_number")).add();
                regs++;
            }
        }
        if (!products.isEmpty()) b.execute();
        if (regs > 0) reg.execute();
    }

    /** Rebuilds the search keys of the given products (all when null). */
    public void rebuildSearchKeys(Handle h, Collection<String> productIds) {
        String where = productIds == null ? "" : " where p.id = any(:ids)";
        var del = h.createUpdate("delete from search_key" + (productIds == null ? "" : " where product_id = any(:ids)"));
        if (productIds != null) del.bindArray("ids", String.class, List.copyOf(productIds));
        del.execute();
        var q = h.createQuery("""
                select p.id, p.name, p.name_ru, p.aliases, v.name as vname, v.name_ru as vname_ru, v.aliases as valiases,
                  (select array_agg(r.name) from registry_entry r where r.product_id = p.id) as rnames
                from product p join vendor v on v.id = p.vendor_id""" + where);
        if (productIds != null) q.bindArray("ids", String.class, List.copyOf(productIds));
        record Names(String id, List<String[]> kindAndRaw) {}
        List<Names> rows = q.map((rs, ctx) -> {
            var names = new ArrayList<String[]>();
            names.add(new String[]{"name", rs.getString("name")});
            names.add(new String[]{"name", rs.getString("name_ru")});
            for (String a : array(rs, "aliases")) names.add(new String[]{"alias", a});
            for (String a : array(rs, "rnames")) names.add(new String[]{"registry", a});
            // Vendor names let "Kaspersky" or "Яндекс" find the vendor's products, ranked below exact product names.
            names.add(new String[]{"vendor", rs.getString("vname")});
            names.add(new String[]{"vendor", rs.getString("vname_ru")});
            return new Names(rs.getString("id"), names);
        }).list();
        // Folding names is the costly part (ICU transliteration): done on all cores, then inserted in batches.
        List<String[]> keys = rows.parallelStream().flatMap(r -> {
            var seen = new HashSet<String>();
            var out = new ArrayList<String[]>();
            for (String[] kr : r.kindAndRaw()) {
                String raw = kr[1];
                if (raw == null || raw.isBlank()) continue;
                String skeleton = NameKey.skeleton(raw);
                String compact = skeleton.replace(" ", "");
                if (compact.isEmpty() || !seen.add(kr[0] + "\u0000" + compact)) continue;
                out.add(new String[]{r.id(), kr[0], raw, skeleton, compact});
            }
            return out.stream();
        }).toList();
        for (int from = 0; from < keys.size(); from += 5000) {
            PreparedBatch b = h.prepareBatch("insert into search_key (product_id, kind, raw, skeleton, compact) values (:p, :k, :raw, :sk, :c) on conflict do nothing");
            for (String[] k : keys.subList(from, Math.min(keys.size(), from + 5000)))
                b.bind("p", k[0]).bind("k", k[1]).bind("raw", k[2]).bind("sk", k[3]).bind("c", k[4]).add();
            b.execute();
        }
    }

    // ---------------------------------------------------------------- reading

    private static final String SUMMARY_COLUMNS = """
            p.id, p.name, p.name_ru, p.vendor_id, v.name as vendor_name, v.country, p.category, p.kind, p.license,
            coalesce((select array_agg(r.number order by r.number) from registry_entry r where r.product_id = p.id and r.status = 'registered'), '{}') as reg_numbers
            """;

    private ProductSummary summary(ResultSet rs) throws SQLException {
        String country = rs.getString("country");
        var license = Product.License.valueOf(rs.getString("license").toUpperCase(Locale.ROOT));
        return new ProductSummary(rs.getString("id"), rs.getString("name"), rs.getString("name_ru"), rs.getString("vendor_id"),
                rs.getString("vendor_name"), country, rs.getString("category"),
                Product.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), license,
                Origin.of(country, license, domesticCountries), array(rs, "reg_numbers"), 0, null);
    }

    /**
     * Ranked search: the trigram index proposes candidates whose keys resemble the query, core's
     * {@link NameSimilarity} ranks them. Without text, lists products by name.
     */
    public List<ProductSummary> search(SearchQuery q) {
        String text = q.text() == null ? "" : q.text().strip();
        var filters = new StringBuilder();
        var binds = new LinkedHashMap<String, Object>();
        if (q.country() != null) { filters.append(" and v.country = :country"); binds.put("country", q.country()); }
        if (q.category() != null) { filters.append(" and p.category = :category"); binds.put("category", q.category()); }
        if (q.kind() != null) { filters.append(" and p.kind = :kind"); binds.put("kind", lower(q.kind())); }
        if (q.origin() != null) filters.append(originFilter(q.origin()));
        return jdbi.withHandle(h -> {
            NameSimilarity.Key key = NameSimilarity.Key.of(text);
            if (key.compact().isEmpty()) {
                var query = h.createQuery("select " + SUMMARY_COLUMNS + " from product p join vendor v on v.id = p.vendor_id where true" + filters
                        + " order by lower(p.name), p.id offset :off limit :lim");
                binds.forEach(query::bind);
                if (q.origin() != null) query.bindArray("domestic", String.class, List.copyOf(domesticCountries));
                return query.bind("off", q.offset()).bind("lim", q.limit()).map((rs, c) -> summary(rs)).list();
            }
            // Candidate keys: trigram-similar, word-similar (query inside a longer name) or sharing the prefix.
            // The similarity threshold of % is set per connection (Database).
            var query = h.createQuery("""
                    select k.product_id, k.kind as key_kind, k.raw, k.skeleton, k.compact, p.name
                    from search_key k join product p on p.id = k.product_id join vendor v on v.id = p.vendor_id
                    where (k.compact % :q or :q <% k.compact or k.compact like :prefix)""" + filters + """
                    \sorder by greatest(similarity(k.compact, :q), word_similarity(:q, k.compact)) desc limit 1000""");
            binds.forEach(query::bind);
            if (q.origin() != null) query.bindArray("domestic", String.class, List.copyOf(domesticCountries));
            query.bind("q", key.compact()).bind("prefix", likePrefix(key.compact()));
            record Hit(String id, String name, double score, String matched) {}
            Map<String, Hit> best = new HashMap<>();
            query.map((rs, c) -> {
                var cand = new NameSimilarity.Key(rs.getString("compact"), List.of(rs.getString("skeleton").split(" ")));
                double s = NameSimilarity.score(key, cand) * weight(rs.getString("key_kind"));
                String id = rs.getString("product_id");
                Hit prev = best.get(id);
                if (prev == null || s > prev.score()) best.put(id, new Hit(id, rs.getString("name"), s, rs.getString("raw")));
                return id;
            }).forEach(x -> {});
            List<Hit> page = best.values().stream()
                    .filter(x -> x.score() >= 0.45)
                    .sorted(Comparator.comparingDouble(Hit::score).reversed()
                            .thenComparingInt(x -> x.name().length())
                            .thenComparing(Hit::id))
                    .skip(q.offset()).limit(q.limit()).toList();
            if (page.isEmpty()) return List.of();
            // Full summaries only for the page shown.
            Map<String, ProductSummary> summaries = new HashMap<>();
            h.createQuery("select " + SUMMARY_COLUMNS + " from product p join vendor v on v.id = p.vendor_id where p.id = any(:ids)")
                    .bindArray("ids", String.class, page.stream().map(Hit::id).toList())
                    .map((rs, c) -> summary(rs)).forEach(ps -> summaries.put(ps.id(), ps));
            return page.stream().map(x -> summaries.get(x.id()).withScore(x.score(), x.matched())).toList();
        });
    }

    private static double weight(String kind) {
        return switch (kind) {
            case "name" -> 1.0;
            case "alias" -> 0.97;
            case "registry" -> 0.95;
            default -> 0.7; // vendor name: finds the vendor's products, below any product-name hit
        };
    }

    private String originFilter(Origin o) {
        return switch (o) {
            case DOMESTIC -> " and v.country = any(:domestic)";
            case OPEN_SOURCE -> " and not (coalesce(v.country, '') = any(:domestic)) and p.license = 'open_source'";
            case FOREIGN -> " and v.country is not null and not (v.country = any(:domestic)) and p.license <> 'open_source'";
            case UNKNOWN -> " and v.country is null and p.license <> 'open_source'";
        };
    }

    public Optional<ProductDetail> product(String id) {
        return jdbi.withHandle(h -> {
            Optional<Product> p = h.createQuery("select * from product where id = :id").bind("id", id).map((rs, c) -> product(rs)).findOne();
            if (p.isEmpty()) return Optional.empty();
            Vendor v = vendor(h, p.get().vendorId()).orElseThrow();
            var entries = h.createQuery("select * from registry_entry where product_id = :id order by registry, number").bind("id", id)
                    .map((rs, c) -> new RegistryEntry(rs.getString("registry"), rs.getString("number"), rs.getString("name"), array(rs, "classes"),
                            rs.getObject("included_on", java.time.LocalDate.class), rs.getString("status"), rs.getObject("excluded_on", java.time.LocalDate.class),
                            rs.getString("exclusion_reason"), (Boolean) rs.getObject("trusted"), rs.getString("source"), rs.getBoolean("uncertain"))).list();
            var platforms = compatibility(h, List.of(id)).getOrDefault(id, List.of());
            var replacedBy = alternatives(h, id, null, null);
            var replaces = h.createQuery("select " + SUMMARY_COLUMNS + " from alternative a join product p on p.id = a.from_id join vendor v on v.id = p.vendor_id where a.to_id = :id order by p.name")
                    .bind("id", id).map((rs, c) -> summary(rs)).list();
            return Optional.of(new ProductDetail(p.get(), v, Origin.of(v.country(), p.get().license(), domesticCountries), entries, platforms, replacedBy, replaces));
        });
    }

    /**
     * Replacements of a product. {@code cpu} and {@code os} are platform words ("e2k", "elbrus",
     * "astra"): an alternative passes when it has a claim for a platform answering to each given word.
     */
    public List<AlternativeView> alternatives(String productId, String cpu, String os) {
        return jdbi.withHandle(h -> alternatives(h, productId, cpu, os));
    }

    private List<AlternativeView> alternatives(Handle h, String productId, String cpu, String os) {
        List<Platform> platforms = platforms(h);
        Set<String> cpuIds = platformIds(platforms, Platform.Kind.CPU, cpu);
        Set<String> osIds = platformIds(platforms, Platform.Kind.OS, os);
        var rows = h.createQuery("select a.fit, a.notes as alt_notes, a.source as alt_source, " + SUMMARY_COLUMNS
                        + " from alternative a join product p on p.id = a.to_id join vendor v on v.id = p.vendor_id where a.from_id = :id")
                .bind("id", productId)
                .map((rs, c) -> new AlternativeView(summary(rs), Alternative.Fit.valueOf(rs.getString("fit").toUpperCase(Locale.ROOT)),
                        rs.getString("alt_notes"), rs.getString("alt_source"), List.of()))
                .list();
        var compat = compatibility(h, rows.stream().map(r -> r.product().id()).toList());
        var out = new ArrayList<AlternativeView>();
        for (AlternativeView r : rows) {
            List<Compatibility> claims = compat.getOrDefault(r.product().id(), List.of());
            List<Compatibility> matching = new ArrayList<>();
            if (cpuIds != null) {
                var m = claims.stream().filter(c -> cpuIds.contains(c.platformId())).toList();
                if (m.isEmpty()) continue;
                matching.addAll(m);
            }
            if (osIds != null) {
                var m = claims.stream().filter(c -> osIds.contains(c.platformId())).toList();
                if (m.isEmpty()) continue;
                matching.addAll(m);
            }
            out.add(new AlternativeView(r.product(), r.fit(), r.notes(), r.source(), cpuIds == null && osIds == null ? claims : matching));
        }
        // Domestic before open source, full fit before partial, certified claims first, then by name.
        out.sort(Comparator.<AlternativeView>comparingInt(a -> a.product().origin().ordinal())
                .thenComparing(AlternativeView::fit)
                .thenComparingInt(a -> a.platforms().stream().mapToInt(c -> c.level().ordinal()).min().orElse(9))
                .thenComparing(a -> a.product().name()));
        return out;
    }

    /** Ids of platforms of one kind answering to a user's word; null when no word was given. */
    private static Set<String> platformIds(List<Platform> platforms, Platform.Kind kind, String word) {
        if (word == null || word.isBlank()) return null;
        var ids = new HashSet<String>();
        for (Platform p : platforms) if (p.kind() == kind && p.answersTo(word)) ids.add(p.id());
        if (ids.isEmpty()) throw new UnknownPlatformException(kind, word,
                platforms.stream().filter(p -> p.kind() == kind).map(Platform::id).toList());
        return ids;
    }

    public List<Platform> platforms() {
        return jdbi.withHandle(CatalogStore::platforms);
    }

    private static List<Platform> platforms(Handle h) {
        return h.createQuery("select * from platform order by kind, id").map((rs, c) -> new Platform(rs.getString("id"),
                Platform.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("name"), rs.getString("family"),
                array(rs, "aliases"), rs.getString("notes"), rs.getString("source"))).list();
    }

    public List<Category> categories() {
        return jdbi.withHandle(h -> h.createQuery("select * from category order by id").map((rs, c) -> new Category(rs.getString("id"),
                rs.getString("name_en"), rs.getString("name_ru"), Product.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                rs.getString("registry_class"), rs.getString("okpd2"))).list());
    }

    private static Map<String, List<Compatibility>> compatibility(Handle h, List<String> productIds) {
        if (productIds.isEmpty()) return Map.of();
        var out = new HashMap<String, List<Compatibility>>();
        h.createQuery("select * from compatibility where product_id = any(:ids) order by product_id, level, platform_id")
                .bindArray("ids", String.class, productIds)
                .map((rs, c) -> new Compatibility(rs.getString("product_id"), rs.getString("platform_id"),
                        Compatibility.Level.valueOf(rs.getString("level").toUpperCase(Locale.ROOT)), rs.getString("detail"), rs.getString("source")))
                .forEach(c -> out.computeIfAbsent(c.productId(), k -> new ArrayList<>()).add(c));
        return out;
    }

    public Optional<Vendor> vendor(String id) {
        return jdbi.withHandle(h -> vendor(h, id));
    }

    private static Optional<Vendor> vendor(Handle h, String id) {
        return h.createQuery("select * from vendor where id = :id").bind("id", id).map((rs, c) -> vendor(rs)).findOne();
    }

    /** Vendors by name prefix / similarity and country, ordered by name then id, after {@code afterId} (keyset cursor). */
    public List<Vendor> vendors(String text, String country, String afterName, String afterId, int limit) {
        return jdbi.withHandle(h -> {
            var sql = new StringBuilder("select * from vendor where true");
            if (country != null) sql.append(" and country = :country");
            if (text != null && !text.isBlank()) sql.append(" and (lower(name) like :like or lower(coalesce(name_ru, '')) like :like or exists (select 1 from unnest(aliases) a where lower(a) like :like))");
            if (afterId != null) sql.append(" and (lower(name), id) > (:afterName, :afterId)");
            sql.append(" order by lower(name), id limit :lim");
            var q = h.createQuery(sql.toString()).bind("lim", limit);
            if (country != null) q.bind("country", country.toUpperCase(Locale.ROOT));
            if (text != null && !text.isBlank()) q.bind("like", "%" + text.strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
            if (afterId != null) q.bind("afterName", afterName).bind("afterId", afterId);
            return q.map((rs, c) -> vendor(rs)).list();
        });
    }

    public CatalogStats stats() {
        return jdbi.withHandle(h -> {
            long products = count(h, "select count(*) from product");
            long vendors = count(h, "select count(*) from vendor");
            long alternatives = count(h, "select count(*) from alternative");
            long categories = count(h, "select count(distinct category) from product");
            long compat = count(h, "select count(*) from compatibility");
            long registry = count(h, "select count(*) from registry_entry");
            var byOrigin = new TreeMap<String, Long>();
            h.createQuery("select v.country, p.license, count(*) as n from product p join vendor v on v.id = p.vendor_id group by 1, 2")
                    .map((rs, c) -> {
                        var o = Origin.of(rs.getString("country"), Product.License.valueOf(rs.getString("license").toUpperCase(Locale.ROOT)), domesticCountries);
                        byOrigin.merge(o.name().toLowerCase(Locale.ROOT), rs.getLong("n"), Long::sum);
                        return o;
                    }).forEach(x -> {});
            var byCategory = new TreeMap<String, Long>();
            h.createQuery("select category, count(*) as n from product group by 1").map((rs, c) -> byCategory.put(rs.getString(1), rs.getLong(2))).forEach(x -> {});
            return new CatalogStats(products, vendors, alternatives, categories, compat, registry, byOrigin, byCategory);
        });
    }

    // ---------------------------------------------------------------- mapping helpers

    static Product product(ResultSet rs) throws SQLException {
        return new Product(rs.getString("id"), rs.getString("name"), rs.getString("name_ru"), array(rs, "aliases"), rs.getString("vendor_id"),
                rs.getString("category"), Product.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                Product.License.valueOf(rs.getString("license").toUpperCase(Locale.ROOT)), rs.getString("registry"), null, null, null,
                rs.getString("okpd2"), rs.getString("wikidata"), rs.getString("cpe"), rs.getString("purl"), rs.getString("website"),
                rs.getString("source"), array(rs, "uncertain"), rs.getString("notes"));
    }

    static Vendor vendor(ResultSet rs) throws SQLException {
        return new Vendor(rs.getString("id"), rs.getString("name"), rs.getString("name_ru"), array(rs, "aliases"), rs.getString("country"),
                Vendor.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("inn"), rs.getString("ogrn"),
                rs.getString("parent_id"), rs.getString("wikidata"), rs.getString("website"), rs.getString("source"),
                array(rs, "uncertain"), rs.getString("notes"));
    }

    static List<String> array(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        if (a == null) return List.of();
        Object[] values = (Object[]) a.getArray();
        var out = new ArrayList<String>(values.length);
        for (Object v : values) if (v != null) out.add(v.toString());
        return out;
    }

    private static long count(Handle h, String sql) {
        return h.createQuery(sql).mapTo(Long.class).one();
    }

    static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }

    private static String likePrefix(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
