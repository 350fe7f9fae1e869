package ru.zamena.compliance;

import ru.zamena.core.compliance.CpvMapping;

import java.nio.file.Path;
import java.util.ArrayList;

/**
 * A CPV→OKPD2 table: tab-separated, a header line, lines starting with {@code #} are comments. Columns:
 * {@code cpv okpd2 confidence cpv_title okpd2_title note source}; confidence {@code close} or {@code approximate}.
 */
final class CpvTable {
    private static final String HEADER = "cpv\tokpd2\tconfidence\tcpv_title\tokpd2_title\tnote\tsource";

    private CpvTable() {}

    static CpvMapping read(Path file) {
        var rows = new ArrayList<CpvMapping.Entry>();
        for (TsvFile.Row row : TsvFile.rows(file, HEADER)) {
            String[] f = row.cells();
            try {
                if (f.length != 7) throw new IllegalArgumentException("expected 7 columns, found " + f.length);
                rows.add(new CpvMapping.Entry(f[0], f[1], CpvMapping.Confidence.parse(f[2]), f[5], f[6]));
            } catch (IllegalArgumentException e) {
                throw new ProfileLoader.ProfileException(file, "line " + row.line() + ": " + e.getMessage());
            }
        }
        try {
            return new CpvMapping(rows);
        } catch (IllegalArgumentException e) {
            throw new ProfileLoader.ProfileException(file, e.getMessage());
        }
    }
}
