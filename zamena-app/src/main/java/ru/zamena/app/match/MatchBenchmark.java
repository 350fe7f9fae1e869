package ru.zamena.app.match;

import ru.zamena.core.text.NameKey;
import ru.zamena.store.MatchNamesStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

/**
 * The measurements behind {@code zamena bench match}: quality on the labelled set and on a synthetic stream,
 * and names per second on one and two threads, for the matcher and the two {@link MatchBaselines}, all on
 * the same catalog snapshot. No assertions; figures only.
 */
public final class MatchBenchmark {
    private MatchBenchmark() {}

    /** A name with the product it names ("-" for none). */
    public record Labelled(String input, String publisher, String expected) {}

    /** Precision of matched and recall of matched-or-review (a baseline has no review). */
    public record Quality(int matched, int matchedCorrect, int expected, int found) {
        public double precision() { return matched == 0 ? 1 : (double) matchedCorrect / matched; }
        public double recall() { return expected == 0 ? 1 : (double) found / expected; }
    }

    /** One method's row of the table. */
    public record Row(String method, Quality labelled, Quality synthetic, double perSecond1, double perSecond2,
                      double perSecondRepeated, double buildSeconds) {}

    /** What a method says about one name: status (matched/review/unmatched) and product id. */
    public record Answer(String status, String productId) {}

    // ------------------------------------------------------------------------------ synthetic names

    private static final String[] VERSIONS = {"%d.%d", "%d.%d.%d", "%d.%d.%d.%d"};
    private static final String[] DECORATIONS = {" (x64)", " x64", " (64-bit)", " - ru-ru", " (RUS)", " Professional", " Стандартная",
            " 2019", " 2021", " Setup", " (32-bit)", " en-US"};
    private static final String[] SYLLABLES = {"zor", "vex", "tal", "quin", "mar", "dro", "pel", "kix", "ost", "bru", "nae", "lum", "gri", "fen"};
    private static final String[] THINGS = {"Audio Driver", "Touchpad Driver", "Printer Utility", "Control Center", "Updater",
            "Helper Service", "Runtime", "Redistributable", "Toolkit", "Card Reader Driver", "Camera App", "Font Pack", "Game Launcher"};

    /**
     * {@code n} names as inventories write them, 70% from catalog products (a name or alias, with a version,
     * architecture, language, edition or year, sometimes lower-cased, transliterated or with one typo) and 30%
     * made-up programs not in the catalog. With random version numbers almost every line differs.
     */
    public static List<Labelled> synthetic(MatchNamesStore.Snapshot s, int n, long seed) {
        var rnd = new Random(seed);
        var curated = new ArrayList<MatchNamesStore.ProductRow>();
        var registry = new ArrayList<MatchNamesStore.ProductRow>();
        for (var p : s.products()) (p.id().startsWith("reg-") ? registry : curated).add(p);
        var out = new ArrayList<Labelled>(n);
        while (out.size() < n) {
            if (rnd.nextDouble() < 0.3) {
                String brand = cap(SYLLABLES[rnd.nextInt(SYLLABLES.length)] + SYLLABLES[rnd.nextInt(SYLLABLES.length)] + SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
                out.add(new Labelled(brand + " " + THINGS[rnd.nextInt(THINGS.length)] + " " + version(rnd), brand + " Inc.", "-"));
                continue;
            }
            var pool = registry.isEmpty() || rnd.nextDouble() < 0.7 ? curated : registry;
            var p = pool.get(rnd.nextInt(pool.size()));
            var names = new ArrayList<String>();
            names.add(p.name());
            if (p.nameRu() != null) names.add(p.nameRu());
            names.addAll(p.aliases());
            String name = names.get(rnd.nextInt(names.size()));
            double r = rnd.nextDouble();
            if (r < 0.10) name = NameKey.latin(name);
            else if (r < 0.25) name = name.toLowerCase(Locale.ROOT);
            else if (r < 0.35) name = typo(name, rnd);
            if (rnd.nextDouble() < 0.5) name += " " + version(rnd);
            if (rnd.nextDouble() < 0.4) name += DECORATIONS[rnd.nextInt(DECORATIONS.length)];
            out.add(new Labelled(name, "", p.id()));
        }
        return out;
    }

    /** {@code n} names drawn from {@code distinct} of {@code names} with a Zipf-like skew, as a fleet's inventory repeats its software. */
    public static List<Labelled> repeated(List<Labelled> names, int distinct, int n, long seed) {
        var rnd = new Random(seed);
        int k = Math.min(distinct, names.size());
        double[] cumulative = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) cumulative[i] = sum += 1.0 / (i + 1);
        var out = new ArrayList<Labelled>(n);
        for (int i = 0; i < n; i++) {
            double x = rnd.nextDouble() * sum;
            int at = java.util.Arrays.binarySearch(cumulative, x);
            out.add(names.get(at < 0 ? Math.min(k - 1, -at - 1) : at));
        }
        return out;
    }

    /** One pair of adjacent letters swapped, the commonest typing error. */
    public static String typo(String s, Random rnd) {
        char[] c = s.toCharArray();
        for (int tries = 0; tries < 10; tries++) {
            int i = 1 + rnd.nextInt(Math.max(1, c.length - 2));
            if (i + 1 < c.length && Character.isLetter(c[i]) && Character.isLetter(c[i + 1]) && c[i] != c[i + 1]) {
                char t = c[i];
                c[i] = c[i + 1];
                c[i + 1] = t;
                return new String(c);
            }
        }
        return s;
    }

    private static String version(Random rnd) {
        String f = VERSIONS[rnd.nextInt(VERSIONS.length)];
        return String.format(Locale.ROOT, f, 1 + rnd.nextInt(30), rnd.nextInt(10), rnd.nextInt(100), rnd.nextInt(10000));
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ------------------------------------------------------------------------------ measuring

    public static Quality quality(List<Labelled> names, List<Answer> answers) {
        int matched = 0, correct = 0, expected = 0, found = 0;
        for (int i = 0; i < names.size(); i++) {
            Labelled l = names.get(i);
            Answer a = answers.get(i);
            boolean right = a.productId() != null && a.productId().equals(l.expected());
            boolean shouldMatch = !"-".equals(l.expected());
            if (shouldMatch) expected++;
            if (InventoryMatcher.MATCHED.equals(a.status())) {
                matched++;
                if (right) correct++;
            }
            if (shouldMatch && right && !InventoryMatcher.UNMATCHED.equals(a.status())) found++;
        }
        return new Quality(matched, correct, expected, found);
    }

    /** Answers of a method for all names, on {@code threads} threads, in order. */
    public static List<Answer> run(BiFunction<String, String, Answer> method, List<Labelled> names, int threads) {
        var out = new Answer[names.size()];
        if (threads == 1) {
            for (int i = 0; i < names.size(); i++) out[i] = method.apply(names.get(i).input(), names.get(i).publisher());
            return List.of(out);
        }
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var futures = new ArrayList<Future<?>>();
            int step = (names.size() + threads - 1) / threads;
            for (int from = 0; from < names.size(); from += step) {
                int a = from, b = Math.min(names.size(), from + step);
                futures.add(pool.submit(() -> {
                    for (int i = a; i < b; i++) out[i] = method.apply(names.get(i).input(), names.get(i).publisher());
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return List.of(out);
    }

    /** Names per second of {@code method} over {@code names}. */
    public static double perSecond(BiFunction<String, String, Answer> method, List<Labelled> names, int threads) {
        long t0 = System.nanoTime();
        run(method, names, threads);
        return names.size() / ((System.nanoTime() - t0) / 1e9);
    }

    /** The matcher as a method, through a {@link BatchMatcher} run (batches of 1,000 as the CLI reads them). */
    public static double perSecond(InventoryMatcher matcher, List<Labelled> names, int threads, int cacheSize) {
        long t0 = System.nanoTime();
        try (var batch = new BatchMatcher(matcher, threads, cacheSize)) {
            for (int from = 0; from < names.size(); from += 1000) {
                var chunk = new ArrayList<BatchMatcher.Name>(1000);
                for (Labelled l : names.subList(from, Math.min(names.size(), from + 1000))) chunk.add(new BatchMatcher.Name(l.input(), l.publisher()));
                batch.matchAll(chunk);
            }
        }
        return names.size() / ((System.nanoTime() - t0) / 1e9);
    }

    public static BiFunction<String, String, Answer> method(InventoryMatcher m) {
        return (raw, pub) -> {
            var r = m.match(raw, pub);
            return new Answer(r.status(), r.product() == null ? null : r.product().id());
        };
    }

    public static BiFunction<String, String, Answer> method(MatchBaselines.Baseline b) {
        return (raw, pub) -> {
            String id = b.match(raw, pub);
            return new Answer(id == null ? InventoryMatcher.UNMATCHED : InventoryMatcher.MATCHED, id);
        };
    }
}
