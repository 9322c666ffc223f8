package dev.polygate.cli;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.ScalingDesign;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.report.scaling.ScalingReport;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code polygate scaling}: train every kind over a range of widths and write the scaling-slope report. */
final class ScalingCommand {
    static final String HELP = String.join("\n",
            "usage: polygate scaling [FLAGS]",
            "",
            "How fast does the training MSE fall as the parameter count P grows? Trains every kind at",
            "every --width (equal width, one hidden layer by default) on x^n for each of --degrees",
            "(x ~ N(0,1), full-batch Adam on MSE at a constant learning rate), fits log MSE against",
            "log P by least squares over every run that did not diverge, and writes scaling.md,",
            "scaling.csv and scaling.png to --out. The MSE of a run is the lowest training MSE it",
            "reached (Adam at a constant rate has loss spikes); the slope of the MSE at the last",
            "step is reported beside it, and so is the fit over the larger half of the widths",
            "alone (where the two disagree, the curve bends). The published 1-D slopes for plain",
            "and gated ReLU (about -2 and -3) are set against ours, as MSE and as RMSE slopes.",
            "",
            "Optimisation check: every run trains for --steps x --check-factor steps and is read at",
            "--steps (T) and at the end; the report says whether the slope moved beyond its 95 %",
            "interval and how much the median MSE per width dropped. The slope at the end is the",
            "result. --check-factor 1 trains T steps and skips the check (the report says so).",
            "",
            "The defaults (189 runs of 40,000 steps) take about 4.5 minutes on 2 threads. Lists are",
            "comma-separated; results do not depend on --threads.",
            "",
            Flags.helpRow("--activations LIST", Activation.allowed(), "relu"),
            Flags.helpRow("--kinds LIST", LayerKind.allowed(), "plain,squared,gated"),
            Flags.helpRow("--degrees LIST", "n of the targets x^n, each in 0.." + Target.MAX_DEGREE, "2,3,4"),
            Flags.helpRow("--width LIST", "hidden units per layer, 1.." + ModelSpec.MAX_WIDTH + ",", "4,8,16,32,64,128,256"),
            Flags.helpRow("", "at least " + ScalingDesign.MIN_WIDTHS + " widths (a slope needs them)", null),
            Flags.helpRow("--depth N", "hidden layers, 1.." + ModelSpec.MAX_DEPTH, "1"),
            Flags.helpRow("--lr R", "Adam learning rate, > 0", "0.01"),
            Flags.helpRow("--samples N", "training points, 1.." + RunSpec.MAX_SAMPLES, "1000"),
            Flags.helpRow("--steps T", "first reading's Adam steps, 1.." + RunSpec.MAX_STEPS, "10000"),
            Flags.helpRow("--check-factor F", "runs train F x T steps, 1.." + ScalingDesign.MAX_CHECK_FACTOR, "4"),
            Flags.helpRow("", "(F x T at most " + RunSpec.MAX_STEPS + "; 1: no check)", null),
            Flags.helpRow("--seeds N", "seeds per width, 1.." + Grid.MAX_SEEDS, "3"),
            Flags.helpRow("--first-seed S", "seeds are S, S+1, ...", "0"),
            Flags.helpRow("--threads N", "parallel runs, 1..256", "available cores"),
            Flags.helpRow("--out DIR", "report directory, created if missing", "reports"),
            Flags.helpRow("--quiet", "no progress lines on stderr", null));

    private static final Set<String> FLAGS = Set.of("activations", "kinds", "degrees", "width", "depth", "lr",
            "samples", "steps", "check-factor", "seeds", "first-seed", "threads", "out");

    private ScalingCommand() {
    }


    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(HELP);
            return 0;
        }
        Flags f = new Flags("scaling", args, FLAGS, Set.of("quiet", "help"));
        if (f.flag("help")) {
            out.println(HELP);
            return 0;
        }
        ScalingDesign design = design(f);
        GridRunner.Finished run = GridRunner.run("scaling", f, design.grid(),
                "runs of " + design.longSteps() + " steps", err);
        ScalingReport.writeAll(design, run.result(), run.dir());
        return run.report(out, err, ScalingReport.MARKDOWN, ScalingReport.CSV, ScalingReport.PNG);
    }

    /** The design the flags describe; any value out of range is a UsageException naming its flag. */
    private static ScalingDesign design(Flags f) {
        ScalingDesign d = ScalingDesign.defaults();
        List<Integer> widths = f.integers("width", d.widths(), 1, ModelSpec.MAX_WIDTH);
        if (widths.size() < ScalingDesign.MIN_WIDTHS) {
            throw new UsageException("scaling: --width needs at least " + ScalingDesign.MIN_WIDTHS
                    + " widths to fit a slope, got " + widths.size() + " (" + f.string("width", "") + ")");
        }
        int steps = f.integer("steps", d.steps(), 1, RunSpec.MAX_STEPS);
        int factor = f.integer("check-factor", d.checkFactor(), 1, ScalingDesign.MAX_CHECK_FACTOR);
        if ((long) steps * factor > RunSpec.MAX_STEPS) {
            throw new UsageException("scaling: --steps x --check-factor must be at most " + RunSpec.MAX_STEPS
                    + ", got " + steps + " x " + factor);
        }
        try {
            ScalingDesign design = new ScalingDesign(
                    f.names("activations", d.activations(), Activation::parse),
                    f.names("kinds", d.kinds(), LayerKind::parse),
                    f.integers("degrees", d.degrees(), 0, Target.MAX_DEGREE),
                    widths,
                    f.integer("depth", d.depth(), 1, ModelSpec.MAX_DEPTH),
                    f.positiveNumber("lr", d.lr()),
                    f.integer("samples", d.samples(), 1, RunSpec.MAX_SAMPLES),
                    steps, factor,
                    f.integer("seeds", d.seeds(), 1, Grid.MAX_SEEDS),
                    f.longValue("first-seed", d.firstSeed()));
            design.grid();   // checks what only a grid checks (seeds), before any run starts
            return design;
        } catch (IllegalArgumentException e) {
            throw new UsageException("scaling: " + e.getMessage());
        }
    }
}
