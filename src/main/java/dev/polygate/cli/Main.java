package dev.polygate.cli;

import dev.polygate.experiment.Grid;
import java.io.PrintStream;
import java.util.Arrays;

/** {@code polygate COMMAND [FLAGS]}: sweep, equivalence, scaling, train, predict, throughput, jdk-report, peer-report. */
public final class Main {
    static final String USAGE = String.join("\n",
            "polygate: gated versus plain versus squared MLPs fitting x^n, with Vector API kernels.",
            "",
            "usage: polygate COMMAND [FLAGS]     (polygate COMMAND --help for its flags)",
            "",
            "commands:",
            "  sweep       train a grid of runs (default: the study's figure, " + Grid.studyDefault().seeds()
                    + " seeds) and write the accuracy report",
            "  equivalence gated with gate g against plain with activation int-g, seed by seed (equivalence.md)",
            "  scaling     fit training MSE against parameter count over a range of widths, per kind and n,",
            "              with an optimisation check, and write the scaling-slope report",
            "  train       train one run and optionally save the model as JSON",
            "  predict     evaluate a saved model at x values read from stdin or a file, one per line",
            "  throughput  read JMH results and write the throughput report and the cost-versus-accuracy summary",
            "  jdk-report  compare two JDKs' benchmark results and accuracy sweeps (bin/compare-jdks runs it)",
            "  peer-report compare polygate's training step with PyTorch's (bin/compare-torch runs it)",
            "",
            "exit codes: 0 done, 1 internal error, 2 bad input (one line on stderr says what and what is allowed),",
            "            3 a sweep finished and wrote its reports, but some runs threw (one line on stderr names them)");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs a command; returns the exit code. Bad input never leaves a file half-written. */
    public static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "sweep":
                    return SweepCommand.run(rest, out, err);
                case "equivalence":
                    return EquivalenceCommand.run(rest, out, err);
                case "scaling":
                    return ScalingCommand.run(rest, out, err);
                case "train":
                    return TrainCommand.run(rest, out, err);
                case "predict":
                    return PredictCommand.run(rest, in, out, err);
                case "throughput":
                    return ThroughputCommand.run(rest, out, err);
                case "jdk-report":
                    return JdkReportCommand.run(rest, out, err);
                case "peer-report":
                    return PeerReportCommand.run(rest, out, err);
                default:
                    throw new UsageException("unknown command \'" + args[0]
                            + "\' (allowed: sweep, equivalence, scaling, train, predict, throughput, jdk-report, peer-report)");
            }
        } catch (UsageException e) {
            err.println("polygate: " + e.getMessage());
            return 2;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            err.println("polygate: I/O error: " + e.getMessage());
            return 1;
        }
    }
}
