package ru.zamena.core;

import org.junit.jupiter.api.Test;
import ru.zamena.core.text.NameSimilarity;

import static org.assertj.core.api.Assertions.assertThat;

class NameSimilarityTest {

    @Test
    void sameNameInAnotherScriptIsAPerfectMatch() {
        assertThat(NameSimilarity.score("Касперский", "Kaspersky")).isEqualTo(1.0);
        assertThat(NameSimilarity.score("moi ofis", "МойОфис")).isEqualTo(1.0);
    }

    @Test
    void prefixBeatsWordMatchWhichBeatsTypo() {
        double prefix = NameSimilarity.score("Kaspersky", "Kaspersky Endpoint Security");
        double word = NameSimilarity.score("Endpoint Security", "Kaspersky Endpoint Security");
        double typo = NameSimilarity.score("Kaspresky Endpoint", "Kaspersky Endpoint Security");
        assertThat(prefix).isGreaterThan(word);
        assertThat(word).isGreaterThan(0.6);
        assertThat(typo).isGreaterThan(0.6);
    }

    @Test
    void typosStillScoreHigherThanUnrelatedNames() {
        double typo = NameSimilarity.score("Postgers Pro", "Postgres Pro");
        double unrelated = NameSimilarity.score("Postgers Pro", "Microsoft Project");
        assertThat(typo).isGreaterThan(0.7).isGreaterThan(unrelated + 0.2);
    }

    @Test
    void closerLengthWinsAmongPrefixes() {
        assertThat(NameSimilarity.score("Microsoft Office", "Microsoft Office"))
                .isGreaterThan(NameSimilarity.score("Microsoft Office", "Microsoft Office Professional Plus 2021"));
        assertThat(NameSimilarity.score("Microsoft Office", "Microsoft Office Professional Plus 2021"))
                .isGreaterThan(NameSimilarity.score("Microsoft Office", "Microsoft OneDrive"));
    }
}
