package ru.zamena.ingest.inventory.huge;

import ru.zamena.ingest.InputException;
import ru.zamena.ingest.inventory.InventoryReader;
import ru.zamena.ingest.inventory.InventoryReaders;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Run in a child JVM with a small heap: streams one file through {@link InventoryReaders} and prints
 * {@code format items seconds peakHeapMB} on one line, or the error message and exit code 2.
 */
public final class CountItems {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        long items = 0;
        String format;
        try (InventoryReader r = InventoryReaders.open(Path.of(args[0]))) {
            format = r.format();
            while (r.hasNext()) {
                r.next();
                items++;
            }
        } catch (InputException e) {
            System.out.println("ERROR " + e.getMessage());
            System.exit(2);
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        System.out.printf(java.util.Locale.ROOT, "%s %d %.2f %d%n", format, items, seconds, peak >> 20);
    }
}
