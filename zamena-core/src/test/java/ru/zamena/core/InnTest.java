package ru.zamena.core;

import org.junit.jupiter.api.Test;
import ru.zamena.core.registry.Inn;

import static org.assertj.core.api.Assertions.assertThat;

class InnTest {
    @Test
    void checksDigitsOfCompanyAndPersonalNumbers() {
        assertThat(Inn.valid("7707083893")).isTrue();   // Sberbank, a published company INN
        assertThat(Inn.valid("7707083894")).isFalse();
        assertThat(Inn.valid("500100732259")).isTrue(); // a 12-digit example with valid check digits
        assertThat(Inn.valid("500100732258")).isFalse();
        assertThat(Inn.valid("77070838")).isFalse();
        assertThat(Inn.valid(null)).isFalse();
    }
}
