package dev.polygate.cli;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sweep;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.report.AccuracyReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** {@code polygate sweep}: train a grid of runs in parallel and write the accuracy report. */
final class SweepCommand {
    static final String HELP = String.join("\n",
            "usage: polygate sweep [FLAGS]",
            "",
            "Trains every combination of the grid below (full-batch Adam on MSE, x ~ N(0,1), target x^n),",
            "in parallel over runs, and writes accuracy.md, accuracy.json, accuracy.csv and loss-curves.png",
            "to --out. The defaults reproduce the study's figure with 5 seeds per cell (120 runs).",
            "Lists are comma-separated. Results do not depend on --threads.",
            "",
            "  --activations LIST  " + Flags.column(Activation.allowed(), 39) + "(default relu,silu)",
            "  --kinds LIST        " + Flags.column(LayerKind.allowed(), 39) + "(default plain,squared,gated)",
            "  --degrees LIST      n of the target x^n, each in 0.." + RunSpec.MAX_DEGREE + "          (default 1,2,3,4)",
            "  --width LIST        hidden units per layer, 1.." + ModelSpec.MAX_WIDTH + "              (default 10)",
            "  --depth LIST        hidden layers, 1.." + ModelSpec.MAX_DEPTH + "                        (default 1)",
            "  --lr LIST           Adam learning rate, > 0                 (default 0.01)",
            "  --samples N         training points, 1.." + RunSpec.MAX_SAMPLES + "             (default 1000)",
            "  --steps N           Adam steps, 1.." + RunSpec.MAX_STEPS + "                  (default 3000)",
            "  --seeds N           seeds per cell, 1.." + Grid.MAX_SEEDS + "                    (default 5)",
            "  --first-seed S      seeds are S, S+1, ...                   (default 0)",
            "  --threads N         parallel runs, 1..256                   (default: available cores)",
            "  --out DIR           report directory, created if missing    (default reports)",
            "  --quiet             no progress lines on stderr");

    private static final Set<String> FLAGS = Set.of("activations", "kinds", "degrees", "width", "depth", "lr",
            "samples", "steps", "seeds", "first-seed", "threads", "out");

    private SweepCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
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
        Grid grid = new Grid(
                f.names("activations", d.activations(), Activation::parse),
                f.names("kinds", d.kinds(), LayerKind::parse),
                f.integers("degrees", d.degrees(), 0, RunSpec.MAX_DEGREE),
                f.integers("width", d.widths(), 1, ModelSpec.MAX_WIDTH),
                f.integers("depth", d.depths(), 1, ModelSpec.MAX_DEPTH),
                f.positiveNumbers("lr", d.lrs()),
                f.integer("samples", d.samples(), 1, RunSpec.MAX_SAMPLES),
                f.integer("steps", d.steps(), 1, RunSpec.MAX_STEPS),
                f.integer("seeds", d.seeds(), 1, Grid.MAX_SEEDS),
                f.longValue("first-seed", d.firstSeed()));
        int threads = f.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 256);
        Path dir = OutputPaths.directory("sweep", "--out", f.string("out", "reports"));
        int total = grid.runs().size();
        Progress progress = new Progress(f.flag("quiet") ? null : err, "sweep", total, "runs");
        if (!f.flag("quiet")) {
            err.println("sweep: " + total + " runs on " + threads + " threads -> " + dir);
        }
        SweepResult result = Sweep.run(grid, threads, progress::update);
        progress.finish();
        OutputPaths.create("sweep", "--out", dir);
        AccuracyReport.writeAll(result, dir);
        long diverged = result.runs().stream().filter(r -> r.diverged()).count();
        out.printf("sweep: %d runs (%d diverged) in %.1f s on %d threads; wrote %s, %s, %s, %s in %s%n", total,
                diverged, result.wallSeconds(), threads, AccuracyReport.MARKDOWN, AccuracyReport.JSON,
                AccuracyReport.CSV, AccuracyReport.PNG, dir);
        return 0;
    }
}
