package ru.zamena.core.compliance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An item with what the catalog adds, as the rules see it. The input wins where it states a fact
 * (origin country, register number, OKPD2); the catalog fills the gaps. {@link #variables} is the
 * typed record the rule conditions are evaluated over; its names are the rule pack's vocabulary.
 * {@code fromCpv} is the profile's CPV→OKPD2 row that gave an item stated only by CPV its OKPD2 code
 * (null when the input states OKPD2, has no CPV, or the CPV is not in the mapping); it ranks after
 * the input's own OKPD2 and before the catalog category's.
 */
public record ItemFacts(ProcurementItem item, CatalogFacts catalog, CpvMapping.Entry fromCpv) {
    /** OKPD2 groups of software and its development: the software rules' default coverage too. */
    private static final List<String> SOFTWARE_OKPD2 = List.of("58.29", "62.01");

    public ItemFacts {
        if (catalog == null) catalog = CatalogFacts.NONE;
        if (item.okpd2() != null) fromCpv = null; // an explicit OKPD2 code always wins
    }

    public ItemFacts(ProcurementItem item, CatalogFacts catalog) {
        this(item, catalog, null);
    }

    /** These facts with the OKPD2 code {@code mapping} derives from the item's CPV code, when the input states no OKPD2. */
    public ItemFacts withCpvMapping(CpvMapping mapping) {
        if (item.okpd2() != null || item.cpv() == null || fromCpv != null) return this;
        return mapping.find(item.cpv()).map(e -> new ItemFacts(item, catalog, e)).orElse(this);
    }

    public static ItemFacts of(ProcurementItem item) {
        return new ItemFacts(item, CatalogFacts.NONE);
    }

    public String okpd2() {
        if (item.okpd2() != null) return item.okpd2();
        return fromCpv != null ? fromCpv.okpd2() : catalog.categoryOkpd2();
    }

    /** The country of origin: as stated, else the catalog vendor's; null when unknown. */
    public String origin() {
        return item.originCountry() != null ? item.originCountry() : catalog.vendorCountry();
    }

    public String registryNumber() {
        return item.registryNumber() != null ? item.registryNumber()
                : catalog.registryNumbers().isEmpty() ? null : catalog.registryNumbers().getFirst();
    }

    public boolean registered() {
        return registryNumber() != null || catalog.registered();
    }

    public boolean software() {
        String code = okpd2();
        if (code != null) for (String p : SOFTWARE_OKPD2) if (Okpd2.under(code, p)) return true;
        return catalog.software();
    }

    public String category() {
        return catalog.category();
    }

    public List<String> softwareClasses() {
        return catalog.softwareClasses();
    }

    /** The variables a condition may use; {@code groups} are the profile's country groups (e.g. domestic, eaeu). */
    public Map<String, Object> variables(Map<String, Set<String>> groups) {
        return variablesWith(groupLists(groups));
    }

    /** The profile's groups as the lists conditions see; an engine makes this once, not per item. */
    public static Map<String, List<String>> groupLists(Map<String, Set<String>> groups) {
        var g = new HashMap<String, List<String>>();
        groups.forEach((k, countries) -> g.put(k, List.copyOf(countries)));
        return Map.copyOf(g);
    }

    /** The variables, with the groups already as lists ({@link #groupLists}). */
    public Map<String, Object> variablesWith(Map<String, List<String>> groupLists) {
        var v = new HashMap<String, Object>(32);
        v.put("id", item.id());
        v.put("date", item.date().toString());
        v.put("law", item.law().code());
        v.put("kii", item.kii());
        v.put("okpd2", nz(okpd2()));
        v.put("cpv", nz(item.cpv()));
        v.put("name", item.name());
        v.put("origin", nz(origin()));
        v.put("registered", registered());
        v.put("registry_number", nz(registryNumber()));
        v.put("software", software());
        v.put("category", nz(category()));
        v.put("software_classes", softwareClasses());
        v.put("product", nz(catalog.productName()));
        v.put("price", item.price() == null ? 0.0 : item.price().doubleValue());
        v.put("analogues", (long) catalog.analogues().size());
        v.put("full_analogues", catalog.analogues().stream().filter(Analogue::fullFit).count());
        v.put("groups", groupLists);
        return v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
