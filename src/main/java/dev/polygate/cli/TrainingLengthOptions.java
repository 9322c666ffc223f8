package dev.polygate.cli;

import dev.polygate.model.RunSpec;
import picocli.CommandLine.Option;

/** How much data and how many Adam steps a run trains on: --samples and --steps, in every training command. */
final class TrainingLengthOptions {
    @Option(names = "--samples", paramLabel = "N", converter = Converters.Samples.class,
            description = "training points, 1.." + RunSpec.MAX_SAMPLES + " (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--steps", paramLabel = "T", converter = Converters.Steps.class,
            description = "Adam steps, 1.." + RunSpec.MAX_STEPS + " (default: ${DEFAULT-VALUE})")
    int steps;
}
