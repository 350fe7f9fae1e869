package ru.zamena.ingest.registry;

import org.junit.jupiter.api.Test;
import ru.zamena.ingest.registry.RegistryFields.Field;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryFieldsTest {
    @Test
    void namesAreMatchedIgnoringCaseSpacesAndPunctuation() {
        assertThat(RegistryFields.field("Реестровый номер")).contains(Field.NUMBER);
        assertThat(RegistryFields.field("  РЕЕСТРОВЫЙ_номер ")).contains(Field.NUMBER);
        assertThat(RegistryFields.field("registrationNumber")).contains(Field.NUMBER);
        assertThat(RegistryFields.field("Registration number")).contains(Field.NUMBER);
        assertThat(RegistryFields.field("№")).contains(Field.NUMBER);
        assertThat(RegistryFields.field("Наименование ПО")).contains(Field.NAME);
        assertThat(RegistryFields.field("Класс ПО")).contains(Field.CLASS);
        assertThat(RegistryFields.field("Правообладатель")).contains(Field.HOLDER);
        assertThat(RegistryFields.field("ИНН")).contains(Field.INN);
        assertThat(RegistryFields.field("ОГРН")).contains(Field.OGRN);
        assertThat(RegistryFields.field("Дата решения")).contains(Field.INCLUDED_ON);
        assertThat(RegistryFields.field("Номер приказа")).contains(Field.ORDER_NUMBER);
        assertThat(RegistryFields.field("Статус")).contains(Field.STATUS);
        assertThat(RegistryFields.field("Исключено")).contains(Field.STATUS);
        assertThat(RegistryFields.field("Дата искл.")).contains(Field.EXCLUDED_ON);
        assertThat(RegistryFields.field("Доверенное ПО")).contains(Field.TRUSTED);
        assertThat(RegistryFields.field("Модуль")).isEmpty();
        assertThat(RegistryFields.field("costLink")).isEmpty();
    }

    @Test
    void everyFieldHasSourceNames() {
        for (Field f : Field.values()) assertThat(RegistryFields.names(f)).isNotEmpty();
    }
}
