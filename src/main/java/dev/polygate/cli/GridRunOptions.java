package dev.polygate.cli;

import dev.polygate.experiment.ThreadsPerRun;
import dev.polygate.experiment.store.Shard;
import dev.polygate.experiment.store.StoreDesign;
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

    @Option(names = "--threads-per-run", paramLabel = "N", converter = Converters.ThreadsPerRunText.class,
            defaultValue = "auto", description = ThreadsPerRunOption.DESCRIPTION + "; with --engine spark 1 unless "
                    + "given (an executor's cores are Spark's to share out)")
    ThreadsPerRun threadsPerRun;

    @Mixin
    OutDirOption out;

    @Option(names = "--quiet", description = "no progress lines on stderr")
    boolean quiet;

    @Option(names = "--fresh", description = "start a new run store: the old one in --out is moved aside "
            + "(renamed with the date and time), never deleted; without it, a command run again on the same --out "
            + "resumes, training only the runs not stored yet")
    boolean fresh;

    @Option(names = "--shard", paramLabel = "I/N", converter = Converters.ShardSpec.class,
            description = "train only shard I of N (1 <= I <= N), a deterministic share of the grid balanced by "
                    + "FLOPs x steps; the store goes to --out, no report: combine the shards' stores with "
                    + "polygate merge, then polygate report")
    Shard shard;

    @Option(names = "--engine", paramLabel = "E", converter = Converters.EngineName.class,
            description = "where runs train: local (this JVM's --threads) or spark (one Spark task per run; "
                    + "--spark-master, or spark-submit's master) (default: local)")
    Engine engine = Engine.LOCAL;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "the Spark master for --engine spark, e.g. 'local[2]' (in this JVM) or spark://host:7077; "
                    + "default: the one spark-submit sets")
    String sparkMaster;

    @Option(names = "--full-curves", description = "store every step of every loss curve; by default curves are "
            + "kept at about " + StoreDesign.CURVE_BLOCKS + " points with each block's lowest and highest loss "
            + "(what the reports need)")
    boolean fullCurves;

    /** Where runs train. */
    enum Engine {
        LOCAL, SPARK
    }

    /** --threads-per-run for --engine spark: the count given, 1 for auto. */
    int sparkThreadsPerRun() {
        return threadsPerRun.isAuto() ? 1 : threadsPerRun.count();
    }

    /** --threads, or every core the JVM may use. */
    int threadCount() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
