package ru.zamena.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.zamena.core.catalog.*;
import ru.zamena.store.Database;
import ru.zamena.store.UnknownPlatformException;
import ru.zamena.store.testing.TestDatabase;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog on real PostgreSQL: loading, search in any script, alternatives by platform. */
class CatalogServiceIT {
    static Database db;
    static Zamena zamena;

    @BeforeAll
    static void start() {
        db = TestDatabase.create(CatalogServiceIT.class);
        zamena = new Zamena(db, TestCatalog.config(TestCatalog.dir()));
        assertThat(zamena.catalog().loadCuratedIfChanged()).isTrue();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void loadingTheSameFilesAgainChangesNothing() {
        CatalogStats before = zamena.catalog().stats();
        assertThat(zamena.catalog().loadCuratedIfChanged()).isFalse();
        assertThat(zamena.catalog().stats()).isEqualTo(before);
        assertThat(before.products()).isEqualTo(12);
        assertThat(before.alternatives()).isEqualTo(6);
        assertThat(before.productsByOrigin()).containsEntry("domestic", 7L).containsEntry("foreign", 3L).containsEntry("open_source", 2L);
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource({
            "МойОфис, ncloudtech-myoffice",
            "MyOffice, ncloudtech-myoffice",
            "moi ofis, ncloudtech-myoffice",
            "мой офис, ncloudtech-myoffice",
            "Касперский, kaspersky-endpoint-security",
            "Kaspersky, kaspersky-endpoint-security",
            "Kasperskiy Endpoint, kaspersky-endpoint-security",
            "1С:Предприятие, 1c-enterprise",
            "1C Enterprise, 1c-enterprise",
            "1С Бухгалтерия, 1c-accounting",
            "Postgers Pro, postgres-pro",
            "Р7 Офис, r7-office",
            "r7 ofis, r7-office",
            "Microsft Ofice, microsoft-office",
            "Астра, astra-linux-se",
            "libre office, libreoffice",
    })
    void queriesInAnyScriptRankTheIntendedProductFirst(String query, String expected) {
        List<ProductSummary> hits = zamena.catalog().search(SearchQuery.of(query));
        assertThat(hits).isNotEmpty();
        assertThat(hits.getFirst().id()).isEqualTo(expected);
    }

    @Test
    void oneCInEitherScriptFindsTheSameProducts() {
        var cyr = zamena.catalog().search(SearchQuery.of("1С")).stream().map(ProductSummary::id).toList();
        var lat = zamena.catalog().search(SearchQuery.of("1C")).stream().map(ProductSummary::id).toList();
        assertThat(cyr).isEqualTo(lat).contains("1c-enterprise", "1c-accounting");
    }

    @Test
    void filtersNarrowTheResults() {
        var dbms = zamena.catalog().search(new SearchQuery(null, null, "dbms", null, null, 0, 50));
        assertThat(dbms).extracting(ProductSummary::id).containsExactlyInAnyOrder("oracle-database", "postgresql", "postgres-pro");
        var ruOffice = zamena.catalog().search(new SearchQuery("office", "RU", null, null, null, 0, 50));
        assertThat(ruOffice).extracting(ProductSummary::vendorCountry).containsOnly("RU");
        var open = zamena.catalog().search(new SearchQuery(null, null, null, null, Origin.OPEN_SOURCE, 0, 50));
        assertThat(open).extracting(ProductSummary::id).containsExactlyInAnyOrder("libreoffice", "postgresql");
        assertThat(zamena.catalog().search(SearchQuery.of("zzqxw"))).isEmpty();
    }

    @Test
    void alternativesAreFilteredByPlatformAndOrderedDomesticFirst() {
        var all = zamena.catalog().alternatives("microsoft-office", null, null);
        assertThat(all).extracting(a -> a.product().id()).containsExactly("ncloudtech-myoffice", "r7-office", "libreoffice");
        var astra = zamena.catalog().alternatives("microsoft-office", null, "astra");
        assertThat(astra).extracting(a -> a.product().id()).containsExactly("ncloudtech-myoffice", "r7-office");
        assertThat(astra.getFirst().platforms()).extracting(Compatibility::platformId).containsExactly("astra-se");
        var elbrusAstra = zamena.catalog().alternatives("microsoft-office", "elbrus", "astra");
        assertThat(elbrusAstra).extracting(a -> a.product().id()).containsExactly("ncloudtech-myoffice");
        assertThatThrownBy(() -> zamena.catalog().alternatives("microsoft-office", null, "beos"))
                .isInstanceOf(UnknownPlatformException.class).hasMessageContaining("unknown os 'beos'").hasMessageContaining("astra-se");
    }

    @Test
    void resolveTakesIdsAndNames() {
        assertThat(zamena.catalog().resolve("microsoft-office").id()).isEqualTo("microsoft-office");
        assertThat(zamena.catalog().resolve("Microsoft Office").id()).isEqualTo("microsoft-office");
        assertThat(zamena.catalog().resolve("Оракл").id()).isEqualTo("oracle-database");
    }

    @Test
    void productDetailCarriesRegistryEntryPlatformsAndBothDirections() {
        ProductDetail d = zamena.catalog().product("ncloudtech-myoffice").orElseThrow();
        assertThat(d.origin()).isEqualTo(Origin.DOMESTIC);
        assertThat(d.product().registry()).isEqualTo("ru-software");
        assertThat(zamena.catalog().product("r7-office").orElseThrow().product().registry()).isNull();
        assertThat(d.registryEntries()).singleElement().satisfies(e -> {
            assertThat(e.number()).isEqualTo("283");
            assertThat(e.uncertain()).isTrue();
        });
        assertThat(d.platforms()).extracting(Compatibility::platformId).contains("astra-se", "alt", "e2k");
        assertThat(d.replaces()).extracting(ProductSummary::id).containsExactly("microsoft-office");
        assertThat(zamena.catalog().product("nope")).isEmpty();
    }
}
