package dev.polygate.cli;

import dev.polygate.experiment.MemoryBudget;
import dev.polygate.kernel.RunMemory;
import dev.polygate.model.RunSpec;
import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Refuses, before any training, a run that cannot be allocated: a buffer longer than a Java array
 * ({@link RunMemory#MAX_ARRAY_ELEMENTS}), or more bytes than the heap can give
 * ({@link MemoryBudget#usableHeapBytes}). Each is one line and exit 2 ({@link UsageException}),
 * naming the buffer or the bytes needed, the heap there is and how to raise it.
 */
final class MemoryCheck {
    /** The launcher's pass-through of JVM options (bin/polygate). */
    static final String JAVA_OPTS = "POLYGATE_JAVA_OPTS";
    private static final long GIB = 1L << 30;

    private MemoryCheck() {
    }

    /** One run alone (train). */
    static void requireFits(String command, RunSpec run) {
        RunMemory memory = RunMemory.of(run);
        memory.overArrayLimit().ifPresent(b -> {
            throw new UsageException(command + ": " + b.tooLargeMessage() + "; use fewer --samples or a smaller --width");
        });
        requireHeap(command + ": the run needs ", memory.bytes());
    }

    /**
     * Every distinct run of a grid, each alone (finished runs go to the run store, so they hold no
     * heap): the largest that does not fit is named.
     */
    static void requireFits(String command, List<RunSpec> runs) {
        for (RunSpec run : runs) {
            RunMemory.of(run).overArrayLimit().ifPresent(b -> {
                throw new UsageException(command + ": run " + run.id() + ": " + b.tooLargeMessage()
                        + "; use fewer --samples or a smaller --width");
            });
        }
        RunSpec largest = runs.stream()
                .max(Comparator.comparingLong((RunSpec run) -> RunMemory.of(run).bytes())).orElseThrow();
        RunMemory memory = RunMemory.of(largest);
        requireHeap(command + ": run " + largest.id() + " needs ", memory.bytes());
    }

    private static void requireHeap(String prefix, long need) {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        long usable = MemoryBudget.usableHeapBytes();
        if (need <= usable) {
            return;
        }
        // The smallest -Xmx whose usable share covers the need, in whole GiB.
        long xmxGib = (long) Math.ceil((need / MemoryBudget.HEAP_FRACTION + used) / GIB);
        long ram = physicalMemory();
        throw new UsageException(prefix + size(need) + " of heap (" + need + " bytes); the heap has " + size(usable)
                + " usable (" + Math.round(MemoryBudget.HEAP_FRACTION * 100) + " % of max heap " + size(rt.maxMemory())
                + " less " + size(used) + " in use); raise the maximum heap (e.g. " + JAVA_OPTS + "=-Xmx" + xmxGib
                + "g bin/polygate ..." + (ram > 0 ? "; this machine has " + size(ram) + " of memory" : "")
                + ") or use fewer --samples or a smaller --width");
    }

    /** Bytes as GiB with one decimal, or whole MiB (rounded up) below 1 GiB. */
    static String size(long bytes) {
        return bytes >= GIB ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) GIB)
                : ((bytes + (1 << 20) - 1) >> 20) + " MiB";
    }

    /** Physical memory in bytes, or 0 when the platform does not say. */
    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }
}
