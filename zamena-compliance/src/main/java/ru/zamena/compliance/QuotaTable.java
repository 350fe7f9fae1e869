package ru.zamena.compliance;

import ru.zamena.core.compliance.Quota;

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
        var out = new ArrayList<Quota>();
        for (TsvFile.Row row : TsvFile.rows(file, HEADER)) {
            String[] f = row.cells();
            try {
                if (f.length != 8) throw new IllegalArgumentException("expected 8 columns, found " + f.length);
                if (!ru.zamena.core.compliance.Okpd2.valid(f[2])) throw new IllegalArgumentException("'" + f[2] + "' is not an OKPD2 code");
                out.add(new Quota(f[0], f[1], f[2], f[3], f[4], Integer.parseInt(f[5]), Double.parseDouble(f[6]), Boolean.parseBoolean(f[7])));
            } catch (IllegalArgumentException e) {
                throw new ProfileLoader.ProfileException(file, "line " + row.line() + ": " + e.getMessage());
            }
        }
        return out;
    }
}
