package dev.polygate.report.peer;

import dev.polygate.report.stats.HodgesLehmannRatio;
import dev.polygate.report.stats.MedianInterval;

/**
 * One case on both sides: polygate's per-fork values and PyTorch's per-process values (ns per
 * step, one per round each), their medians with order-statistic intervals, and the time ratio
 * PyTorch ÷ polygate (above 1: polygate faster) as the Hodges–Lehmann ratio with its Mann–Whitney
 * 95 % interval — the rounds' values as two independent groups, as the JDK comparison treats forks.
 *
 * @param peerCase the case
 * @param polygate polygate's fork medians: their median and interval
 * @param torch    PyTorch's process medians: their median and interval
 * @param ratio    PyTorch ÷ polygate
 * @param target   what the case is held to
 */
record PeerRow(PeerCase peerCase, MedianInterval polygate, MedianInterval torch, HodgesLehmannRatio ratio,
               PeerTarget target) {

    static PeerRow of(PeerCase c, double[] polygateValues, double[] torchValues, int torchThreads) {
        return new PeerRow(c, MedianInterval.of95(polygateValues), MedianInterval.of95(torchValues),
                HodgesLehmannRatio.of95(torchValues, polygateValues), PeerTarget.of(c, torchThreads));
    }

    boolean targetMet() {
        return target.met(ratio);
    }
}
