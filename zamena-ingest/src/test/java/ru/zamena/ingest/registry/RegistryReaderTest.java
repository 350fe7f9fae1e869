package ru.zamena.ingest.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.zamena.core.registry.RegistryRecord;
import ru.zamena.core.registry.RegistryRecord.RightsHolder;
import ru.zamena.core.registry.RegistryRecord.Status;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.registry.RegistryReader.Mode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryReaderTest {
    static final Charset CP1251 = Charset.forName("windows-1251");

    @TempDir Path dir;

    @Test
    void readsTheRealExportLayout() throws IOException {
        List<RegistryRecord> records = readAll(resource("registry-utf8.xml"));

        assertThat(records).extracting(RegistryRecord::number).containsExactly(4L, 1735L, 20891L);
        RegistryRecord alpha = records.get(0);
        assertThat(alpha.name()).isEqualTo("Операционная система «Альфа» (Alpha OS)"); // not the <module>'s name
        assertThat(alpha.classes()).containsExactly("02.01 Операционные системы", "02.06 Средства виртуализации");
        assertThat(alpha.holders()).containsExactly(
                new RightsHolder("Общество с ограниченной ответственностью «Альфа Софт»", "7701123451", "1027700123450"));
        assertThat(alpha.includedOn()).isEqualTo(LocalDate.of(2016, 3, 18));
        assertThat(alpha.orderRef()).isEqualTo("Приказ Минкомсвязи России от 18.03.2016 № 104");
        assertThat(alpha.website()).isEqualTo("https://alpha.example/docs");
        assertThat(alpha.status()).isEqualTo(Status.REGISTERED);
        assertThat(alpha.excludedOn()).isNull();
        assertThat(alpha.trusted()).isFalse();
        assertThat(alpha.line()).isEqualTo(4);

        RegistryRecord beta = records.get(1);
        assertThat(beta.name()).isEqualTo("СУБД «Бета» & сервер");
        assertThat(beta.classes()).containsExactly("02.02 Системы управления базами данных",
                "02.08 Серверное и связующее программное обеспечение");
        assertThat(beta.holders()).containsExactly(
                new RightsHolder("АО «Бета»", "7802543212", "1157800543218"),
                new RightsHolder("ИП Петров П. П.", "500100732259", "304500100123451"));
        assertThat(beta.includedOn()).isEqualTo(LocalDate.of(2017, 5, 4));
        assertThat(beta.status()).isEqualTo(Status.EXCLUDED);
        assertThat(beta.excludedOn()).isEqualTo(LocalDate.of(2023, 11, 30));
        assertThat(beta.exclusionReason()).contains("По заявлению правообладателя").contains("1001");
        assertThat(beta.trusted()).isTrue();

        RegistryRecord gamma = records.get(2);
        assertThat(gamma.name()).isEqualTo("Ingress-контроллер <Гамма>");
        assertThat(gamma.classes()).containsExactly("02.08");
        assertThat(gamma.holders()).containsExactly(new RightsHolder("ООО «Гамма»", null, null));
        assertThat(gamma.status()).isEqualTo(Status.REGISTERED);
    }

    @Test
    void cp1251XmlReadsTheSameAsUtf8() throws IOException {
        assertThat(readAll(resource("registry-cp1251.xml"))).isEqualTo(readAll(resource("registry-utf8.xml")));
    }

    @Test
    void readsCp1251CsvWithTitleRowsQuotedSemicolonsAndLineBreaks() throws IOException {
        List<RegistryRecord> records = readAll(resource("registry-cp1251.csv"));

        assertThat(records).extracting(RegistryRecord::number).containsExactly(4L, 1735L, 20891L);
        assertThat(records.get(0).classes()).containsExactly("02.01 Операционные системы", "02.06 Средства виртуализации");
        assertThat(records.get(0).status()).isEqualTo(Status.REGISTERED);
        RegistryRecord beta = records.get(1);
        assertThat(beta.name()).isEqualTo("СУБД \"Бета\"; сервер");
        assertThat(beta.holders()).containsExactly(
                new RightsHolder("АО «Бета»", "7802543212", "1157800543218"),
                new RightsHolder("ИП Петров П. П.", "500100732259", "304500100123451"));
        assertThat(beta.status()).isEqualTo(Status.EXCLUDED);
        assertThat(beta.excludedOn()).isEqualTo(LocalDate.of(2023, 11, 30));
        assertThat(beta.exclusionReason()).isEqualTo("По заявлению правообладателя");
        assertThat(beta.orderRef()).isEqualTo("№ 230");
        // Lines count from the top of the file, title rows and line breaks inside quotes included.
        assertThat(records).extracting(RegistryRecord::line).containsExactly(5L, 6L, 13L);
    }

    @Test
    void readsUtf8CsvWithBomCommasEnglishHeadersAndIsoDates() throws IOException {
        List<RegistryRecord> records = readAll(resource("registry-utf8-bom.csv"));

        assertThat(records).extracting(RegistryRecord::number).containsExactly(4L, 1735L);
        assertThat(records.get(0).name()).isEqualTo("Операционная система «Альфа» (Alpha OS)");
        assertThat(records.get(0).includedOn()).isEqualTo(LocalDate.of(2016, 3, 18));
        assertThat(records.get(1).name()).isEqualTo("СУБД \"Бета\", сервер");
        assertThat(records.get(1).holders()).extracting(RightsHolder::inn).containsExactly("7802543212", "500100732259");
        assertThat(records.get(1).status()).isEqualTo(Status.EXCLUDED);
        assertThat(records.get(1).trusted()).isTrue();
    }

    @Test
    void csvAndXmlOfTheSameEntriesAgreeOnTheFieldsBothCarry() throws IOException {
        List<RegistryRecord> xml = readAll(resource("registry-utf8.xml"));
        List<RegistryRecord> csv = readAll(resource("registry-cp1251.csv"));
        for (int i = 0; i < 2; i++) {
            assertThat(csv.get(i).classes()).isEqualTo(xml.get(i).classes());
            assertThat(csv.get(i).holders()).isEqualTo(xml.get(i).holders().stream()
                    .map(h -> new RightsHolder(h.name(), h.inn(), h.ogrn())).toList());
            assertThat(csv.get(i).includedOn()).isEqualTo(xml.get(i).includedOn());
            assertThat(csv.get(i).status()).isEqualTo(xml.get(i).status());
        }
    }

    @Test
    void tellsXmlFromCsvByContentNotByName() throws IOException {
        Path xmlNamedCsv = write("export.csv", "<registry><item><registrationNumber>7</registrationNumber><name>Семь</name></item></registry>", StandardCharsets.UTF_8);
        Path csvNamedXml = write("export.xml", "Реестровый номер\tНаименование ПО\n8\tВосемь\n", StandardCharsets.UTF_8);
        assertThat(readAll(xmlNamedCsv)).extracting(RegistryRecord::name).containsExactly("Семь");
        assertThat(readAll(csvNamedXml)).extracting(RegistryRecord::name).containsExactly("Восемь");
    }

    @Test
    void detectsTheDelimiterAndIgnoresHeaderCaseAndSpacing() throws IOException {
        for (String d : new String[]{";", ",", "\t"}) {
            Path file = write("d.csv", "  РЕЕСТРОВЫЙ   номер " + d + "наименование по" + d + "инн\n9" + d + "Девять" + d + "7701123451\n", CP1251);
            List<RegistryRecord> records = readAll(file);
            assertThat(records).extracting(RegistryRecord::name).containsExactly("Девять");
            assertThat(records.getFirst().holders()).extracting(RightsHolder::inn).containsExactly("7701123451");
        }
    }

    @Test
    void understandsTheWaysStatusAndTrustAreWritten() throws IOException {
        Path file = write("registry.csv", """
                Реестровый номер;Наименование ПО;Статус;Дата исключения;Доверенное ПО
                1;Один;Действующая запись;;доверенное
                2;Два;Исключен;01.02.2024;Нет
                3;Три;исключено из реестра;;true
                4;Четыре;excluded;2024-02-01;false
                5;Пять;Нет;;Да
                6;Шесть;Да;;
                7;Семь;;2023-05-06;
                8;Восемь;;;
                """, StandardCharsets.UTF_8);
        List<RegistryRecord> records = readAll(file);
        assertThat(records).extracting(RegistryRecord::status).containsExactly(Status.REGISTERED, Status.EXCLUDED, Status.EXCLUDED,
                Status.EXCLUDED, Status.REGISTERED, Status.EXCLUDED, Status.EXCLUDED, Status.REGISTERED);
        assertThat(records).extracting(RegistryRecord::trusted).containsExactly(true, false, true, false, true, false, false, false);
        assertThat(records.get(1).excludedOn()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(records.get(6).excludedOn()).isEqualTo(LocalDate.of(2023, 5, 6));
    }

    @Test
    void truncatedXmlFailsTheWholeFileAfterTheEntriesBeforeIt() throws IOException {
        Path file = write("registry.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <registry>
                  <item><registrationNumber>1</registrationNumber><name>Один</name></item>
                  <item><registrationNumber>2</registrationNumber><name>Два""", StandardCharsets.UTF_8);
        for (Mode mode : Mode.values()) {
            try (RegistryReader reader = RegistryReader.open(file, mode)) {
                assertThat(reader.next().name()).isEqualTo("Один"); // streaming: entries come before the end is read
                assertThatThrownBy(reader::hasNext).isInstanceOf(InputException.class)
                        .hasMessageStartingWith("registry.xml: line 4, column ")
                        .hasMessageEndingWith(": unexpected end of file inside <name>");
            }
        }
    }

    @Test
    void otherXmlSyntaxErrorsNameTheirPlace() throws IOException {
        Path file = write("registry.xml", "<registry>\n<item><registrationNumber>1</registrationNumber><name>Один</nam></item>\n</registry>\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("registry.xml: line 2, column ")
                .hasMessageContaining("malformed XML").hasMessageContaining("inside <name>");
    }

    @Test
    void externalEntitiesAreRefusedNotRead() throws IOException {
        Path file = write("registry.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE registry [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + "<registry><item><registrationNumber>1</registrationNumber><name>&e;</name></item></registry>", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("registry.xml: line 2")
                .hasMessageContaining("DOCTYPE declaration is not allowed")
                .hasMessageNotContaining("root:");
    }

    @Test
    void entityBombsAreRefusedNotExpanded() throws IOException {
        var bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE registry [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++)
            bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        bomb.append("]>\n<registry><item><registrationNumber>1</registrationNumber><name>&lol9;</name></item></registry>");
        Path file = write("bomb.xml", bomb.toString(), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(InputException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void collectModeRejectsBadEntriesWithReasonsAndKeepsTheRest() throws IOException {
        Path file = write("registry.csv", """
                Реестровый номер;Наименование ПО;Дата решения;Статус
                1;Хорошая;01.02.2020;Действует
                ;Без номера;01.02.2020;
                12а;Плохой номер;01.02.2020;
                13;Плохая дата;31.02.2020;
                14;Странный статус;01.02.2020;Может быть
                15;Тоже хорошая;2021-03-04;Исключен
                """, CP1251);
        try (RegistryReader reader = RegistryReader.open(file)) {
            List<RegistryRecord> good = new ArrayList<>();
            reader.forEachRemaining(good::add);
            assertThat(good).extracting(RegistryRecord::number).containsExactly(1L, 15L);
            assertThat(reader.entriesRead()).isEqualTo(6);
            assertThat(reader.errors()).extracting(InputException::getMessage).containsExactly(
                    "registry.csv: line 3 (record 2): the registration number is missing («Реестровый номер» is empty)",
                    "registry.csv: line 4 (record 3): the registration number '12а' in «Реестровый номер» is not a positive whole number",
                    "registry.csv: line 5 (record 4): entry 13: '31.02.2020' in «Дата решения» is not a date (expected dd.mm.yyyy or yyyy-mm-dd)",
                    "registry.csv: line 6 (record 5): entry 14: unknown status 'Может быть' in «Статус» (expected e.g. 'Действует', 'Исключено из реестра', 'Да'/'Нет')");
        }
    }

    @Test
    void strictModeFailsOnTheFirstBadEntry() throws IOException {
        Path file = write("registry.xml", """
                <registry>
                  <item><registrationNumber>1</registrationNumber><name>Один</name></item>
                  <item><registrationNumber>2</registrationNumber><name>Два</name><inclusionDate>2020-13-01</inclusionDate></item>
                  <item><registrationNumber>3</registrationNumber><name>Три</name></item>
                </registry>""", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(file, Mode.STRICT)).isInstanceOf(InputException.class)
                .hasMessage("registry.xml: line 3 (record 2): entry 2: '2020-13-01' in «inclusionDate» is not a date (expected dd.mm.yyyy or yyyy-mm-dd)")
                .satisfies(e -> assertThat(((InputException) e).record()).isEqualTo(2));
        assertThat(readAll(file, Mode.COLLECT)).extracting(RegistryRecord::number).containsExactly(1L, 3L);
    }

    @Test
    void badIdentifiersRejectTheEntry() throws IOException {
        Path file = write("registry.csv", "Реестровый номер;Наименование ПО;ИНН\n1;Один;77011234\n2;Два;7701123451\n", StandardCharsets.UTF_8);
        try (RegistryReader reader = RegistryReader.open(file)) {
            assertThat(reader.stream().map(RegistryRecord::number).toList()).containsExactly(2L);
            assertThat(reader.errors()).singleElement().extracting(InputException::reason)
                    .isEqualTo("entry 1: INN '77011234' in «ИНН» must have 10 or 12 digits");
        }
    }

    @Test
    void brokenCsvFailsTheWholeFile() throws IOException {
        Path file = write("registry.csv", "Реестровый номер;Наименование ПО\n1;Один\n2;\"Два\n3;Три\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("registry.csv: line 3: ").hasMessageContaining("never closed");
    }

    @Test
    void aCsvWithoutHeaderSaysWhatItExpected() throws IOException {
        Path file = write("registry.csv", "1;Один\n2;Два\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RegistryReader.open(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("registry.csv: line 1: no header row").hasMessageContaining("1;Один");
    }

    @Test
    void aFileWithoutEntriesIsAnErrorNotAnEmptyRegister() throws IOException {
        Path xml = write("registry.xml", "<?xml version=\"1.0\"?>\n<reestr><soft><num>1</num></soft></reestr>", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(xml)).isInstanceOf(InputException.class)
                .hasMessageContaining("no register entries found").hasMessageContaining("<item>").hasMessageContaining("found <reestr> containing <soft>");
        Path csv = write("registry.csv", "Реестровый номер;Наименование ПО\n;;\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(csv)).isInstanceOf(InputException.class).hasMessageContaining("no register entries found");
    }

    @Test
    void spreadsheetsAndMissingFilesGetPlainMessages() throws IOException {
        Path xlsx = Files.write(dir.resolve("export.xlsx"), new byte[]{'P', 'K', 3, 4, 20, 0, 6, 0});
        assertThatThrownBy(() -> RegistryReader.open(xlsx)).isInstanceOf(InputException.class)
                .hasMessage("export.xlsx: this is a ZIP archive or an Excel (XLSX) file; unpack it, or save the sheet as CSV");
        assertThatThrownBy(() -> RegistryReader.open(dir.resolve("missing.xml"))).isInstanceOf(InputException.class)
                .hasMessage("missing.xml: file not found");
    }

    @Test
    void bytesThatBreakTheDetectedEncodingFailTheFile() throws IOException {
        byte[] head = ("Реестровый номер;Наименование ПО\n" + "1;Один\n".repeat(20_000)).getBytes(StandardCharsets.UTF_8);
        byte[] tail = "2;Два\n".getBytes(CP1251);
        Path file = dir.resolve("mixed.csv");
        Files.write(file, head);
        Files.write(file, tail, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("mixed.csv").hasMessageContaining("not valid in its detected encoding");
    }

    @Test
    void streamCountsAndClosesTheReader() throws IOException {
        Path file = resource("registry-cp1251.xml");
        try (var records = RegistryReader.open(file).stream()) {
            assertThat(records.filter(r -> r.status() == Status.EXCLUDED).count()).isEqualTo(1);
        }
    }

    private Path resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/registry/" + name)) {
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }

    private Path write(String name, String text, Charset charset) throws IOException {
        return Files.writeString(dir.resolve(name), text, charset);
    }

    static List<RegistryRecord> readAll(Path file) {
        return readAll(file, Mode.STRICT);
    }

    static List<RegistryRecord> readAll(Path file, Mode mode) {
        try (RegistryReader reader = RegistryReader.open(file, mode)) {
            List<RegistryRecord> out = new ArrayList<>();
            reader.forEachRemaining(out::add);
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
