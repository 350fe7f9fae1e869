package ru.zamena.core;

import org.junit.jupiter.api.Test;
import ru.zamena.core.catalog.*;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OriginAndCatalogDataTest {
    static final Set<String> RU = Set.of("RU");

    @Test
    void originFollowsVendorCountryThenLicence() {
        assertThat(Origin.of("RU", Product.License.PROPRIETARY, RU)).isEqualTo(Origin.DOMESTIC);
        assertThat(Origin.of("RU", Product.License.OPEN_SOURCE, RU)).isEqualTo(Origin.DOMESTIC);
        assertThat(Origin.of("DE", Product.License.OPEN_SOURCE, RU)).isEqualTo(Origin.OPEN_SOURCE);
        assertThat(Origin.of(null, Product.License.OPEN_SOURCE, RU)).isEqualTo(Origin.OPEN_SOURCE);
        assertThat(Origin.of("US", Product.License.PROPRIETARY, RU)).isEqualTo(Origin.FOREIGN);
        assertThat(Origin.of(null, Product.License.PROPRIETARY, RU)).isEqualTo(Origin.UNKNOWN);
        // Jurisdictions are data: under an EU profile a German vendor is domestic.
        assertThat(Origin.of("DE", Product.License.PROPRIETARY, Set.of("DE", "FR"))).isEqualTo(Origin.DOMESTIC);
    }

    @Test
    void brokenReferencesAndForeignTargetsAreReported() {
        var cat = new Category("office-suite", "Office", "Офис", Product.Kind.SOFTWARE, null, null);
        var ms = vendor("microsoft", "US");
        var nct = vendor("ncloudtech", "RU");
        var office = product("microsoft-office", "microsoft");
        var google = product("google-docs", "microsoft");
        var myoffice = product("myoffice", "ncloudtech");
        var data = new CatalogData(List.of(cat), List.of(), List.of(ms, nct), List.of(office, google, myoffice),
                List.of(new Alternative("microsoft-office", "myoffice", Alternative.Fit.FULL, null, "x"),
                        new Alternative("microsoft-office", "google-docs", Alternative.Fit.PARTIAL, null, "x"),
                        new Alternative("microsoft-office", "nowhere", Alternative.Fit.PARTIAL, null, "x")),
                List.of(new Compatibility("myoffice", "astra-se", Compatibility.Level.SUPPORTED, null, null),
                        new Compatibility("myoffice", "astra-se", Compatibility.Level.CERTIFIED, null, null)));
        assertThat(data.problems(RU)).containsExactlyInAnyOrder(
                "alternative microsoft-office -> google-docs: target is neither domestic nor open source",
                "alternative: unknown product nowhere",
                "compatibility: unknown platform astra-se",
                "compatibility: unknown platform astra-se",
                "duplicate compatibility claim myoffice on astra-se (merge the rows)");
    }

    @Test
    void platformAnswersToIdFamilyAndAliases() {
        var astra = new Platform("astra-se", Platform.Kind.OS, "Astra Linux SE", "astra", List.of("астра", "Astra Linux"), null, null);
        assertThat(astra.answersTo("astra")).isTrue();
        assertThat(astra.answersTo("ASTRA-SE")).isTrue();
        assertThat(astra.answersTo("Астра")).isTrue();
        assertThat(astra.answersTo("alt")).isFalse();
    }

    static Vendor vendor(String id, String country) {
        return new Vendor(id, id, null, List.of(), country, Vendor.Kind.COMPANY, null, null, null, null, null, "test", List.of(), null);
    }

    static Product product(String id, String vendor) {
        return new Product(id, id, null, List.of(), vendor, "office-suite", Product.Kind.SOFTWARE, Product.License.PROPRIETARY,
                null, null, null, null, null, null, null, null, null, "test", List.of(), null);
    }
}
