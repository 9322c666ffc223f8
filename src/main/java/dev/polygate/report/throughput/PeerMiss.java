package dev.polygate.report.throughput;

import dev.polygate.model.ModelSpec;
import dev.polygate.model.ParameterMatch;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.throughput.BenchmarkFlops.Known;
import dev.polygate.report.throughput.PeerTorchReport.Blas;
import dev.polygate.report.throughput.PeerTorchReport.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Why a case of the PyTorch comparison misses its target, computed from measurements: the peer
 * file's times and this report's JMH results. Which explanation depends on what the target asks.
 * A target above 1× asks polygate's step to be many times faster than PyTorch's, so the question
 * is where polygate's time goes: {@link TimeBudget}. A target of at most 1× asks it to keep up with
 * the same work, so the question is who uses the hardware better: {@link RateAgainstRoof}.
 */
sealed interface PeerMiss permits PeerMiss.TimeBudget, PeerMiss.RateAgainstRoof {

    /** The case explained. */
    Case peerCase();

    /** One sentence of markdown, numbers only from the file and this report. */
    String sentence();

    /** An explanation for every missed case of the file, in its order. */
    static List<PeerMiss> all(PeerTorchReport peer, ThroughputResults results) {
        List<PeerMiss> out = new ArrayList<>();
        for (Case c : peer.cases()) {
            if (c.missed()) {
                out.add(c.target().getAsDouble() > 1 ? TimeBudget.of(c, peer.polygate().threads(), results)
                        : RateAgainstRoof.of(c, peer, results));
            }
        }
        return out;
    }

    /** "relu plain 1000x10x1: 43.3× against ≥ 100×." */
    private static String opening(Case c) {
        return c.label() + ": " + NumberText.ratio(c.ratio().value()) + "× against ≥ "
                + NumberText.ratio(c.target().getAsDouble()) + "×.";
    }

    /**
     * The time a target leaves polygate's step: PyTorch's median ÷ the target, beside this report's
     * step, forward and backward of the case on the peer's thread count (TrainingStepBenchmark); for
     * SiLU also what its sigmoid costs one step ({@link SigmoidCost}).
     *
     * @param peerCase the case
     * @param budgetNs PyTorch's median time per step ÷ the target, ns
     * @param threads  polygate's threads per step in the peer file, the count this report's results are taken at
     * @param step     this report's step of the case, if measured
     * @param forward  its forward alone, if measured
     * @param backward its backward alone, if measured
     * @param sigmoid  the sigmoid's cost, for a SiLU case whose epilogues this report measured
     */
    record TimeBudget(Case peerCase, double budgetNs, int threads, Optional<Measurement> step,
                      Optional<Measurement> forward, Optional<Measurement> backward, Optional<SigmoidCost> sigmoid)
            implements PeerMiss {

        static TimeBudget of(Case c, int threads, ThroughputResults results) {
            StepCase here = new StepCase(c.activation(), c.kind(), c.shape(), threads);
            return new TimeBudget(c, c.torch().value() / c.target().getAsDouble(), threads,
                    here.find(results, Known.STEP), here.find(results, Known.STEP_FORWARD),
                    here.find(results, Known.STEP_BACKWARD),
                    c.activation().equals("silu") ? SigmoidCost.of(results) : Optional.empty());
        }

        @Override
        public String sentence() {
            Case c = peerCase;
            String target = NumberText.ratio(c.target().getAsDouble());
            StringBuilder s = new StringBuilder(opening(c)).append(' ').append(target).append("× needs a step of ≤ ")
                    .append(NumberText.nanoseconds(budgetNs)).append(" (PyTorch's ")
                    .append(NumberText.nanoseconds(c.torch().value())).append(" ÷ ").append(target).append(")");
            String where = "this report, " + threads + (threads == 1 ? " thread" : " threads");
            if (forward.isPresent() && backward.isPresent()) {
                double f = forward.get().nsPerOp();
                double b = backward.get().nsPerOp();
                s.append("; polygate's ").append(step.map(m -> "step takes " + NumberText.nanoseconds(m.nsPerOp()) + ", its ")
                                .orElse("")).append("forward alone ").append(NumberText.nanoseconds(f))
                        .append(" and its backward ").append(NumberText.nanoseconds(b)).append(" (").append(where)
                        .append("): ").append(overBudget(f, b)).append('.');
            } else if (step.isPresent()) {
                s.append("; polygate's step takes ").append(NumberText.nanoseconds(step.get().nsPerOp())).append(" (")
                        .append(where).append("; its forward and backward were not timed alone).");
            } else {
                s.append("; this report has no TrainingStepBenchmark result for ").append(c.label()).append(" on ")
                        .append(threads).append(threads == 1 ? " thread" : " threads").append(" to set beside it.");
            }
            sigmoid.ifPresent(cost -> s.append(" SiLU's sigmoid alone costs a step ")
                    .append(NumberText.nanoseconds(cost.extraPerStepNs(c.shape()))).append(" more than ReLU's max (")
                    .append(NumberText.threeDigits(cost.extraPerUnitNs())).append(" ns more per hidden unit, ")
                    .append(cost.source()).append(", × ").append(SigmoidCost.units(c.shape())).append(" units), ")
                    .append(NumberText.ratio(cost.extraPerStepNs(c.shape()) / budgetNs)).append("× the budget."));
            return s.toString();
        }

        private String overBudget(double forwardNs, double backwardNs) {
            if (forwardNs > budgetNs && backwardNs > budgetNs) {
                return "each alone is over that budget";
            }
            if (forwardNs > budgetNs || backwardNs > budgetNs) {
                return (forwardNs > budgetNs ? "the forward" : "the backward") + " alone is over that budget";
            }
            return "the two together are " + NumberText.ratio((forwardNs + backwardNs) / budgetNs) + "× that budget";
        }
    }

    /**
     * Both sides' rates over polygate's FLOP count of the case's step (kernel/FlopCount, as every
     * GFLOP/s of this report) against this report's FMA roof, one core's per thread; and what
     * PyTorch's matrix products run on, which this JVM's UseAVX does not hold: the OpenBLAS kernels
     * and their instruction set, where the peer file names them.
     *
     * @param peerCase   the case
     * @param flops      FLOPs of one step of the case's model
     * @param roofGflops this report's FMA roof of one core, if measured
     * @param threads    the threads per step of both sides in the peer file: the rates are against as many cores' roofs
     * @param useAvx     this report's UseAVX level
     * @param blas       PyTorch's BLAS, if the file names it
     */
    record RateAgainstRoof(Case peerCase, long flops, OptionalDouble roofGflops, int threads, String useAvx,
                           Optional<Blas> blas)
            implements PeerMiss {

        static RateAgainstRoof of(Case c, PeerTorchReport peer, ThroughputResults results) {
            ModelSpec spec = ParameterMatch.spec(c.activation(), c.kind(), c.shape().width(), c.shape().depth());
            return new RateAgainstRoof(c, BenchmarkFlops.modelFlops(Known.STEP, spec, c.shape().samples()),
                    results.roofGflops(), peer.polygate().threads(), peer.polygate().vector().useAvx(), peer.blas());
        }

        /** PyTorch's GFLOP/s at its median time. */
        double torchGflops() {
            return flops / peerCase.torch().value();
        }

        /** polygate's GFLOP/s at its median time in the file. */
        double polygateGflops() {
            return flops / peerCase.polygate().value();
        }

        /** A rate's fraction of the roofs of as many cores as threads; NaN without a roof. */
        double ofRoof(double gflops) {
            return roofGflops.isPresent() ? gflops / (roofGflops.getAsDouble() * threads) : Double.NaN;
        }

        @Override
        public String sentence() {
            Case c = peerCase;
            String roof = roofGflops.isEmpty() ? "the FMA roof (not measured in this report: no FmaRoofBenchmark.fma12 "
                    + "result)" : "this report's FMA roof (" + NumberText.threeDigits(roofGflops.getAsDouble())
                    + " GFLOP/s on one core" + (threads == 1 ? "" : ", times " + threads + " for " + threads + " threads")
                    + ")";
            return opening(c) + " One step is " + NumberText.si(flops) + "FLOP (polygate's count of the same step, "
                    + "kernel/FlopCount): at PyTorch's " + NumberText.nanoseconds(c.torch().value()) + " per step that is "
                    + NumberText.threeDigits(torchGflops()) + " GFLOP/s, " + NumberText.percent(ofRoof(torchGflops()))
                    + " of " + roof + "; at polygate's " + NumberText.nanoseconds(c.polygate().value()) + ", "
                    + NumberText.threeDigits(polygateGflops()) + " GFLOP/s, " + NumberText.percent(ofRoof(polygateGflops()))
                    + ". PyTorch's matrix products run in its BLAS (" + blas.map(b -> b.info() + " in torch's build "
                    + "configuration" + (b.libraries().isEmpty() ? "" : "; mapped: `" + String.join("`, `", b.libraries())
                    + "`")).orElse("not named in the peer file") + "), which this JVM's UseAVX=" + useAvx
                    + " does not hold" + blas.flatMap(Blas::openblas).map(o -> ": " + o.describe() + ".")
                    .orElse(" (the peer file does not name the OpenBLAS kernels it ran).");
        }
    }
}
