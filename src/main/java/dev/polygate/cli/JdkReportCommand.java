package dev.polygate.cli;

import dev.polygate.report.InvalidInputException;
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
            "per benchmark the median time per operation on each JDK with a 95% order-statistic interval, the",
            "time ratio B/A with its interval, and a difference called only where the intervals do not overlap;",
            "then whether the accuracy sweeps computed the same bits. bin/compare-jdks runs everything and",
            "calls this; run it yourself to re-render a report from existing files.",
            "",
            "  --a-label L        name of JDK A in the report   (default A)",
            "  --a-jmh FILE       a JMH -rf json result file of A; repeat for several, pooled (required)",
            "  --a-accuracy FILE  accuracy.json of a sweep run on A (required)",
            "  --b-label L        name of JDK B in the report   (default B)",
            "  --b-jmh FILE       as --a-jmh, for B (required)",
            "  --b-accuracy FILE  as --a-accuracy, for B (required)",
            "  --out DIR          report directory, created if missing (default reports)");

    private static final Set<String> FLAGS = Set.of("a-label", "a-jmh", "a-accuracy", "b-label", "b-jmh",
            "b-accuracy", "out");

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
        OutputPaths.create("jdk-report", "--out", dir);
        List<Path> written = JdkComparisonReport.writeAll(comparison, dir);
        out.println("jdk-report: " + comparison.summary());
        out.println("jdk-report: wrote " + written.get(0) + " and " + written.get(1));
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
