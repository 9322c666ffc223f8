package dev.polygate.report.throughput;

import dev.polygate.model.Shape;
import dev.polygate.report.format.MarkdownTable;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.util.Map;
import java.util.Optional;

/**
 * Where a training step's time goes at the study's shape ({@link Targets#STEP_SHAPE}), from the
 * measurements alone: per activation × kind, the forward (with the loss), the backward and the rest
 * of the step (Adam and the loop: step − forward − backward), one thread
 * (TrainingStepBenchmark); and what the sigmoid costs: SiLU's extra time per hidden unit over
 * ReLU's in the first layer's fused forward (ActivationEpilogueBenchmark), times the units of one
 * step at the study's shape, beside the measured SiLU − ReLU difference of the plain step.
 */
final class StudySizeBreakdown {
    private StudySizeBreakdown() {
    }

    static String render(ThroughputResults results) {
        MarkdownTable t = new MarkdownTable("activation", "kind", "step>", "forward>", "backward>",
                "rest (Adam, loop)>", "forward share>");
        for (Measurement step : results.of(Known.STEP)) {
            if (step.threadsPerRun() != 1 || !Shape.parse(step.param("shape")).equals(Targets.STEP_SHAPE)) {
                continue;
            }
            Optional<Measurement> forward = results.find(Known.STEP_FORWARD, step.params());
            Optional<Measurement> backward = results.find(Known.STEP_BACKWARD, step.params());
            if (forward.isEmpty() || backward.isEmpty()) {
                continue;
            }
            double f = forward.get().nsPerOp();
            double b = backward.get().nsPerOp();
            double rest = step.nsPerOp() - f - b;
            t.row(step.param("activation"), step.param("kind"), NumberText.nanoseconds(step.nsPerOp()),
                    NumberText.nanoseconds(f), NumberText.nanoseconds(b),
                    rest >= 0 ? NumberText.nanoseconds(rest) : "— (forward + backward took longer alone)",
                    NumberText.percent(f / step.nsPerOp()));
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
        Optional<Measurement> relu = epilogue(results, "relu");
        Optional<Measurement> silu = epilogue(results, "silu");
        Optional<Measurement> reluStep = plainStep(results, "relu");
        Optional<Measurement> siluStep = plainStep(results, "silu");
        if (relu.isEmpty() || silu.isEmpty() || reluStep.isEmpty() || siluStep.isEmpty()) {
            return Optional.empty();
        }
        double extraPerUnit = perUnit(silu.get()) - perUnit(relu.get());
        long units = (long) Targets.STEP_SHAPE.width() * Targets.STEP_SHAPE.samples();
        double measured = siluStep.get().nsPerOp() - reluStep.get().nsPerOp();
        return Optional.of("SiLU against ReLU: the first layer's fused forward costs " + NumberText.threeDigits(extraPerUnit)
                + " ns more per hidden unit with SiLU (" + NumberText.threeDigits(perUnit(silu.get())) + " against "
                + NumberText.threeDigits(perUnit(relu.get())) + " ns, ActivationEpilogueBenchmark at width "
                + silu.get().param("width") + " × " + silu.get().param("samples") + " samples: the sigmoid's exp, "
                + "its divide and σ′ against a max and a compare); over the " + units + " units of one "
                + Targets.STEP_SHAPE + " step that is " + NumberText.nanoseconds(extraPerUnit * units)
                + ", against a measured SiLU − ReLU difference of " + NumberText.nanoseconds(measured)
                + " for the plain step.");
    }

    private static Optional<Measurement> epilogue(ThroughputResults results, String activation) {
        return results.of(Known.EPILOGUE_FORWARD).stream()
                .filter(m -> m.param("activation").equals(activation) && m.param("kind").equals("plain")).findFirst();
    }

    private static Optional<Measurement> plainStep(ThroughputResults results, String activation) {
        return results.of(Known.STEP).stream()
                .filter(m -> m.threadsPerRun() == 1 && m.params().entrySet().containsAll(Map.of("activation", activation,
                        "kind", "plain").entrySet()) && Shape.parse(m.param("shape")).equals(Targets.STEP_SHAPE))
                .findFirst();
    }

    /** Nanoseconds per sample and hidden unit. */
    private static double perUnit(Measurement epilogue) {
        return epilogue.nsPerItem() / Integer.parseInt(epilogue.param("width").trim());
    }
}
