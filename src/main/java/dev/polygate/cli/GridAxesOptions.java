package dev.polygate.cli;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.Target;
import java.util.List;
import picocli.CommandLine.Option;

/** The axes a grid of runs crosses, shared by sweep and scaling: --activations, --kinds, --degrees. */
final class GridAxesOptions {
    @Option(names = "--activations", paramLabel = "NAME", split = ",", converter = Converters.ActivationName.class,
            completionCandidates = Candidates.Activations.class,
            description = "activations, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    List<Activation> activations;

    @Option(names = "--kinds", paramLabel = "KIND", split = ",", converter = Converters.KindName.class,
            completionCandidates = Candidates.Kinds.class,
            description = "layer kinds, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    List<LayerKind> kinds;

    @Option(names = "--degrees", paramLabel = "N", split = ",", converter = Converters.Degree.class,
            description = "n of the targets x^n, each in 0.." + Target.MAX_DEGREE + " (default: ${DEFAULT-VALUE})")
    List<Integer> degrees;
}
