package ru.zamena.ingest.registry;

import ru.zamena.core.registry.RegistryRecord;
import ru.zamena.core.registry.RegistryRecord.RightsHolder;
import ru.zamena.core.registry.RegistryRecord.Status;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each field of a register entry comes from: every CSV column header and XML tag is named
 * once, here. Names are compared ignoring case, spaces and punctuation ("Реестровый номер",
 * "реестровый_номер" and "registrationNumber"-style tags all work), so a new export layout is a
 * one-line change in {@link #NAMES}.
 *
 * <p>What is known of the real export (reestr.digital.gov.ru, "?export=registry"): one XML file in
 * windows-1251, one {@code <item>} per entry with {@code registrationNumber}, {@code name},
 * {@code previousAlternativeName}, {@code owner} (name, short name, INN, OGRN),
 * {@code softwareClass code="..."}, {@code descriptionLink}, {@code inclusionDate},
 * {@code inclusionNumber}, {@code excluded} ("Нет" when in force), {@code exclusionDate},
 * {@code exclusionNumber}, {@code exclusionType}. Tags for the owner's INN/OGRN, the trusted mark
 * and the date format are not confirmed; the Russian headers are the site's field labels, since
 * the site offers no CSV (its list export is XLSX, which users save as CSV).
 */
public final class RegistryFields {
    /** Normalised names by raw name; declared first because the tables below are built through it. */
    private static final Map<String, String> KEY_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** A field of {@link RegistryRecord}, as found in a source. */
    public enum Field {
        NUMBER, NAME, CLASS, HOLDER, HOLDER_SHORT, INN, OGRN, INCLUDED_ON, ORDER_NUMBER, ORDER_DATE,
        WEBSITE, STATUS, EXCLUDED_ON, EXCLUSION_REASON, EXCLUSION_ORDER, TRUSTED
    }

    /** Source names of each field: XML tag of the real export first, then Russian and English headers. */
    private static final Map<Field, List<String>> NAMES = new EnumMap<>(Map.ofEntries(
            Map.entry(Field.NUMBER, List.of("registrationNumber", "Реестровый номер", "Номер реестровой записи",
                    "Номер записи", "Номер в реестре", "Регистрационный номер", "Номер", "№", "registry number", "reg number", "number")),
            Map.entry(Field.NAME, List.of("name", "Наименование ПО", "Наименование программного обеспечения",
                    "Наименование программы", "Наименование", "Название", "Название ПО", "software name", "program name", "product")),
            Map.entry(Field.CLASS, List.of("softwareClass", "Класс ПО", "Классы ПО", "Класс программного обеспечения",
                    "Классы программного обеспечения", "Класс", "class", "classes", "software class")),
            Map.entry(Field.HOLDER, List.of("Правообладатель", "Правообладатели", "Наименование правообладателя",
                    "Правообладатель ПО", "Владелец", "rights holder", "rights holders", "right holder", "owner name", "holder")),
            Map.entry(Field.HOLDER_SHORT, List.of("Владелец (сокращ.)", "Сокращенное наименование правообладателя", "owner short name")),
            Map.entry(Field.INN, List.of("inn", "ИНН", "ИНН правообладателя", "holder inn", "tax id")),
            Map.entry(Field.OGRN, List.of("ogrn", "ОГРН", "ОГРНИП", "ОГРН правообладателя", "holder ogrn")),
            Map.entry(Field.INCLUDED_ON, List.of("inclusionDate", "Дата решения", "Дата решения о включении",
                    "Дата включения", "Дата включения в реестр", "Дата внесения в реестр", "Дата регистрации", "decision date", "included on")),
            Map.entry(Field.ORDER_NUMBER, List.of("inclusionNumber", "Номер приказа", "Приказ", "Номер и дата приказа",
                    "Реквизиты приказа", "Номер включения", "Основание включения", "order", "order number", "order ref")),
            Map.entry(Field.ORDER_DATE, List.of("orderDate", "Дата приказа", "order date")),
            Map.entry(Field.WEBSITE, List.of("descriptionLink", "Адрес сайта", "Сайт", "Ссылка на описание", "Описание (URL)",
                    "Адрес страницы сайта", "Сайт правообладателя", "website", "url", "link")),
            Map.entry(Field.STATUS, List.of("excluded", "Статус", "Статус записи", "Исключено", "Исключен",
                    "Исключено из реестра", "status", "state")),
            Map.entry(Field.EXCLUDED_ON, List.of("exclusionDate", "Дата исключения", "Дата искл.", "Дата исключения из реестра", "excluded on")),
            Map.entry(Field.EXCLUSION_REASON, List.of("exclusionType", "Причина исключения", "Основание исключения",
                    "Тип исключения", "Тип искл.", "exclusion reason", "reason")),
            Map.entry(Field.EXCLUSION_ORDER, List.of("exclusionNumber", "Номер приказа об исключении", "Номер искл.", "exclusion order")),
            Map.entry(Field.TRUSTED, List.of("trusted", "Доверенное", "Доверенное ПО", "Признак доверенного ПО",
                    "Доверенный", "is trusted"))));

    /** Inside a rights-holder element the generic tags mean the holder's fields. */
    private static final Map<String, Field> HOLDER_TAG_FIELDS = Map.of(
            key("name"), Field.HOLDER, key("fullName"), Field.HOLDER, key("shortName"), Field.HOLDER_SHORT,
            key("Наименование"), Field.HOLDER, key("Сокращенное наименование"), Field.HOLDER_SHORT);

    /** XML elements holding one entry, one rights holder, or only grouping others. */
    static final List<String> RECORD_TAG_NAMES = List.of("item", "entry", "record", "row", "program", "software", "запись", "программа");
    private static final Set<String> RECORD_TAGS = keys(RECORD_TAG_NAMES.toArray(String[]::new));
    private static final Set<String> HOLDER_TAGS = keys("owner", "rightHolder", "rightsHolder", "copyrightHolder", "holder", "правообладатель");
    private static final Set<String> CONTAINER_TAGS = keys("owners", "rightHolders", "rightsHolders", "holders",
            "softwareClasses", "classes", "правообладатели", "классы");
    /** The class code sits in an attribute: {@code <softwareClass code="02.05">Операционные системы</softwareClass>}. */
    private static final Set<String> CLASS_CODE_ATTRIBUTES = keys("code", "код");

    private static final Map<String, Field> BY_KEY = new HashMap<>();

    static {
        NAMES.forEach((field, names) -> names.forEach(n -> {
            Field old = BY_KEY.put(key(n), field);
            if (old != null && old != field) throw new IllegalStateException("'" + n + "' names both " + old + " and " + field);
        }));
    }

    private RegistryFields() {}

    /** The field a column header or tag names, if any. */
    public static Optional<Field> field(String sourceName) {
        return Optional.ofNullable(BY_KEY.get(key(sourceName)));
    }

    /** The source names accepted for {@code field}, for messages and documentation. */
    public static List<String> names(Field field) {
        return NAMES.get(field);
    }

    static Optional<Field> holderField(String tag) {
        Field f = HOLDER_TAG_FIELDS.get(key(tag));
        if (f != null) return Optional.of(f);
        return field(tag).filter(x -> x == Field.HOLDER || x == Field.HOLDER_SHORT || x == Field.INN || x == Field.OGRN);
    }

    static boolean isRecordTag(String tag) { return RECORD_TAGS.contains(key(tag)); }

    static boolean isHolderTag(String tag) { return HOLDER_TAGS.contains(key(tag)); }

    static boolean isContainerTag(String tag) { return CONTAINER_TAGS.contains(key(tag)); }

    static boolean isClassCodeAttribute(String name) { return CLASS_CODE_ATTRIBUTES.contains(key(name)); }

    /** Lower case, ё as е, № as "номер", letters and digits only. */
    static String key(String s) {
        String cached = KEY_CACHE.get(s);
        if (cached != null) return cached;
        String k = computeKey(s);
        if (KEY_CACHE.size() < 10_000) KEY_CACHE.put(s, k); // tags and headers repeat on every entry; bounded for odd input
        return k;
    }

    private static String computeKey(String s) {
        var sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (c == 'ё') sb.append('е');
            else if (c == '№') sb.append("номер");
            else if (Character.isLetterOrDigit(c)) sb.append(c);
        }
        return sb.toString();
    }

    private static Set<String> keys(String... names) {
        var set = new HashSet<String>();
        for (String n : names) set.add(key(n));
        return Set.copyOf(set);
    }

    /** One entry as read from the source, before its values are checked. */
    static final class Raw {
        final long index;
        final long line;
        private final EnumMap<Field, List<String>> values = new EnumMap<>(Field.class);
        private final EnumMap<Field, String> sourceNames = new EnumMap<>(Field.class);
        private final List<EnumMap<Field, String>> holders = new ArrayList<>();

        Raw(long index, long line) {
            this.index = index;
            this.line = line;
        }

        void add(Field field, String sourceName, String value) {
            sourceNames.putIfAbsent(field, sourceName); // named even when empty: "«Реестровый номер» is empty"
            if (value == null || value.isBlank()) return;
            values.computeIfAbsent(field, f -> new ArrayList<>()).add(value.strip());
        }

        /** A rights holder given as one group (an XML element with name, INN, OGRN inside). */
        void addHolder(EnumMap<Field, String> holder) {
            if (!holder.isEmpty()) holders.add(holder);
        }

        boolean isBlank() { return values.isEmpty() && holders.isEmpty(); }

        private String first(Field f) {
            List<String> v = values.get(f);
            return v == null ? null : v.getFirst();
        }

        private List<String> all(Field f) { return values.getOrDefault(f, List.of()); }

        private String label(Field f) { return "«" + sourceNames.getOrDefault(f, NAMES.get(f).getFirst()) + "»"; }
    }

    private static final Pattern DMY = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern YMD = Pattern.compile("(\\d{4})[-.](\\d{1,2})[-.](\\d{1,2})");
    private static final Pattern NUMBER_DIGITS = Pattern.compile("\\d{1,18}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]");
    private static final Pattern SPACES_AND_NO = Pattern.compile("[\\s\\u00A0№]");
    private static final Pattern LIST = Pattern.compile("\\s*[;\\r\\n]+\\s*");
    private static final Pattern ID_LIST = Pattern.compile("[;,\\s]+");
    private static final Set<String> YES = Set.of("да", "yes", "true", "1", "y", "д");
    private static final Set<String> NO = Set.of("нет", "no", "false", "0", "n", "н");

    /** Checks and converts one entry; an {@link IllegalArgumentException} says what is wrong with it. */
    static RegistryRecord toRecord(Raw raw) {
        long number = number(raw);
        String name = raw.first(Field.NAME);
        if (name == null) throw new IllegalArgumentException("entry " + number + ": the name is missing (" + raw.label(Field.NAME) + " is empty)");
        try {
            List<Status> statuses = raw.all(Field.STATUS).stream().map(s -> status(raw, s)).toList();
            Status status = statuses.contains(Status.EXCLUDED) ? Status.EXCLUDED : statuses.isEmpty() ? null : Status.REGISTERED;
            return new RegistryRecord(number, name, classes(raw), holders(raw),
                    date(raw, Field.INCLUDED_ON), orderRef(raw), raw.first(Field.WEBSITE), status,
                    date(raw, Field.EXCLUDED_ON), exclusionReason(raw), trusted(raw), raw.line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("entry " + number + ": " + e.getMessage());
        }
    }

    private static long number(Raw raw) {
        String s = raw.first(Field.NUMBER);
        if (s == null) throw new IllegalArgumentException("the registration number is missing (" + raw.label(Field.NUMBER) + " is empty)");
        String digits = SPACES_AND_NO.matcher(s).replaceAll("");
        if (!NUMBER_DIGITS.matcher(digits).matches() || Long.parseLong(digits) == 0)
            throw new IllegalArgumentException("the registration number '" + s + "' in " + raw.label(Field.NUMBER) + " is not a positive whole number");
        return Long.parseLong(digits);
    }

    private static List<String> classes(Raw raw) {
        var out = new LinkedHashSet<String>();
        for (String c : split(raw.all(Field.CLASS), LIST)) out.add(c);
        return List.copyOf(out);
    }

    private static List<RightsHolder> holders(Raw raw) {
        var out = new ArrayList<RightsHolder>();
        for (EnumMap<Field, String> h : raw.holders) {
            String name = h.getOrDefault(Field.HOLDER, h.get(Field.HOLDER_SHORT));
            out.add(new RightsHolder(name, inn(raw, h.get(Field.INN)), ogrn(raw, h.get(Field.OGRN))));
        }
        // Holders given as parallel columns ("A; B", "inn A; inn B") pair up by position.
        List<String> names = split(raw.all(raw.values.containsKey(Field.HOLDER) ? Field.HOLDER : Field.HOLDER_SHORT), LIST);
        List<String> inns = split(raw.all(Field.INN), ID_LIST);
        List<String> ogrns = split(raw.all(Field.OGRN), ID_LIST);
        int n = Math.max(names.size(), Math.max(inns.size(), ogrns.size()));
        for (int i = 0; i < n; i++)
            out.add(new RightsHolder(at(names, i), inn(raw, at(inns, i)), ogrn(raw, at(ogrns, i))));
        return out;
    }

    private static List<String> split(List<String> values, Pattern separator) {
        var out = new ArrayList<String>();
        for (String v : values) {
            if (!hasAny(v, separator == LIST ? ";\r\n" : ";,\r\n\t ")) out.add(v); // the common single value: no regex
            else for (String s : separator.split(v.strip())) if (!s.isBlank()) out.add(s.strip());
        }
        return out;
    }

    private static boolean hasAny(String v, String chars) {
        for (int i = 0; i < v.length(); i++) if (chars.indexOf(v.charAt(i)) >= 0) return true;
        return false;
    }

    private static String at(List<String> list, int i) {
        return i < list.size() ? list.get(i) : null;
    }

    private static String inn(Raw raw, String s) {
        return digits(raw, s, Field.INN, "INN", 10, 12);
    }

    private static String ogrn(Raw raw, String s) {
        return digits(raw, s, Field.OGRN, "OGRN", 13, 15);
    }

    private static String digits(Raw raw, String s, Field field, String what, int len1, int len2) {
        if (s == null) return null;
        String d = hasAny(s, " \t\u00A0") ? SPACES.matcher(s).replaceAll("") : s;
        if (!DIGITS.matcher(d).matches() || (d.length() != len1 && d.length() != len2))
            throw new IllegalArgumentException(what + " '" + s + "' in " + raw.label(field) + " must have " + len1 + " or " + len2 + " digits");
        return d;
    }

    private static LocalDate date(Raw raw, Field field) {
        String s = raw.first(field);
        if (s == null) return null;
        // Some exports stamp dates with a time ("2026.09.12 01:37", "2024-01-05T00:00:00"); the day is what counts.
        int time = 0;
        while (time < s.length() && s.charAt(time) != ' ' && s.charAt(time) != 'T') time++;
        String day = s.substring(0, time);
        try {
            Matcher m = DMY.matcher(day);
            if (m.matches()) return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            m = YMD.matcher(day);
            if (m.matches()) return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("'" + s + "' in " + raw.label(field) + " is not a date (expected dd.mm.yyyy or yyyy-mm-dd)");
    }

    private static Status status(Raw raw, String s) {
        String k = key(s);
        if (k.isEmpty() || NO.contains(k) || k.startsWith("неисключ") || k.startsWith("notexcluded")) return Status.REGISTERED;
        // A date where a yes/no is expected can only be the date of the exclusion.
        if (YES.contains(k) || k.contains("исключ") || k.contains("exclud") || DMY.matcher(s.strip()).matches() || YMD.matcher(s.strip()).matches())
            return Status.EXCLUDED;
        if (k.contains("действ") || k.contains("включ") || k.contains("вреестре") || k.contains("актуальн")
                || k.contains("registered") || k.contains("active") || k.contains("included"))
            return Status.REGISTERED;
        throw new IllegalArgumentException("unknown status '" + s + "' in " + raw.label(Field.STATUS)
                + " (expected e.g. 'Действует', 'Исключено из реестра', 'Да'/'Нет')");
    }

    private static boolean trusted(Raw raw) {
        boolean trusted = false;
        for (String s : raw.all(Field.TRUSTED)) {
            String k = key(s);
            if (YES.contains(k) || k.startsWith("довер") || k.equals("trusted")) trusted = true;
            else if (!(k.isEmpty() || NO.contains(k) || k.startsWith("недовер") || k.startsWith("not") || k.equals("untrusted")))
                throw new IllegalArgumentException("'" + s + "' in " + raw.label(Field.TRUSTED) + " is not a yes/no mark (expected 'Да'/'Нет', true/false)");
        }
        return trusted;
    }

    private static String orderRef(Raw raw) {
        String number = raw.first(Field.ORDER_NUMBER);
        String date = raw.first(Field.ORDER_DATE);
        if (number == null) return date == null ? null : "от " + date;
        return date == null || number.contains(date) ? number : number + " от " + date;
    }

    private static String exclusionReason(Raw raw) {
        List<String> reasons = raw.all(Field.EXCLUSION_REASON);
        String reason = reasons.isEmpty() ? null : String.join("; ", reasons);
        String order = raw.first(Field.EXCLUSION_ORDER);
        if (order == null) return reason;
        return reason == null ? "приказ " + order : reason + " (приказ " + order + ")";
    }
}
