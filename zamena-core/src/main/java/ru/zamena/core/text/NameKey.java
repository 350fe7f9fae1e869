package ru.zamena.core.text;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns product and vendor names written in Cyrillic, Latin or transliteration into comparable keys.
 *
 * <p>{@link #fold} keeps the script (for display-level comparisons); {@link #latin} transliterates
 * Cyrillic to plain ASCII; {@link #skeleton} additionally merges the spellings that different
 * transliteration schemes produce ("Касперский", "Kaspersky", "Kasperskij" → "kasperski"), so that
 * one index serves queries in any script. Thread-safe: ICU transliterators are used under a lock-free
 * per-thread copy.
 */
public final class NameKey {
    private NameKey() {}

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    // Cyrillic letters that look like Latin ones: inside a Latin word ("Windоws") they are typos.
    private static final String CYR_LOOKALIKE = "АВЕКМНОРСТХаеорсху";
    private static final String LAT_LOOKALIKE = "ABEKMHOPCTXaeopcxy";
    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII"));

    /** Unicode-normalised, lower-case, ё→е, punctuation → space, single spaces. Keeps the script. */
    public static String fold(String s) {
        if (s == null) return "";
        String n = NFKC.normalize(s).toLowerCase(Locale.ROOT).replace('ё', 'е');
        var sb = new StringBuilder(n.length());
        boolean space = true;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || cp == '+' || cp == '#') {
                sb.appendCodePoint(cp);
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == ' ') sb.setLength(len - 1);
        return sb.toString();
    }

    /** {@link #fold}, with Cyrillic transliterated to ASCII Latin; look-alike letters in mixed tokens become Latin. */
    public static String latin(String s) {
        String folded = fold(s);
        var tokens = folded.split(" ");
        var out = new StringBuilder(folded.length() + 8);
        for (String t : tokens) {
            if (t.isEmpty()) continue;
            if (!out.isEmpty()) out.append(' ');
            t = LATIN_BRANDS.getOrDefault(t, fixLookalikes(t));
            out.append(isAscii(t) ? t : transliterate(t));
        }
        return fold(out.toString().replace("'", "").replace("\"", ""));
    }

    /**
     * A phonetic skeleton of {@link #latin}: merges y/j/i, kh/h, ts/c, w/v, ph/f, x/ks, ck/k, q/k and
     * doubled letters, so transliteration variants and many typos meet. Words stay space-separated.
     */
    public static String skeleton(String s) {
        String l = latin(s);
        var words = l.split(" ");
        var out = new StringBuilder(l.length());
        for (String w : words) {
            if (w.isEmpty()) continue;
            if (!out.isEmpty()) out.append(' ');
            out.append(skeletonWord(w));
        }
        return out.toString();
    }

    /** {@link #skeleton} without spaces: "moi ofis" and "МойОфис" both give "moiofis". */
    public static String compact(String s) {
        return skeleton(s).replace(" ", "");
    }

    /** Words of {@link #skeleton}, for token-level comparisons. */
    public static List<String> words(String s) {
        var out = new ArrayList<String>();
        for (String w : skeleton(s).split(" ")) if (!w.isEmpty()) out.add(w);
        return out;
    }

    static String skeletonWord(String w) {
        String x = w
                .replace("shch", "sh").replace("sch", "sh")
                .replace("kh", "h").replace("zh", "j")
                .replace("tz", "c").replace("ts", "c")
                .replace("ph", "f").replace("ck", "k").replace("q", "k")
                .replace("w", "v").replace("x", "ks")
                .replace('y', 'i').replace('j', 'i');
        var sb = new StringBuilder(x.length());
        char prev = 0;
        for (int i = 0; i < x.length(); i++) {
            char c = x.charAt(i);
            if (c != prev || Character.isDigit(c)) sb.append(c);
            prev = c;
        }
        return sb.toString();
    }

    private static String fixLookalikes(String token) {
        boolean hasLatin = false, hasOtherCyrillic = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 128 && Character.isLetter(c)) hasLatin = true;
            else if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC && CYR_LOOKALIKE.indexOf(c) < 0) hasOtherCyrillic = true;
        }
        if (!hasLatin || hasOtherCyrillic) return token;
        var sb = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            int k = CYR_LOOKALIKE.indexOf(c);
            sb.append(k >= 0 ? LAT_LOOKALIKE.charAt(k) : c);
        }
        return sb.toString();
    }

    // Brands whose official Latin spelling is not their transliteration ("1С" is "1C", not "1S").
    private static final java.util.Map<String, String> LATIN_BRANDS = java.util.Map.of("1с", "1c");

    // Words repeat a lot across names ("система", "управления"); ICU transliteration is the costly
    // step, so results are cached per word. Bounded: cleared when full.
    private static final java.util.concurrent.ConcurrentHashMap<String, String> WORD_CACHE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int WORD_CACHE_MAX = 200_000;

    private static String transliterate(String word) {
        String cached = WORD_CACHE.get(word);
        if (cached != null) return cached;
        String latin = TO_LATIN.get().transliterate(word);
        if (WORD_CACHE.size() >= WORD_CACHE_MAX) WORD_CACHE.clear();
        WORD_CACHE.put(word, latin);
        return latin;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return false;
        return true;
    }
}
