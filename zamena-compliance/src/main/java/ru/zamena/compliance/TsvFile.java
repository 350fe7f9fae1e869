package ru.zamena.compliance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tab-separated tables of a profile (quotas, CPV→OKPD2): UTF-8, lines starting with {@code #} are
 * comments, the first other line is the header, which must be exactly the expected one.
 */
final class TsvFile {
    /** A data row: its 1-based line number and its cells. */
    record Row(int line, String[] cells) {}

    private TsvFile() {}

    static List<Row> rows(Path file, String header) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProfileLoader.ProfileException(file, "cannot read: " + e.getMessage());
        }
        var out = new ArrayList<Row>();
        boolean seenHeader = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            if (!seenHeader) {
                if (!line.strip().equals(header)) throw new ProfileLoader.ProfileException(file, "line " + (i + 1) + ": expected the header " + header.replace('\t', ' '));
                seenHeader = true;
                continue;
            }
            out.add(new Row(i + 1, line.split("\t", -1)));
        }
        return out;
    }
}
