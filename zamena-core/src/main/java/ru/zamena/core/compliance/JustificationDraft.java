package ru.zamena.core.compliance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A draft of the justification an officer must publish for an item whose verdict is
 * {@link Verdict#JUSTIFICATION_REQUIRED}: the item, the rules that require it with their references and
 * documents, the register classes to compare against, the registered analogues the catalog knows and
 * whether each fits, and a conclusion. What only the officer can know (the functional requirements, why
 * an analogue does not meet them, the date of the register search, the signature) is left as
 * {@code [bracketed placeholders]}. Plain text, so it can be pasted into any editor.
 */
public final class JustificationDraft {
    private final String language;
    private final StringBuilder text = new StringBuilder();

    private JustificationDraft(String language) {
        this.language = "ru".equals(language) ? "ru" : "en";
    }

    /** The draft for {@code decision} in {@code language} ("ru" or "en"); empty unless its verdict is JUSTIFICATION_REQUIRED. */
    public static Optional<String> of(Decision decision, String language) {
        if (decision.verdict() != Verdict.JUSTIFICATION_REQUIRED) return Optional.empty();
        return Optional.of(new JustificationDraft(language).write(decision));
    }

    private String t(String ru, String en) {
        return language.equals("ru") ? ru : en;
    }

    private JustificationDraft line(String s) {
        text.append(s).append('\n');
        return this;
    }

    private static String orPlaceholder(String value, String placeholder) {
        return value == null || value.isBlank() ? "[" + placeholder + "]" : value;
    }

    private String write(Decision d) {
        ItemFacts f = d.facts();
        ProcurementItem item = f.item();
        List<Decision.Fired> requiring = d.fired().stream().filter(x -> x.rule().verdict() == Verdict.JUSTIFICATION_REQUIRED).toList();
        line(t("ПРОЕКТ — обоснование невозможности соблюдения запрета (ограничения) на допуск иностранной продукции",
                "DRAFT — justification that the ban (restriction) on admitting foreign products cannot be met"));
        line(t("Подготовлен Zamena; проверьте и дополните каждый раздел, поля в [квадратных скобках] заполняет заказчик.",
                "Prepared by Zamena; check and complete every section, the customer fills in the fields in [square brackets]."));
        line("");
        line(t("1. Объект закупки", "1. Item purchased"));
        line(t("   Позиция: ", "   Item: ") + item.id() + " — «" + orPlaceholder(item.name(), t("наименование", "name")) + "»");
        line(t("   Код ОКПД2: ", "   OKPD2 code: ") + orPlaceholder(f.okpd2(), t("код ОКПД2", "OKPD2 code"))
                + (f.fromCpv() == null ? "" : t(" (выведен из CPV " + item.cpv() + ", " + f.fromCpv().confidence().label("ru") + "; проверьте)",
                        " (derived from CPV " + item.cpv() + ", " + f.fromCpv().confidence().label("en") + "; check it)"))
                + t("; страна происхождения: ", "; country of origin: ") + orPlaceholder(f.origin(), t("страна", "country")));
        line(t("   Закон: ", "   Law: ") + item.law().code() + t("; дата: ", "; date: ") + item.date()
                + t("; объект КИИ: ", "; KII object: ") + (item.kii() ? t("да", "yes") : t("нет", "no")));
        if (f.catalog().productName() != null)
            line(t("   Продукт по каталогу: ", "   Catalog product: ") + f.catalog().productName()
                    + (f.catalog().vendor() == null ? "" : " (" + f.catalog().vendor() + ")"));
        line("");
        line(t("2. Требование, которое обосновывается", "2. The requirement being justified"));
        for (Decision.Fired r : requiring) {
            line("   " + r.rule().reference().cite(language) + " — " + (language.equals("ru") ? r.rule().titleRu() : r.rule().titleEn()));
            line(t("   Почему применяется: ", "   Why it applies: ") + r.reason(language));
            for (String doc : r.rule().documents()) line(t("   Требуемый документ: ", "   Document required: ") + doc);
        }
        for (Decision.Fired r : d.fired())
            if (!requiring.contains(r)) line(t("   Также применяется: ", "   Also applies: ") + r.rule().reference().cite(language) + " — " + r.reason(language));
        line("");
        line(t("3. Проверенные классы реестра", "3. Register classes checked"));
        var classes = new LinkedHashSet<>(f.softwareClasses());
        for (Decision.Fired r : requiring) classes.addAll(r.rule().coverage().softwareClasses());
        if (classes.isEmpty())
            line(t("   [класс(ы) реестра российского ПО, к которым относится требуемое ПО]", "   [class(es) of the Russian software register the required software belongs to]"));
        for (String c : classes) line("   - " + c);
        line(t("   Реестры: единый реестр российских программ для ЭВМ и БД; евразийский реестр ПО. Дата проверки: [дата]",
                "   Registers: the unified register of Russian software and databases; the Eurasian software register. Date searched: [date]"));
        line("");
        line(t("4. Функциональные, технические и эксплуатационные требования", "4. Functional, technical and operational requirements"));
        line(t("   [перечислите требования к ПО, которым не соответствует ни один продукт из реестра, и почему они необходимы заказчику]",
                "   [list the requirements no registered product meets, and why the customer needs them]"));
        line("");
        line(t("5. Рассмотренные зарегистрированные аналоги", "5. Registered analogues considered"));
        writeAnalogues(d.analogues());
        line("");
        line(t("6. Вывод", "6. Conclusion"));
        line(t("   Ни один продукт из реестра по классам раздела 3 не соответствует требованиям раздела 4, поэтому соблюдение запрета невозможно и закупка «",
                "   No product of the register classes in section 3 meets the requirements of section 4, so the ban cannot be met and buying '")
                + orPlaceholder(item.name(), t("наименование", "name")) + t("» обоснована.", "' is justified."));
        line(t("   [должность, ФИО, подпись, дата]", "   [position, name, signature, date]"));
        return text.toString();
    }

    private void writeAnalogues(List<Analogue> analogues) {
        if (analogues.isEmpty()) {
            line(t("   Каталог Zamena не знает зарегистрированных российских аналогов этого продукта.",
                    "   The Zamena catalog knows no registered domestic analogue of this product."));
            line(t("   [перечислите продукты, найденные в реестре по классам раздела 3, и для каждого — требование раздела 4, которому он не соответствует]",
                    "   [list the products found in the register for the classes in section 3 and, for each, the requirement of section 4 it does not meet]"));
            return;
        }
        for (Analogue a : analogues) {
            var about = new ArrayList<String>();
            if (a.vendor() != null) about.add(a.vendor());
            if (!a.registryNumbers().isEmpty()) about.add(t("реестр № ", "register No. ") + String.join(", ", a.registryNumbers()));
            line("   - " + a.name() + (about.isEmpty() ? "" : " (" + String.join("; ", about) + ")"));
            if (a.notes() != null) line(t("     Каталог: ", "     Catalog: ") + a.notes());
            if (a.fullFit())
                line(t("     Каталог считает его полной заменой: он подходит, если вы не укажете требование раздела 4, которому он не соответствует: [требование и почему не соответствует — или откажитесь от закупки иностранного ПО]",
                        "     The catalog rates it a full replacement: it is suitable unless you name a requirement of section 4 it does not meet: [requirement and why it is not met — or do not buy the foreign software]"));
            else
                line(t("     Каталог считает его частичной заменой. Не подходит, потому что: [требование раздела 4, которому он не соответствует]",
                        "     The catalog rates it a partial replacement. Not suitable because: [the requirement of section 4 it does not meet]"));
        }
    }
}
