package dev.polygate.experiment;

import dev.polygate.kernel.FlopCount;
import dev.polygate.model.RunSpec;
import dev.polygate.train.Trainer;

/**
 * How many threads each run trains on inside itself ({@link Trainer#train(RunSpec, int)}): a fixed
 * count, or {@link #AUTO}. Results never depend on it — a run's threads split outputs, never a sum
 * ({@link dev.polygate.kernel.ParallelFor}) — only wall time does.
 */
public final class ThreadsPerRun {
    /**
     * The cores the parallel runs leave, for runs large enough that splitting a step pays:
     * {@link #forRun}.
     */
    public static final ThreadsPerRun AUTO = new ThreadsPerRun(0);

    /**
     * FLOPs per training step ({@link FlopCount#trainingStep}) from which AUTO splits a run: 2 MFLOP,
     * about 25 µs of one core. A step on threads hands work over 4 + 3·(depth − 1) times, about a µs
     * each, and small passes are bound by memory, not by cores. Measured with Adam steps of
     * VectorMlp, 1 against 2 threads, on the 2-vCPU EPYC (Zen 5, AVX-512, JDK 17): relu plain
     * 1000×10×1 (0.1 MFLOP, 3.2 µs) 0.25× (4× slower), 1000×10×2 (0.8 MFLOP) 0.76×, silu gated
     * 1000×10×1 (0.6 MFLOP) 0.99×, relu plain 1000×64×1 (0.9 MFLOP) 1.21×; from 1.8 MFLOP on
     * 1.4–1.9×: silu gated 1000×32×1 (1.8 MFLOP) 1.54×, 1000×64×1 (3.6) 1.38×, relu plain
     * 1000×256×1 (3.6) 1.68×, 4096×64×1 (3.7) 1.51×, 1000×64×2 (26) 1.73×, 4096×64×2 (106) 1.89×,
     * 4096×256×2 (1631, 12.8 ms) 1.88×.
     */
    public static final long AUTO_MIN_FLOPS_PER_STEP = 2_000_000L;

    private final int count;

    private ThreadsPerRun(int count) {
        this.count = count;
    }

    /**
     * Every run on {@code threads} threads.
     *
     * @throws IllegalArgumentException for threads &lt; 1
     */
    public static ThreadsPerRun of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads per run must be at least 1, got " + threads);
        }
        return new ThreadsPerRun(threads);
    }

    public boolean isAuto() {
        return count == 0;
    }

    /** The fixed count; an IllegalStateException for AUTO, whose count depends on the run. */
    public int count() {
        if (isAuto()) {
            throw new IllegalStateException("auto has no fixed count: see forRun");
        }
        return count;
    }

    /**
     * The threads of {@code run} when {@code runs} runs train, at most {@code parallelRuns} at a
     * time, on {@code cores} cores: the fixed count; or, for AUTO, max(1, cores / min(parallelRuns,
     * runs)) for a run whose steps split ({@link Trainer#splitsSteps}) and take at least
     * {@link #AUTO_MIN_FLOPS_PER_STEP}, else 1.
     */
    public int forRun(RunSpec run, int cores, int parallelRuns, int runs) {
        if (!isAuto()) {
            return count;
        }
        if (!Trainer.splitsSteps(run) || FlopCount.trainingStep(run.model(), run.samples()) < AUTO_MIN_FLOPS_PER_STEP) {
            return 1;
        }
        return Math.max(1, cores / Math.max(1, Math.min(parallelRuns, runs)));
    }

    /** "auto" or the count, as the command line takes it. */
    @Override
    public String toString() {
        return isAuto() ? "auto" : Integer.toString(count);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ThreadsPerRun other && other.count == count;
    }

    @Override
    public int hashCode() {
        return count;
    }
}
