package ru.zamena.ingest.registry;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic export of the software register, for tests and benchmarks: Russian names,
 * classes, rights holders with INNs and OGRNs whose check digits are right, some excluded entries.
 * The same arguments always give the same bytes. The XML follows the real export's tags
 * ({@code <item>}, {@code registrationNumber}, {@code owner}, ...); the CSV uses the site's Russian
 * column labels. Class codes are made up; class names follow {@code data/categories.tsv}.
 *
 * <p>With {@code nextVersion} it writes the register a month later: about 2% of entries changed
 * (name, classes or website), 1% newly excluded, 1% added at the end.
 */
public final class RegistryFileGenerator {
    public enum Format { XML, CSV }

    /** What was written: entries, how many are excluded, and for a next version what differs from the base. */
    public record Summary(long records, long excluded, long changed, long newlyExcluded, long added) {}

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final LocalDate FIRST = LocalDate.of(2016, 3, 1);
    private static final LocalDate LAST = LocalDate.of(2025, 12, 31);
    private static final LocalDate NEXT_MONTH = LocalDate.of(2026, 1, 12);

    private static final String[][] CLASSES = {
            {"02.01", "Операционные системы", "Операционная система", "ОС"},
            {"02.02", "Системы управления базами данных", "СУБД", "Сервер баз данных"},
            {"02.03", "Офисные приложения", "Офисный пакет", "Редактор документов"},
            {"02.04", "Почтовые приложения", "Почтовый сервер", "Почтовый клиент"},
            {"02.05", "Браузеры", "Браузер", "Защищённый браузер"},
            {"02.06", "Средства виртуализации", "Платформа виртуализации", "Гипервизор"},
            {"02.07", "Средства защиты информации", "Антивирус", "Межсетевой экран"},
            {"02.08", "Серверное и связующее программное обеспечение", "Сервер приложений", "Брокер сообщений"},
            {"02.09", "Средства разработки программного обеспечения", "Среда разработки", "Платформа низкого кода"},
            {"02.10", "Утилиты и драйверы", "Архиватор", "Драйвер печати"},
            {"02.11", "Системы резервного копирования", "Система резервного копирования", "Хранилище резервных копий"},
            {"02.12", "Системы мониторинга и управления", "Система мониторинга", "Система управления ИТ-инфраструктурой"},
            {"04.01", "Системы автоматизированного проектирования (CAD/CAE/CAM)", "САПР", "Система инженерного анализа"},
            {"04.02", "Системы управления жизненным циклом изделия (PLM)", "PLM-система", "Система управления инженерными данными"},
            {"04.03", "Системы управления технологическими процессами (SCADA)", "SCADA-система", "Система диспетчерского управления"},
            {"05.01", "Системы управления процессами организации (ERP)", "ERP-система", "Система управления предприятием"},
            {"05.02", "Системы управления отношениями с клиентами (CRM)", "CRM-система", "Контакт-центр"},
            {"05.03", "Системы электронного документооборота (ECM)", "Система электронного документооборота", "Электронный архив"},
            {"05.04", "Средства анализа данных (BI)", "Аналитическая платформа", "Система отчётности"},
            {"05.05", "Геоинформационные и навигационные системы", "Геоинформационная система", "Навигационная система"},
            {"12.01", "Отраслевые информационные системы", "Медицинская информационная система", "Система учёта"},
    };
    private static final String[] SYLLABLES = {"Ал", "Бер", "Вел", "Гра", "Дел", "Ка", "Лин", "Мер", "Нов", "Ор", "Пар", "Ра",
            "Сфе", "Тер", "Ур", "Фор", "Хим", "Цен", "Яр", "Зе", "Ки", "Мо"};
    private static final String[] ENDINGS = {"ис", "он", "ра", "тек", "сфера", "лаб", "софт", "ком", "гард", "дата", "ника", "ум"};
    private static final String[] EDITIONS = {"", "", "", " Стандарт", " Профессиональная", " Сервер", " Корпоративная", " Клиент"};
    private static final String[] FORMS = {"Общество с ограниченной ответственностью", "ООО", "Акционерное общество", "АО",
            "Публичное акционерное общество", "ПАО"};
    private static final String[] SURNAMES = {"Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков", "Морозов", "Волков"};
    private static final String[] REASONS = {"По заявлению правообладателя", "Несоответствие требованиям",
            "Изменение состава участников правообладателя", "Решение суда"};
    private static final int[] REGIONS = {77, 78, 50, 16, 66, 54, 52, 63, 23, 74, 2, 59};

    private RegistryFileGenerator() {}

    private record Holder(String name, String shortName, String inn, String ogrn) {}

    private record Entry(long number, String name, List<String[]> classes, List<Holder> holders, LocalDate includedOn,
                         String order, String website, boolean excluded, LocalDate excludedOn, String reason, boolean trusted) {}

    /** Writes {@code records} entries (more with {@code nextVersion}, see the class comment). */
    public static Summary write(Path file, int records, long seed, Format format, Charset charset, boolean nextVersion) throws IOException {
        if (records < 0) throw new IllegalArgumentException("records must not be negative: " + records);
        int added = nextVersion ? Math.max(1, records / 100) : 0;
        long excluded = 0, changed = 0, newlyExcluded = 0;
        try (Writer out = Files.newBufferedWriter(file, charset); Sink sink = format == Format.XML ? new XmlSink(out, charset, nextVersion) : new CsvSink(out)) {
            for (int i = 0; i < records + added; i++) {
                Entry e = entry(seed, i, records);
                if (nextVersion && i < records) {
                    Random r = new Random(mix(seed ^ 0x5DEECE66DL, i));
                    double p = r.nextDouble();
                    if (p < 0.02) {
                        Entry c = change(e, r);
                        if (!c.equals(e)) changed++; // some edits are no-ops (class already there, no website)
                        e = c;
                    } else if (p < 0.03 && !e.excluded) {
                        e = new Entry(e.number, e.name, e.classes, e.holders, e.includedOn, e.order, e.website, true,
                                NEXT_MONTH.plusDays(r.nextInt(20)), REASONS[0], e.trusted);
                        newlyExcluded++;
                    }
                }
                if (e.excluded) excluded++;
                sink.write(e);
            }
        }
        return new Summary(records + added, excluded, changed, newlyExcluded, added);
    }

    private static Entry change(Entry e, Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> new Entry(e.number, e.name + " 2.0", e.classes, e.holders, e.includedOn, e.order, e.website, e.excluded, e.excludedOn, e.reason, e.trusted);
            case 1 -> {
                var classes = new ArrayList<>(e.classes);
                String[] extra = CLASSES[(indexOf(e.classes.getFirst()) + 1) % CLASSES.length];
                if (!classes.contains(extra)) classes.add(extra);
                yield new Entry(e.number, e.name, classes, e.holders, e.includedOn, e.order, e.website, e.excluded, e.excludedOn, e.reason, e.trusted);
            }
            default -> new Entry(e.number, e.name, e.classes, e.holders, e.includedOn, e.order,
                    e.website.replace("https://", "https://docs."), e.excluded, e.excludedOn, e.reason, e.trusted);
        };
    }

    private static int indexOf(String[] cls) {
        for (int i = 0; i < CLASSES.length; i++) if (CLASSES[i] == cls) return i;
        return 0;
    }

    /** Entry {@code i} depends only on the seed, i and the size of the base file, so a next version can rebuild it. */
    private static Entry entry(long seed, int i, int records) {
        Random r = new Random(mix(seed, i));
        long number = 1 + i + i / 9; // unique and rising, with the gaps real numbering has
        String[] cls = CLASSES[r.nextInt(CLASSES.length)];
        var classes = new ArrayList<String[]>();
        classes.add(cls);
        if (r.nextDouble() < 0.15) {
            String[] other = CLASSES[r.nextInt(CLASSES.length)];
            if (other != cls) classes.add(other);
        }
        String brand = brand(r);
        String name = cls[2 + r.nextInt(2)] + " «" + brand + "»" + EDITIONS[r.nextInt(EDITIONS.length)]
                + (r.nextDouble() < 0.3 ? " (" + latin(brand) + ")" : "");
        int pool = Math.max(10, records / 6); // holders own several programs each, as in the real register
        var holders = new ArrayList<Holder>();
        holders.add(holder(seed, r.nextInt(pool)));
        if (r.nextDouble() < 0.08) holders.add(holder(seed, r.nextInt(pool)));
        LocalDate includedOn = i < records
                ? FIRST.plusDays((long) i * (LAST.toEpochDay() - FIRST.toEpochDay()) / Math.max(1, records))
                : NEXT_MONTH.plusDays(r.nextInt(20));
        String order = "Приказ Минцифры России от " + includedOn.format(DMY) + " № " + (100 + i / 40);
        boolean excluded = i < records && r.nextDouble() < 0.04;
        LocalDate excludedOn = null;
        String reason = null;
        if (excluded) {
            LocalDate d = includedOn.plusDays(200 + r.nextInt(1300));
            excludedOn = d.isAfter(LAST) ? LAST : d;
            reason = REASONS[r.nextInt(REASONS.length)];
        }
        boolean trusted = r.nextDouble() < 0.03;
        String website = "https://" + latin(brand).toLowerCase(Locale.ROOT) + ".ru/docs";
        return new Entry(number, name, classes, holders, includedOn, order, website, excluded, excludedOn, reason, trusted);
    }

    private static String brand(Random r) {
        return SYLLABLES[r.nextInt(SYLLABLES.length)] + SYLLABLES[r.nextInt(SYLLABLES.length)].toLowerCase(Locale.ROOT) + ENDINGS[r.nextInt(ENDINGS.length)];
    }

    /** Holder {@code k} of the pool: the same company behind every program that draws it. */
    private static Holder holder(long seed, int k) {
        Random r = new Random(mix(seed, -1L - k));
        int region = REGIONS[r.nextInt(REGIONS.length)];
        if (r.nextDouble() < 0.1) {
            String person = SURNAMES[r.nextInt(SURNAMES.length)] + " " + "АВГДЕИКМНОПС".charAt(r.nextInt(12)) + ". " + "АВГДИМНПС".charAt(r.nextInt(9)) + ".";
            return new Holder("Индивидуальный предприниматель " + person, "ИП " + person, personalInn(r, region), ogrnip(r, region));
        }
        int form = r.nextInt(3) * 2;
        String brand = brand(r);
        return new Holder(FORMS[form] + " «" + brand + "»", FORMS[form + 1] + " «" + brand + "»", companyInn(r, region), ogrn(r, region));
    }

    // INN: region (2), tax office (2), serial, then check digits weighted as in ru.zamena.core.registry.Inn.
    static String companyInn(Random r, int region) {
        String s = String.format(Locale.ROOT, "%02d%02d%05d", region, 1 + r.nextInt(50), r.nextInt(100_000));
        return s + check(s, 2, 4, 10, 3, 5, 9, 4, 6, 8);
    }

    static String personalInn(Random r, int region) {
        String s = String.format(Locale.ROOT, "%02d%02d%06d", region, 1 + r.nextInt(50), r.nextInt(1_000_000));
        s += check(s, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8);
        return s + check(s, 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8);
    }

    private static int check(String digits, int... weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) sum += (digits.charAt(i) - '0') * weights[i];
        return sum % 11 % 10;
    }

    // OGRN: sign 1, year (2), region (2), serial (7), check = first 12 digits mod 11 mod 10. OGRNIP: sign 3, 14 digits mod 13 mod 10.
    static String ogrn(Random r, int region) {
        String s = String.format(Locale.ROOT, "1%02d%02d%07d", 2 + r.nextInt(23), region, r.nextInt(10_000_000));
        return s + Long.parseLong(s) % 11 % 10;
    }

    static String ogrnip(Random r, int region) {
        String s = String.format(Locale.ROOT, "3%02d%02d%09d", 4 + r.nextInt(21), region, r.nextInt(1_000_000_000));
        return s + Long.parseLong(s) % 13 % 10;
    }

    private static final String[][] LATIN = {{"Ал", "Al"}, {"Бер", "Ber"}, {"Вел", "Vel"}, {"Гра", "Gra"}, {"Дел", "Del"}, {"Ка", "Ka"},
            {"Лин", "Lin"}, {"Мер", "Mer"}, {"Нов", "Nov"}, {"Ор", "Or"}, {"Пар", "Par"}, {"Ра", "Ra"}, {"Сфе", "Sfe"}, {"Тер", "Ter"},
            {"Ур", "Ur"}, {"Фор", "For"}, {"Хим", "Khim"}, {"Цен", "Tsen"}, {"Яр", "Yar"}, {"Зе", "Ze"}, {"Ки", "Ki"}, {"Мо", "Mo"}};
    private static final String CYR = "абвгдезийклмнопрстуфхцчшыэюя";
    private static final String[] LAT = {"a", "b", "v", "g", "d", "e", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
            "kh", "ts", "ch", "sh", "y", "e", "yu", "ya"};

    /** A brand in Latin letters, as vendors write it next to the Russian name. */
    private static String latin(String brand) {
        var sb = new StringBuilder();
        String rest = brand;
        for (String[] p : LATIN) if (rest.startsWith(p[0])) { sb.append(p[1]); rest = rest.substring(p[0].length()); break; }
        for (char c : rest.toLowerCase(Locale.ROOT).toCharArray()) {
            int k = CYR.indexOf(c);
            sb.append(k < 0 ? String.valueOf(c) : LAT[k]);
        }
        return sb.toString();
    }

    private static long mix(long seed, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + i;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private interface Sink extends AutoCloseable {
        void write(Entry e) throws IOException;

        @Override
        void close() throws IOException;
    }

    private static final class XmlSink implements Sink {
        private final Writer out;

        XmlSink(Writer out, Charset charset, boolean next) throws IOException {
            this.out = out;
            out.write("<?xml version=\"1.0\" encoding=\"" + charset.name() + "\"?>\n");
            out.write("<registry genDate=\"" + (next ? "2026.02.12 01:30" : "2026.01.12 01:30") + "\">\n");
        }

        @Override
        public void write(Entry e) throws IOException {
            var sb = new StringBuilder(1024).append("<item>\n");
            tag(sb, "registrationNumber", Long.toString(e.number));
            tag(sb, "name", e.name);
            for (String[] c : e.classes) sb.append("  <softwareClass code=\"").append(c[0]).append("\">").append(esc(c[1])).append("</softwareClass>\n");
            for (Holder h : e.holders)
                sb.append("  <owner><name>").append(esc(h.name)).append("</name><shortName>").append(esc(h.shortName))
                        .append("</shortName><inn>").append(h.inn).append("</inn><ogrn>").append(h.ogrn).append("</ogrn></owner>\n");
            tag(sb, "descriptionLink", e.website);
            tag(sb, "inclusionDate", e.includedOn.format(DMY));
            tag(sb, "inclusionNumber", e.order);
            tag(sb, "excluded", e.excluded ? "Да" : "Нет");
            if (e.excluded) {
                tag(sb, "exclusionDate", e.excludedOn.format(DMY));
                tag(sb, "exclusionType", e.reason);
            }
            tag(sb, "trusted", e.trusted ? "Да" : "Нет");
            out.write(sb.append("</item>\n").toString());
        }

        private static void tag(StringBuilder sb, String tag, String value) {
            sb.append("  <").append(tag).append('>').append(esc(value)).append("</").append(tag).append(">\n");
        }

        private static String esc(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }

        @Override
        public void close() throws IOException {
            out.write("</registry>\n");
        }
    }

    private static final class CsvSink implements Sink {
        private final CSVPrinter csv;

        CsvSink(Writer out) throws IOException {
            csv = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get().print(out);
            csv.printRecord("Реестровый номер", "Наименование ПО", "Класс ПО", "Правообладатель", "ИНН", "ОГРН", "Дата решения",
                    "Номер приказа", "Адрес сайта", "Статус", "Дата исключения", "Причина исключения", "Доверенное");
        }

        @Override
        public void write(Entry e) throws IOException {
            // Several classes or holders share one cell, one per line, as a spreadsheet shows them.
            csv.printRecord(e.number, e.name,
                    String.join("\n", e.classes.stream().map(c -> c[0] + " " + c[1]).toList()),
                    String.join("\n", e.holders.stream().map(Holder::name).toList()),
                    String.join("\n", e.holders.stream().map(Holder::inn).toList()),
                    String.join("\n", e.holders.stream().map(Holder::ogrn).toList()),
                    e.includedOn.format(DMY), e.order, e.website,
                    e.excluded ? "Исключено из реестра" : "Действует",
                    e.excludedOn == null ? "" : e.excludedOn.format(DMY), e.reason == null ? "" : e.reason,
                    e.trusted ? "Да" : "Нет");
        }

        @Override
        public void close() throws IOException {
            csv.flush(); // the file writer is closed by write()
        }
    }
}
