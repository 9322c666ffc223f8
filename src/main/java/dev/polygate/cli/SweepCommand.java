package dev.polygate.cli;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sizing;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.report.accuracy.AccuracyReport;
import dev.polygate.train.Trainer;
import dev.polygate.train.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** {@code polygate sweep}: train a grid of runs in parallel and write the accuracy report. */
final class SweepCommand {
    private static final Grid DEFAULTS = Grid.studyDefault();

    static final String HELP = String.join("\n",
            "usage: polygate sweep [FLAGS]",
            "",
            "Trains every combination of the grid below (full-batch Adam on MSE, x ~ N(0,1)), in parallel",
            "over runs, and writes accuracy.md, accuracy.json, accuracy.csv and loss-curves.png to --out.",
            "The defaults reproduce the study's figure, plus the bilinear kind, with " + DEFAULTS.seeds() + " seeds per cell,",
            "at the study's equal width and again at equal parameter count (" + DEFAULTS.runs().size()
                    + " distinct runs).",
            "Lists are comma-separated.",
            "Results do not depend on --threads.",
            "",
            Flags.helpRow("--activations LIST", Activation.allowed(), names(DEFAULTS.activations(), Activation::cliName)),
            Flags.helpRow("--kinds LIST", LayerKind.allowed(), names(DEFAULTS.kinds(), LayerKind::cliName)),
            Flags.helpRow("--target T", "power: x^n for each of --degrees", "power"),
            Flags.helpRow("", "poly:c0,c1,...: c0 + c1 x + c2 x^2 + ...", null),
            Flags.helpRow("", "  (up to " + (Target.MAX_DEGREE + 1) + " coefficients)", null),
            Flags.helpRow("", "sin, exp: sin x, e^x", null),
            Flags.helpRow("--degrees LIST", "n of x^n, each in 0.." + Target.MAX_DEGREE, "1,2,3,4"),
            Flags.helpRow("--width LIST", "hidden units per layer, 1.." + ModelSpec.MAX_WIDTH, "10"),
            Flags.helpRow("--match LIST", "what is held equal across kinds:", "width,params"),
            Flags.helpRow("", "width: every kind at each --width;", null),
            Flags.helpRow("", "params, flops: each kind at the width whose", null),
            Flags.helpRow("", "  parameter count, or training FLOPs per", null),
            Flags.helpRow("", "  step, comes closest to the budget", null),
            Flags.helpRow("--budgets LIST", "budgets for params / flops, integers > 0", null),
            Flags.helpRow("", "  (default: the gated model's count at each --width)", null),
            Flags.helpRow("--depth LIST", "hidden layers, 1.." + ModelSpec.MAX_DEPTH, "1"),
            Flags.helpRow("--lr LIST", "Adam learning rate, > 0", "0.01"),
            Flags.helpRow("--samples N", "training points, 1.." + RunSpec.MAX_SAMPLES, "1000"),
            Flags.helpRow("--steps N", "Adam steps, 1.." + RunSpec.MAX_STEPS, "3000"),
            Flags.helpRow("--seeds N", "seeds per cell, 1.." + Grid.MAX_SEEDS, Integer.toString(DEFAULTS.seeds())),
            Flags.helpRow("--first-seed S", "seeds are S, S+1, ...", "0"),
            Flags.helpRow("--threads N", "parallel runs, 1..256", "available cores"),
            Flags.helpRow("--out DIR", "report directory, created if missing", "reports"),
            Flags.helpRow("--quiet", "no progress lines on stderr", null));

    private static final Set<String> FLAGS = Set.of("activations", "kinds", "target", "degrees", "width", "match",
            "budgets", "depth", "lr", "samples", "steps", "seeds", "first-seed", "threads", "out");

    private static <T> String names(java.util.List<T> values, java.util.function.Function<T, String> name) {
        return values.stream().map(name).collect(java.util.stream.Collectors.joining(","));
    }


    private SweepCommand() {
    }

    /** --target power (the default) takes --degrees; any other target stands alone. */
    private static List<Target> targets(Flags f, Grid defaults) {
        String target = f.string("target", "power");
        if (target.equals("power")) {
            return Target.powers(f.integers("degrees", List.of(1, 2, 3, 4), 0, Target.MAX_DEGREE));
        }
        if (f.has("degrees")) {
            throw new UsageException("sweep: --degrees applies only to --target power, not to --target " + target);
        }
        try {
            return List.of(Target.parse(target));
        } catch (IllegalArgumentException e) {
            String also = e.getMessage().startsWith("unknown") ? "; or power: x^n for each of --degrees" : "";
            throw new UsageException("sweep: --target: " + e.getMessage() + also);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        return run(args, out, err, Trainer::train);
    }

    /** As above, training each run with {@code trainer}: tests make runs throw through it. */
    static int run(String[] args, PrintStream out, PrintStream err, Function<RunSpec, TrainingResult> trainer)
            throws IOException {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(HELP);
            return 0;
        }
        Flags f = new Flags("sweep", args, FLAGS, Set.of("quiet", "help"));
        if (f.flag("help")) {
            out.println(HELP);
            return 0;
        }
        Grid d = Grid.studyDefault();
        Grid grid;
        try {
            grid = new Grid(
                    f.names("activations", d.activations(), Activation::parse),
                    f.names("kinds", d.kinds(), LayerKind::parse),
                    targets(f, d),
                    GridFlags.sizings(f, List.of(10), List.of(Sizing.Match.WIDTH, Sizing.Match.PARAMS)),
                    f.integers("depth", d.depths(), 1, ModelSpec.MAX_DEPTH),
                    f.positiveNumbers("lr", d.lrs()),
                    f.integer("samples", d.samples(), 1, RunSpec.MAX_SAMPLES),
                    f.integer("steps", d.steps(), 1, RunSpec.MAX_STEPS),
                    f.integer("seeds", d.seeds(), 1, Grid.MAX_SEEDS),
                    f.longValue("first-seed", d.firstSeed()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("sweep: " + e.getMessage());
        }
        GridRunner.Finished run = GridRunner.run("sweep", f, grid, "runs", err, trainer);
        AccuracyReport.writeAll(run.result(), run.dir());
        return run.report(out, err, AccuracyReport.MARKDOWN, AccuracyReport.JSON, AccuracyReport.CSV, AccuracyReport.PNG);
    }
}
