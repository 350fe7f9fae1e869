package ru.zamena.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.zamena.core.text.NameKey;

import static org.assertj.core.api.Assertions.assertThat;

class NameKeyTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', value = {
            "МойОфис|moi ofis",
            "Касперский|Kaspersky",
            "Kasperskij|Kaspersky",
            "1С:Предприятие|1C Predpriyatie",
            "Яндекс Браузер|Yandex Brauzer",
            "Астра Линукс|Astra Linux",
            "Эльбрус-8СВ|Elbrus 8SV",
            "Р7-Офис|R7 Ofis",
            "Доктор Веб|Doktor Web",
            "КриптоПро CSP|Kriptopro CSP",
            "Windоws|Windows",            // Cyrillic 'о' typed inside a Latin word
            "Щит|Shchit",
    })
    void spellingsInEitherScriptMeet(String a, String b) {
        assertThat(NameKey.compact(a)).isEqualTo(NameKey.compact(b));
    }

    @Test
    void cyrillicEsInOneCIsTheLatinBrandNotAnS() {
        assertThat(NameKey.latin("1С")).isEqualTo("1c");
        assertThat(NameKey.latin("Р7")).isEqualTo("r7"); // while Cyrillic Р transliterates as R, not as a Latin P
    }

    @Test
    void foldDropsPunctuationAndCaseButKeepsScript() {
        assertThat(NameKey.fold("  Microsoft® Office — Professional Plus (x64)  ")).isEqualTo("microsoft office professional plus x64");
        assertThat(NameKey.fold("Ёлка-Офис")).isEqualTo("елка офис");
        assertThat(NameKey.fold("C++ / C#")).isEqualTo("c++ c#");
    }

    @Test
    void emptyAndNullAreEmpty() {
        assertThat(NameKey.compact(null)).isEmpty();
        assertThat(NameKey.compact(" — ")).isEmpty();
        assertThat(NameKey.words("МойОфис Стандартный")).containsExactly("moiofis", "standartni");
    }
}
