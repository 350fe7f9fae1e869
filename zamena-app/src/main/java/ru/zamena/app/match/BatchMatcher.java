package ru.zamena.app.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One run of matching many names (an inventory, a stdin stream): batches are matched on {@code threads}
 * threads and come back in input order, and results are remembered per (name, publisher) for the run,
 * since real inventories repeat the same few thousand names across thousands of computers. The memory is
 * bounded: the cache is dropped when it holds {@code cacheSize} entries. Close it to stop its threads.
 */
public final class BatchMatcher implements AutoCloseable {
    /** One input line: a raw name and an optional publisher. */
    public record Name(String raw, String publisher) {}

    private final InventoryMatcher matcher;
    private final int threads;
    private final int cacheSize;
    private final ConcurrentHashMap<Name, InventoryMatcher.Match> cache = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private long hits, lookups;

    public BatchMatcher(InventoryMatcher matcher, int threads, int cacheSize) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        this.matcher = matcher;
        this.threads = threads;
        this.cacheSize = cacheSize;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "zamena-match");
            t.setDaemon(true);
            return t;
        });
    }

    /** A run with one thread per core and a cache of 200,000 names. */
    public static BatchMatcher forRun(InventoryMatcher matcher) {
        return new BatchMatcher(matcher, Runtime.getRuntime().availableProcessors(), 200_000);
    }

    /** Matches a batch; the result list is in the order of {@code names}. */
    public List<InventoryMatcher.Match> matchAll(List<Name> names) {
        var out = new InventoryMatcher.Match[names.size()];
        if (pool == null || names.size() < 2 * threads) {
            matchRange(names, out, 0, names.size());
        } else {
            var futures = new ArrayList<Future<?>>(threads);
            int step = (names.size() + threads - 1) / threads;
            for (int from = 0; from < names.size(); from += step) {
                int a = from, b = Math.min(names.size(), from + step);
                futures.add(pool.submit(() -> matchRange(names, out, a, b)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while matching", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        synchronized (this) {
            lookups += names.size();
        }
        return Arrays.asList(out);
    }

    public InventoryMatcher.Match match(String raw, String publisher) {
        return matchAll(List.of(new Name(raw, publisher))).getFirst();
    }

    private void matchRange(List<Name> names, InventoryMatcher.Match[] out, int from, int to) {
        int found = 0;
        for (int i = from; i < to; i++) {
            Name n = names.get(i);
            InventoryMatcher.Match m = cacheSize > 0 ? cache.get(n) : null;
            if (m != null) {
                found++;
            } else {
                m = matcher.match(n.raw(), n.publisher());
                if (cacheSize > 0) {
                    if (cache.size() >= cacheSize) cache.clear();
                    cache.put(n, m);
                }
            }
            out[i] = m;
        }
        synchronized (this) {
            hits += found;
        }
    }

    /** Share of names answered from the run's cache so far. */
    public synchronized double cacheHitRate() {
        return lookups == 0 ? 0 : (double) hits / lookups;
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
