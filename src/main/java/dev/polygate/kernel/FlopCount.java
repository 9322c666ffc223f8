package dev.polygate.kernel;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.ParameterLayout;

/**
 * Every FLOP count of polygate, each made once, here: the kernels' comments, the benchmarks and
 * the reports (GFLOP/s, FLOPs per step, the equal-FLOPs sizing) all take theirs from this class.
 *
 * <p>How they are counted, from the code as written: the float operations per lane that make
 * each value the math needs, once. add, subtract, multiply, divide, sqrt, negate, min, max,
 * compare and blend are 1; a fused multiply-add is 2 (two roundings' worth of arithmetic in
 * one); integer and bit work (the exponent tricks, index clamps), loads, stores, broadcasts,
 * gathers and lane reinterprets are 0. The affine maps z = W·h + b are counted once, where the
 * math has them (the first layer's rows, a dense layer's product); work an implementation does
 * again or as a stand-in is not counted — the epilogue passes re-deriving z from their input,
 * the z_v a one-branch kind computes without a branch, a dense layer's identity fma on the
 * product's z — so that recomputing more can never look faster. Not counted either: per-call
 * scalar work (Adam's bias corrections, a lane sum per output), and the rows or columns a
 * register tile repeats past a matrix edge (matmulPanel, gradWeights) or K padded to a block in
 * the transposed dW: that work produces nothing and depends on the shape's rounding.
 * FlopCountTest holds the counts below to scalar mirrors of the code that count as they compute.
 */
public final class FlopCount {
    /**
     * {@link VectorMath#exp} per element: clamp (max, min) 2; t = x·log2e +
     * 1.5·2²³ (fma) 2; n = t − 1.5·2²³ 1; r in two steps of the split ln 2 (two fmas) 4;
     * polynomial, five fmas 10; p·r² + r + 1: r·r, ·p, +r, +1 4; the two-part scaling by 2^m1·2^m2
     * (two multiplies) 2; m, m1, 2^k (integer) 0. Total 25.
     */
    public static final int EXP = 2 + 2 + 1 + 4 + 10 + 4 + 2;
    /**
     * {@link VectorMath#sigmoid} per element: negate 1; the scaled exp, {@link #EXP} with one
     * scaling multiply by 2^(n−64) instead of two, 24; add 1, divide 1. Total 27.
     */
    public static final int SIGMOID = 1 + (EXP - 1) + 1 + 1;
    /**
     * {@link dev.polygate.train.Adam#step} per parameter: m = m·β1 + g·(1−β1) 3 (two multiplies, an
     * add); v = v·β2 + (g·(1−β2))·g 4 (three multiplies, an add); denominator √v / √(1−β2ᵗ) + ε 3
     * (sqrt, divide, add); p + (m·(−step))/denominator 3 (multiply, divide, add). Total 13.
     */
    public static final int ADAM_PER_PARAMETER = 3 + 4 + 3 + 3;
    /**
     * An integrated activation's table pass ({@code integralRows}) per element: clamp
     * to the table (max, min) 2; interval by the magic add (fma, min, add) 4; t = (z − k·h)/h
     * (subtract, multiply, subtract, multiply) 4; gathers 0; Hermite: a1 − a0 1, c2 (multiply,
     * fma, subtract) 4, c3 (add, fma) 3, Horner three fmas 6; past the table: z − zc, max 2, two
     * fmas 4 (z_g re-derived: not counted). Total 30.
     */
    public static final int TABLE = 2 + 4 + 4 + 1 + 4 + 3 + 6 + 2 + 4;
    /**
     * The sigmoid pass ({@code sigmoidRows}) per element, σ only: sigmoid {@link #SIGMOID}; z
     * clamped to finite (max), ·sg 2. SiLU's sigmoid argument is z itself: 0 (the pass re-derives
     * z_g from its input: not counted, the affine map is counted once, see above).
     */
    static final int SILU_SIGMA = SIGMOID + 2;
    /**
     * GELU's pass adds its argument c = z(2c₁ + 2c₁a·z²) and z·c′ = z(2c₁ + 6c₁a·z²), both computed
     * whether σ′ is wanted or not: z² 1, (fma, multiply) 3 each. Total {@link #SILU_SIGMA} + 7.
     */
    static final int GELU_SIGMA = SILU_SIGMA + 1 + 3 + 3;
    /** σ′ = sg + z·c′·sg(1 − sg), when the pass makes it: z·c′ clamped (max, min) 2, negate, add, multiply 3, fma 2. */
    static final int SIGMOID_SLOPE = 2 + 3 + 2;
    /** ReLU in the main loop: σ = max(z, 0) 1; σ′ (closed form only) = compare, blend 2. */
    static final int RELU_SIGMA = 1;
    static final int RELU_SLOPE = 2;

    private FlopCount() {
    }

    /**
     * FLOPs per sample and unit of the activation epilogue ({@link VectorKernels#activateRows}): h
     * and the backward factors f of one unit. An integrated activation computes its table and its
     * gate's σ (which is its σ′), never the gate's own σ′. Kinds on top of σ and σ′: squared σ²,
     * 2σσ′ (three multiplies) 3; gated σ·z_v, σ′·z_v 2; plain 0. Bilinear computes no σ at all:
     * one product. The affine maps that make z_g and z_v are not part of it (first layer:
     * {@link #firstLayerForward}; dense layers: {@link #denseProduct}).
     */
    public static int epilogue(Activation act, LayerKind kind) {
        if (kind == LayerKind.BILINEAR) {
            return 1;
        }
        boolean integrated = act.isIntegrated();
        int sigma = switch (act.closedForm()) {
            case RELU -> RELU_SIGMA + (integrated ? 0 : RELU_SLOPE);
            case SILU -> SILU_SIGMA + (integrated ? 0 : SIGMOID_SLOPE);
            case GELU -> GELU_SIGMA + (integrated ? 0 : SIGMOID_SLOPE);
            default -> throw new IllegalStateException(act.toString());
        };
        int kindProducts = switch (kind) {
            case PLAIN -> 0;
            case SQUARED -> 3;
            case GATED -> 2;
            default -> throw new IllegalStateException(kind.toString());
        };
        return (integrated ? TABLE : 0) + sigma + kindProducts;
    }

    /**
     * FLOPs of one call of the FMA roof kernel: {@code chains} independent accumulators, each one
     * fma (2 FLOPs) per lane per iteration; the closing sum of the chains, once per call, is not
     * counted. For bench/FmaRoofBenchmark and the throughput report alike.
     */
    public static long fmaRoof(int chains, int iterations, int lanes) {
        return 2L * chains * iterations * lanes;
    }

    /**
     * The read-out and loss, per sample ({@link VectorKernels#readoutLoss}): y, a fma per unit; (y − t)·valid 2,
     * d² summed (fma) 2, ·2/n 1. The sum makes (y − t)·valid again (another pass, so that y can be made in
     * parallel): not counted.
     */
    static long readoutLoss(int width) {
        return width * 2L + 5;
    }

    /** Per sample ({@link VectorKernels#readoutBackward}): db_o an add 1; per unit dw_o a fma 2 and dh = w_o·dy 1. */
    static long readoutBackward(int width) {
        return width * 3L + 1;
    }

    /** Per sample ({@link VectorKernels#firstLayerBackward}): per row dz = dh·f 1, dw a fma 2, db an add 1. */
    static long firstLayerBackward(long rows) {
        return rows * 4;
    }

    /** Per sample ({@link VectorKernels#denseBackward}): per row dz 1 and db 1; dW and dh_in a fma per row and input each. */
    static long denseBackward(long rows, long fanIn) {
        return rows * 2 + rows * fanIn * 2 + rows * fanIn * 2;
    }

    /** One forward pass with its loss over n samples ({@link VectorMlp#forwardLoss}). */
    public static long forward(ModelSpec spec, long n) {
        ParameterLayout layout = spec.layout();
        long epilogue = (long) spec.width() * epilogue(spec.activation(), spec.kind());
        long perSample = layout.rows() * 2L + epilogue;                   // first layer: z = w·x + b, epilogue
        for (int l = 1; l < spec.depth(); l++) {
            perSample += layout.rows() * (long) layout.fanIn(l) * 2 + epilogue;   // product, epilogue
        }
        perSample += readoutLoss(spec.width());
        return perSample * n;
    }

    /** One backward pass over n samples ({@link VectorMlp#backward}). */
    public static long backward(ModelSpec spec, long n) {
        ParameterLayout layout = spec.layout();
        long perSample = readoutBackward(spec.width());
        for (int l = 1; l < spec.depth(); l++) {
            perSample += denseBackward(layout.rows(), layout.fanIn(l));
        }
        perSample += firstLayerBackward(layout.rows());
        return perSample * n;
    }

    public static long adam(ModelSpec spec) {
        return (long) spec.layout().size() * ADAM_PER_PARAMETER;
    }

    /** One full training step: forward, backward and the Adam update. */
    public static long trainingStep(ModelSpec spec, long n) {
        return forward(spec, n) + backward(spec, n) + adam(spec);
    }

    /** The first hidden layer's fused forward ({@link VectorKernels#firstLayerForward}): z = w·x + b per row (a fma), and the epilogue. */
    public static long firstLayerForward(ModelSpec spec, long n) {
        return ((long) spec.layout().rows() * 2 + (long) spec.width() * epilogue(spec.activation(), spec.kind())) * n;
    }

    /** The hidden×hidden product z = W·h + b of one dense layer ({@link VectorKernels#denseProduct}): a fma per row and input; the bias starts the sum (0). */
    public static long denseProduct(ModelSpec spec, long n) {
        return (long) spec.layout().rows() * spec.width() * 2 * n;
    }

    /** One dense layer's forward ({@link VectorKernels#denseForward}): the product and the epilogue. */
    public static long denseForward(ModelSpec spec, long n) {
        return denseProduct(spec, n) + (long) spec.width() * epilogue(spec.activation(), spec.kind()) * n;
    }

    /** One dense layer's backward ({@link VectorKernels#denseBackward}): dz, db, dW and dh_in. */
    public static long denseBackward(ModelSpec spec, long n) {
        return denseBackward(spec.layout().rows(), spec.width()) * n;
    }
}
