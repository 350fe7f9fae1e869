package ru.zamena.compliance;

import ru.zamena.core.compliance.Quota;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A quota table: tab-separated, a header line, lines starting with {@code #} are comments. Columns:
 * {@code rule position okpd2 name_ru name_en year min_share_percent unverified}.
 */
final class QuotaTable {
    private static final String HEADER = "rule\tposition\tokpd2\tname_ru\tname_en\tyear\tmin_share_percent\tunverified";

    private QuotaTable() {}

    static List<Quota> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProfileLoader.ProfileException(file, "cannot read: " + e.getMessage());
        }
        var out = new ArrayList<Quota>();
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
                if (f.length != 8) throw new IllegalArgumentException("expected 8 columns, found " + f.length);
                if (!ru.zamena.core.compliance.Okpd2.valid(f[2])) throw new IllegalArgumentException("'" + f[2] + "' is not an OKPD2 code");
                out.add(new Quota(f[0], f[1], f[2], f[3], f[4], Integer.parseInt(f[5]), Double.parseDouble(f[6]), Boolean.parseBoolean(f[7])));
            } catch (IllegalArgumentException e) {
                throw new ProfileLoader.ProfileException(file, "line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }
}
