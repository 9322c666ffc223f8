package dev.polygate.cli;

import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.peer.PeerComparison;
import dev.polygate.report.peer.PeerReport;
import dev.polygate.report.peer.VectorSetting;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code polygate peer-report}: the rounds' JMH and PyTorch results into peer-torch.md, .json and .png. */
final class PeerReportCommand {
    static final String HELP = String.join("\n",
            "usage: polygate peer-report --jmh FILE [--jmh FILE ...] --torch FILE [--torch FILE ...] [FLAGS]",
            "",
            "Compares polygate's training step (JMH, TrainingStepBenchmark.step) with the same step in PyTorch",
            "(bin/lib/torch_step.py) and writes " + PeerReport.MARKDOWN + ", " + PeerReport.JSON + " and " + PeerReport.PNG
                    + " to --out: per case (activation,",
            "kind, shape) each side's median time per step with its 95% interval over the rounds, the ratio",
            "PyTorch / polygate as the Hodges-Lehmann ratio with its Mann-Whitney interval, and the issue-9",
            "targets (1000x10x1: at least 100x; 4096x256x2 on one thread: at least 1x). Every case must be in",
            "every file of both sides. The vector width and UseAVX level stated are this JVM's: start it with",
            "the forks' -XX options (POLYGATE_JAVA_OPTS=-XX:UseAVX=2 bin/polygate peer-report ...); a mismatch",
            "with the forks' recorded arguments is refused. bin/compare-torch runs everything and calls this.",
            "",
            "  --jmh FILE      a JMH -rf json file of TrainingStepBenchmark.step, one per round (required)",
            "  --torch FILE    a bin/lib/torch_step.py result, one per round (required)",
            "  --command TEXT  how the files were produced, printed in the report (default: not stated)",
            "  --out DIR       report directory, created if missing (default reports)");

    private static final Set<String> FLAGS = Set.of("jmh", "torch", "command", "out");

    private PeerReportCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Flags f = new Flags("peer-report", args, FLAGS, Set.of("help"), Set.of("jmh", "torch"));
        if (f.flag("help")) {
            out.println(HELP);
            return 0;
        }
        List<Path> jmh = f.paths("jmh");
        List<Path> torch = f.paths("torch");
        if (jmh.isEmpty() || torch.isEmpty()) {
            throw new UsageException("peer-report: --jmh and --torch are required (one file per round each; repeat the flag)");
        }
        Path dir = OutputPaths.directory("peer-report", "--out", f.string("out", "reports"));
        PeerComparison comparison;
        try {
            comparison = PeerComparison.compare(jmh, torch, VectorSetting.current(), f.string("command", ""));
        } catch (IllegalArgumentException | InvalidInputException e) {
            throw new UsageException("peer-report: " + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
        }
        OutputPaths.create("peer-report", "--out", dir);
        List<Path> written = PeerReport.writeAll(comparison, dir);
        out.println("peer-report: " + comparison.summary());
        out.println("peer-report: wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        return 0;
    }
}
