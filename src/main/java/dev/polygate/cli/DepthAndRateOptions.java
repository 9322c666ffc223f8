package dev.polygate.cli;

import dev.polygate.model.ModelSpec;
import picocli.CommandLine.Option;

/** One depth and one learning rate: --depth and --lr of train, equivalence and scaling (sweep takes lists). */
final class DepthAndRateOptions {
    @Option(names = "--depth", paramLabel = "D", converter = Converters.Depth.class,
            description = "hidden layers, 1.." + ModelSpec.MAX_DEPTH + " (default: ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--lr", paramLabel = "R", converter = Converters.PositiveNumber.class,
            description = "Adam learning rate, > 0 (default: ${DEFAULT-VALUE})")
    double lr;
}
