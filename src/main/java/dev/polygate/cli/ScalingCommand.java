package dev.polygate.cli;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.QueirugaDesign;
import dev.polygate.experiment.ScalingDesign;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.text.FloatText;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code polygate scaling}: train every kind over a range of widths and write the scaling-slope report. */
@Command(name = "scaling", defaultValueProvider = ScalingCommand.Defaults.class,
        header = "fit training MSE against parameter count over widths, per kind and n, with an optimisation "
                + "check, and write the scaling-slope report",
        description = {
            "How fast does the training MSE fall as the parameter count P grows? Trains every kind at every --width "
                    + "(equal width, one hidden layer by default) on x^n for each of --degrees (x ~ N(0,1), "
                    + "full-batch Adam on MSE at a constant learning rate), fits log MSE against log P by least "
                    + "squares over every run that did not diverge, and writes scaling.md, scaling.csv and "
                    + "scaling.png to --out, beside the run store scaling-runs.jsonl. The MSE of a run is the lowest training MSE it reached (Adam at a "
                    + "constant rate has loss spikes); the slope of the MSE at the last step is reported beside it, "
                    + "and so is the fit over the larger half of the widths alone (where the two disagree, the curve "
                    + "bends). The published 1-D slopes for plain and gated ReLU (about -2 and -3) are set against "
                    + "ours, as MSE and as RMSE slopes.",
            "",
            "Optimisation check: every run trains for --steps x --check-factor steps and is read at --steps (T) and "
                    + "at the end; the report says whether the slope moved beyond its 95 %% interval and how much the "
                    + "median MSE per width dropped. The slope at the end is the result. --check-factor 1 trains T "
                    + "steps and skips the check (the report says so).",
            "",
            "The defaults (${bundle:scaling.defaultRuns} runs of ${bundle:scaling.defaultLongSteps} steps) take "
                    + "about 4.5 minutes on 2 threads. Lists are comma-separated; results do not depend on --threads.",
            ""})
final class ScalingCommand extends StreamsCommand {
    /** The design's defaults: one place, read by the help and by the parser. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super(optionDefaults(ScalingDesign.defaults()));
        }
    }

    @Mixin
    HelpOption help;

    @Mixin
    GridAxesOptions axes;

    @Option(names = "--width", paramLabel = "W", split = ",", converter = Converters.Width.class,
            description = "hidden units per layer, each in 1.." + ModelSpec.MAX_WIDTH + ", at least "
                    + ScalingDesign.MIN_WIDTHS + " widths (a slope needs them) (default: ${DEFAULT-VALUE})")
    List<Integer> widths;

    @Mixin
    DepthAndRateOptions shape;

    @Mixin
    TrainingLengthOptions length;

    @Option(names = "--check-factor", paramLabel = "F", converter = Converters.CheckFactor.class,
            description = "runs train F x T steps, 1.." + ScalingDesign.MAX_CHECK_FACTOR + " (F x T at most "
                    + RunSpec.MAX_STEPS + "; 1: no check) (default: ${DEFAULT-VALUE})")
    int checkFactor;

    @Option(names = "--seeds", paramLabel = "N", converter = Converters.Seeds.class,
            description = "seeds per width, 1.." + Grid.MAX_SEEDS + " (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--protocol", paramLabel = "P", defaultValue = "study",
            description = "study: the settings above (Adam, float32, x ~ N(0,1), x^n, training MSE against "
                    + "parameters); queiruga: the protocol of Queiruga 2026 (arXiv 2602.14495) — f(x) = 1/(1+cos^2(pi x)), "
                    + QueirugaDesign.SAMPLES + " points uniform on [-1,1], ReLU, spline init, float64, RMSE against hidden "
                    + "units n, trained by least squares on the read-out, by Levenberg-Marquardt and by Adam; takes "
                    + "--kinds (plain, gated, squared), --width (the n of the least-squares runs, default 1..50), "
                    + "--seeds and --first-seed (default: ${DEFAULT-VALUE})")
    String protocol;

    @Spec
    CommandSpec spec;

    @Mixin
    GridRunOptions run;

    /** The options the study protocol takes and the Queiruga protocol does not. */
    private static final List<String> STUDY_ONLY = List.of("--activations", "--degrees", "--depth", "--lr", "--samples",
            "--steps", "--check-factor");

    ScalingCommand(Streams io) {
        super(io);
    }

    @Override
    public Integer call() throws IOException {
        if (protocol.equals("queiruga")) {
            QueirugaDesign q = queiruga();
            return GridRunner.runAndReport("scaling", run, q, "runs of the Queiruga protocol", io,
                    dev.polygate.train.Trainer::train);
        }
        if (!protocol.equals("study")) {
            throw new UsageException("scaling: --protocol: unknown protocol '" + protocol + "' (allowed: study, queiruga)");
        }
        ScalingDesign design = design();
        return GridRunner.runAndReport("scaling", run, design, "runs of " + design.longSteps() + " steps", io,
                dev.polygate.train.Trainer::train);
    }

    /** The Queiruga design, with the options given that it takes; one it does not take is a UsageException. */
    private QueirugaDesign queiruga() {
        var parsed = spec.commandLine().getParseResult();
        for (String option : STUDY_ONLY) {
            if (parsed.hasMatchedOption(option)) {
                throw new UsageException("scaling: " + option + " does not apply to --protocol queiruga (it fixes the "
                        + "target, data, depth and training; it takes --kinds, --width, --seeds, --first-seed)");
            }
        }
        QueirugaDesign d = QueirugaDesign.defaults();
        try {
            return new QueirugaDesign(parsed.hasMatchedOption("--kinds") ? axes.kinds : d.kinds(),
                    parsed.hasMatchedOption("--width") ? widths : d.widths(), d.lmWidths(), d.lmSteps(), d.adamWidths(),
                    d.adamSteps(), d.adamLr(), parsed.hasMatchedOption("--seeds") ? seeds : d.seeds(), run.firstSeed);
        } catch (IllegalArgumentException e) {
            throw new UsageException("scaling: --protocol queiruga: " + e.getMessage());
        }
    }

    /** The design the options describe; a combination out of range is a UsageException naming its options. */
    private ScalingDesign design() {
        if (widths.size() < ScalingDesign.MIN_WIDTHS) {
            throw new UsageException("scaling: --width needs at least " + ScalingDesign.MIN_WIDTHS
                    + " widths to fit a slope, got " + widths.size() + " (" + OptionDefaults.list(widths, String::valueOf)
                    + ")");
        }
        if ((long) length.steps * checkFactor > RunSpec.MAX_STEPS) {
            throw new UsageException("scaling: --steps x --check-factor must be at most " + RunSpec.MAX_STEPS
                    + ", got " + length.steps + " x " + checkFactor);
        }
        try {
            ScalingDesign design = new ScalingDesign(axes.activations, axes.kinds, axes.degrees, widths, shape.depth,
                    shape.lr, length.samples, length.steps, checkFactor, seeds, run.firstSeed);
            design.grid();   // checks what only a grid checks (seeds), before any run starts
            return design;
        } catch (IllegalArgumentException e) {
            throw new UsageException("scaling: " + e.getMessage());
        }
    }

    /** The options' defaults, as typed, from the design's own. */
    static Map<String, String> optionDefaults(ScalingDesign design) {
        return Map.ofEntries(
                Map.entry("--activations", OptionDefaults.list(design.activations(), Activation::cliName)),
                Map.entry("--kinds", OptionDefaults.list(design.kinds(), LayerKind::cliName)),
                Map.entry("--degrees", OptionDefaults.list(design.degrees(), d -> Integer.toString(d))),
                Map.entry("--width", OptionDefaults.list(design.widths(), w -> Integer.toString(w))),
                Map.entry("--depth", Integer.toString(design.depth())),
                Map.entry("--lr", FloatText.shortest(design.lr())),
                Map.entry("--samples", Integer.toString(design.samples())),
                Map.entry("--steps", Integer.toString(design.steps())),
                Map.entry("--check-factor", Integer.toString(design.checkFactor())),
                Map.entry("--seeds", Integer.toString(design.seeds())),
                Map.entry("--first-seed", Long.toString(design.firstSeed())));
    }
}
