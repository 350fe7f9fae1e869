package ru.zamena.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ru.zamena.core.catalog.*;
import ru.zamena.store.RegistryStore;
import ru.zamena.store.TenantStore;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes of the API (components/schemas in openapi.yaml), one record per schema, and
 * the mapping from domain records. Kept apart from core so a change there cannot silently
 * change the contract. Field names become snake_case; enumerations are lower case.
 */
final class Dto {
    private Dto() {}

    record VendorRef(String id, String name, String country) {}

    record ProductSummaryDto(String id, String name, String nameRu, VendorRef vendor, String category, String kind, String license,
                             String origin, List<String> registryNumbers, Double score, String matchedName) {}

    record Page<T>(List<T> items, String nextCursor) {}

    record ProductDto(String id, String name, String nameRu, List<String> aliases, String vendorId, String category, String kind,
                      String license, String registry, String okpd2, String wikidata, String cpe, String purl, String website, String source,
                      List<String> uncertain, String notes) {}

    record VendorDto(String id, String name, String nameRu, List<String> aliases, String country, String kind, String inn, String ogrn,
                     String parentId, String wikidata, String website, String source, List<String> uncertain, String notes) {}

    record RegistryEntryDto(String registry, String number, String name, List<String> classes, LocalDate includedOn, String status,
                            LocalDate excludedOn, String exclusionReason, Boolean trusted, String source, boolean uncertain) {}

    record PlatformClaim(String platform, String level, String detail, String source) {}

    record AlternativeDto(ProductSummaryDto product, VendorRef vendor, String country, String fit, String notes, String source,
                          List<PlatformClaim> platforms) {}

    record ProductDetailDto(ProductDto product, VendorDto vendor, String origin, List<RegistryEntryDto> registryEntries,
                            List<PlatformClaim> platforms, List<AlternativeDto> replacedBy, List<ProductSummaryDto> replaces) {}

    record CategoryDto(String id, String nameEn, String nameRu, String kind, String registryClass, String okpd2) {}

    record PlatformDto(String id, String kind, String name, String family, List<String> aliases, String notes, String source) {}

    record StatsDto(long products, long vendors, long alternatives, long categories, long compatibility, long registryEntries,
                    Map<String, Long> productsByOrigin, Map<String, Long> productsByCategory) {}

    record ImportRun(long id, String kind, String fileName, String fileSha256, String actor, OffsetDateTime startedAt,
                     OffsetDateTime finishedAt, String status, Map<String, Long> counts, List<String> errors, String message) {}

    record OrganisationDto(String slug, String name, String parent, boolean operator, String kind, OffsetDateTime createdAt) {}

    record ApiKeyDto(String prefix, String name, String org, String role, OffsetDateTime createdAt, OffsetDateTime revokedAt) {}

    record CreatedApiKeyDto(String prefix, String name, String org, String role, OffsetDateTime createdAt, OffsetDateTime revokedAt,
                            String secret) {}

    record AliasDto(String alias, String productId, String note, String createdBy, OffsetDateTime createdAt) {}

    record AuditEntryDto(long id, OffsetDateTime at, String actor, String org, String action, String target, JsonNode details) {}

    // ------------------------------------------------------------------ request bodies

    record NewOrganisation(String slug, String name, String parent, Boolean operator, String kind) {}

    /** PATCH /orgs/{org}: the fields to change; absent ones stay. */
    record OrganisationChange(String kind, String parent) {}

    record NewApiKey(String name, String role) {}

    record AliasBody(String productId, String note) {}

    // ------------------------------------------------------------------ mapping

    static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }

    static ProductSummaryDto summary(ProductSummary p) {
        // The store reports score 0 when it listed without a query: that is "no score", not "no match".
        Double score = p.matchedName() == null ? null : Math.round(p.score() * 1000) / 1000.0;
        return new ProductSummaryDto(p.id(), p.name(), p.nameRu(), new VendorRef(p.vendorId(), p.vendor(), p.vendorCountry()),
                p.category(), lower(p.kind()), lower(p.license()), lower(p.origin()), p.registryNumbers(), score, p.matchedName());
    }

    static ProductDto product(Product p) {
        return new ProductDto(p.id(), p.name(), p.nameRu(), p.aliases(), p.vendorId(), p.category(), lower(p.kind()), lower(p.license()),
                p.registry(), p.okpd2(), p.wikidata(), p.cpe(), p.purl(), p.website(), p.source(), p.uncertain(), p.notes());
    }

    static VendorDto vendor(Vendor v) {
        return new VendorDto(v.id(), v.name(), v.nameRu(), v.aliases(), v.country(), lower(v.kind()), v.inn(), v.ogrn(), v.parentId(),
                v.wikidata(), v.website(), v.source(), v.uncertain(), v.notes());
    }

    static PlatformClaim claim(Compatibility c) {
        return new PlatformClaim(c.platformId(), lower(c.level()), c.detail(), c.source());
    }

    static AlternativeDto alternative(AlternativeView a) {
        ProductSummaryDto p = summary(a.product());
        return new AlternativeDto(p, p.vendor(), p.vendor().country(), lower(a.fit()), a.notes(), a.source(),
                a.platforms().stream().map(Dto::claim).toList());
    }

    static ProductDetailDto detail(ProductDetail d) {
        return new ProductDetailDto(product(d.product()), vendor(d.vendor()), lower(d.origin()),
                d.registryEntries().stream().map(e -> new RegistryEntryDto(e.registry(), e.number(), e.name(), e.classes(), e.includedOn(),
                        e.status(), e.excludedOn(), e.exclusionReason(), e.trusted(), e.source(), e.uncertain())).toList(),
                d.platforms().stream().map(Dto::claim).toList(),
                d.replacedBy().stream().map(Dto::alternative).toList(),
                d.replaces().stream().map(Dto::summary).toList());
    }

    static CategoryDto category(Category c) {
        return new CategoryDto(c.id(), c.nameEn(), c.nameRu(), lower(c.kind()), c.registryClass(), c.okpd2());
    }

    static PlatformDto platform(Platform p) {
        return new PlatformDto(p.id(), lower(p.kind()), p.name(), p.family(), p.aliases(), p.notes(), p.source());
    }

    static StatsDto stats(CatalogStats s) {
        return new StatsDto(s.products(), s.vendors(), s.alternatives(), s.categories(), s.compatibility(), s.registryEntries(),
                s.productsByOrigin(), s.productsByCategory());
    }

    static ImportRun importRun(RegistryStore.ImportRun r) {
        return new ImportRun(r.id(), r.kind(), r.fileName(), r.fileSha256(), r.actor(), r.startedAt(), r.finishedAt(), r.status(),
                r.counts(), r.errors(), r.message());
    }

    static OrganisationDto organisation(TenantStore.Organisation o) {
        return new OrganisationDto(o.slug(), o.name(), o.parentSlug(), o.operator(), o.kind(), o.createdAt());
    }

    static ApiKeyDto apiKey(TenantStore.ApiKeyInfo k) {
        return new ApiKeyDto(k.prefix(), k.name(), k.orgSlug(), lower(k.role()), k.createdAt(), k.revokedAt());
    }

    static CreatedApiKeyDto createdApiKey(TenantStore.NewApiKey k) {
        var i = k.info();
        return new CreatedApiKeyDto(i.prefix(), i.name(), i.orgSlug(), lower(i.role()), i.createdAt(), i.revokedAt(), k.secret());
    }

    static AliasDto alias(TenantStore.OrgAlias a) {
        return new AliasDto(a.alias(), a.productId(), a.note(), a.createdBy(), a.createdAt());
    }

    static AuditEntryDto audit(TenantStore.AuditEntry e, ObjectMapper json) {
        JsonNode details;
        try {
            details = e.details() == null ? json.createObjectNode() : json.readTree(e.details());
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            details = json.createObjectNode(); // jsonb from our own store is valid JSON; never fail a listing over it
        }
        return new AuditEntryDto(e.id(), e.at(), e.actor(), e.orgSlug(), e.action(), e.target(), details);
    }
}
