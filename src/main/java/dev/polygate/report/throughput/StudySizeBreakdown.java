package dev.polygate.report.throughput;

import dev.polygate.report.format.MarkdownTable;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.util.Optional;

/**
 * Where a training step's time goes at the study's shape ({@link Targets#STEP_SHAPE}), from the
 * measurements alone: per activation × kind, the forward (with the loss), the backward and the rest
 * of the step (Adam and the loop: {@link StepParts}), one thread (TrainingStepBenchmark); and what
 * the sigmoid costs ({@link SigmoidCost}) beside the measured SiLU − ReLU difference of the plain
 * step.
 */
final class StudySizeBreakdown {
    private StudySizeBreakdown() {
    }

    static String render(ThroughputResults results) {
        MarkdownTable t = new MarkdownTable("activation", "kind", "step>", "forward>", "backward>",
                "rest (Adam, loop)>", "forward share>");
        for (Measurement step : results.of(Known.STEP)) {
            StepCase c = StepCase.of(step);
            if (c.threads() != 1 || !c.shape().equals(Targets.STEP_SHAPE)) {
                continue;
            }
            StepParts.of(results, step).ifPresent(p -> t.row(c.activation(), c.kind(),
                    NumberText.nanoseconds(step.nsPerOp()), NumberText.nanoseconds(p.forward().nsPerOp()),
                    NumberText.nanoseconds(p.backward().nsPerOp()),
                    p.addUp() ? NumberText.nanoseconds(p.restNs()) : "— (forward + backward took longer alone)",
                    NumberText.percent(p.forwardShare())));
        }
        if (t.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("### Where a step's time goes at " + Targets.STEP_SHAPE + "\n\n"
                + "From the training step's own parts (medians; separate benchmarks, so the parts need not add "
                + "up exactly).\n\n").append(t.render()).append('\n');
        sigmoidCost(results).ifPresent(line -> s.append(line).append("\n\n"));
        return s.toString();
    }

    /** The sigmoid's share of SiLU's cost, if the epilogue and both plain steps were measured. */
    private static Optional<String> sigmoidCost(ThroughputResults results) {
        Optional<SigmoidCost> cost = SigmoidCost.of(results);
        Optional<Measurement> reluStep = plainStep(results, "relu");
        Optional<Measurement> siluStep = plainStep(results, "silu");
        if (cost.isEmpty() || reluStep.isEmpty() || siluStep.isEmpty()) {
            return Optional.empty();
        }
        SigmoidCost sigmoid = cost.get();
        double measured = siluStep.get().nsPerOp() - reluStep.get().nsPerOp();
        return Optional.of("SiLU against ReLU: the first layer's fused forward costs "
                + NumberText.threeDigits(sigmoid.extraPerUnitNs()) + " ns more per hidden unit with SiLU ("
                + NumberText.threeDigits(sigmoid.siluPerUnitNs()) + " against "
                + NumberText.threeDigits(sigmoid.reluPerUnitNs()) + " ns, " + sigmoid.source() + ": the sigmoid's "
                + "exp, its divide and σ′ against a max and a compare); over the " + SigmoidCost.units(Targets.STEP_SHAPE)
                + " units of one " + Targets.STEP_SHAPE + " step that is "
                + NumberText.nanoseconds(sigmoid.extraPerStepNs(Targets.STEP_SHAPE))
                + ", against a measured SiLU − ReLU difference of " + NumberText.nanoseconds(measured)
                + " for the plain step.");
    }

    private static Optional<Measurement> plainStep(ThroughputResults results, String activation) {
        return new StepCase(activation, "plain", Targets.STEP_SHAPE, 1).find(results, Known.STEP);
    }
}
