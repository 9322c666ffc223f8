package dev.polygate.cli;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.Target;
import dev.polygate.text.FloatText;
import dev.polygate.train.RunTrainer;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code polygate sweep}: train a grid of runs in parallel and write the accuracy report. */
@Command(name = "sweep", defaultValueProvider = SweepCommand.Defaults.class,
        header = "train a grid of runs (default: the study's figure, ${bundle:sweep.defaultSeeds} seeds) "
                + "and write the accuracy report",
        description = {
            "Trains every combination of the grid below (full-batch Adam on MSE, x ~ N(0,1), unless the training "
                    + "setup options say otherwise: one setup for every run), in parallel over runs, "
                    + "and writes accuracy.md, accuracy.csv and loss-curves.png to --out, beside the run store sweep-runs.jsonl. "
                    + "The defaults reproduce the study's figure, plus the bilinear kind, with ${bundle:sweep.defaultSeeds} "
                    + "seeds per cell, at the study's equal width and again at equal parameter count "
                    + "(${bundle:sweep.defaultRuns} distinct runs). Lists are comma-separated. "
                    + "Results do not depend on --threads or --threads-per-run.",
            ""})
final class SweepCommand extends StreamsCommand {
    /** The grid's defaults, the study's: one place, read by the help and by the parser. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super(optionDefaults(Grid.studyDefault()));
        }
    }

    /** The --target that takes --degrees; any other target stands alone. */
    private static final String POWER = "power";

    /** The named targets, for the help of sweep and train. */
    static final String NAMED_TARGETS = "sin, exp: sin x, e^x; Queiruga 2026's: recip-cos2: 1/(1+cos^2(pi x)), "
            + "cos4x, sin4x: cos 4x, sin 4x, sin4sq: sin(4(x-1)^2), runge, runge9: 1/(1+x^2), 1/(1+9x^2), atan: atan x";

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    GridAxesOptions axes;

    @Option(names = "--target", paramLabel = "T", defaultValue = POWER,
            description = {"power: x^n for each of --degrees (default); poly:c0,c1,...: c0 + c1 x + c2 x^2 + ... "
                    + "(up to " + (Target.MAX_DEGREE + 1) + " coefficients); " + NAMED_TARGETS})
    String target;

    @Mixin
    SizingOptions sizing;

    @Option(names = "--depth", paramLabel = "D", split = ",", converter = Converters.Depth.class,
            description = "hidden layers, each in 1.." + ModelSpec.MAX_DEPTH + " (default: ${DEFAULT-VALUE})")
    List<Integer> depths;

    @Option(names = "--lr", paramLabel = "R", split = ",", converter = Converters.PositiveNumber.class,
            description = "Adam learning rates, each > 0 (default: ${DEFAULT-VALUE})")
    List<Double> lrs;

    @Mixin
    TrainingLengthOptions length;

    @Option(names = "--seeds", paramLabel = "N", converter = Converters.Seeds.class,
            description = "seeds per cell, 1.." + Grid.MAX_SEEDS + " (default: ${DEFAULT-VALUE})")
    int seeds;

    @Mixin
    SetupOptions setup;

    @Mixin
    GridRunOptions run;

    private final RunTrainer trainer;

    /** @param trainer trains each run (tests make runs throw through it) */
    SweepCommand(Streams io, RunTrainer trainer) {
        super(io);
        this.trainer = trainer;
    }

    @Override
    public Integer call() throws IOException {
        Grid grid;
        try {
            grid = new Grid(axes.activations, axes.kinds, targets(), sizing.sizings(), depths, lrs,
                    length.samples, length.steps, seeds, run.firstSeed, setup.setup());
        } catch (IllegalArgumentException e) {
            throw new UsageException("sweep: " + e.getMessage());
        }
        return GridRunner.runAndReport("sweep", run, grid, "runs", io, trainer);
    }

    /** --target power (the default) takes --degrees; any other target stands alone. */
    private List<Target> targets() {
        if (target.equals(POWER)) {
            return Target.powers(axes.degrees);
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--degrees")) {
            throw new UsageException("sweep: --degrees applies only to --target power, not to --target " + target);
        }
        try {
            return List.of(Target.parse(target));
        } catch (IllegalArgumentException e) {
            String also = e.getMessage().startsWith("unknown") ? "; or power: x^n for each of --degrees" : "";
            throw new UsageException("sweep: --target: " + e.getMessage() + also);
        }
    }

    /** The options' defaults, as typed, from the design's own. */
    static Map<String, String> optionDefaults(Grid grid) {
        Map<String, String> all = new HashMap<>(SetupOptions.optionDefaults(grid.setup()));
        all.putAll(Map.ofEntries(
                Map.entry("--activations", OptionDefaults.list(grid.activations(), a -> a.cliName())),
                Map.entry("--kinds", OptionDefaults.list(grid.kinds(), k -> k.cliName())),
                Map.entry("--degrees", OptionDefaults.list(grid.targets(), t -> Integer.toString(t.degree()))),
                Map.entry("--width", OptionDefaults.list(grid.sizings(), s -> Integer.toString(s.width()))),
                Map.entry("--match", OptionDefaults.list(grid.sizings(), s -> s.match().cliName())),
                Map.entry("--depth", OptionDefaults.list(grid.depths(), d -> Integer.toString(d))),
                Map.entry("--lr", OptionDefaults.list(grid.lrs(), FloatText::shortest)),
                Map.entry("--samples", Integer.toString(grid.samples())),
                Map.entry("--steps", Integer.toString(grid.steps())),
                Map.entry("--seeds", Integer.toString(grid.seeds())),
                Map.entry("--first-seed", Long.toString(grid.firstSeed()))));
        return all;
    }
}
