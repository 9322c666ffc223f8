package dev.polygate.report.throughput;

import dev.polygate.model.Shape;
import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.util.Optional;

/**
 * What SiLU's sigmoid costs a training step, measured: the first layer's fused forward
 * (ActivationEpilogueBenchmark, kind plain) per sample and hidden unit with SiLU against ReLU —
 * the sigmoid's exp, its divide and σ′ against a max and a compare — times the hidden units a
 * step passes through its activation (samples × width × depth: every hidden layer applies it once
 * per unit). The one place this arithmetic is done, for the study-size breakdown and the PyTorch
 * comparison's misses alike.
 *
 * @param silu the SiLU epilogue's measurement
 * @param relu the ReLU epilogue's measurement
 */
record SigmoidCost(Measurement silu, Measurement relu) {

    /** From the plain SiLU and ReLU epilogues, if both were measured. */
    static Optional<SigmoidCost> of(ThroughputResults results) {
        Optional<Measurement> silu = plainEpilogue(results, "silu");
        Optional<Measurement> relu = plainEpilogue(results, "relu");
        return silu.isPresent() && relu.isPresent() ? Optional.of(new SigmoidCost(silu.get(), relu.get()))
                : Optional.empty();
    }

    private static Optional<Measurement> plainEpilogue(ThroughputResults results, String activation) {
        return results.of(Known.EPILOGUE_FORWARD).stream()
                .filter(m -> m.param("activation").equals(activation) && m.param("kind").equals("plain")).findFirst();
    }

    /** ns per sample and hidden unit, SiLU. */
    double siluPerUnitNs() {
        return perUnit(silu);
    }

    /** ns per sample and hidden unit, ReLU. */
    double reluPerUnitNs() {
        return perUnit(relu);
    }

    /** What SiLU costs more than ReLU per sample and hidden unit, ns. */
    double extraPerUnitNs() {
        return siluPerUnitNs() - reluPerUnitNs();
    }

    /** Hidden units one step at this shape passes through its activation: samples × width × depth. */
    static long units(Shape shape) {
        return (long) shape.samples() * shape.width() * shape.depth();
    }

    /** The extra per unit over one step's units at this shape, ns. */
    double extraPerStepNs(Shape shape) {
        return extraPerUnitNs() * units(shape);
    }

    /** Where the per-unit numbers come from: "ActivationEpilogueBenchmark at width 256 × 4096 samples". */
    String source() {
        return "ActivationEpilogueBenchmark at width " + silu.param("width") + " × " + silu.param("samples") + " samples";
    }

    private static double perUnit(Measurement epilogue) {
        return epilogue.nsPerItem() / Integer.parseInt(epilogue.param("width").trim());
    }
}
