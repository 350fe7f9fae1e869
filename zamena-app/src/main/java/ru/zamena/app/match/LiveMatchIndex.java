package ru.zamena.app.match;

import ru.zamena.store.MatchNamesStore;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The current {@link MatchIndex} of the catalog, kept fresh without anyone telling it: at most once per
 * {@code checkEvery} a use of the index also asks, in the background, for the catalog generation (a counter
 * that triggers bump on every change to the catalog tables, migration V6) and rebuilds the index when it
 * moved. Readers are never blocked by a rebuild; they use the previous index until the new one is ready.
 * Only the very first use waits for a build.
 */
public final class LiveMatchIndex implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LiveMatchIndex.class.getName());

    private final Supplier<MatchNamesStore.Snapshot> load;
    private final LongSupplier generation;
    private final Set<String> domesticCountries;
    private final long checkEveryNanos;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "zamena-match-index");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile MatchIndex current;
    private volatile long lastCheck;
    private volatile int rebuilds;

    public LiveMatchIndex(MatchNamesStore store, Set<String> domesticCountries, Duration checkEvery) {
        this(store::load, store::generation, domesticCountries, checkEvery);
    }

    /** An index over any source of snapshots, e.g. a fixed one in tests. */
    public LiveMatchIndex(Supplier<MatchNamesStore.Snapshot> load, LongSupplier generation, Set<String> domesticCountries, Duration checkEvery) {
        this.load = Objects.requireNonNull(load, "load");
        this.generation = Objects.requireNonNull(generation, "generation");
        this.domesticCountries = Set.copyOf(domesticCountries);
        this.checkEveryNanos = checkEvery.toNanos();
    }

    /** The index to use now; the first call builds it, later calls may start a background freshness check. */
    public MatchIndex get() {
        MatchIndex idx = current;
        if (idx == null) {
            synchronized (this) {
                if (current == null) {
                    current = MatchIndex.build(load.get(), domesticCountries);
                    lastCheck = System.nanoTime();
                }
                return current;
            }
        }
        long now = System.nanoTime();
        if (now - lastCheck >= checkEveryNanos && checking.compareAndSet(false, true)) {
            lastCheck = now;
            try {
                background.execute(() -> {
                    try {
                        refresh();
                    } catch (RuntimeException e) {
                        // The old index stays in use; the next check tries again.
                        LOG.log(Level.WARNING, "match index refresh failed: " + e.getMessage(), e);
                    } finally {
                        checking.set(false);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                checking.set(false);
            }
        }
        return idx;
    }

    /**
     * Checks the generation now and rebuilds in the calling thread if it moved. Returns true when it rebuilt.
     * For tests and for callers that have just changed the catalog and want to see it at once.
     */
    public synchronized boolean refresh() {
        MatchIndex idx = current;
        if (idx != null && generation.getAsLong() == idx.generation()) return false;
        current = MatchIndex.build(load.get(), domesticCountries);
        lastCheck = System.nanoTime();
        if (idx != null) rebuilds++;
        return true;
    }

    /** How many times the index was rebuilt after the first build. */
    public int rebuilds() { return rebuilds; }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
