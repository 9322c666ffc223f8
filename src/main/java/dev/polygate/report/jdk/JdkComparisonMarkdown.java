package dev.polygate.report.jdk;

import dev.polygate.report.format.MarkdownTable;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.format.NumberText.TimeUnit;
import dev.polygate.experiment.Environment;
import dev.polygate.report.jdk.SpeedRow.Difference;
import dev.polygate.report.jmh.BenchmarkId;
import dev.polygate.report.jmh.JmhResult;
import dev.polygate.report.stats.MedianInterval;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * jdk-comparison.md (an A/A run: jdk-comparison-aa.md): what ran on each JDK and how the runs
 * were interleaved, the speed table (per side the median of the fork medians with its 95 %
 * interval, the Hodges–Lehmann ratio B/A with its Mann–Whitney interval, the verdict by the
 * stated rule, and the A/A false-positive count beside it), and whether the accuracy sweeps
 * computed the same bits.
 */
final class JdkComparisonMarkdown {
    /** How many run names a list shows before "and N more". */
    private static final int LISTED = 10;

    private JdkComparisonMarkdown() {
    }

    static String render(JdkComparison c, String pngName) {
        JdkSide a = c.a();
        JdkSide b = c.b();
        StringBuilder md = new StringBuilder();
        if (c.aa()) {
            md.append("# A/A calibration: ").append(a.label()).append(" against itself (A = ").append(a.label())
                    .append(", A′ = ").append(b.label()).append(")\n\n");
            md.append("**This is an A/A run**: both sides ran the same java executable and VM version, interleaved ")
                    .append("exactly as an A/B comparison is. Nothing differs between them but the noise, so every ")
                    .append("benchmark called different below is a **false positive**: their count is the noise level ")
                    .append("of the comparison, which an A/B report prints beside its own verdicts. The report calls ")
                    .append("the sides A and B as an A/B report does.\n\n");
        } else {
            md.append("# JDK comparison: A = ").append(a.label()).append(", B = ").append(b.label()).append("\n\n");
        }
        md.append("Speed: the JMH benchmarks on both JDKs; accuracy: the same training sweep on both. ")
                .append("Every ratio is B/A of the time per operation, so below 1 means B (").append(b.label())
                .append(") is faster.\n\n");
        md.append(setup(a, b));
        md.append(interleaving(a, b));
        md.append(speed(c, a.label(), b.label(), pngName));
        md.append(accuracy(c.accuracy(), a, b));
        return md.toString();
    }

    // --- what ran -------------------------------------------------------------------------------

    private static String setup(JdkSide a, JdkSide b) {
        StringBuilder md = new StringBuilder("## What ran\n\n");
        md.append("From the JMH result files (`jvm`, `jdkVersion`, `vmName`, `vmVersion`, `jvmArgs`) and the ")
                .append("`environment` of each side's sweep store (sweep-runs.jsonl).\n\n");
        MarkdownTable table = new MarkdownTable("", "A: " + a.label(), "B: " + b.label());
        row(table, "java", a, b, s -> codeList(s.distinct(JmhResult::jvm)));
        row(table, "JDK version", a, b, s -> String.join(", ", s.distinct(JmhResult::jdkVersion)));
        row(table, "VM", a, b, s -> String.join(", ", s.distinct(r -> r.vmName() + " " + r.vmVersion())));
        row(table, "JVM flags of the benchmark forks", a, b,
                s -> codeList(s.distinct(r -> r.jvmArgs().isEmpty() ? "(none)" : String.join(" ", r.jvmArgs()))));
        row(table, "JMH per fork", a, b, s -> String.join("; ", s.distinct(r -> r.warmupIterations() + " × "
                + r.warmupTime() + " warm-up, " + r.measurementIterations() + " × " + r.measurementTime()
                + " measured, mode " + r.mode())));
        row(table, "JMH result files", a, b, s -> Integer.toString(s.modified().size()));
        row(table, "forks per benchmark (the unit compared)", a, b, s -> range(s.forks().values()));
        row(table, "measured iterations per benchmark (all forks)", a, b, s -> range(s.iterations().values()));
        row(table, "accuracy sweep", a, b, JdkComparisonMarkdown::accuracyEnvironment);
        md.append(table.render());
        md.append('\n');
        return md.toString();
    }

    private static void row(MarkdownTable table, String name, JdkSide a, JdkSide b, Function<JdkSide, String> value) {
        table.row(name, value.apply(a), value.apply(b));
    }

    private static String accuracyEnvironment(JdkSide side) {
        Environment env = side.accuracy().environment();
        return "`" + side.accuracyFile() + "`, " + side.accuracy().runs().size() + " runs; Java " + env.javaVersion()
                + " (" + env.javaVmName() + ", " + env.javaVendor() + "); " + env.os() + "; " + env.cpu() + ", "
                + env.cores() + " cores, " + env.vectorBits() + "-bit vectors";
    }

    // --- interleaving ---------------------------------------------------------------------------

    /**
     * What the files show about the schedule: the order in which they were written (their
     * modification times), the rounds named in their file names, and the forks per benchmark.
     */
    private static String interleaving(JdkSide a, JdkSide b) {
        StringBuilder md = new StringBuilder("## How the runs were interleaved\n\n");
        List<String> order = writeOrder(a, b);
        md.append("The JMH result files (").append(count(a.modified().size(), "file")).append(" of A, ")
                .append(count(b.modified().size(), "file")).append(" of B) in the order they were written ")
                .append("(file modification time): ")
                .append(String.join(" → ", order)).append(". ");
        // A×n → B×m is one JDK after the other; any further switch (e.g. A → B → B → A) is taking turns.
        if (order.size() > 2) {
            md.append("The JDKs took turns, so slow drift of the machine (temperature, other load) fell on both ")
                    .append("rather than on one. ");
        } else {
            md.append("All runs of one JDK came before the other's, so slow drift of the machine cannot be told ")
                    .append("apart from a difference between the JDKs. ");
        }
        md.append(rounds("A", a)).append(rounds("B", b)).append("\n\n");
        return md.toString();
    }

    /** The sides' files by modification time, runs of one side merged: "A×5", "B×10", "A×5". */
    private static List<String> writeOrder(JdkSide a, JdkSide b) {
        record Written(String side, FileTime time, int index) {
        }
        List<Written> files = new ArrayList<>();
        int i = 0;
        for (FileTime t : a.modified().values()) {
            files.add(new Written("A", t, i++));
        }
        for (FileTime t : b.modified().values()) {
            files.add(new Written("B", t, i++));
        }
        files.sort(Comparator.comparing(Written::time).thenComparingInt(Written::index));
        List<String> blocks = new ArrayList<>();
        String side = null;
        int count = 0;
        for (Written w : files) {
            if (!w.side().equals(side)) {
                if (side != null) {
                    blocks.add(side + "×" + count);
                }
                side = w.side();
                count = 0;
            }
            count++;
        }
        blocks.add(side + "×" + count);
        return blocks;
    }

    private static String rounds(String name, JdkSide side) {
        Set<Integer> rounds = side.roundsInFileNames();
        String forks = range(side.forks().values());
        if (rounds.isEmpty()) {
            return name + ": no round numbers in the file names; forks per benchmark: " + forks + ". ";
        }
        boolean even = side.forks().values().stream().allMatch(f -> f % rounds.size() == 0);
        String perRound = even ? " (" + range(side.forks().values().stream().map(f -> f / rounds.size()).toList())
                + " per round)" : "";
        return name + ": " + rounds.size() + (rounds.size() == 1 ? " round" : " rounds") + " in the file names ("
                + rounds.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "); forks per benchmark: "
                + forks + perRound + ". ";
    }

    // --- speed ----------------------------------------------------------------------------------

    private static String speed(JdkComparison c, String labelA, String labelB, String pngName) {
        SpeedComparison speed = c.speed();
        StringBuilder md = new StringBuilder("## Speed\n\n");
        int fewest = speed.fewestForks();
        int most = speed.mostForks();
        String forks = fewest == most ? Integer.toString(fewest) : fewest + "–" + most;
        md.append("**Method.** The fork (one JVM) is the unit: iterations inside a fork share its JIT decisions and ")
                .append("memory layout, so they agree with each other far more than with another fork, and pooling ")
                .append("them as independent samples makes intervals too narrow. Each fork counts as one value, the ")
                .append("median of its measured iterations; here ").append(forks)
                .append(" forks per benchmark and side. Per side the table shows the median of the fork medians with ")
                .append("a distribution-free order-statistic 95% interval (min–max, marked †, with 5 forks or ")
                .append("fewer). The ratio B/A is the Hodges–Lehmann estimate: the median of all pairwise ratios of a ")
                .append("B fork median to an A fork median. Its 95% interval is the k-th smallest to the k-th largest ")
                .append("of those ratios, with k from the exact null distribution of the Mann–Whitney U statistic ")
                .append("(for 5 forks a side: the 3rd of 25, coverage 96.8%); p is the two-sided Mann–Whitney U test ")
                .append("(Commons Statistics).\n\n");
        double minP = speed.rows().stream().mapToDouble(r -> r.ratio().minimumAttainableP()).max().orElse(1);
        md.append("**Rule.** A difference is called only where the ratio's 95% interval excludes 1 **and** the ratio ")
                .append("is at least ").append(NumberText.percent(SpeedRow.PRACTICAL_FACTOR - 1))
                .append(" away from 1 (B/A ≤ ").append(NumberText.decimals3(1 / SpeedRow.PRACTICAL_FACTOR))
                .append(" or ≥ ").append(NumberText.decimals3(SpeedRow.PRACTICAL_FACTOR))
                .append("); otherwise \"no clear difference\". With ").append(fewest)
                .append(fewest == 1 ? " fork" : " forks").append(" the smallest attainable p is ")
                .append(NumberText.pValue(minP))
                .append(" (2 / C(m+n, m): every fork of one side faster than every fork of the other)");
        if (speed.anyFallback()) {
            md.append("; where it is above 5% no 95% interval exists, the ratio's brackets hold the min–max of the ")
                    .append("pairwise ratios (marked ‡) and no difference can be called: run more rounds");
        }
        md.append(".\n\n");
        int n = speed.rows().size();
        if (c.aa()) {
            md.append("**A/A result.** Of ").append(n).append(n == 1 ? " benchmark" : " benchmarks").append(", ")
                    .append(c.called()).append(" called different — ")
                    .append(c.called() == 0 ? "no false positive" : c.called() == 1 ? "a false positive" : "all false positives")
                    .append(" (the goal: at most 1 in 30, 5 %). Geometric mean of the ")
                    .append("time ratios: ").append(NumberText.decimals3(speed.geometricMeanRatio())).append(".\n\n");
        } else {
            md.append("**Summary.** Of ").append(n).append(n == 1 ? " benchmark" : " benchmarks").append(", B (")
                    .append(labelB).append(") is clearly faster on ").append(speed.count(Difference.B_FASTER))
                    .append(", clearly slower on ").append(speed.count(Difference.B_SLOWER))
                    .append(", and shows no clear difference on ").append(speed.count(Difference.NONE))
                    .append(". Geometric mean of the time ratios B/A: ")
                    .append(NumberText.decimals3(speed.geometricMeanRatio())).append(".\n\n");
            md.append(calibration(c)).append("\n\n");
        }
        md.append("![time ratio B/A per benchmark](").append(pngName).append(")\n\n");
        MarkdownTable table = new MarkdownTable("benchmark", "params", "forks A/B", "A: " + labelA + " median [95% CI]",
                "B: " + labelB + " median [95% CI]", "B/A [95% CI]", "p", "difference");
        for (SpeedRow r : speed.rows()) {
            TimeUnit unit = TimeUnit.of(r.a().median());
            table.row(r.id().simpleName(), r.id().params().isEmpty() ? "–" : r.id().paramsText(),
                    r.a().n() + "/" + r.b().n(), interval(r.a(), unit), interval(r.b(), unit),
                    NumberText.decimals3(r.ratio().ratio()) + " [" + NumberText.decimals3(r.ratio().low()) + ", "
                            + NumberText.decimals3(r.ratio().high()) + "]" + (r.usesFallback() ? "‡" : ""),
                    NumberText.pValue(r.ratio().pValue()),
                    r.difference() == Difference.NONE ? r.difference().text() : "**" + r.difference().text() + "**");
        }
        md.append(table.render()).append('\n');
        if (speed.rows().stream().anyMatch(r -> r.a().minMaxFallback() || r.b().minMaxFallback())) {
            int fewestSide = speed.rows().stream().filter(r -> r.a().minMaxFallback() || r.b().minMaxFallback())
                    .mapToInt(r -> Math.min(r.a().n(), r.b().n())).min().orElse(0);
            md.append("† Too few forks for a 95% order-statistic interval of one side's median (5 or fewer): the ")
                    .append("range shown is min–max of the fork medians, which covers the median only with ")
                    .append("probability 1 − 2^(1−n) (here as few as n = ").append(fewestSide).append(": ")
                    .append(String.format(java.util.Locale.ROOT, "%.4g", 100 * MedianInterval.coverage(fewestSide, 1)))
                    .append("%). The verdict does not use these ranges; it uses the ratio's interval.\n\n");
        }
        if (!speed.onlyInA().isEmpty() || !speed.onlyInB().isEmpty()) {
            md.append("Measured on one side only, not compared: ").append(ids("A", speed.onlyInA())).append("; ")
                    .append(ids("B", speed.onlyInB())).append(".\n\n");
        }
        return md.toString();
    }

    /** The A/A run's false-positive count beside this A/B run's verdicts, or how to get one. */
    private static String calibration(JdkComparison c) {
        if (c.calibration().isEmpty()) {
            return "**Noise level: not calibrated.** No A/A run (" + JdkComparisonReport.CALIBRATION_JSON
                    + ") was found beside this report; run `bin/compare-jdks --quick JAVA JAVA` (one JDK against "
                    + "itself) to see how many differences the noise alone produces.";
        }
        Calibration cal = c.calibration().get();
        String ruleNote = cal.practicalFactor() == SpeedRow.PRACTICAL_FACTOR ? ""
                : " (note: that run used a different practical factor, " + NumberText.decimals3(cal.practicalFactor())
                        + ")";
        return "**Noise level (A/A calibration).** The same rule called " + cal.falseDifferences() + " of "
                + cal.benchmarks() + " benchmarks different when " + cal.label() + " was compared with itself ("
                + "`" + cal.source().getFileName() + "`, " + cal.fewestForks() + " or more forks per side)" + ruleNote
                + (cal.falseDifferences() == 0 ? ": no false positive"
                        : cal.falseDifferences() == 1 ? ": a false positive" : ": every one a false positive")
                + ". Here " + c.called() + " of " + c.speed().rows().size() + " are called different"
                + (cal.falseDifferences() == 0 ? "." : "; about " + cal.falseDifferences() + " of them may be noise alone.");
    }

    private static String interval(MedianInterval m, TimeUnit unit) {
        return unit.fourDigits(m.median()) + " [" + unit.fourDigits(m.low()) + ", " + unit.fourDigits(m.high())
                + "]" + (m.minMaxFallback() ? "†" : "") + " " + unit.symbol();
    }

    private static String ids(String side, List<BenchmarkId> ids) {
        if (ids.isEmpty()) {
            return "none only in " + side;
        }
        return ids.size() + " only in " + side + " (" + listed(ids.stream().map(BenchmarkId::shortLabel).toList())
                + ")";
    }

    // --- accuracy -------------------------------------------------------------------------------

    private static String accuracy(AccuracyComparison acc, JdkSide a, JdkSide b) {
        StringBuilder md = new StringBuilder("## Accuracy\n\n");
        md.append("The same sweep on both JDKs (A: `").append(a.accuracyFile()).append("`, B: `")
                .append(b.accuracyFile()).append("`). Runs are matched by activation, kind, width, depth, ")
                .append("degree, learning rate, samples, steps and seed, and compared bit for bit.\n\n");
        md.append("- ").append(acc.matched()).append(" runs matched; ").append(acc.identicalFinalMse())
                .append(" have a bit-identical final MSE (null = null for a diverged run) and ")
                .append(acc.identicalCurves()).append(" a bit-identical loss curve at every step.\n");
        if (!acc.onlyInA().isEmpty() || !acc.onlyInB().isEmpty()) {
            md.append("- Runs in one file only, not compared: ").append(acc.onlyInA().size()).append(" only in A, ")
                    .append(acc.onlyInB().size()).append(" only in B.\n");
        }
        if (acc.matched() == 0) {
            return md.append("\nNo run appears in both files: nothing to compare.\n").toString();
        }
        if (acc.maxRelativeDifferenceRun() != null) {
            md.append("- Largest relative difference of the final MSE, |B − A| / |A|: ")
                    .append(NumberText.scientific(acc.maxRelativeDifference())).append(", in run ")
                    .append(AccuracyComparison.label(acc.maxRelativeDifferenceRun())).append(".\n");
        }
        if (!acc.finiteOnOneSideOnly().isEmpty()) {
            md.append("- Diverged (final MSE null) on one JDK only: ").append(acc.finiteOnOneSideOnly().size())
                    .append(" runs (").append(listed(acc.finiteOnOneSideOnly().stream().map(AccuracyComparison::label).toList()))
                    .append(").\n");
        }
        md.append('\n');
        if (acc.allIdentical()) {
            md.append("**Same bits.** Every matched run computed exactly the same numbers on both JDKs: the kernels ")
                    .append("use only IEEE-exact operations (add, mul, fma, div, sqrt, and a hand-written exp) and ")
                    .append("fixed-order sums, so both JDKs compute the same bits.\n");
        } else {
            md.append("**The bits differ** between the JDKs in ")
                    .append(acc.matched() - Math.min(acc.identicalFinalMse(), acc.identicalCurves()))
                    .append(" of ").append(acc.matched()).append(" matched runs. ").append(shownDifferences(a, b))
                    .append("Possible causes, not shown by these files: an intrinsic whose bits differ between ")
                    .append("JDKs (such as the Vector API's lanewise(EXP) or another transcendental), or a ")
                    .append("reduction whose order differs (reduceLanes(ADD) leaves its order open).\n");
        }
        return md.toString();
    }

    /** Differences of environment the two accuracy files do show, that change the arithmetic. */
    private static String shownDifferences(JdkSide a, JdkSide b) {
        Environment ea = a.accuracy().environment();
        Environment eb = b.accuracy().environment();
        StringBuilder s = new StringBuilder();
        int bitsA = ea.vectorBits();
        int bitsB = eb.vectorBits();
        if (bitsA != bitsB) {
            s.append("Shown by the files: A ran with ").append(bitsA).append("-bit vectors and B with ").append(bitsB)
                    .append("-bit, so the lane count, and with it the grouping of every lane sum, differ. ");
        }
        String cpuA = ea.cpu();
        String cpuB = eb.cpu();
        if (!cpuA.equals(cpuB)) {
            s.append("The sweeps also ran on different CPUs (").append(cpuA).append("; ").append(cpuB).append("). ");
        }
        return s.toString();
    }

    // --- helpers --------------------------------------------------------------------------------

    private static String listed(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(LISTED, names.size())));
        return names.size() > LISTED ? shown + ", and " + (names.size() - LISTED) + " more" : shown;
    }

    /** "1 file", "3 files". */
    private static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    /** "2" when all counts are equal, else "1–3". */
    private static String range(java.util.Collection<Integer> counts) {
        IntSummaryStatistics s = counts.stream().mapToInt(Integer::intValue).summaryStatistics();
        if (s.getCount() == 0) {
            return "0";
        }
        return s.getMin() == s.getMax() ? Integer.toString(s.getMin()) : s.getMin() + "–" + s.getMax();
    }

    private static String codeList(List<String> values) {
        return values.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "));
    }

}
