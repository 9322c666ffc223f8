package dev.polygate.cli;

import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.peer.PeerComparison;
import dev.polygate.report.peer.PeerReport;
import dev.polygate.report.jmh.VectorSetting;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polygate peer-report}: the rounds' JMH and PyTorch results into peer-torch.md, .json and .png. */
@Command(name = "peer-report",
        customSynopsis = "polygate peer-report --jmh FILE [--jmh FILE ...] --torch FILE [--torch FILE ...] [OPTIONS]",
        header = "compare polygate's training step with PyTorch's (bin/compare-torch runs it)",
        description = {
            "Compares polygate's training step (JMH, TrainingStepBenchmark.step) with the same step in PyTorch "
                    + "(bin/lib/torch_step.py) and writes " + PeerReport.MARKDOWN + ", " + PeerReport.JSON + " and "
                    + PeerReport.PNG + " to --out: per case (activation, kind, shape) each side's median time per "
                    + "step with its 95%% interval over the rounds, the ratio PyTorch / polygate as the "
                    + "Hodges-Lehmann ratio with its Mann-Whitney interval, and the issue-9 targets (1000x10x1: at "
                    + "least 100x; 4096x256x2 on one thread: at least 1x). Every case must be in every file of both "
                    + "sides. The vector width and UseAVX level stated are this JVM's: start it with the forks' -XX "
                    + "options (POLYGATE_JAVA_OPTS=-XX:UseAVX=2 bin/polygate peer-report ...); a mismatch with the "
                    + "forks' recorded arguments is refused. bin/compare-torch runs everything and calls this.",
            ""})
final class PeerReportCommand extends StreamsCommand {
    @Mixin
    HelpOption help;

    @Option(names = "--jmh", paramLabel = "FILE", required = true,
            description = "a JMH -rf json file of TrainingStepBenchmark.step, one per round; repeat the option (required)")
    List<Path> jmh;

    @Option(names = "--torch", paramLabel = "FILE", required = true,
            description = "a bin/lib/torch_step.py result, one per round; repeat the option (required)")
    List<Path> torch;

    @Option(names = "--command", paramLabel = "TEXT", defaultValue = "",
            description = "how the files were produced, printed in the report (default: not stated)")
    String command;

    @Mixin
    OutDirOption out;

    PeerReportCommand(Streams io) {
        super(io);
    }

    @Override
    public Integer call() throws IOException {
        Path dir = OutputPaths.directory("peer-report", "--out", out.dir);
        PeerComparison comparison;
        try {
            comparison = PeerComparison.compare(jmh, torch, VectorSetting.current(), command);
        } catch (IllegalArgumentException | InvalidInputException e) {
            throw new UsageException("peer-report: " + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
        }
        OutputPaths.create("peer-report", "--out", dir);
        List<Path> written = PeerReport.writeAll(comparison, dir);
        io.out().println("peer-report: " + comparison.summary());
        io.out().println("peer-report: wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        return 0;
    }
}
