package dev.polygate.cli;

import dev.polygate.experiment.Environment;
import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.throughput.TargetResult;
import dev.polygate.report.throughput.TargetResult.Status;
import dev.polygate.report.throughput.Targets;
import dev.polygate.report.throughput.ThroughputReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code polygate throughput}: JMH results (and an accuracy sweep) into the throughput report and summary. */
final class ThroughputCommand {
    static final String HELP = String.join("\n",
            "usage: polygate throughput --jmh FILE [--jmh FILE ...] [FLAGS]",
            "",
            "Reads JMH JSON results (java -jar target/benchmarks.jar -rf json -rff FILE) of polygate's benchmarks",
            "and an accuracy sweep, and writes throughput.md, throughput.json, summary.md and summary.png to --out:",
            "medians with 95% intervals, GFLOP/s and % of the FMA roof, vector/scalar speed-ups, gated versus",
            "squared, the project's targets, and the cost of a training step against the accuracy each kind reaches.",
            "Every input is checked before anything is written.",
            "",
            "  --jmh FILE        a JMH JSON result file; repeat for several, merged   (required)",
            "  --accuracy FILE   accuracy.json of a sweep                              (default reports/accuracy.json)",
            "  --out DIR         report directory, created if missing                  (default reports)");

    private static final Set<String> FLAGS = Set.of("jmh", "accuracy", "out");

    private ThroughputCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(HELP);
            return 0;
        }
        Flags f = new Flags("throughput", args, FLAGS, Set.of("help"), Set.of("jmh"));
        if (f.flag("help")) {
            out.println(HELP);
            return 0;
        }
        f.required("jmh");
        List<Path> jmh = f.paths("jmh");
        Path accuracy = path("--accuracy", f.string("accuracy", "reports/accuracy.json"));
        if (!Files.exists(accuracy)) {
            throw new UsageException("throughput: --accuracy " + accuracy + " does not exist (run polygate sweep "
                    + "first, or point --accuracy at a sweep's accuracy.json)");
        }
        Path dir = OutputPaths.directory("throughput", "--out", f.string("out", "reports"));
        ThroughputReport report;
        try {
            report = ThroughputReport.build(jmh, accuracy, Environment.current());
        } catch (InvalidInputException e) {
            throw new UsageException("throughput: " + e.getMessage());
        }
        OutputPaths.create("throughput", "--out", dir);
        report.writeAll(dir);
        List<TargetResult> targets = Targets.check(report.results());
        out.printf(Locale.ROOT, "throughput: %d JMH results from %d %s; targets: %d met, %d missed, %d not measured; "
                        + "wrote %s, %s, %s, %s in %s%n", report.results().all().size(), jmh.size(),
                jmh.size() == 1 ? "file" : "files", count(targets, Status.MET), count(targets, Status.MISSED),
                count(targets, Status.NOT_MEASURED), ThroughputReport.MARKDOWN, ThroughputReport.JSON,
                ThroughputReport.SUMMARY, ThroughputReport.SUMMARY_PNG, dir);
        return 0;
    }

    private static long count(List<TargetResult> targets, Status status) {
        return targets.stream().filter(t -> t.status() == status).count();
    }

    private static Path path(String flag, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException("throughput: " + flag + " '" + value + "' is not a valid path");
        }
    }
}
