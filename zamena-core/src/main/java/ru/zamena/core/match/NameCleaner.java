package ru.zamena.core.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a raw software name, as real inventories write it (Windows uninstall DisplayName, Linux package
 * names, SBOM components, hand-typed spreadsheets; Latin or Cyrillic), into the product name a catalog
 * would use, and lists what it removed so that a reviewer (and the matcher) can see the evidence.
 *
 * <pre>
 *   "Microsoft Office Professional Plus 2019 - ru-ru" → "Microsoft Office"
 *        removed: EDITION "Professional Plus", YEAR "2019", LANGUAGE "ru-ru"
 * </pre>
 *
 * <p>The remaining letters keep their original spelling and case; only whitespace is collapsed and
 * punctuation trimmed at the ends. Each rule below is a named pattern applied in a fixed order; a rule
 * is never applied if it would leave the name without a single letter (so "2048" or "Pro" stay as they
 * are). Comparison keys ({@code NameKey}) are a separate concern: clean first, then fold.
 *
 * <p>Decisions, so that catalog and inventory meet when both are cleaned the same way:
 * <ul>
 *   <li><b>Generations are versions.</b> A trailing number after the product words is removed and
 *       recorded: "TeamViewer 15" → "TeamViewer", "Windows 10" → "Windows" (VERSION "10"),
 *       "Windows Server 2019" → "Windows Server" (YEAR), "1С:Предприятие 8 (8.3.23.1688)" →
 *       "1С:Предприятие" (VERSION "8.3.23.1688", VERSION "8"). The generation is kept as evidence in
 *       {@link Cleaned#removed()} for a matcher that wants to prefer the exact generation.
 *       Exceptions: numbers glued to letters ("1С", "R7", "WebView2", "CS6") or leading a name ("7-Zip")
 *       are never touched, nor 360/365, which are names ("Microsoft 365", "Яндекс 360"), not versions.</li>
 *   <li><b>Updates name what they update.</b> "Security Update for Microsoft Office 2016 (KB5002138)"
 *       cleans to "Microsoft Office" with an UPDATE entry; {@link Cleaned#isUpdate()} is then true.
 *       Service packs ("SP1", "Service Pack 2") and Java's "Update 381" are release levels of the
 *       product itself and are recorded as VERSION, not UPDATE.</li>
 *   <li><b>Editions go, "for Business" stays.</b> Edition words are removed only as separate words;
 *       an English edition word right after "for" is part of a product name ("Skype for Business",
 *       "Kaspersky Endpoint Security for Business", "Microsoft 365 Apps for enterprise"). "ESR"/"LTS"
 *       are treated as editions; "DC", "SE", "CE" are product lines and stay.</li>
 *   <li><b>Linux packages</b> (a single lower-case token such as "postgresql-15") lose generic packaging
 *       suffixes (-bin, -common, -core, -data, -dev, -doc, -dbg, -libs, -runtime, -headless, -l10n-xx),
 *       a trailing major version ("-15"), architecture and the soname digits of lib* packages
 *       ("libssl1.1" → "libssl"). Component suffixes that name a different program are kept
 *       ("libreoffice-writer", "postgresql-client", "python3-requests"). Note "-core" is lossy for some
 *       SBOM artifacts ("jackson-core"); the removed text is recorded so a reviewer can see it.</li>
 *   <li><b>Trailing noise</b> words (Setup, Installer, Install, Uninstall) are removed only at the end and
 *       never from names that are products themselves ("Inno Setup", "Revo Uninstaller").</li>
 * </ul>
 * Thread-safe and stateless.
 */
public final class NameCleaner {
    private NameCleaner() {}

    /** What a rule removed from the raw name. */
    public enum Kind { VERSION, YEAR, EDITION, LANGUAGE, ARCHITECTURE, UPDATE, PACKAGE_SUFFIX, TRADEMARK, NOISE }

    /** One removed piece of text, as it was written in the raw name (minus surrounding spaces). */
    public record Removed(Kind kind, String text) {
        public Removed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * @param raw     the name as given
     * @param name    the cleaned product name (never empty unless {@code raw} was blank)
     * @param removed what was removed, in the order the rules found it
     */
    public record Cleaned(String raw, String name, List<Removed> removed) {
        public Cleaned {
            removed = List.copyOf(removed);
        }

        /** True when the raw entry is an update/hotfix/KB package for {@link #name} rather than the product. */
        public boolean isUpdate() {
            return has(Kind.UPDATE);
        }

        public boolean has(Kind kind) {
            for (Removed r : removed) if (r.kind() == kind) return true;
            return false;
        }

        /** The removed texts of one kind, in order ("Professional Plus" for EDITION). */
        public List<String> texts(Kind kind) {
            var out = new ArrayList<String>();
            for (Removed r : removed) if (r.kind() == kind) out.add(r.text());
            return out;
        }
    }

    /** Same as {@link Cleaned#isUpdate()}. */
    public static boolean isUpdate(Cleaned c) {
        return c.isUpdate();
    }

    public static Cleaned clean(String raw) {
        Objects.requireNonNull(raw, "raw");
        var w = new Work(normaliseSpaces(raw));
        if (w.s.isEmpty()) return new Cleaned(raw, "", List.of());
        if (PACKAGE_LIKE.matcher(w.s).matches()) cleanPackage(w);
        else cleanDisplayName(w);
        String name = tidy(w.s);
        if (name.isEmpty() || !hasLetter(name)) name = tidy(normaliseSpaces(raw)); // safety net
        return new Cleaned(raw, name, w.removed);
    }

    // ---------------------------------------------------------------------------------------------
    // Boundaries. Java's \b is ASCII-only; these work for Cyrillic too.

    /** Not glued to a letter or digit on the left / right. */
    private static final String L = "(?<![\\p{L}\\p{N}])";
    private static final String R = "(?![\\p{L}\\p{N}])";
    /** A separate word: preceded by start, space or an opening bracket; followed by end, space, closing bracket or punctuation. */
    private static final String WL = "(?<![^\\s(\\[,/])";
    private static final String WR = "(?![^\\s)\\],/.;:])";

    private static Pattern p(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    }

    // ---------------------------------------------------------------------------------------------
    // Display names (everything that is not a bare package token)

    private static void cleanDisplayName(Work w) {
        w.strip(TRADEMARK, Kind.TRADEMARK);
        w.strip(QUOTES, Kind.NOISE);
        w.strip(BRACKETED_NOISE, Kind.NOISE);
        // Updates first: the prefix "Security Update for" must go before "Update 381" is read as a version.
        w.strip(UPDATE_PREFIX, Kind.UPDATE);
        w.strip(KB_NUMBER, Kind.UPDATE);
        w.strip(UPDATE_WORD, Kind.UPDATE);
        // Architecture before versions: "64-bit" and "x86_64" contain digits.
        w.strip(ARCH_PHRASE, Kind.ARCHITECTURE);
        w.strip(ARCH, Kind.ARCHITECTURE);
        w.strip(LOCALE, Kind.LANGUAGE);
        w.strip(LANGUAGE_WORD, Kind.LANGUAGE);
        w.strip(LANGUAGE_CODE, Kind.LANGUAGE);
        w.strip(SERVICE_PACK, Kind.VERSION);
        w.strip(PREFIXED_VERSION, Kind.VERSION);
        w.strip(DOTTED_VERSION, Kind.VERSION);
        w.strip(LETTERED_RELEASE, Kind.VERSION);
        w.strip(YEAR, Kind.YEAR);
        w.strip(EDITION, Kind.EDITION);
        w.strip(VERSION_BEFORE_FOR, Kind.VERSION);
        // Editions and trailing numbers uncover each other ("МойОфис Стандартный 2", "Windows 10 Pro"); two rounds suffice.
        for (int round = 0; round < 2; round++) {
            w.s = tidy(w.s);
            w.strip(TRAILING_NOISE, Kind.NOISE);
            w.s = tidy(w.s);
            w.strip(TRAILING_NUMBER, Kind.VERSION);
            w.strip(EDITION, Kind.EDITION);
        }
    }

    /** ®, ™, ©, ℠ and their ASCII spellings "(R)", "(TM)" as in "Intel(R)", "Java(TM)". */
    static final Pattern TRADEMARK = p("[®™©℠]|\\((?:R|TM|C)\\)");

    /** Typographic and straight double quotes around product names: «Контур.Экстерн», "Гарант". */
    static final Pattern QUOTES = p("[«»„“”\"]");

    /**
     * Bracketed remarks about the installation, not the product: "(remove only)", "(только удаление)"
     * (Windows uninstall entries without repair), "(десктопная версия)", "(desktop version)".
     */
    static final Pattern BRACKETED_NOISE = p("\\(\\s*(?:remove only|только удаление|десктопная версия|desktop (?:version|edition))\\s*\\)");

    /**
     * "Security Update for X", "Update for X", "Hotfix for X", "Обновление безопасности для X": the
     * updated product follows. The recorded text is the kind of update ("Security Update").
     */
    static final Pattern UPDATE_PREFIX = p("^\\s*(?<t>(?:(?:security|critical|cumulative|definition|servicing stack|feature)\\s+)?"
            + "(?:update|hotfix|patch|rollup|service pack\\s*\\d*)"
            + "|обновление(?:\\s+безопасности)?|исправление|пакет обновлений)\\s+(?:for|для)\\s+");

    /** Microsoft knowledge-base article numbers: "(KB5002138)", "KB4011574". */
    static final Pattern KB_NUMBER = p(L + "KB\\s?\\d{6,8}" + R);

    /** "Hotfix", "Security Update" as words elsewhere in a name. */
    static final Pattern UPDATE_WORD = p(WL + "(?:hotfix|security update|обновление безопасности)" + WR);

    /** "64-Bit Edition", "for x64-based Systems", "(64-разрядная)", "32 bit", "64bit". */
    static final Pattern ARCH_PHRASE = p("(?:for\\s+)?" + L + "(?:x64|x86|arm64)-based\\s+systems" + R
            + "|" + L + "(?:32|64)[- ]?(?:bit|бит|разрядн\\p{L}*)(?:\\s+edition)?" + R);

    /** Architecture tokens: x64, x86, x86_64, amd64, i386…i686, arm64, aarch64, armhf, e2k, win64; ":amd64" too. */
    static final Pattern ARCH = p(L + "(?:x86[_-]64|x64|x86|amd64|i[3-6]86|arm64|aarch64|armhf|armel|e2kv?\\d?|win64)" + R);

    /** Locale tags "ru-ru", "en-US", "ru_RU". The first part must be a language we meet in inventories. */
    static final Pattern LOCALE = p(L + "(?:ru|en|uk|be|kk|de|fr|es|it|pt|pl|tr|zh|ja|ko)[-_][a-z]{2}" + R);

    /** Language names and multilingual markers: "Russian", "русский", "MUI", "Multilingual", "русская версия". */
    static final Pattern LANGUAGE_WORD = p(WL + "(?:russian|english|multilingual|mui|русск(?:ий|ая|ое)(?:\\s+версия)?|английск(?:ий|ая)|многоязычн\\p{L}*)" + WR);

    /**
     * Bare language codes only where they cannot be words of the name: just before a closing bracket or
     * at the very end ("Mozilla Firefox (x64 ru)", "7-Zip ru", "(RUS)").
     */
    static final Pattern LANGUAGE_CODE = p(WL + "(?:ru|rus|en|eng|ukr)(?=\\s*[)\\]]|\\s*$)");

    /** "Service Pack 2", "SP1", "SP 3": the product's own release level. */
    static final Pattern SERVICE_PACK = p(L + "(?:service pack\\s*\\d+|sp\\s?\\d+)" + R);

    /**
     * Versions introduced by a word: "v2.1", "version 2.1", "ver. 3", "версия 2.5", "build 1234",
     * "сборка 17", "release 5", "Version 22H2", Java's "Update 381".
     */
    static final Pattern PREFIXED_VERSION = p(L + "(?:version|ver\\.|версия|вер\\.|build|сборка|release|релиз|rev\\.?|update)\\s*:?\\s*\\d[\\p{L}\\p{N}.+-]*"
            + "|(?<![\\p{L}\\p{N}])(?-i:v)\\.?\\d+(?:\\.\\d+)*" + R);

    /**
     * Dotted versions: "12.3.0.493", "8.3.23.1688", "5.0.12000", "23.01", "1.2.3-beta2", "17.0.2+8".
     * Not glued to letters on the left, so "libssl1.1" or "Web2.0" are not versions here.
     */
    static final Pattern DOTTED_VERSION = p("(?<![\\p{L}\\p{N}.])\\d+(?:\\.\\d+)+(?:[-+]?(?:alpha|beta|rc|b|a|build)?\\d*)?" + R);

    /** Oracle's lettered releases: "Oracle Database 19c", "Oracle Client 11g", "23ai". */
    static final Pattern LETTERED_RELEASE = p("(?<![\\p{L}\\p{N}.])(?:8i|9i|10g|11g|12c|18c|19c|21c|23ai)" + R);

    /** Years 1980–2049, year ranges ("2015-2022") and Windows Server's "R2" after a year. */
    static final Pattern YEAR = p("(?<![\\p{L}\\p{N}.])(?:19[89]\\d|20[0-4]\\d)(?:\\s*[-–]\\s*(?:19[89]\\d|20[0-4]\\d))?(?:\\s+R2)?(?![\\p{L}\\p{N}.])");

    /**
     * Editions, longest phrases first, as separate words. English edition words right after "for" are
     * part of the product name ("Skype for Business") and stay, as does "Outlook Express". "Stable" is the
     * release channel of browsers ("Opera Stable"). Russian forms cover the genders.
     */
    static final Pattern EDITION = p(WL + "(?<!for\\s)(?:"
            + "professional\\s+plus|pro\\s*plus|home\\s+(?:and|&)\\s+(?:business|student)|thin\\s+client"
            + "|professional|standard|enterprise|home|business|ultimate|community|(?<!outlook\\s)express|lite|pro|premium|starter"
            + "|datacenter|corporate|stable|esr|ltsc|lts"
            + ")(?:\\s+edition)?" + WR
            + "|" + WL + "(?:для\\s+(?:бизнеса|дома)|домашн(?:яя|ий|ее)(?:\\s+версия)?|тонкий\\s+клиент"
            + "|(?:стандартн|профессиональн|корпоративн|базов)(?:ый|ая|ое)(?:\\s+плюс)?(?:\\s+(?:версия|редакция))?)" + WR);

    /** "Kaspersky Endpoint Security 11 для Windows": a small number right before "для"/"for" is the version. */
    static final Pattern VERSION_BEFORE_FOR = p("(?<=\\p{L})\\s+\\d{1,3}(?=\\s+(?:для|for)\\s)");

    /**
     * A trailing number after the product words: "TeamViewer 15", "МойОфис 2", "1С:Предприятие 8".
     * 360 and 365 are names, not versions. Must follow a space, so "1С", "R7", "7-Zip" are safe.
     */
    static final Pattern TRAILING_NUMBER = p("(?<=\\S)\\s+(?!36[05]\\s*$)\\d{1,4}\\s*$");

    /** Installer words at the very end, unless the product is an installer ("Inno Setup", "Setup Factory"). */
    static final Pattern TRAILING_NOISE = p("(?<!inno\\s)(?<!install\\s)" + WL + "(?:setup|installer|install|uninstall|установка|установщик)\\s*$");

    // ---------------------------------------------------------------------------------------------
    // Linux packages and SBOM component tokens

    /** One lower-case token with the characters Debian/RPM/npm-style names use, e.g. "postgresql-15", "libc6:amd64". */
    static final Pattern PACKAGE_LIKE = Pattern.compile("[a-z0-9][a-z0-9.+_-]*[a-z0-9+](?::[a-z0-9_]+)?");

    /** dpkg's ":amd64" multi-arch qualifier, and an architecture as the last segment ("linux-image-amd64"). */
    static final Pattern PKG_ARCH = Pattern.compile("[:-](?:amd64|i[3-6]86|arm64|aarch64|armhf|armel|x86_64|x86|x64|e2k\\w*|noarch|all)$");
    /** Translation packages: "-l10n-ru", "-i18n-ru", "-langpack-ru", "-locale-ru". */
    static final Pattern PKG_L10N = Pattern.compile("-(?:l10n|i18n|langpack|locale)-[a-z]{2}(?:-[a-z]{2})?$");
    /** Generic packaging splits that do not change which program it is. */
    static final Pattern PKG_SPLIT = Pattern.compile("-(?:bin|common|core|data|dev|devel|doc|docs|dbg|dbgsym|libs|runtime|headless|nox)$");
    /** Release channels: "firefox-esr", "nodejs-lts". */
    static final Pattern PKG_CHANNEL = Pattern.compile("-(?:esr|lts)$");
    /** Full versions glued by a dash: "linux-image-6.1.0". */
    static final Pattern PKG_VERSION = Pattern.compile("-\\d+(?:\\.\\d+)+[a-z0-9.+~]*$");
    /** A major version baked into the package name: "postgresql-15", "gcc-12", "libgtk-3". */
    static final Pattern PKG_MAJOR = Pattern.compile("-\\d+$");
    /** Soname digits of libraries: "libssl1.1", "libc6", "libqt5core5a". */
    static final Pattern PKG_SONAME = Pattern.compile("(?<=^lib[a-z0-9+_.-]{0,60}[a-z+])\\d+(?:\\.\\d+)*[a-z]?$");

    private static void cleanPackage(Work w) {
        w.strip(PKG_ARCH, Kind.ARCHITECTURE);
        boolean changed = true;
        while (changed) {
            int before = w.removed.size();
            w.strip(PKG_L10N, Kind.PACKAGE_SUFFIX);
            w.strip(PKG_ARCH, Kind.ARCHITECTURE);
            w.strip(PKG_SPLIT, Kind.PACKAGE_SUFFIX);
            w.strip(PKG_CHANNEL, Kind.EDITION);
            w.strip(PKG_VERSION, Kind.VERSION);
            w.strip(PKG_MAJOR, Kind.PACKAGE_SUFFIX);
            w.s = w.s.strip();
            changed = w.removed.size() > before;
        }
        w.strip(PKG_SONAME, Kind.PACKAGE_SUFFIX);
        w.s = w.s.strip();
    }

    // ---------------------------------------------------------------------------------------------

    private static final class Work {
        String s;
        final List<Removed> removed = new ArrayList<>();

        Work(String s) {
            this.s = s;
        }

        /**
         * Removes every match of {@code rule} (replaced by a space), recording the named group "t" if the
         * pattern has one, else the whole match. Skipped entirely if it would leave no letter behind.
         */
        void strip(Pattern rule, Kind kind) {
            Matcher m = rule.matcher(s);
            boolean named = rule.namedGroups().containsKey("t");
            var sb = new StringBuilder(s.length());
            var found = new ArrayList<Removed>();
            int last = 0;
            while (m.find()) {
                if (m.end() == m.start()) continue;
                sb.append(s, last, m.start()).append(' ');
                last = m.end();
                String text = named && m.group("t") != null ? m.group("t") : m.group();
                text = text.strip();
                if (text.startsWith("-") || text.startsWith(":")) text = text.substring(1); // package separators
                found.add(new Removed(kind, text));
            }
            if (found.isEmpty()) return;
            sb.append(s, last, s.length());
            String candidate = sb.toString();
            if (!hasLetter(candidate)) return; // never clean a name down to nothing
            s = candidate.strip();
            removed.addAll(found);
        }
    }

    private static String normaliseSpaces(String s) {
        return s.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ').replace('\t', ' ').strip();
    }

    private static final Pattern EMPTY_BRACKETS = Pattern.compile("\\(\\s*[-,;/]*\\s*\\)|\\[\\s*[-,;/]*\\s*]|\\{\\s*}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACE_BEFORE_COMMA = Pattern.compile("\\s+([,;])");
    private static final Pattern SEPARATOR_RUN = Pattern.compile("(?:\\s[-–—](?=\\s))+");
    private static final String TRIM_LEFT = " -–—_,;:/|";
    private static final String TRIM_RIGHT = " -–—_,;:/|.";

    /** Empty brackets out, spaces collapsed, separators de-duplicated, punctuation trimmed at the ends. */
    static String tidy(String s) {
        String prev;
        do {
            prev = s;
            s = EMPTY_BRACKETS.matcher(s).replaceAll(" ");
            s = SPACES.matcher(s).replaceAll(" ");
            s = SPACE_BEFORE_COMMA.matcher(s).replaceAll("$1");
            s = SEPARATOR_RUN.matcher(s).replaceAll(" -");
            s = trimEnds(s);
        } while (!s.equals(prev));
        return s;
    }

    private static String trimEnds(String s) {
        int a = 0, b = s.length();
        while (a < b && TRIM_LEFT.indexOf(s.charAt(a)) >= 0) a++;
        while (b > a && TRIM_RIGHT.indexOf(s.charAt(b - 1)) >= 0) b--;
        s = s.substring(a, b);
        // an opening bracket left dangling at the end, or a closing one at the start
        if (s.endsWith("(") || s.endsWith("[")) s = s.substring(0, s.length() - 1);
        if (s.startsWith(")") || s.startsWith("]")) s = s.substring(1);
        return s;
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetter(cp)) return true;
            i += Character.charCount(cp);
        }
        return false;
    }
}
