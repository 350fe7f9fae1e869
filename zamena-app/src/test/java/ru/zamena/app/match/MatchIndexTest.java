package ru.zamena.app.match;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.zamena.core.inventory.InventoryItem;
import ru.zamena.store.MatchNamesStore;
import ru.zamena.store.MatchNamesStore.AlternativeRow;
import ru.zamena.store.MatchNamesStore.ProductRow;
import ru.zamena.store.MatchNamesStore.VendorRow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory index and the matcher over it, on a small hand-written catalog of real products (no database). */
class MatchIndexTest {
    static final List<VendorRow> VENDORS = List.of(
            new VendorRow("microsoft", "Microsoft", "Майкрософт", List.of("Microsoft Corporation"), "US"),
            new VendorRow("kaspersky", "Kaspersky", "Лаборатория Касперского", List.of("АО «Лаборатория Касперского»"), "RU"),
            new VendorRow("vk", "VK", "ВК", List.of("Mail.ru Group"), "RU"),
            new VendorRow("ncloudtech", "New Cloud Technologies", "Новые облачные технологии", List.of(), "RU"),
            new VendorRow("tdf", "The Document Foundation", null, List.of(), "DE"),
            new VendorRow("pgdg", "PostgreSQL Global Development Group", null, List.of(), null));
    static final List<ProductRow> PRODUCTS = List.of(
            product("microsoft-office", "Microsoft Office", "Майкрософт Офис", List.of("MS Office", "Microsoft Office Professional Plus"), "microsoft",
                    "proprietary", "microsoft:office", null, List.of()),
            product("skype", "Skype", "Скайп", List.of(), "microsoft", "proprietary", null, null, List.of()),
            product("skype-for-business", "Skype for Business", "Скайп для бизнеса", List.of("Skype для бизнеса", "Lync"), "microsoft",
                    "proprietary", null, null, List.of()),
            product("kaspersky-endpoint-security", "Kaspersky Endpoint Security", "Kaspersky Endpoint Security для бизнеса",
                    List.of("KES", "Касперский Endpoint Security"), "kaspersky", "proprietary", null, null, List.of("2189")),
            product("vk-atom", "Atom", "Атом", List.of("Атом браузер"), "vk", "proprietary", null, null, List.of("14052")),
            product("ncloudtech-myoffice", "MyOffice", "МойОфис", List.of("Moi Ofis", "МойОфис Стандартный"), "ncloudtech",
                    "proprietary", null, null, List.of("283")),
            product("libreoffice", "LibreOffice", null, List.of(), "tdf", "open_source", "libreoffice:libreoffice", "deb/debian/libreoffice", List.of()),
            product("postgresql", "PostgreSQL", null, List.of("Postgres"), "pgdg", "open_source", "postgresql:postgresql", "deb/debian/postgresql", List.of()));

    static ProductRow product(String id, String name, String nameRu, List<String> aliases, String vendor, String license, String cpe,
                              String purl, List<String> numbers) {
        return new ProductRow(id, name, nameRu, aliases, vendor, "office-suite", "software", license, cpe, purl, numbers, List.of());
    }

    static final AtomicLong generation = new AtomicLong(1);
    static final List<ProductRow> extra = new ArrayList<>();
    static LiveMatchIndex live;
    static InventoryMatcher matcher;

    static MatchNamesStore.Snapshot snapshot() {
        var products = new ArrayList<>(PRODUCTS);
        products.addAll(extra);
        return new MatchNamesStore.Snapshot(generation.get(), VENDORS, products, List.of(
                new AlternativeRow("microsoft-office", "ncloudtech-myoffice", "full", 0),
                new AlternativeRow("microsoft-office", "libreoffice", "partial", 1)));
    }

    @BeforeAll
    static void build() {
        live = new LiveMatchIndex(MatchIndexTest::snapshot, generation::get, Set.of("RU"), Duration.ofHours(1));
        matcher = new InventoryMatcher(null, live);
    }

    @AfterAll
    static void close() {
        live.close();
    }

    @Test
    void exactNameAfterCleaning() {
        var m = matcher.match("Microsoft Office 2019 (x64) - ru-ru", "Microsoft Corporation");
        assertThat(m.status()).isEqualTo(InventoryMatcher.MATCHED);
        assertThat(m.product().id()).isEqualTo("microsoft-office");
        assertThat(m.evidence()).containsEntry("matched_by", "exact").containsEntry("publisher_score", 1.0);
        // domestic first, then open source
        assertThat(m.alternatives()).extracting(p -> p.id()).containsExactly("ncloudtech-myoffice", "libreoffice");
    }

    @Test
    void typosAreFoundFuzzilyButGoToReview() {
        var m = matcher.match("Kaspersky Endpont Security", null);
        assertThat(m.product().id()).isEqualTo("kaspersky-endpoint-security");
        assertThat(m.status()).isEqualTo(InventoryMatcher.REVIEW);
        assertThat(m.evidence()).containsEntry("matched_by", "fuzzy");
    }

    @Test
    void cyrillicAndLatinSpellingsMeet() {
        assertThat(matcher.match("Майкрософт Офис 2016", null).product().id()).isEqualTo("microsoft-office");
        assertThat(matcher.match("moi ofis", null).product().id()).isEqualTo("ncloudtech-myoffice");
        assertThat(matcher.match("МойОфис Стандартный 2", null).product().id()).isEqualTo("ncloudtech-myoffice");
        assertThat(matcher.match("Kasperskiy Endpoint Security 11 для Windows", null).product().id()).isEqualTo("kaspersky-endpoint-security");
    }

    @Test
    void publisherAgreementDecides() {
        var vk = matcher.match("Atom", "VK");
        assertThat(vk.status()).isEqualTo(InventoryMatcher.MATCHED);
        var github = matcher.match("Atom", "GitHub Inc.");
        assertThat(github.status()).isNotEqualTo(InventoryMatcher.MATCHED);
        assertThat((Double) github.evidence().get("publisher_score")).isLessThan(InventoryMatcher.PUBLISHER_DIFFERS);
    }

    @Test
    void editionWordsThatNameAnotherProductAreKept() {
        var m = matcher.match("Skype для бизнеса 2016 - ru-ru", "Microsoft Corporation");
        assertThat(m.product().id()).isEqualTo("skype-for-business");
        assertThat(m.evidence()).containsEntry("matched_by", "exact-with-edition");
        assertThat(matcher.match("Skype 8.110", "Microsoft Corporation").product().id()).isEqualTo("skype");
    }

    @Test
    void libraryGroupsAreNotProducts() {
        var m = matcher.match("postgresql", "org.postgresql");
        assertThat(m.status()).isNotEqualTo(InventoryMatcher.MATCHED);
        assertThat(m.evidence()).containsEntry("note", "publisher is a library group");
    }

    @Test
    void identifiersShortCircuit() {
        var purl = matcher.match(new InventoryItem("postgresql-15", "15.5-1", "Debian PostgreSQL Maintainers",
                "pkg:deb/ubuntu/postgresql@15.5-1?arch=amd64", null, "application", "amd64", null, 1));
        assertThat(purl.status()).isEqualTo(InventoryMatcher.MATCHED);
        assertThat(purl.product().id()).isEqualTo("postgresql");
        assertThat(purl.evidence()).containsEntry("matched_by", "purl");

        var cpe = matcher.match(new InventoryItem("Office suite", null, null, null, "cpe:2.3:a:libreoffice:libreoffice:7.6.4:*:*:*:*:*:*:*",
                "application", null, null, 2));
        assertThat(cpe.product().id()).isEqualTo("libreoffice");
        assertThat(cpe.evidence()).containsEntry("matched_by", "cpe");

        var number = matcher.match("Офисный пакет, реестровый номер 283", null);
        assertThat(number.product().id()).isEqualTo("ncloudtech-myoffice");
        assertThat(number.evidence()).containsEntry("matched_by", "registry_number");

        // a Maven library named like a product, without an identifier hit, is not matched
        var jdbc = matcher.match(new InventoryItem("postgresql", "42.7.3", "org.postgresql", "pkg:maven/org.postgresql/postgresql@42.7.3",
                null, "library", null, null, 3));
        assertThat(jdbc.status()).isNotEqualTo(InventoryMatcher.MATCHED);
    }

    @Test
    void updatesAndUnknownNamesMatchNothing() {
        assertThat(matcher.match("Security Update for Microsoft Office 2016 (KB5002138)", "Microsoft Corporation").status())
                .isEqualTo(InventoryMatcher.UNMATCHED);
        var none = matcher.match("Realtek High Definition Audio Driver 6.0.9", "Realtek");
        assertThat(none.status()).isEqualTo(InventoryMatcher.UNMATCHED);
        assertThat(none.product()).isNull();
        assertThat(none.alternatives()).isEmpty();
    }

    @Test
    void trigramsArePaddedAndDistinct() {
        assertThat(MatchIndex.trigrams("aaaa")).hasSize(4); // "  a", " aa", "aaa", "aa "
        assertThat(MatchIndex.Identifiers.purlKeys("pkg:deb/debian/libreoffice@7.6?arch=amd64"))
                .containsExactly("deb/debian/libreoffice", "deb//libreoffice");
        assertThat(MatchIndex.Identifiers.cpeKey("cpe:/a:microsoft:office:2016")).isEqualTo("microsoft:office");
        assertThat(MatchIndex.Identifiers.cpeKey("microsoft:office")).isEqualTo("microsoft:office");
    }

    @Test
    void rebuildsWhenTheGenerationMoves() {
        assertThat(matcher.match("Р7-Офис 2024.1", null).status()).isEqualTo(InventoryMatcher.UNMATCHED);
        extra.add(product("r7-office", "R7-Office", "Р7-Офис", List.of(), "ncloudtech", "proprietary", null, null, List.of()));
        try {
            assertThat(live.refresh()).as("same generation: nothing to do").isFalse();
            generation.incrementAndGet();
            assertThat(live.refresh()).isTrue();
            assertThat(matcher.match("Р7-Офис 2024.1", null).product().id()).isEqualTo("r7-office");
        } finally {
            extra.clear();
            generation.incrementAndGet();
            live.refresh();
        }
    }

    @Test
    void batchesKeepInputOrderAndCacheRepeats() {
        var names = new ArrayList<BatchMatcher.Name>();
        for (int i = 0; i < 300; i++) {
            names.add(new BatchMatcher.Name("Microsoft Office " + (i % 3 == 0 ? "2016" : "2019"), null));
            names.add(new BatchMatcher.Name("LibreOffice 7.6." + (i % 5), null));
        }
        try (var batch = new BatchMatcher(matcher, 2, 1000)) {
            var out = batch.matchAll(names);
            assertThat(out).hasSize(names.size());
            for (int i = 0; i < names.size(); i++) assertThat(out.get(i).input()).isEqualTo(names.get(i).raw());
            assertThat(out.get(1).product().id()).isEqualTo("libreoffice");
            assertThat(batch.cacheHitRate()).isGreaterThan(0.9);
        }
    }
}
