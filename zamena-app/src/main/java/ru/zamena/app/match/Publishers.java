package ru.zamena.app.match;

import ru.zamena.core.text.NameSimilarity;

import java.util.List;
import java.util.regex.Pattern;

/** What an inventory's publisher field says about a candidate's vendor. */
final class Publishers {
    private Publishers() {}

    /** Distribution packagers: the publisher of a repackaged program says nothing about its vendor. */
    static final Pattern PACKAGER = Pattern.compile("debian|ubuntu|fedora|opensuse|maintainers|packagers|centos|rocky linux|almalinux",
            Pattern.CASE_INSENSITIVE);

    /**
     * A Maven group or similar reverse domain ("org.postgresql", "com.microsoft.sqlserver"): SBOMs put it where a
     * publisher goes, and it marks the item as a library component, not an installed product.
     */
    static final Pattern LIBRARY_GROUP = Pattern.compile("(?:org|com|net|io|ru|de|fr|uk|nl|edu|gov|dev|me|app|co)(?:\\.[a-z0-9_-]+)+");

    /** Legal forms and quotes, removed from publishers before comparing ("Zoom Video Communications, Inc."). */
    static final Pattern LEGAL = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:inc|llc|ltd|limited|corp|corporation|co|company|gmbh|ag|sa|sas|sia|ab|as|oy|bv|nv|plc|spol|s\\.?\\s?r\\.?\\s?o|ao|ооо|ао|пао|зао|оао|ип)(?![\\p{L}\\p{N}])\\.?|[«»\"“”,]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACES = Pattern.compile("\\s+");

    static String strip(String s) {
        return SPACES.matcher(LEGAL.matcher(s).replaceAll(" ")).replaceAll(" ").strip();
    }

    static boolean isPackager(String publisher) {
        return PACKAGER.matcher(publisher).find();
    }

    static boolean isLibraryGroup(String publisher) {
        return LIBRARY_GROUP.matcher(publisher).matches();
    }

    /** Best similarity of a publisher to the vendor's names and aliases, in both directions; 1 for a publisher without letters. */
    static double score(NameSimilarity.Key publisher, List<NameSimilarity.Key> vendor) {
        if (publisher.compact().isEmpty()) return 1.0;
        double best = 0;
        for (NameSimilarity.Key v : vendor)
            best = Math.max(best, Math.max(NameSimilarity.score(publisher, v), NameSimilarity.score(v, publisher)));
        return best;
    }
}
