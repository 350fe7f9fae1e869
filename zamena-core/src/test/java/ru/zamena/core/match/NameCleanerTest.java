package ru.zamena.core.match;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ru.zamena.core.match.NameCleaner.Cleaned;
import ru.zamena.core.match.NameCleaner.Kind;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static ru.zamena.core.match.NameCleaner.clean;

class NameCleanerTest {

    /** raw | expected name | kinds removed (space-separated, any order; empty = nothing removed). */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // --- Windows DisplayNames: Microsoft
            "Microsoft Office Professional Plus 2019 - ru-ru|Microsoft Office|EDITION YEAR LANGUAGE",
            "Microsoft Office Standard 2016|Microsoft Office|EDITION YEAR",
            "Microsoft Office профессиональный плюс 2016|Microsoft Office|EDITION YEAR",
            "Microsoft Office Home and Business 2021 - en-us|Microsoft Office|EDITION YEAR LANGUAGE",
            "Microsoft Office Professional Plus 2016 MUI (Russian)|Microsoft Office|EDITION YEAR LANGUAGE",
            "Microsoft 365 Apps for enterprise - ru-ru|Microsoft 365 Apps for enterprise|LANGUAGE",
            "Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33130|Microsoft Visual C++ Redistributable|YEAR ARCHITECTURE VERSION",
            "Microsoft Visual Studio Community 2022|Microsoft Visual Studio|EDITION YEAR",
            "Microsoft SQL Server 2019 Express|Microsoft SQL Server|YEAR EDITION",
            "Microsoft SQL Server 2012 Service Pack 1|Microsoft SQL Server|YEAR VERSION",
            "Windows Server 2012 R2 Standard|Windows Server|YEAR EDITION",
            "Windows 10 Pro|Windows|EDITION VERSION",
            "Windows 11 Enterprise LTSC|Windows|EDITION VERSION",
            "Microsoft .NET Framework 4.8.1|Microsoft .NET Framework|VERSION",
            "Microsoft Windows Desktop Runtime - 8.0.1 (x64)|Microsoft Windows Desktop Runtime|VERSION ARCHITECTURE",
            "Skype for Business|Skype for Business|",
            "Oracle Database 19c Enterprise Edition|Oracle Database|VERSION EDITION",
            "Oracle Client 11g Release 2|Oracle Client|VERSION",
            "Microsoft Edge WebView2 Runtime|Microsoft Edge WebView2 Runtime|",
            // --- updates
            "Security Update for Microsoft Office 2016 (KB5002138) 64-Bit Edition|Microsoft Office|UPDATE YEAR ARCHITECTURE",
            "Update for Microsoft Office 2016 (KB4011574) 32-Bit Edition|Microsoft Office|UPDATE YEAR ARCHITECTURE",
            "Hotfix for Microsoft .NET Framework 4.8 (KB5011048)|Microsoft .NET Framework|UPDATE VERSION",
            "Обновление безопасности для Microsoft Windows (KB5034441)|Microsoft Windows|UPDATE",
            "Update for Windows 10 Version 22H2 for x64-based Systems (KB5034441)|Windows|UPDATE ARCHITECTURE VERSION",
            "Service Pack 2 for Microsoft Office 2010 (KB2687455) 64-Bit Edition|Microsoft Office|UPDATE YEAR ARCHITECTURE",
            "Java 8 Update 381 (64-bit)|Java|VERSION ARCHITECTURE",
            "Java(TM) SE Development Kit 17.0.2 (64-bit)|Java SE Development Kit|TRADEMARK VERSION ARCHITECTURE",
            // --- Russian software
            "Kaspersky Endpoint Security для Windows 12.3.0.493|Kaspersky Endpoint Security для Windows|VERSION",
            "Kaspersky Endpoint Security 11 для Windows|Kaspersky Endpoint Security для Windows|VERSION",
            "Kaspersky Endpoint Security for Business|Kaspersky Endpoint Security for Business|",
            "Kaspersky Endpoint Security для бизнеса – Стандартный|Kaspersky Endpoint Security|EDITION",
            "1С:Предприятие 8 (8.3.23.1688)|1С:Предприятие|VERSION",
            "1С:Предприятие 8.3 (x86-64)|1С:Предприятие|VERSION ARCHITECTURE",
            "1С:Предприятие 8 Тонкий клиент (8.3.22.1709)|1С:Предприятие|VERSION EDITION",
            "КриптоПро CSP 5.0.12000|КриптоПро CSP|VERSION",
            "МойОфис Стандартный 2|МойОфис|EDITION VERSION",
            "МойОфис Профессиональный|МойОфис|EDITION",
            "Р7-Офис. Профессиональный (десктопная версия) 7.3.3.50|Р7-Офис|EDITION NOISE VERSION",
            "Яндекс Браузер версия 23.11.1|Яндекс Браузер|VERSION",
            "Яндекс 360 для бизнеса|Яндекс 360|EDITION",
            "«Контур.Экстерн»|Контур.Экстерн|NOISE",
            "Программа «Гарант» - русская версия|Программа Гарант|NOISE LANGUAGE",
            "Dr.Web Security Space 12.0 (ru)|Dr.Web Security Space|VERSION LANGUAGE",
            "ViPNet Client 4.5.3 build 65120|ViPNet Client|VERSION",
            "Континент-АП 4.1 (64-разрядный)|Континент-АП|VERSION ARCHITECTURE",
            "Astra Linux Special Edition 1.7.4|Astra Linux Special Edition|VERSION",
            "Альт Рабочая станция 10|Альт Рабочая станция|VERSION",
            "Secret Net Studio 8.10 Домашняя версия|Secret Net Studio|VERSION EDITION",
            // --- popular freeware
            "7-Zip 23.01 (x64)|7-Zip|VERSION ARCHITECTURE",
            "Notepad++ (64-bit x64)|Notepad++|ARCHITECTURE",
            "Mozilla Firefox (x64 ru)|Mozilla Firefox|ARCHITECTURE LANGUAGE",
            "Mozilla Firefox ESR (x64 ru)|Mozilla Firefox|EDITION ARCHITECTURE LANGUAGE",
            "WinRAR 6.24 (64-разрядная)|WinRAR|VERSION ARCHITECTURE",
            "TeamViewer 15|TeamViewer|VERSION",
            "Adobe Acrobat Reader DC - Russian|Adobe Acrobat Reader DC|LANGUAGE",
            "Adobe Acrobat Pro DC 2023|Adobe Acrobat DC|EDITION YEAR",
            "Google Chrome v120.0.6099.130|Google Chrome|VERSION",
            "Python 3.11.4 (64-bit)|Python|VERSION ARCHITECTURE",
            "Python 3.11.4 Core Interpreter (64-bit)|Python Core Interpreter|VERSION ARCHITECTURE",
            "Intel(R) Management Engine Components|Intel Management Engine Components|TRADEMARK",
            "NVIDIA® GeForce Experience™ 3.27.0.112|NVIDIA GeForce Experience|TRADEMARK VERSION",
            "VLC media player 3.0.20|VLC media player|VERSION",
            "Zoom (remove only)|Zoom|NOISE",
            "Far Manager 3 x64|Far Manager|ARCHITECTURE VERSION",
            "K-Lite Codec Pack 17.9.5 Full|K-Lite Codec Pack Full|VERSION",
            "PDF24 Creator Setup|PDF24 Creator|NOISE",
            "Ubuntu 22.04 LTS|Ubuntu|VERSION EDITION",
            "Windows Server 2019 Datacenter|Windows Server|YEAR EDITION",
            "ABBYY FineReader 15 Corporate|ABBYY FineReader|EDITION VERSION",
            "Opera Stable 106.0.4998.52|Opera|EDITION VERSION",
            "AutoCAD 2024 - Русский (Russian)|AutoCAD|YEAR LANGUAGE",
            "Sublime Text Build 4169|Sublime Text|VERSION",
            "Microsoft Office 2010 SP2|Microsoft Office|YEAR VERSION",
            "Microsoft Office 365 ProPlus - ru-ru|Microsoft Office 365|EDITION LANGUAGE",
            "Outlook Express|Outlook Express|",
            "Adobe Photoshop CS6|Adobe Photoshop CS6|",
            // --- Linux packages
            "postgresql-15|postgresql|PACKAGE_SUFFIX",
            "postgresql-client-15|postgresql-client|PACKAGE_SUFFIX",
            "libreoffice-writer|libreoffice-writer|",
            "libreoffice-l10n-ru|libreoffice|PACKAGE_SUFFIX",
            "firefox-esr|firefox|EDITION",
            "nginx-core|nginx|PACKAGE_SUFFIX",
            "libssl1.1|libssl|PACKAGE_SUFFIX",
            "libc6:amd64|libc|ARCHITECTURE PACKAGE_SUFFIX",
            "libssl-dev|libssl|PACKAGE_SUFFIX",
            "openjdk-17-jre-headless|openjdk-17-jre|PACKAGE_SUFFIX",
            "linux-image-6.1.0-18-amd64|linux-image|ARCHITECTURE PACKAGE_SUFFIX VERSION",
            "python3-requests|python3-requests|",
            "g++-12|g++|PACKAGE_SUFFIX",
            "libgtk-3-0|libgtk|PACKAGE_SUFFIX",
            // --- names that must stay untouched
            "R7-Office|R7-Office|",
            "1С|1С|",
            "1С:Бухгалтерия|1С:Бухгалтерия|",
            "Astra Linux|Astra Linux|",
            "Dr.Web|Dr.Web|",
            "C++ Builder|C++ Builder|",
            "Microsoft 365|Microsoft 365|",
            "Inno Setup|Inno Setup|",
            "Revo Uninstaller|Revo Uninstaller|",
            "Эльбрус-8СВ|Эльбрус-8СВ|",
            "Realtek High Definition Audio Driver|Realtek High Definition Audio Driver|",
            "Mail.ru Агент|Mail.ru Агент|",
            "2ГИС|2ГИС|",
            "Pro|Pro|",
    })
    void cleansRealInventoryNames(String raw, String expected, String kinds) {
        Cleaned c = clean(raw);
        assertThat(c.raw()).isEqualTo(raw);
        assertThat(c.name()).as("name of %s (removed %s)", raw, c.removed()).isEqualTo(expected);
        assertThat(kindsOf(c)).as("kinds removed from %s: %s", raw, c.removed()).isEqualTo(parse(kinds));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Microsoft Office Professional Plus 2019 - ru-ru", "7-Zip 23.01 (x64)", "МойОфис Стандартный 2",
            "Security Update for Microsoft Office 2016 (KB5002138) 64-Bit Edition", "postgresql-15", "libc6:amd64",
            "1С:Предприятие 8 (8.3.23.1688)", "Mozilla Firefox (x64 ru)", "R7-Office", "Java 8 Update 381 (64-bit)"})
    void cleaningIsIdempotent(String raw) {
        String once = clean(raw).name();
        Cleaned twice = clean(once);
        assertThat(twice.name()).isEqualTo(once);
        assertThat(twice.removed()).isEmpty();
    }

    @Test
    void recordsTheRemovedTextAsWrittenForTheReviewer() {
        Cleaned c = clean("Microsoft Office Professional Plus 2019 - ru-ru");
        assertThat(c.texts(Kind.EDITION)).containsExactly("Professional Plus");
        assertThat(c.texts(Kind.YEAR)).containsExactly("2019");
        assertThat(c.texts(Kind.LANGUAGE)).containsExactly("ru-ru");

        Cleaned oneC = clean("1С:Предприятие 8 (8.3.23.1688)");
        assertThat(oneC.texts(Kind.VERSION)).containsExactly("8.3.23.1688", "8");

        assertThat(clean("Windows Server 2012 R2 Standard").texts(Kind.YEAR)).containsExactly("2012 R2");
        assertThat(clean("postgresql-15").texts(Kind.PACKAGE_SUFFIX)).containsExactly("15");
        assertThat(clean("libc6:amd64").texts(Kind.ARCHITECTURE)).containsExactly("amd64");
    }

    @Test
    void updatesAreFlaggedAndNameTheUpdatedProduct() {
        Cleaned u = clean("Security Update for Microsoft Office 2016 (KB5002138) 64-Bit Edition");
        assertThat(u.isUpdate()).isTrue();
        assertThat(NameCleaner.isUpdate(u)).isTrue();
        assertThat(u.name()).isEqualTo("Microsoft Office");
        assertThat(u.texts(Kind.UPDATE)).containsExactly("Security Update", "KB5002138");

        // service packs and Java's "Update N" are release levels of the product, not separate updates
        assertThat(clean("Microsoft SQL Server 2012 Service Pack 1").isUpdate()).isFalse();
        assertThat(clean("Java 8 Update 381 (64-bit)").isUpdate()).isFalse();
        assertThat(clean("Microsoft Office Professional Plus 2019").isUpdate()).isFalse();
    }

    @Test
    void blankAndNullInput() {
        assertThat(clean("   ").name()).isEmpty();
        assertThat(clean("").removed()).isEmpty();
        assertThatNullPointerException().isThrownBy(() -> clean(null));
    }

    @Test
    void neverCleansANameDownToNothing() {
        assertThat(clean("2019").name()).isEqualTo("2019");
        assertThat(clean("x64").name()).isEqualTo("x64");
        assertThat(clean("Professional 2019").name()).isEqualTo("Professional");
    }

    @Test
    void nonBreakingSpacesAndTabsAreSpaces() {
        assertThat(clean("7-Zip\u00A023.01\t(x64)").name()).isEqualTo("7-Zip");
    }

    private static Set<Kind> kindsOf(Cleaned c) {
        var set = EnumSet.noneOf(Kind.class);
        c.removed().forEach(r -> set.add(r.kind()));
        return set;
    }

    private static Set<Kind> parse(String kinds) {
        if (kinds == null || kinds.isBlank()) return EnumSet.noneOf(Kind.class);
        return Arrays.stream(kinds.trim().split("\\s+")).map(Kind::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
    }
}
