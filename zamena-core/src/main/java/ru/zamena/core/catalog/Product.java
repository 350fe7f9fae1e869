package ru.zamena.core.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * A product: software, hardware or a service. Registry fields describe its entry in a register
 * of domestic products (Russian software register, GISP industrial register) when it has one.
 */
public record Product(
        String id, String name, String nameRu, List<String> aliases, String vendorId, String category,
        Kind kind, License license,
        String registry, String registryNumber, LocalDate registryDate, Boolean trusted,
        String okpd2, String wikidata, String cpe, String purl, String website,
        String source, List<String> uncertain, String notes) {

    public enum Kind { SOFTWARE, HARDWARE, SERVICE }

    /** Licence model. Open source is a licence fact, independent of the vendor's country. */
    public enum License { PROPRIETARY, OPEN_SOURCE, FREEWARE, SAAS }

    public Product {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        uncertain = uncertain == null ? List.of() : List.copyOf(uncertain);
    }

    public List<String> allNames() {
        return Names.distinct(name, nameRu, aliases);
    }

    public boolean openSource() {
        return license == License.OPEN_SOURCE;
    }
}
