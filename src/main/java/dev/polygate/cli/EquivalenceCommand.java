package dev.polygate.cli;

import dev.polygate.experiment.EquivalenceDesign;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.Sweep;
import dev.polygate.experiment.SweepResult;
import dev.polygate.model.Activation;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.report.equivalence.EquivalenceReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code polygate equivalence}: gated-with-g against plain-with-∫g, seed by seed, and its report. */
final class EquivalenceCommand {
    private static final EquivalenceDesign DEFAULTS = EquivalenceDesign.defaults();

    static final String HELP = String.join("\n",
            "usage: polygate equivalence [FLAGS]",
            "",
            "Tests the study's claim that a gated layer with gate g behaves like a plain layer whose",
            "activation is the integral of g (gated ReLU ~ plain ReLU^2/2). For every gate it trains, on the",
            "same data and seeds: gated with g, plain with int-g, plain with g and gated with int-g, at",
            "equal width and at the gated model's parameter count, on x^n; then compares gated g with",
            "plain int-g seed by seed (exact Wilcoxon signed-rank test, median ratio with its interval).",
            "Writes equivalence.md, equivalence.png and equivalence.csv to --out. Default: "
                    + DEFAULTS.grid().runs().size() + " runs,",
            "about 2 minutes on 2 cores. Results do not depend on --threads.",
            "",
            "  --gates LIST      " + String.format("%-40s", gateNames()) + "(default " + gateNames().replace(" ", "") + ")",
            "  --degrees LIST    n of x^n, each in 1.." + Target.MAX_DEGREE + "                    (default 1,...,8)",
            "  --width W         equal-width comparison width; the equal-parameter (default " + DEFAULTS.width() + ")",
            "                    one matches the gated model's count at this width",
            "  --depth D         hidden layers, 1.." + ModelSpec.MAX_DEPTH + "                          (default 1)",
            "  --lr R            Adam learning rate, > 0                   (default " + DEFAULTS.lr() + ")",
            "  --samples N       training points, 1.." + RunSpec.MAX_SAMPLES + "               (default "
                    + DEFAULTS.samples() + ")",
            "  --steps T         Adam steps, 1.." + RunSpec.MAX_STEPS + "                    (default "
                    + DEFAULTS.steps() + ")",
            "  --seeds N         seeds per cell, 2.." + Grid.MAX_SEEDS + "; 6 or more are needed for (default "
                    + DEFAULTS.seeds() + ")",
            "                    the Wilcoxon test to reach p < 0.05 at all",
            "  --first-seed S    seeds are S, S+1, ...                     (default 0)",
            "  --threads N       parallel runs, 1..256                     (default: available cores)",
            "  --out DIR         report directory, created if missing      (default reports)",
            "  --quiet           no progress lines on stderr");

    private static final Set<String> FLAGS = Set.of("gates", "degrees", "width", "depth", "lr", "samples", "steps",
            "seeds", "first-seed", "threads", "out");

    private EquivalenceCommand() {
    }

    private static String gateNames() {
        return EquivalenceDesign.possibleGates().stream().map(Activation::cliName).collect(Collectors.joining(", "));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Flags f = new Flags("equivalence", args, FLAGS, Set.of("quiet", "help"));
        if (f.flag("help")) {
            out.println(HELP);
            return 0;
        }
        List<Activation> gates = f.names("gates", DEFAULTS.gates(), name -> {
            for (Activation gate : EquivalenceDesign.possibleGates()) {
                if (gate.cliName().equals(name)) {
                    return gate;
                }
            }
            throw new IllegalArgumentException("unknown gate '" + name + "' (allowed: " + gateNames() + ")");
        });
        EquivalenceDesign design;
        try {
            design = new EquivalenceDesign(gates,
                    f.integers("degrees", DEFAULTS.degrees(), 1, Target.MAX_DEGREE),
                    f.integer("width", DEFAULTS.width(), 1, ModelSpec.MAX_WIDTH),
                    f.integer("depth", DEFAULTS.depth(), 1, ModelSpec.MAX_DEPTH),
                    f.positiveNumber("lr", DEFAULTS.lr()),
                    f.integer("samples", DEFAULTS.samples(), 1, RunSpec.MAX_SAMPLES),
                    f.integer("steps", DEFAULTS.steps(), 1, RunSpec.MAX_STEPS),
                    f.integer("seeds", DEFAULTS.seeds(), 2, Grid.MAX_SEEDS),
                    f.longValue("first-seed", DEFAULTS.firstSeed()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("equivalence: " + e.getMessage());
        }
        int threads = f.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 256);
        Path dir = OutputPaths.directory("equivalence", "--out", f.string("out", "reports"));
        Grid grid = design.grid();
        int total = grid.runs().size();
        Progress progress = new Progress(f.flag("quiet") ? null : err, "equivalence", total, "runs");
        if (!f.flag("quiet")) {
            err.println("equivalence: " + total + " runs on " + threads + " threads -> " + dir);
        }
        SweepResult result = Sweep.run(grid, threads, progress::update);
        progress.finish();
        OutputPaths.create("equivalence", "--out", dir);
        EquivalenceReport.writeAll(design, result, dir);
        out.printf("equivalence: %d runs in %.1f s on %d threads; wrote %s, %s, %s in %s%n", total,
                result.wallSeconds(), threads, EquivalenceReport.MARKDOWN, EquivalenceReport.PNG,
                EquivalenceReport.CSV, dir);
        return 0;
    }
}
