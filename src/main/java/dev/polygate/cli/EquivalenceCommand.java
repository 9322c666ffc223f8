package dev.polygate.cli;

import dev.polygate.experiment.EquivalenceDesign;
import dev.polygate.experiment.Grid;
import dev.polygate.text.FloatText;
import dev.polygate.model.Activation;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.report.equivalence.EquivalenceReport;
import java.io.IOException;
import java.io.PrintStream;
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
            "about 2.5 minutes on 2 cores. Results do not depend on --threads.",
            "",
            Flags.helpRow("--gates LIST", gateNames(), gateNames().replace(" ", "")),
            Flags.helpRow("--degrees LIST", "n of x^n, each in 1.." + Target.MAX_DEGREE, "1,...,8"),
            Flags.helpRow("--width W", "the equal-width comparison's width; the", Integer.toString(DEFAULTS.width())),
            Flags.helpRow("", "  equal-parameter one matches the gated", null),
            Flags.helpRow("", "  model's parameter count at this width", null),
            Flags.helpRow("--depth D", "hidden layers, 1.." + ModelSpec.MAX_DEPTH, Integer.toString(DEFAULTS.depth())),
            Flags.helpRow("--lr R", "Adam learning rate, > 0", FloatText.shortest(DEFAULTS.lr())),
            Flags.helpRow("--samples N", "training points, 1.." + RunSpec.MAX_SAMPLES, Integer.toString(DEFAULTS.samples())),
            Flags.helpRow("--steps T", "Adam steps, 1.." + RunSpec.MAX_STEPS, Integer.toString(DEFAULTS.steps())),
            Flags.helpRow("--seeds N", "seeds per cell, 2.." + Grid.MAX_SEEDS + "; 6 or more for the", Integer.toString(DEFAULTS.seeds())),
            Flags.helpRow("", "  Wilcoxon test to reach p < 0.05 at all", null),
            Flags.helpRow("--first-seed S", "seeds are S, S+1, ...", "0"),
            Flags.helpRow("--threads N", "parallel runs, 1..256", "available cores"),
            Flags.helpRow("--out DIR", "report directory, created if missing", "reports"),
            Flags.helpRow("--quiet", "no progress lines on stderr", null));

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
        Grid grid;
        try {
            grid = design.grid();   // the equal-parameter widths: a budget no width meets is bad input
        } catch (IllegalArgumentException e) {
            throw new UsageException("equivalence: " + e.getMessage());
        }
        GridRunner.Finished run = GridRunner.run("equivalence", f, grid, "runs", err);
        EquivalenceReport.writeAll(design, run.result(), run.dir());
        return run.report(out, err, EquivalenceReport.MARKDOWN, EquivalenceReport.PNG, EquivalenceReport.CSV);
    }
}
