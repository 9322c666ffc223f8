package dev.polygate.report.peer;

import dev.polygate.experiment.Environment;
import dev.polygate.report.format.SweepProvenance;
import dev.polygate.report.format.MarkdownTable;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.stats.MedianInterval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** peer-torch.md: the setting of both sides, then one table per shape. */
final class PeerMarkdown {
    /**
     * Where Debian's libblas3, the netlib reference BLAS, lives: unoptimised loops, which is what
     * PyTorch's matrix products run on when the libblas.so.3 alternative points there.
     */
    static final String REFERENCE_BLAS_DIR = "/blas/libblas.so";

    private PeerMarkdown() {
    }

    static String render(PeerComparison c, Environment machine) {
        StringBuilder md = new StringBuilder("# polygate against PyTorch: one full-batch training step\n\n");
        md.append("Both sides time the same step on the same machine: x ~ N(0, 1) (1-D), target x³, the hidden layers "
                + "of the shape SAMPLES×WIDTH×DEPTH (plain σ(Wx + b), squared σ(Wx + b)², gated σ(W_g x + b_g) ⊙ "
                + "(W_v x + b_v)), a linear read-out, the mean squared error, then one full-batch forward, backward and "
                + "Adam step (lr 0.01, PyTorch's defaults), in float32. polygate: `TrainingStepBenchmark.step` in JMH; "
                + "PyTorch: `bin/lib/torch_step.py`, timed like JMH's average time (iterations of whole steps, the mean "
                + "time per step each), with the same parameter count per case (checked). The ratio is PyTorch's time "
                + "÷ polygate's: above 1, polygate is faster.\n\n");
        setting(md, c, machine);
        md.append("\n**Targets** (issue 9): at ").append(PeerTarget.STUDY_SHAPE).append(" polygate at least ")
                .append(NumberText.ratio(PeerTarget.STUDY_FACTOR)).append("× as fast as PyTorch for every activation × kind; at ")
                .append(PeerTarget.LARGE_SHAPE).append(" on one thread at least as fast. Met in ").append(c.targetsMet())
                .append(" of ").append(c.targets()).append(" cases with a target (a target is met where the ratio's "
                        + "estimate reaches it; the verdict says where the interval disagrees).\n");
        Map<String, List<PeerRow>> byShape = new LinkedHashMap<>();
        c.rows().forEach(r -> byShape.computeIfAbsent(r.peerCase().shape(), k -> new java.util.ArrayList<>()).add(r));
        byShape.forEach((shape, rows) -> table(md, shape, rows));
        md.append('\n').append(intervals(c)).append('\n');
        md.append("\n<details><summary>torch.__config__.show()</summary>\n\n```\n").append(c.torch().torchConfig().strip())
                .append("\n```\n</details>\n");
        return md.toString();
    }

    private static void setting(StringBuilder md, PeerComparison c, Environment machine) {
        TorchRun t = c.torch();
        md.append("- **CPU**: ").append(t.cpu()).append(" (as the PyTorch processes read it from /proc/cpuinfo)\n");
        md.append("- **polygate**: ").append(c.jvm().describe()).append("; ").append(c.vector().describe())
                .append(" (of the JVM that wrote this report, started with the forks' -XX options); ")
                .append(t.threads()).append(t.threads() == 1 ? " thread" : " threads per run (TrainingStepBenchmark's "
                        + "threadsPerRun; the same bits as on one)").append(", as many as PyTorch's (checked)\n");
        md.append("- **PyTorch**: ").append(t.torchVersion()).append(", ").append(t.threads())
                .append(t.threads() == 1 ? " thread" : " threads").append(" (torch.set_num_threads), MKL-DNN ")
                .append(t.mkldnn() ? "available" : "not available").append(", Python ").append(t.pythonVersion())
                .append("; ").append(t.optimizer()).append('\n');
        md.append("- **BLAS**: ").append(t.blasInfo()).append(" in torch's build configuration; mapped: ")
                .append(t.blasLibraries().isEmpty() ? "no BLAS library" : "`" + String.join("`, `", t.blasLibraries()) + "`");
        if (t.blasLibraries().stream().anyMatch(l -> l.contains(REFERENCE_BLAS_DIR))) {
            md.append(" — Debian's netlib reference BLAS (package libblas3), unoptimised loops: PyTorch's matrix "
                    + "products are much slower on it than on OpenBLAS or MKL (`apt-get install libopenblas0-pthread` "
                    + "points libblas.so.3 at OpenBLAS)");
        }
        md.append(openblas(t)).append('\n');
        md.append("- **Rounds**: ").append(c.jmhRounds()).append(c.jmhRounds() == 1 ? " JMH result file" : " JMH result files")
                .append(" (one fork per case each) and ").append(c.torchRounds())
                .append(c.torchRounds() == 1 ? " PyTorch process" : " PyTorch processes")
                .append(", alternating, so that drift of the machine falls on both sides\n");
        md.append("- **Produced by**: ").append(c.command().isEmpty() ? "not stated" : "`" + c.command() + "`").append('\n');
        md.append("- **Report written by**: ").append(SweepProvenance.environment(machine)).append('\n');
    }

    /**
     * What the BLAS line adds about OpenBLAS: its kernels with their instruction set, whether they
     * were forced, and its own configuration line; that this was not recorded (format /1); nothing
     * where no OpenBLAS was mapped (the mapped libraries say what was).
     */
    static String openblas(TorchRun t) {
        if (!t.openblasRecorded()) {
            return "; which OpenBLAS kernels ran is not recorded (torch result files of format " + TorchRunJson.FORMAT_1
                    + ")";
        }
        return t.openblas().map(o -> "; " + o.describe() + o.config().map(c -> " (openblas_get_config(): `" + c + "`)")
                .orElse("")).orElse("");
    }

    private static void table(StringBuilder md, String shape, List<PeerRow> rows) {
        md.append("\n## ").append(shape).append(" (samples × width × depth)\n\n");
        MarkdownTable t = new MarkdownTable("activation", "kind", "polygate [95 % CI]>", "PyTorch [95 % CI]>",
                "PyTorch ÷ polygate [95 % CI]>", "target", "verdict");
        for (PeerRow r : rows) {
            t.row(r.peerCase().activation().cliName(), r.peerCase().kind().cliName(), time(r.polygate()), time(r.torch()),
                    NumberText.ratioWithInterval(r.ratio().ratio(), r.ratio().low(), r.ratio().high()),
                    r.target().text(), r.target().verdict(r.ratio()));
        }
        md.append(t.render());
    }

    private static String time(MedianInterval m) {
        return NumberText.nanosecondsWithInterval(m.median(), m.low(), m.high());
    }

    /** How the intervals were made, from the first row (every row has as many values). */
    private static String intervals(PeerComparison c) {
        PeerRow r = c.rows().get(0);
        return "Times are per step: polygate's the median of its forks' median iterations, PyTorch's the median of its "
                + "processes' median iterations; each interval is the median's order-statistic interval (polygate: "
                + r.polygate().method() + "; PyTorch: " + r.torch().method() + "). The ratio is the Hodges–Lehmann "
                + "ratio of PyTorch's values to polygate's with its exact Mann–Whitney interval ("
                + NumberText.percent(r.ratio().coverage()) + " coverage" + (r.ratio().belowLevel()
                ? ", below 95 %: too few rounds, min–max of the pairwise ratios" : "") + ").";
    }
}
