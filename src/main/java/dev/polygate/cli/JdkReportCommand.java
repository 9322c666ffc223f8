package dev.polygate.cli;

import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.jdk.JdkComparison;
import dev.polygate.report.jdk.JdkComparisonReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code polygate jdk-report}: two JDKs' JMH results and accuracy sweeps into one comparison report. */
final class JdkReportCommand {
    static final String HELP = String.join("\n",
            "usage: polygate jdk-report --a-jmh FILE [--a-jmh FILE ...] --a-accuracy FILE --b-jmh FILE [...] --b-accuracy FILE [FLAGS]",
            "",
            "Compares two JDKs, A (the baseline) and B, and writes " + JdkComparisonReport.MARKDOWN + " and "
                    + JdkComparisonReport.PNG + " to --out:",
            "the fork is the unit: per benchmark and JDK each fork's median time per operation, the median of",
            "those with a 95% order-statistic interval, the time ratio B/A as the Hodges-Lehmann ratio of the",
            "fork medians with its exact Mann-Whitney 95% interval, and a difference called only where that",
            "interval excludes 1 and the ratio is at least 5% from 1; then whether the accuracy sweeps",
            "computed the same bits. bin/compare-jdks runs everything and calls this; run it yourself to",
            "re-render a report from existing files.",
            "",
            "A/A: when both sides ran the same java executable and VM version, the run is an A/A calibration:",
            "every difference it calls is false. It is written as " + JdkComparisonReport.MARKDOWN_AA + ", "
                    + JdkComparisonReport.PNG_AA + " and",
            JdkComparisonReport.CALIBRATION_JSON + " (its false-positive count), which an A/B report in the same"
                    + " directory prints",
            "beside its own verdicts.",
            "",
            "  --a-label L        name of JDK A in the report   (default A)",
            "  --a-jmh FILE       a JMH -rf json result file of A; repeat for several, pooled (required)",
            "  --a-accuracy FILE  accuracy.json of a sweep run on A (required)",
            "  --b-label L        name of JDK B in the report   (default B)",
            "  --b-jmh FILE       as --a-jmh, for B (required)",
            "  --b-accuracy FILE  as --a-accuracy, for B (required)",
            "  --calibration FILE an A/A run's " + JdkComparisonReport.CALIBRATION_JSON + " to print beside the verdicts",
            "                     (default: the one in --out, if there is one)",
            "  --out DIR          report directory, created if missing (default reports)");

    private static final Set<String> FLAGS = Set.of("a-label", "a-jmh", "a-accuracy", "b-label", "b-jmh",
            "b-accuracy", "calibration", "out");

    private JdkReportCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Flags f = new Flags("jdk-report", args, FLAGS, Set.of("help"), Set.of("a-jmh", "b-jmh"));
        if (f.flag("help")) {
            out.println(HELP);
            return 0;
        }
        JdkComparisonReport.Side a = side(f, "a", "A");
        JdkComparisonReport.Side b = side(f, "b", "B");
        Path dir = OutputPaths.directory("jdk-report", "--out", f.string("out", "reports"));
        JdkComparison comparison;
        try {
            comparison = JdkComparisonReport.compare(a, b);
        } catch (IllegalArgumentException | InvalidInputException e) {
            throw new UsageException("jdk-report: " + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
        }
        String calibration = f.string("calibration", null);
        if (calibration != null && !java.nio.file.Files.isRegularFile(Path.of(calibration))) {
            throw new UsageException("jdk-report: --calibration " + calibration + " is not a file (need the "
                    + JdkComparisonReport.CALIBRATION_JSON + " of an A/A run)");
        }
        Path calibrationFile = calibration != null ? Path.of(calibration)
                : dir.resolve(JdkComparisonReport.CALIBRATION_JSON);
        if (calibration != null || java.nio.file.Files.isRegularFile(calibrationFile)) {
            try {
                comparison = JdkComparisonReport.withCalibration(comparison, calibrationFile);
            } catch (IllegalArgumentException | InvalidInputException e) {
                throw new UsageException("jdk-report: " + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
            }
        }
        OutputPaths.create("jdk-report", "--out", dir);
        List<Path> written = JdkComparisonReport.writeAll(comparison, dir);
        out.println("jdk-report: " + comparison.summary());
        out.println("jdk-report: wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        return 0;
    }

    private static JdkComparisonReport.Side side(Flags f, String prefix, String defaultLabel) {
        String label = f.string(prefix + "-label", defaultLabel).trim();
        if (label.isEmpty()) {
            throw new UsageException("jdk-report: --" + prefix + "-label must not be empty");
        }
        List<Path> jmh = f.paths(prefix + "-jmh");
        if (jmh.isEmpty()) {
            throw new UsageException("jdk-report: --" + prefix + "-jmh is required (a JMH -rf json file; repeat the flag for several)");
        }
        String accuracy = f.required(prefix + "-accuracy");
        try {
            return new JdkComparisonReport.Side(label, jmh, Path.of(accuracy));
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException("jdk-report: --" + prefix + "-accuracy '" + accuracy + "' is not a valid path");
        }
    }
}
