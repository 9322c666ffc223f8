package dev.polygate.cli;

import dev.polygate.experiment.ThreadsPerRun;

/** The text of --threads-per-run, as train and the sweeping commands ({@link GridRunOptions}) declare it. */
final class ThreadsPerRunOption {
    /** What the option does, for every command that takes it. */
    static final String DESCRIPTION = "threads inside each run, 1.." + Converters.Threads.MAX + " or auto: every "
            + "step of float32 first-order training split over them (default: ${DEFAULT-VALUE}: for a run of at least "
            + ThreadsPerRun.AUTO_MIN_FLOPS_PER_STEP / 1_000_000 + " MFLOP per step the cores the runs in parallel "
            + "leave, cores / parallel runs; 1 for smaller runs); results do not depend on it";

    private ThreadsPerRunOption() {
    }
}
