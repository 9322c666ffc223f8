package dev.polygate.cli;

import dev.polygate.experiment.EquivalenceDesign;
import dev.polygate.experiment.Grid;
import dev.polygate.model.Activation;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.Target;
import dev.polygate.text.FloatText;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polygate equivalence}: gated-with-g against plain-with-∫g, seed by seed, and its report. */
@Command(name = "equivalence", defaultValueProvider = EquivalenceCommand.Defaults.class,
        header = "gated with gate g against plain with activation int-g, seed by seed (equivalence.md)",
        description = {
            "Tests the study's claim that a gated layer with gate g behaves like a plain layer whose activation is "
                    + "the integral of g (gated ReLU ~ plain ReLU^2/2). For every gate it trains, on the same data "
                    + "and seeds: gated with g, plain with int-g, plain with g and gated with int-g, at equal width "
                    + "and at the gated model's parameter count, on x^n; then compares gated g with plain int-g seed "
                    + "by seed (exact Wilcoxon signed-rank test, median ratio with its interval). Writes "
                    + "equivalence.md, equivalence.png and equivalence.csv to --out, beside the run store equivalence-runs.jsonl. Default: "
                    + "${bundle:equivalence.defaultRuns} runs, about 2.5 minutes on 2 cores. "
                    + "Results do not depend on --threads or --threads-per-run.",
            ""})
final class EquivalenceCommand extends StreamsCommand {
    /** The design's defaults: one place, read by the help and by the parser. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super(optionDefaults(EquivalenceDesign.defaults()));
        }
    }

    @Mixin
    HelpOption help;

    @Option(names = "--gates", paramLabel = "G", split = ",", converter = Converters.GateName.class,
            completionCandidates = Candidates.Gates.class,
            description = "gates g, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    List<Activation> gates;

    @Option(names = "--degrees", paramLabel = "N", split = ",", converter = Converters.PositiveDegree.class,
            description = "n of x^n, each in 1.." + Target.MAX_DEGREE + " (default: ${DEFAULT-VALUE})")
    List<Integer> degrees;

    @Option(names = "--width", paramLabel = "W", converter = Converters.Width.class,
            description = "the equal-width comparison's width, 1.." + ModelSpec.MAX_WIDTH + "; the equal-parameter "
                    + "one matches the gated model's parameter count at this width (default: ${DEFAULT-VALUE})")
    int width;

    @Mixin
    DepthAndRateOptions shape;

    @Mixin
    TrainingLengthOptions length;

    @Option(names = "--seeds", paramLabel = "N", converter = Converters.PairedSeeds.class,
            description = "seeds per cell, 2.." + Grid.MAX_SEEDS + "; 6 or more for the Wilcoxon test to reach "
                    + "p < 0.05 at all (default: ${DEFAULT-VALUE})")
    int seeds;

    @Mixin
    GridRunOptions run;

    EquivalenceCommand(Streams io) {
        super(io);
    }

    @Override
    public Integer call() throws IOException {
        EquivalenceDesign design;
        Grid grid;
        try {
            design = new EquivalenceDesign(gates, degrees, width, shape.depth, shape.lr, length.samples, length.steps,
                    seeds, run.firstSeed);
            grid = design.grid();   // the equal-parameter widths: a budget no width meets is bad input
        } catch (IllegalArgumentException e) {
            throw new UsageException("equivalence: " + e.getMessage());
        }
        return GridRunner.runAndReport("equivalence", run, design, "runs", io, dev.polygate.train.Trainer::train);
    }

    /** The options' defaults, as typed, from the design's own. */
    static Map<String, String> optionDefaults(EquivalenceDesign design) {
        return Map.of(
                "--gates", OptionDefaults.list(design.gates(), Activation::cliName),
                "--degrees", OptionDefaults.list(design.degrees(), d -> Integer.toString(d)),
                "--width", Integer.toString(design.width()),
                "--depth", Integer.toString(design.depth()),
                "--lr", FloatText.shortest(design.lr()),
                "--samples", Integer.toString(design.samples()),
                "--steps", Integer.toString(design.steps()),
                "--seeds", Integer.toString(design.seeds()),
                "--first-seed", Long.toString(design.firstSeed()));
    }
}
