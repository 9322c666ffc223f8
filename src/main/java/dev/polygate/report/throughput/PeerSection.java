package dev.polygate.report.throughput;

import dev.polygate.report.format.MarkdownTable;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.throughput.PeerTorchReport.Case;
import dev.polygate.report.throughput.PeerTorchReport.Estimate;
import java.util.List;

/**
 * throughput.md's "Against PyTorch" section: the peer file's cases as it states them (times,
 * ratio, target, verdict — not recomputed), then for each miss its explanation from this report's
 * measurements ({@link PeerMiss}).
 */
final class PeerSection {
    private PeerSection() {
    }

    static String render(PeerTorchReport peer, ThroughputResults results) {
        int threads = peer.polygate().threads();
        StringBuilder s = new StringBuilder("## Against PyTorch (from `" + peer.source() + "`)\n\n");
        s.append("polygate's full-batch training step against the same step in PyTorch on the same machine, as ")
                .append("`polygate peer-report` (`bin/compare-torch`) measured them in alternating rounds. Times per ")
                .append("step, the ratio PyTorch ÷ polygate (above 1: polygate faster), the targets and whether they ")
                .append("are met are the file's, not recomputed; \"within noise\" marks a ratio whose interval reaches ")
                .append("across its target. polygate: JDK ").append(peer.polygate().jdkVersion()).append(", ")
                .append(peer.polygate().vector().describe()).append(" (checked to be this report's), ").append(threads)
                .append(threads == 1 ? " thread" : " threads").append(" per step; PyTorch ").append(peer.torchVersion())
                .append(", ").append(peer.torchThreads()).append(peer.torchThreads() == 1 ? " thread" : " threads")
                .append(".\n\n");
        MarkdownTable t = new MarkdownTable("activation", "kind", "shape", "polygate [95 % CI]>", "PyTorch [95 % CI]>",
                "PyTorch ÷ polygate [95 % CI]>", "target", "verdict");
        for (Case c : peer.cases()) {
            Estimate r = c.ratio();
            t.row(c.activation(), c.kind(), c.shape().toString(), time(c.polygate()), time(c.torch()),
                    ThroughputMarkdown.timesCell(r.value(), r.low(), r.high()),
                    c.target().isPresent() ? "≥ " + NumberText.ratio(c.target().getAsDouble()) + "×" : "—", verdict(c));
        }
        s.append(t.render()).append('\n');
        List<PeerMiss> misses = PeerMiss.all(peer, results);
        if (misses.isEmpty()) {
            return s.append("Every case with a target meets it.\n\n").toString();
        }
        s.append("Where the misses come from, measured (a target above 1× leaves polygate's step a time budget, set "
                + "beside its parts as this report timed them; a target of 1× asks for the same work at least as fast, "
                + "so both sides' rates are set against this report's FMA roof):\n\n");
        misses.forEach(m -> s.append("- ").append(m.sentence()).append('\n'));
        return s.append('\n').toString();
    }

    private static String time(Estimate e) {
        return NumberText.nanosecondsWithInterval(e.value(), e.low(), e.high());
    }

    /** The file's verdict, in this report's words: met or missed, within noise where the interval reaches across. */
    private static String verdict(Case c) {
        if (c.target().isEmpty()) {
            return "no target";
        }
        double target = c.target().getAsDouble();
        boolean acrossTarget = c.ratio().low() <= target && target <= c.ratio().high();
        return (c.targetMet() ? "met" : "missed") + (acrossTarget ? ", within noise" : "");
    }
}
