package dev.polygate.cli;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.ScalingDesign;
import dev.polygate.experiment.Sweep;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.report.scaling.ScalingReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
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
            "The defaults (189 runs of 40,000 steps) take about 6 minutes on 2 threads. Lists are",
            "comma-separated; results do not depend on --threads.",
            "",
            row("--activations LIST", Activation.allowed(), "relu"),
            row("--kinds LIST", LayerKind.allowed(), "plain,squared,gated"),
            row("--degrees LIST", "n of the targets x^n, each in 0.." + Target.MAX_DEGREE, "2,3,4"),
            row("--width LIST", "hidden units per layer, 1.." + ModelSpec.MAX_WIDTH + ",", "4,8,16,32,64,128,256"),
            row("", "at least " + ScalingDesign.MIN_WIDTHS + " widths (a slope needs them)", null),
            row("--depth N", "hidden layers, 1.." + ModelSpec.MAX_DEPTH, "1"),
            row("--lr R", "Adam learning rate, > 0", "0.01"),
            row("--samples N", "training points, 1.." + RunSpec.MAX_SAMPLES, "1000"),
            row("--steps T", "first reading's Adam steps, 1.." + RunSpec.MAX_STEPS, "10000"),
            row("--check-factor F", "runs train F x T steps, 1.." + ScalingDesign.MAX_CHECK_FACTOR, "4"),
            row("", "(F x T at most " + RunSpec.MAX_STEPS + "; 1: no check)", null),
            row("--seeds N", "seeds per width, 1.." + Grid.MAX_SEEDS, "3"),
            row("--first-seed S", "seeds are S, S+1, ...", "0"),
            row("--threads N", "parallel runs, 1..256", "available cores"),
            row("--out DIR", "report directory, created if missing", "reports"),
            row("--quiet", "no progress lines on stderr", null));

    private static final Set<String> FLAGS = Set.of("activations", "kinds", "degrees", "width", "depth", "lr",
            "samples", "steps", "check-factor", "seeds", "first-seed", "threads", "out");

    private ScalingCommand() {
    }

    /** One aligned help line: flag, what it takes, and its default if any. */
    private static String row(String flag, String what, String fallback) {
        String line = String.format("  %-20s%-44s", flag, what);
        return fallback == null ? line.stripTrailing() : line + "(default " + fallback + ")";
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
        int threads = f.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 256);
        Path dir = OutputPaths.directory("scaling", "--out", f.string("out", "reports"));
        Grid grid = design.grid();
        int total = grid.runs().size();
        boolean quiet = f.flag("quiet");
        if (!quiet) {
            err.println("scaling: " + total + " runs of " + design.longSteps() + " steps on " + threads
                    + " threads -> " + dir);
        }
        Progress progress = new Progress(quiet ? null : err, "scaling", total, "runs");
        SweepResult result = Sweep.run(grid, threads, progress::update);
        progress.finish();
        OutputPaths.create("scaling", "--out", dir);
        ScalingReport.writeAll(design, result, dir);
        long diverged = result.runs().stream().filter(r -> r.diverged()).count();
        out.printf("scaling: %d runs (%d diverged) in %.1f s on %d threads; wrote %s, %s, %s in %s%n", total,
                diverged, result.wallSeconds(), threads, ScalingReport.MARKDOWN, ScalingReport.CSV,
                ScalingReport.PNG, dir);
        return 0;
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
