package dev.polygate.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a sweeping command (sweep, equivalence, scaling) runs its grid and where its report goes. */
final class GridRunOptions {
    @Option(names = "--first-seed", paramLabel = "S", converter = Converters.Seed.class,
            description = "seeds are S, S+1, ... (default: ${DEFAULT-VALUE})")
    long firstSeed;

    @Option(names = "--threads", paramLabel = "N", converter = Converters.Threads.class,
            description = "parallel runs, 1.." + Converters.Threads.MAX + " (default: the available cores); "
                    + "results do not depend on it")
    Integer threads;

    @Mixin
    OutDirOption out;

    @Option(names = "--quiet", description = "no progress lines on stderr")
    boolean quiet;

    /** --threads, or every core the JVM may use. */
    int threadCount() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
