package dev.polygate.kernel;

import dev.polygate.model.ModelSpec;
import dev.polygate.model.ParameterLayout;

/**
 * Floating-point operations of one forward, backward and Adam update over n samples, summed from
 * the per-sample counts written next to each kernel in {@link VectorKernels} (multiply-add = 2).
 * Benchmarks divide these by the measured time to report GFLOP/s.
 */
public final class FlopCount {
    /** Adam per parameter: m 3 (two products, a sum), v 4, sqrt + divide + add ε 3, divide + multiply + subtract 3. */
    public static final int ADAM_PER_PARAMETER = 13;
    /**
     * {@link VectorMath#exp}: clamp 2, rounding FMA 2, subtract 1, two reduction FMAs 4, five
     * polynomial FMAs 10, r² 1, three more 3, the two-part scaling 2 (integer work not counted).
     */
    public static final int EXP = 2 + 2 + 1 + 4 + 10 + 1 + 3 + 2;
    /** {@link VectorMath#sigmoid}: negate, exp, add, divide. */
    public static final int SIGMOID = 1 + EXP + 2;

    private FlopCount() {
    }

    public static long forward(ModelSpec spec, long n) {
        ParameterLayout layout = spec.layout();
        long rows = layout.rows();
        long act = VectorKernels.activationFlops(spec.activation(), spec.kind());
        long perSample = rows * 2 + spec.width() * act;                       // first layer
        for (int l = 1; l < spec.depth(); l++) {
            perSample += rows * layout.fanIn(l) * 2 + spec.width() * act;    // dense layers
        }
        perSample += spec.width() * 2L + 5;                                   // read-out and loss
        return perSample * n;
    }

    public static long backward(ModelSpec spec, long n) {
        ParameterLayout layout = spec.layout();
        long rows = layout.rows();
        long perSample = spec.width() * 3L + 1;                               // read-out
        for (int l = 1; l < spec.depth(); l++) {
            perSample += rows * 2 + rows * layout.fanIn(l) * 4;               // dz, dW, dh_in
        }
        perSample += rows * 4;                                                // first layer
        return perSample * n;
    }

    public static long adam(ModelSpec spec) {
        return (long) spec.layout().size() * ADAM_PER_PARAMETER;
    }

    /** One full training step: forward, backward and the Adam update. */
    public static long trainingStep(ModelSpec spec, long n) {
        return forward(spec, n) + backward(spec, n) + adam(spec);
    }

    /** The first hidden layer's fused forward: z = w·x + b per row, and the activation epilogue. */
    public static long firstLayerForward(ModelSpec spec, long n) {
        return ((long) spec.layout().rows() * 2 + (long) spec.width() * VectorKernels.activationFlops(spec.activation(), spec.kind())) * n;
    }

    /** The hidden×hidden product z = W·h of one dense layer (bias free, no activation). */
    public static long denseProduct(ModelSpec spec, long n) {
        return (long) spec.layout().rows() * spec.width() * 2 * n;
    }

    /** One dense layer's forward: the product and the activation epilogue. */
    public static long denseForward(ModelSpec spec, long n) {
        return denseProduct(spec, n) + (long) spec.width() * VectorKernels.activationFlops(spec.activation(), spec.kind()) * n;
    }

    /** One dense layer's backward: dz, dW and dh_in. */
    public static long denseBackward(ModelSpec spec, long n) {
        long rows = spec.layout().rows();
        return (rows * 2 + rows * spec.width() * 4) * n;
    }
}
