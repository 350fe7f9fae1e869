package ru.zamena.compliance;

import ru.zamena.core.compliance.CpvMapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CPV→OKPD2 table: tab-separated, a header line, lines starting with {@code #} are comments. Columns:
 * {@code cpv okpd2 confidence cpv_title okpd2_title note source}; confidence {@code close} or {@code approximate}.
 */
final class CpvTable {
    private static final String HEADER = "cpv\tokpd2\tconfidence\tcpv_title\tokpd2_title\tnote\tsource";

    private CpvTable() {}

    static CpvMapping read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProfileLoader.ProfileException(file, "cannot read: " + e.getMessage());
        }
        var rows = new ArrayList<CpvMapping.Entry>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            if (!header) {
                if (!line.strip().equals(HEADER)) throw new ProfileLoader.ProfileException(file, "line " + (i + 1) + ": expected the header " + HEADER.replace('\t', ' '));
                header = true;
                continue;
            }
            String[] f = line.split("\t", -1);
            try {
                if (f.length != 7) throw new IllegalArgumentException("expected 7 columns, found " + f.length);
                rows.add(new CpvMapping.Entry(f[0], f[1], CpvMapping.Confidence.parse(f[2]), f[5], f[6]));
            } catch (IllegalArgumentException e) {
                throw new ProfileLoader.ProfileException(file, "line " + (i + 1) + ": " + e.getMessage());
            }
        }
        try {
            return new CpvMapping(rows);
        } catch (IllegalArgumentException e) {
            throw new ProfileLoader.ProfileException(file, e.getMessage());
        }
    }
}
