package ru.zamena.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.zamena.server.OpenApi.assertConforms;
import static ru.zamena.server.TestServer.enc;

/** The public catalog over HTTP on real PostgreSQL with the fixture catalog; every answer is checked against openapi.yaml. */
class CatalogApiTest {
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(CatalogApiTest.class);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static JsonNode ok(String template, String path) {
        var r = s.get(path);
        assertThat(r.status()).as("%s: %s", path, r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertConforms("GET", template, r);
        return r.json();
    }

    static List<String> ids(JsonNode items) {
        var out = new ArrayList<String>();
        items.forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    @ParameterizedTest(name = "q={0} finds {1} first")
    @CsvSource({
            "МойОфис, ncloudtech-myoffice",
            "мой офис, ncloudtech-myoffice",
            "MyOffice, ncloudtech-myoffice",
            "moi ofis, ncloudtech-myoffice",
            "Р7 Офис, r7-office",
            "libre office, libreoffice",
            "Астра, astra-linux-se",
            "Microsft Ofice, microsoft-office",
            "Альт, alt-workstation",
    })
    void searchInCyrillicAndLatin(String q, String expected) {
        JsonNode page = ok("/products", "/api/v1/products?q=" + enc(q));
        assertThat(ids(page.get("items"))).first().isEqualTo(expected);
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("score").asDouble()).isBetween(0.45, 1.0);
        assertThat(first.get("matched_name").asText()).isNotBlank();
    }

    @Test
    void searchResultsCarryVendorOriginAndRegistryNumbers() {
        JsonNode hit = ok("/products", "/api/v1/products?q=" + enc("МойОфис")).get("items").get(0);
        assertThat(hit.get("name_ru").asText()).isEqualTo("МойОфис");
        assertThat(hit.get("vendor").get("id").asText()).isEqualTo("ncloudtech");
        assertThat(hit.get("vendor").get("country").asText()).isEqualTo("RU");
        assertThat(hit.get("origin").asText()).isEqualTo("domestic");
        assertThat(hit.get("registry_numbers").get(0).asText()).isEqualTo("283");
        assertThat(ok("/products", "/api/v1/products?q=zzqxwv").get("items")).isEmpty();
    }

    @Test
    void filtersNarrowTheList() {
        JsonNode ru = ok("/products", "/api/v1/products?country=ru&limit=100");
        assertThat(ru.get("items")).isNotEmpty().allSatisfy(i -> assertThat(i.get("vendor").get("country").asText()).isEqualTo("RU"));
        assertThat(ids(ok("/products", "/api/v1/products?origin=open_source").get("items"))).containsExactlyInAnyOrder("libreoffice", "postgresql");
        assertThat(ids(ok("/products", "/api/v1/products?category=dbms").get("items")))
                .containsExactlyInAnyOrder("oracle-database", "postgresql", "postgres-pro");
        assertThat(ids(ok("/products", "/api/v1/products?q=" + enc("офис") + "&origin=domestic").get("items")))
                .contains("ncloudtech-myoffice", "r7-office").doesNotContain("microsoft-office", "libreoffice");
        assertThat(ok("/products", "/api/v1/products?kind=hardware").get("items")).isEmpty();
    }

    @Test
    void cursorPaginationWalksAllProductsOnceInOrder() {
        long total = ok("/stats", "/api/v1/stats").get("products").asLong();
        List<String> walked = walk("/products", "/api/v1/products?limit=3");
        assertThat(walked).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(walked).isEqualTo(ids(ok("/products", "/api/v1/products?limit=100").get("items")));
    }

    @Test
    void cursorPaginationOfASearchMatchesOneBigPage() {
        String q = "/api/v1/products?q=" + enc("офис");
        List<String> all = ids(ok("/products", q + "&limit=100").get("items"));
        assertThat(all).hasSizeGreaterThan(2);
        assertThat(walk("/products", q + "&limit=2")).isEqualTo(all);
    }

    @Test
    void cursorPaginationWalksAllVendorsByName() {
        long total = ok("/stats", "/api/v1/stats").get("vendors").asLong();
        List<String> names = new ArrayList<>();
        List<String> walked = walk("/vendors", "/api/v1/vendors?limit=2", v -> {
            names.add(v.get("name").asText().toLowerCase(Locale.ROOT));
            return v.get("id").asText();
        });
        assertThat(walked).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(names).isSorted();
        // The store also keeps a placeholder vendor for register entries without a known holder: only check ours.
        assertThat(walk("/vendors", "/api/v1/vendors?country=RU&limit=2")).doesNotHaveDuplicates()
                .contains("astra-group", "basealt", "ncloudtech", "postgrespro", "r7").doesNotContain("microsoft", "oracle");
    }

    private static List<String> walk(String template, String first) {
        return walk(template, first, i -> i.get("id").asText());
    }

    /** Follows next_cursor from the first page to the last, collecting the items. */
    private static List<String> walk(String template, String first, Function<JsonNode, String> id) {
        var out = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = ok(template, cursor == null ? first : first + "&cursor=" + enc(cursor));
            page.get("items").forEach(i -> out.add(id.apply(i)));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
            assertThat(++pages).as("pagination ends").isLessThan(50);
        } while (cursor != null);
        return out;
    }

    @Test
    void productDetailHasVendorRegistryPlatformsAndBothDirections() {
        JsonNode d = ok("/products/{id}", "/api/v1/products/ncloudtech-myoffice");
        assertThat(d.get("product").get("name_ru").asText()).isEqualTo("МойОфис");
        assertThat(d.get("product").get("uncertain").get(0).asText()).isEqualTo("registry_number");
        assertThat(d.get("vendor").get("country").asText()).isEqualTo("RU");
        assertThat(d.get("origin").asText()).isEqualTo("domestic");
        assertThat(d.get("registry_entries").get(0).get("number").asText()).isEqualTo("283");
        assertThat(d.get("registry_entries").get(0).get("uncertain").asBoolean()).isTrue();
        assertThat(d.get("platforms").findValuesAsText("platform")).contains("astra-se", "alt", "e2k");
        assertThat(ids(d.get("replaces"))).containsExactly("microsoft-office");

        JsonNode office = ok("/products/{id}", "/api/v1/products/microsoft-office");
        assertThat(office.get("origin").asText()).isEqualTo("foreign");
        assertThat(office.get("replaced_by").findValuesAsText("fit")).containsExactly("full", "full", "partial");
    }

    @Test
    void alternativesFilteredByOsAndCpuWithSources() {
        JsonNode all = ok("/products/{id}/alternatives", "/api/v1/products/microsoft-office/alternatives");
        assertThat(all.findPath("product").isMissingNode()).isFalse();
        List<String> allIds = new ArrayList<>();
        all.forEach(a -> allIds.add(a.get("product").get("id").asText()));
        assertThat(allIds).containsExactly("ncloudtech-myoffice", "r7-office", "libreoffice");

        JsonNode astra = ok("/products/{id}/alternatives", "/api/v1/products/microsoft-office/alternatives?os=astra");
        assertThat(astra).hasSize(2);
        JsonNode first = astra.get(0);
        assertThat(first.get("product").get("id").asText()).isEqualTo("ncloudtech-myoffice");
        assertThat(first.get("vendor").get("name").asText()).isEqualTo("New Cloud Technologies");
        assertThat(first.get("country").asText()).isEqualTo("RU");
        assertThat(first.get("fit").asText()).isEqualTo("full");
        assertThat(first.get("notes").asText()).isEqualTo("desktop, web and mobile editors");
        assertThat(first.get("source").asText()).isEqualTo("https://myoffice.ru");
        assertThat(first.get("platforms")).singleElement().satisfies(p -> {
            assertThat(p.get("platform").asText()).isEqualTo("astra-se");
            assertThat(p.get("level").asText()).isEqualTo("supported");
            assertThat(p.get("detail").asText()).isEqualTo("Astra Linux SE 1.7");
        });
        assertThat(astra.get(1).get("product").get("id").asText()).isEqualTo("r7-office");

        JsonNode elbrusAstra = ok("/products/{id}/alternatives", "/api/v1/products/microsoft-office/alternatives?os=astra&cpu=" + enc("эльбрус"));
        assertThat(elbrusAstra).singleElement().satisfies(a -> assertThat(a.get("product").get("id").asText()).isEqualTo("ncloudtech-myoffice"));
        assertThat(ok("/products/{id}/alternatives", "/api/v1/products/microsoft-office/alternatives?os=windows")).isEmpty();
    }

    @Test
    void alternativesAcceptAProductNameAndSayWhichProductItMeant() {
        var r = s.get("/api/v1/products/" + enc("Майкрософт Офис") + "/alternatives?os=astra");
        assertThat(r.status()).isEqualTo(200);
        assertConforms("GET", "/products/{id}/alternatives", r);
        assertThat(r.json()).hasSize(2);
        assertThat(r.header("Content-Location")).isEqualTo("/api/v1/products/microsoft-office/alternatives?os=astra");
        // An exact id needs no Content-Location.
        assertThat(s.get("/api/v1/products/microsoft-office/alternatives").header("Content-Location")).isNull();
    }

    @Test
    void vendorsCategoriesPlatformsAndStats() {
        JsonNode v = ok("/vendors/{id}", "/api/v1/vendors/postgresql-gdg");
        assertThat(v.get("kind").asText()).isEqualTo("community");
        assertThat(v.get("country").isNull()).isTrue();
        assertThat(ids(ok("/vendors", "/api/v1/vendors?q=" + enc("астра")).get("items"))).containsExactly("astra-group");

        assertThat(ids(ok("/categories", "/api/v1/categories"))).containsExactly("dbms", "office-suite", "operating-system");
        JsonNode platforms = ok("/platforms", "/api/v1/platforms");
        assertThat(platforms.findValuesAsText("kind")).containsOnly("cpu", "os");
        assertThat(ids(platforms)).contains("e2k", "astra-se");

        JsonNode stats = ok("/stats", "/api/v1/stats");
        assertThat(stats.get("products").asLong()).isEqualTo(10);
        assertThat(stats.get("vendors").asLong()).isGreaterThanOrEqualTo(9);
        assertThat(stats.get("alternatives").asLong()).isEqualTo(7);
        assertThat(stats.get("categories").asLong()).isEqualTo(3);
        assertThat(stats.get("products_by_origin").get("domestic").asLong()).isEqualTo(5);
    }
}
