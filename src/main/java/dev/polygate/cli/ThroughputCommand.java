package dev.polygate.cli;

import dev.polygate.experiment.Environment;
import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.throughput.TargetResult;
import dev.polygate.report.throughput.TargetResult.Status;
import dev.polygate.report.throughput.ThroughputReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polygate throughput}: JMH results (and an accuracy sweep) into the throughput report and summary. */
@Command(name = "throughput",
        customSynopsis = "polygate throughput --jmh FILE [--jmh FILE ...] [OPTIONS]",
        header = "read JMH results and write the throughput report and the cost-versus-accuracy summary",
        description = {
            "Reads JMH JSON results (java -jar target/benchmarks.jar -rf json -rff FILE) of polygate's benchmarks "
                    + "and an accuracy sweep, and writes throughput.md, throughput.json, summary.md and summary.png "
                    + "to --out: medians with 95%% intervals, GFLOP/s and %% of the FMA roof, vector/scalar speed-ups, "
                    + "gated versus squared, the project's targets, and the cost of a training step against the "
                    + "accuracy each kind reaches. With --peer it also sets polygate's training step beside "
                    + "PyTorch's from a peer-torch.json (polygate peer-report, run by bin/compare-torch): the file's "
                    + "times, ratios and targets, and for each missed target an explanation from these JMH results "
                    + "(at a target above 1x the time budget it leaves against polygate's step, forward and "
                    + "backward; at 1x both sides' GFLOP/s against the FMA roof). The peer file's polygate side must "
                    + "have run at the vector width and UseAVX level of the JMH forks. Every input is checked before "
                    + "anything is written.",
            ""})
final class ThroughputCommand extends StreamsCommand {
    @Mixin
    HelpOption help;

    @Option(names = "--jmh", paramLabel = "FILE", required = true,
            description = "a JMH JSON result file; repeat the option for several, merged (required)")
    List<Path> jmh;

    @Option(names = "--accuracy", paramLabel = "STORE",
            defaultValue = OutDirOption.DEFAULT + "/sweep-runs.jsonl",
            description = "the run store of a sweep (sweep-runs.jsonl, or the directory holding it) "
                    + "(default: ${DEFAULT-VALUE})")
    Path accuracy;

    @Option(names = "--peer", paramLabel = "FILE",
            description = "a peer-torch.json written by polygate peer-report (bin/compare-torch), at the forks' "
                    + "vector width: adds the section against PyTorch and its targets (default: none)")
    Path peer;

    @Option(names = "--profiles", paramLabel = "DIR",
            description = "JFR profiles of the dense layer's benchmarks (top-frames.tsv files, as bin/benchmarks "
                    + "writes them to DIR/profiles) at the forks' vector width: adds where the layer's time goes "
                    + "and how fast its register tiles run (default: none)")
    Path profiles;

    @Mixin
    OutDirOption out;

    ThroughputCommand(Streams io) {
        super(io);
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(accuracy)) {
            throw new UsageException("throughput: --accuracy " + accuracy + " does not exist (run polygate sweep "
                    + "first, or point --accuracy at a sweep's sweep-runs.jsonl)");
        }
        Path dir = OutputPaths.directory("throughput", "--out", out.dir);
        ThroughputReport report;
        try {
            report = ThroughputReport.build(jmh, accuracy, Optional.ofNullable(peer), Optional.ofNullable(profiles),
                    Environment.current());
        } catch (InvalidInputException e) {
            throw new UsageException("throughput: " + e.getMessage());
        }
        OutputPaths.create("throughput", "--out", dir);
        report.writeAll(dir);
        List<TargetResult> targets = report.targets();
        io.out().printf(Locale.ROOT, "throughput: %d JMH results from %d %s; targets: %d met, %d missed, "
                        + "%d not measured; wrote %s, %s, %s, %s in %s%n", report.results().all().size(), jmh.size(),
                jmh.size() == 1 ? "file" : "files", count(targets, Status.MET), count(targets, Status.MISSED),
                count(targets, Status.NOT_MEASURED), ThroughputReport.MARKDOWN, ThroughputReport.JSON,
                ThroughputReport.SUMMARY, ThroughputReport.SUMMARY_PNG, dir);
        return 0;
    }

    private static long count(List<TargetResult> targets, Status status) {
        return targets.stream().filter(t -> t.status() == status).count();
    }
}
