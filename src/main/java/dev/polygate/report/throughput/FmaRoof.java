package dev.polygate.report.throughput;

import dev.polygate.kernel.FlopCount;

/**
 * The work of the roof benchmark (FmaRoofBenchmark.fma12): {@link #CHAINS} independent vector FMA
 * chains of {@link #ITERATIONS} steps each, one FMA (2 FLOPs) per lane per step. Main code, so
 * that the throughput report counts the roof's FLOPs without importing the benchmark; the
 * benchmark takes its loop sizes from here, and its {@code @Setup} fails if its hand-unrolled
 * chains do not match {@link #CHAINS}.
 */
public final class FmaRoof {
    /** Independent accumulator chains (FMA latency 4 cycles × 2 pipes needs at least 8 in flight). */
    public static final int CHAINS = 12;

    /** FMA steps per chain in one call. */
    public static final int ITERATIONS = 4096;

    private FmaRoof() {
    }

    /** FLOPs of one call at this many float lanes: {@link FlopCount#fmaRoof}, 2 · CHAINS · ITERATIONS · lanes. */
    public static long flops(int lanes) {
        return FlopCount.fmaRoof(CHAINS, ITERATIONS, lanes);
    }
}
