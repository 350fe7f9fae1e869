package ru.zamena.ingest.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.zamena.core.registry.Inn;
import ru.zamena.core.registry.RegistryRecord;
import ru.zamena.core.registry.RegistryRecord.Status;
import ru.zamena.ingest.io.TextDecoding;
import ru.zamena.ingest.registry.RegistryFileGenerator.Format;
import ru.zamena.ingest.registry.RegistryFileGenerator.Summary;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryFileGeneratorTest {
    static final Charset CP1251 = Charset.forName("windows-1251");

    @TempDir Path dir;

    @Test
    void aFullSizeXmlExportInCp1251StreamsAndCounts() throws IOException {
        assertReadsBack(dir.resolve("registry.xml"), Format.XML, CP1251);
    }

    @Test
    void aFullSizeCsvExportInUtf8StreamsAndCounts() throws IOException {
        assertReadsBack(dir.resolve("registry.csv"), Format.CSV, StandardCharsets.UTF_8);
    }

    private void assertReadsBack(Path file, Format format, Charset charset) throws IOException {
        Summary written = RegistryFileGenerator.write(file, 35_000, 42, format, charset, false);
        assertThat(TextDecoding.detect(file)).isEqualTo(charset);
        long count = 0, excluded = 0, trusted = 0, severalHolders = 0;
        var numbers = new HashSet<Long>();
        try (RegistryReader reader = RegistryReader.open(file, RegistryReader.Mode.STRICT)) {
            while (reader.hasNext()) {
                RegistryRecord r = reader.next();
                count++;
                if (r.status() == Status.EXCLUDED) {
                    excluded++;
                    assertThat(r.excludedOn()).isAfter(r.includedOn());
                    assertThat(r.exclusionReason()).isNotBlank();
                }
                if (r.trusted()) trusted++;
                if (r.holders().size() > 1) severalHolders++;
                assertThat(numbers.add(r.number())).isTrue();
                assertThat(r.classes()).isNotEmpty();
                assertThat(r.holders()).allSatisfy(h -> {
                    assertThat(Inn.valid(h.inn())).as(h.inn()).isTrue();
                    assertThat(h.name()).isNotBlank();
                });
            }
        }
        assertThat(count).isEqualTo(35_000).isEqualTo(written.records());
        assertThat(excluded).isEqualTo(written.excluded()).isBetween(700L, 2100L);
        assertThat(trusted).isPositive();
        assertThat(severalHolders).isPositive();
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        for (Format format : Format.values()) {
            Path a = dir.resolve("a." + format), b = dir.resolve("b." + format), c = dir.resolve("c." + format);
            RegistryFileGenerator.write(a, 500, 7, format, StandardCharsets.UTF_8, false);
            RegistryFileGenerator.write(b, 500, 7, format, StandardCharsets.UTF_8, false);
            RegistryFileGenerator.write(c, 500, 8, format, StandardCharsets.UTF_8, false);
            assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b)).isNotEqualTo(Files.readAllBytes(c));
        }
    }

    @Test
    void theNextVersionChangesExcludesAndAddsWhatItReports() throws IOException {
        Path base = dir.resolve("base.xml"), next = dir.resolve("next.csv");
        RegistryFileGenerator.write(base, 3000, 11, Format.XML, CP1251, false);
        // A different format on purpose: the same register must read the same either way.
        Summary s = RegistryFileGenerator.write(next, 3000, 11, Format.CSV, CP1251, true);

        Map<Long, RegistryRecord> before = byNumber(base), after = byNumber(next);
        long added = after.keySet().stream().filter(n -> !before.containsKey(n)).count();
        long removed = before.keySet().stream().filter(n -> !after.containsKey(n)).count();
        long newlyExcluded = before.values().stream().filter(r -> r.status() == Status.REGISTERED
                && after.get(r.number()).status() == Status.EXCLUDED).count();
        long changed = before.values().stream().filter(r -> !sameContent(r, after.get(r.number()))).count();

        assertThat(s.records()).isEqualTo(after.size());
        assertThat(added).isEqualTo(s.added()).isPositive();
        assertThat(removed).isZero();
        assertThat(newlyExcluded).isEqualTo(s.newlyExcluded()).isPositive();
        assertThat(changed).isEqualTo(s.changed() + s.newlyExcluded());
        assertThat(s.changed()).isPositive();
    }

    /** Equal apart from the position in the source. */
    private static boolean sameContent(RegistryRecord a, RegistryRecord b) {
        return withoutLine(a).equals(withoutLine(b));
    }

    private static RegistryRecord withoutLine(RegistryRecord r) {
        return new RegistryRecord(r.number(), r.name(), r.classes(), r.holders(), r.includedOn(), r.orderRef(), r.website(),
                r.status(), r.excludedOn(), r.exclusionReason(), r.trusted(), 0);
    }

    private static Map<Long, RegistryRecord> byNumber(Path file) {
        try (var records = RegistryReader.open(file, RegistryReader.Mode.STRICT).stream()) {
            return records.collect(Collectors.toMap(RegistryRecord::number, Function.identity()));
        }
    }
}
