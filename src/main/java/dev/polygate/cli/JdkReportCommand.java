package dev.polygate.cli;

import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.jdk.JdkComparison;
import dev.polygate.report.jdk.JdkComparisonReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code polygate jdk-report}: two JDKs' JMH results and accuracy sweeps into one comparison report. */
@Command(name = "jdk-report",
        customSynopsis = {"polygate jdk-report --a-jmh FILE [--a-jmh FILE ...] --a-accuracy FILE",
            "                           --b-jmh FILE [--b-jmh FILE ...] --b-accuracy FILE [OPTIONS]"},
        header = "compare two JDKs' benchmark results and accuracy sweeps (bin/compare-jdks runs it)",
        description = {
            "Compares two JDKs, A (the baseline) and B, and writes " + JdkComparisonReport.MARKDOWN + " and "
                    + JdkComparisonReport.PNG + " to --out: the fork is the unit: per benchmark and JDK each fork's "
                    + "median time per operation, the median of those with a 95%% order-statistic interval, the time "
                    + "ratio B/A as the Hodges-Lehmann ratio of the fork medians with its exact Mann-Whitney 95%% "
                    + "interval, and a difference called only where that interval excludes 1 and the ratio is at "
                    + "least 5%% from 1; then whether the accuracy sweeps computed the same bits. bin/compare-jdks "
                    + "runs everything and calls this; run it yourself to re-render a report from existing files.",
            "",
            "A/A: when both sides ran the same java executable and VM version, the run is an A/A calibration: every "
                    + "difference it calls is false. It is written as " + JdkComparisonReport.MARKDOWN_AA + ", "
                    + JdkComparisonReport.PNG_AA + " and " + JdkComparisonReport.CALIBRATION_JSON + " (its "
                    + "false-positive count), which an A/B report in the same directory prints beside its own "
                    + "verdicts.",
            ""})
final class JdkReportCommand extends StreamsCommand {
    /** A and B: the baseline and the JDK compared with it. */
    static final List<JdkSideOptions> SIDES = List.of(new JdkSideOptions("a", "A", "JDK A (the baseline)"),
            new JdkSideOptions("b", "B", "JDK B"));

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--calibration", paramLabel = "FILE",
            description = "an A/A run's " + JdkComparisonReport.CALIBRATION_JSON + " to print beside the verdicts "
                    + "(default: the one in --out, if there is one)")
    Path calibration;

    @Mixin
    OutDirOption out;

    JdkReportCommand(Streams io) {
        super(io);
    }

    @Override
    public Integer call() throws IOException {
        JdkComparisonReport.Side a = SIDES.get(0).read(spec);
        JdkComparisonReport.Side b = SIDES.get(1).read(spec);
        Path dir = OutputPaths.directory("jdk-report", "--out", out.dir);
        JdkComparison comparison;
        try {
            comparison = JdkComparisonReport.compare(a, b);
        } catch (IllegalArgumentException | InvalidInputException e) {
            throw new UsageException("jdk-report: " + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
        }
        if (calibration != null && !Files.isRegularFile(calibration)) {
            throw new UsageException("jdk-report: --calibration " + calibration + " is not a file (need the "
                    + JdkComparisonReport.CALIBRATION_JSON + " of an A/A run)");
        }
        Path calibrationFile = calibration != null ? calibration : dir.resolve(JdkComparisonReport.CALIBRATION_JSON);
        if (calibration != null || Files.isRegularFile(calibrationFile)) {
            try {
                comparison = JdkComparisonReport.withCalibration(comparison, calibrationFile);
            } catch (IllegalArgumentException | InvalidInputException e) {
                throw new UsageException("jdk-report: " + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
            }
        }
        OutputPaths.create("jdk-report", "--out", dir);
        List<Path> written = JdkComparisonReport.writeAll(comparison, dir);
        io.out().println("jdk-report: " + comparison.summary());
        io.out().println("jdk-report: wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        return 0;
    }
}
