package ru.zamena.core.compliance;

import java.util.List;

/**
 * Says where an item's OKPD2 code came from when the input did not state one but gave a CPV code: derived
 * through the profile's CPV→OKPD2 mapping (with the row's confidence), or, for a CPV the mapping does not
 * know, what the catalog supplied instead. An officer must see that the rules were matched on a derived
 * or borrowed code, not on one the tender states.
 */
final class Okpd2Basis {
    private Okpd2Basis() {}

    static List<Decision.Note> notes(ItemFacts facts, Profile profile) {
        ProcurementItem item = facts.item();
        if (item.okpd2() != null || item.cpv() == null || profile.cpvMapping().isEmpty()) return List.of();
        CpvMapping.Entry row = facts.fromCpv();
        if (row != null)
            return List.of(new Decision.Note(
                    "ОКПД2 " + row.okpd2() + " выведен из CPV " + item.cpv() + " по таблице соответствия (" + row.confidence().label("ru") + ")",
                    "OKPD2 " + row.okpd2() + " derived from CPV " + item.cpv() + " via mapping (" + row.confidence().label("en") + ")"));
        boolean code = CpvMapping.digits(item.cpv()) != null;
        String unknownRu = code ? "CPV " + item.cpv() + " нет в таблице соответствия CPV→ОКПД2 профиля " + profile.id() + ": "
                : "«" + item.cpv() + "» — не код CPV: ";
        String unknownEn = code ? "CPV " + item.cpv() + " is not in the CPV→OKPD2 mapping of profile " + profile.id() + ": "
                : "'" + item.cpv() + "' is not a CPV code: ";
        CatalogFacts catalog = facts.catalog();
        if (catalog.categoryOkpd2() != null)
            return List.of(new Decision.Note(
                    unknownRu + "решено только по каталогу, ОКПД2 " + catalog.categoryOkpd2() + " — код категории продукта «" + catalog.productName() + "»",
                    unknownEn + "decided by catalog enrichment only, OKPD2 " + catalog.categoryOkpd2() + " is the category code of product '" + catalog.productName() + "'"));
        if (catalog.productName() != null)
            return List.of(new Decision.Note(
                    unknownRu + "решено только по каталогу (продукт «" + catalog.productName() + "», без кода ОКПД2)",
                    unknownEn + "decided by catalog enrichment only (product '" + catalog.productName() + "', no OKPD2 code)"));
        return List.of(new Decision.Note(
                unknownRu + "каталог не знает продукта с таким наименованием; правила по кодам ОКПД2 не могли быть применены",
                unknownEn + "the catalog knows no product by this name either; rules keyed on OKPD2 codes could not apply"));
    }
}
