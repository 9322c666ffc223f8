package dev.polygate.kernel;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 kernels of one MLP, each layer's forward beside its backward, vectorized over the
 * batch. {@link VectorMlp} calls them in this order: forward {@link #firstLayerForward},
 * {@link #denseForward} per layer l ≥ 1, {@link #readoutLoss}; backward {@link #readoutBackward},
 * {@link #denseBackward} from the last layer down, {@link #firstLayerBackward}; then Adam.
 *
 * <p>Layout: activations are hidden-major, {@code [unit][ld]} with the batch contiguous (element
 * (r, i) at r·ld + i), so every kernel vectorizes over the batch (long, the same for every kind)
 * rather than over a width of 10. {@code ld} is the batch n padded to {@link #BLOCK}: no loop needs
 * a tail or a mask (masked tails are slow on JDK 17). Padded samples carry x = 0 and a loss weight
 * of 0, so their gradient is 0. rows = branches × width (branches: 2 for gated and bilinear, gate
 * rows 0..width-1 then value rows width..2·width-1; 1 for plain and squared); K = a layer's fan-in
 * (1 for layer 0, width after). p and g have the {@link dev.polygate.model.ParameterLayout}.
 *
 * <p>The buffers of one training step, per hidden layer l (as named in {@link VectorMlp}):
 * <pre>
 * buffer      shape         written by                              read by
 * ----------  ------------  --------------------------------------  --------------------------------------
 * x           [ld]          VectorMlp (data, 0 past n)              firstLayerForward, firstLayerBackward
 * t, valid    [ld]          VectorMlp (data; valid 1, 0 past n)     readoutLoss
 * p           layout        Adam.step                               every forward; denseBackward (W),
 *                                                                   readoutBackward (w_o)
 * f[0]        [rows][ld]    firstLayerForward: the epilogue         firstLayerBackward: dz = dh * f
 *                           (activateRows), derivative factors
 * f[l], l≥1   [rows][ld]    denseForward: z = W h_in + b            denseBackward: dz = dh * f
 *                           (matmulPanel), then overwritten in
 *                           place by the epilogue's factors
 * h[l]        [width][ld]   forward epilogue (activateRows)         denseForward of l+1 (h_in),
 *                                                                   denseBackward of l+1 (dW), readoutLoss,
 *                                                                   readoutBackward (dw_o)
 * y           [ld]          readoutLoss                             VectorMlp.outputs
 * dy          [ld]          readoutLoss (fused: 2(y - t)valid/n)    readoutBackward
 * dh          [width][ld]   readoutBackward (last layer);           denseBackward, firstLayerBackward
 *                           denseBackward of l+1 (its dh_in)
 * dz          [rows][ld]    denseBackward                           denseBackward (dW, dh_in); layer 0
 *                                                                   fuses dz and never stores it
 * g           layout        readoutBackward, denseBackward,         Adam.step
 *                           firstLayerBackward (every entry)
 * scratch     [rows][kp](1) denseBackward: dW with padded rows        denseBackward (copied to g)
 * knots       int [LANES]   integralRows (table indices)            integralRows (gathers)
 * (1) fan-in K ≥ 64 and K not a multiple of BLOCK only, kp = K padded to BLOCK:
 * {@link #denseBackwardScratch}.
 * </pre>
 * What the epilogue leaves (row j of h; gate row j and value row width + j of f), by kind:
 * <pre>
 * kind       h               f, gate row         f, value row     backward (dh * f)
 * plain      σ(z)            σ'(z)               -                dz = dh σ'
 * squared    σ(z)²           2 σ(z) σ'(z)        -                dz = dh 2σσ'
 * gated      σ(z_g) z_v      σ'(z_g) z_v         σ(z_g)           dz_g = dh σ' z_v, dz_v = dh σ
 * bilinear   z_g z_v         z_v                 z_g              dz_g = dh z_v, dz_v = dh z_g
 * </pre>
 * <b>Every derivative factor is made in the forward epilogue</b> ({@link #activateRows}, run by
 * firstLayerForward and denseForward), never in a backward kernel: the backward kernels only
 * multiply dh by f. σ and σ′ per activation family:
 * <ul>
 * <li>relu: σ = max(z, 0), σ′ = step(z &gt; 0), inline in activateRows.
 * <li>silu, gelu: σ = z·sigmoid(c), σ′ = sg + z·c′·sg(1 − sg), in {@link #sigmoidRows}.
 * <li>int-relu, int-silu, int-gelu (integrated): σ = A(z) from the table in {@link #integralRows};
 *     σ′ = the gate itself (A′ = g), the closed form's σ: sigmoidRows without slopes, or relu's max.
 * </ul>
 * Where to look, by kind and direction (grep for these):
 * <ul>
 * <li>gated SiLU backward, gated GELU backward, gated ReLU backward: the factors σ′(z_g)·z_v and
 *     σ(z_g) in activateRows ("gated: backward factors"), σ′ from sigmoidRows; applied in
 *     firstLayerBackward and denseBackward.
 * <li>squared backward: 2σσ′ in activateRows ("squared: backward factor").
 * <li>plain backward (SiLU, GELU, ReLU): f = σ′ as sigmoidRows or activateRows leave it.
 * <li>bilinear backward: z_v and z_g in activateRows ("bilinear: backward factors").
 * <li>integrated (int-*) backward: σ′ = the gate, activateRows ("integrated: backward factor").
 * <li>read-out and MSE backward: dy in readoutLoss, dw_o, db_o, dh in readoutBackward.
 * </ul>
 *
 * <p>Argument order, the same in every kernel: outputs first, then inputs, then the parameters p
 * with their offsets into it (wAt, bAt: the same offsets index g), then what to compute (activation,
 * kind), then sizes (width, branches, fanIn, n, ld, a sample range), then the share (part, parts)
 * of a parallel region, scratch last. An array's own
 * offset or stride follows it (c, cAt; z, zStride). Forward outputs are (h, f) or (y, dy); backward
 * outputs are (g, dz, dh_in), g first. As llm.c's {@code matmul_forward(out, inp, weight, bias, …)}:
 * two float[] of one shape can no longer be swapped by a call that reads naturally.
 *
 * <p>Threads inside one run ({@link ParallelFor}): a kernel that takes {@code (part, parts)} computes
 * share {@code part} of its outputs — samples, units, rows or panels, cut by
 * {@link ParallelFor#shareStart} — and (0, 1) computes all of them. Outputs are split, never a sum:
 * every sum over the batch (the loss, db, dW, dw_o, db_o) stays inside one share, in the order one
 * thread takes, so the bits of every output are the same for every part count. denseBackward runs
 * in two regions and a step on the caller ({@link #denseBackwardDz}, {@link #denseBackwardProducts},
 * {@link #unpadWeightGradient}); readoutLoss in a region ({@link #readoutForward}: y, dy) and the
 * loss's sum over the batch on the caller ({@link #meanSquaredError}).
 *
 * <p>FLOP counts, per real sample, are in {@link FlopCount} only (how each is counted is written
 * there); the benchmark report turns ns/op into GFLOP/s with them.
 */
public final class VectorKernels {
    private static final VectorSpecies<Float> S = VectorMath.SPECIES;
    private static final int L = VectorMath.LANES;
    /** Every batch loop is unrolled by two vectors (two independent chains); buffers pad to it. */
    public static final int BLOCK = 2 * L;
    private static final int EPILOGUE_PANELS = 8;
    private static final FloatVector ZERO = FloatVector.zero(S);
    // GELU, tanh form: u = √(2/π)(z + 0.044715 z³).
    private static final float GELU_C = 0.7978845608028654f;
    private static final float GELU_A = 0.044715f;
    // Integrated activations (GateIntegral): the table's grid, and VectorMath.exp's rounding
    // constant 1.5·2²³ with its bits (1.5·2²³ + k has the bits of 1.5·2²³ plus k). Vectors rather
    // than floats: a float operand costs C2 a broadcast per use, and integralRows is near C2's
    // node-count cutoff (see activateRows).
    private static final FloatVector TABLE_LOW = FloatVector.broadcast(S, (float) -GateIntegral.END);
    private static final FloatVector TABLE_HIGH = FloatVector.broadcast(S, (float) GateIntegral.END);
    private static final FloatVector KNOTS_PER_UNIT = FloatVector.broadcast(S, GateIntegral.KNOTS_PER_UNIT);
    private static final FloatVector KNOT_SPACING = FloatVector.broadcast(S, (float) GateIntegral.H);
    private static final FloatVector MINUS_HALF = FloatVector.broadcast(S, -0.5f);
    private static final FloatVector HALF = FloatVector.broadcast(S, 0.5f);
    private static final FloatVector LAST_INTERVAL = FloatVector.broadcast(S, GateIntegral.ZERO_KNOT - 1);
    private static final IntVector FIRST_INTERVAL = IntVector.broadcast(S.withLanes(int.class), -GateIntegral.ZERO_KNOT);
    private static final IntVector LAST_INTERVAL_INDEX = IntVector.broadcast(S.withLanes(int.class), GateIntegral.ZERO_KNOT - 1);
    private static final FloatVector ROUND_MAGIC = FloatVector.broadcast(S, 12582912f);
    private static final IntVector ROUND_MAGIC_BITS = ROUND_MAGIC.reinterpretAsInts();
    private static final FloatVector TWO = FloatVector.broadcast(S, 2f);
    private static final FloatVector MINUS_TWO = FloatVector.broadcast(S, -2f);

    private VectorKernels() {
    }

    /** The batch length rounded up to a whole number of {@link #BLOCK}s. */
    public static int paddedBatch(int n) {
        // In long: n near Integer.MAX_VALUE must fail loudly rather than wrap negative.
        return Math.toIntExact(((long) n + BLOCK - 1) / BLOCK * BLOCK);
    }

    // ---------------------------------------------------------------------------------------
    // Activation epilogue, shared by every hidden layer.

    /**
     * Pre-activations → outputs and backward factors, for units 0..width-1 and samples [from, to).
     * Pre-activation of row r (gate rows 0..width-1, value rows width..2·width-1) at sample i:
     * z[r·zStride + i]·w_r + b_r, with (w_r, b_r) from p at wAt/bAt, or (1, 0) when p is null.
     * So the first layer passes x with zStride 0 and its weights (one fused pass), a dense layer
     * passes the z its matrix product left in f.
     * On exit f holds the factors backward multiplies dh by: plain σ′(z); squared 2σσ′; gated
     * σ′(z_g)·z_v (gate rows) and σ(z_g) (value rows); bilinear z_v and z_g; h [width][ld] holds
     * σ, σ², σ(z_g)·z_v or z_g·z_v. An integrated activation has σ = A (its table, see
     * {@link GateIntegral}) and σ′ = g, the gate's closed form. knots: {@link #activationScratch}.
     * FLOPs: {@link FlopCount#epilogue}.
     */
    static void activateRows(float[] h, float[] f, float[] z, int zStride, float[] p, int wAt, int bAt,
                             Activation act, LayerKind kind, int width, int ld, int from, int to, int[] knots) {
        // C2 (JDK 17) falls back to boxed vectors, 20–60× slower, wherever it does not inline a vector
        // operation as an intrinsic. What keeps this body clear of that:
        // - vectors never cross a call C2 might not inline: everything is in this body or in whole-row
        //   passes of their own that take and leave arrays;
        // - the sigmoid forms (SiLU, GELU: exp, its two-part scaling, the limits at ±Inf) run in such a
        //   pass, sigmoidRows: inline here they pushed C2 past its node-count cutoff (~18 000 IR nodes),
        //   after which it stopped inlining the sigmoid and boxed its argument and result (GELU:
        //   12.6 MB per call of the 256 × 4096 epilogue, 3× slower, measured with -prof gc);
        // - branches end by storing to h and f, and what follows loads from them: no vector merges in
        //   a phi (a version with phis boxed in more mixes of activations and kinds in one JVM);
        // - an integrated activation's table (four gathers) runs in a pass of its own, integralRows.
        boolean integrated = act.isIntegrated() && kind != LayerKind.BILINEAR;
        if (integrated) {
            integralRows(h, z, zStride, p, wAt, bAt, GateIntegral.of(act), width, ld, from, to, knots);
        }
        // The closed form's σ goes to h, its σ′ to f; an integrated activation keeps A in h and
        // takes the gate's σ as its σ′.
        float[] sigmaTo = integrated ? f : h;
        Activation gate = act.closedForm();
        if (gate != Activation.RELU && kind != LayerKind.BILINEAR) {
            sigmoidRows(sigmaTo, f, z, zStride, p, wAt, bAt, gate, !integrated, width, ld, from, to);
        }
        int vRowShift = kind.branches() == 2 ? width : 0;
        for (int j = 0; j < width; j++) {
            int vj = j + vRowShift;   // one-branch layers compute a stand-in z_v: no branch, no phi
            float wg = p == null ? 1f : p[wAt + j];
            float bg = p == null ? 0f : p[bAt + j];
            float wv = p == null ? 1f : p[wAt + vj];
            float bv = p == null ? 0f : p[bAt + vj];
            int zg0 = j * zStride;
            int zv0 = vj * zStride;
            for (int i = from; i < to; i += L) {
                FloatVector zg = FloatVector.fromArray(S, z, zg0 + i).fma(wg, bg);
                FloatVector zv = FloatVector.fromArray(S, z, zv0 + i).fma(wv, bv);
                int at = j * ld + i;
                int vAt = vj * ld + i;
                if (kind == LayerKind.BILINEAR) {
                    // The identity in place of σ: no activation at all. bilinear: backward factors
                    // z_v (gate row) and z_g (value row), as for a product.
                    zg.mul(zv).intoArray(h, at);
                    zv.intoArray(f, at);
                    zg.intoArray(f, vAt);
                    continue;
                }
                // σ and σ′ of the closed form, into h (or f) and f; the sigmoid forms are there already.
                // integrated: backward factor σ′ = A′ = the gate, which is the closed form's σ: it
                // goes to f (sigmaTo), and the closed form's own σ′ is never made.
                if (gate == Activation.RELU) {
                    zg.max(0f).intoArray(sigmaTo, at);
                    if (!integrated) {
                        // ReLU backward factor: the step, 1 where z > 0 (0 at 0 and for NaN).
                        ZERO.blend(1f, zg.compare(VectorOperators.GT, 0f)).intoArray(f, at);
                    }
                }
                // h = σ and f = σ′ now; the other kinds build on them.
                if (kind == LayerKind.SQUARED) {
                    // squared: backward factor of σ² is 2σσ′, made here from the σ and σ′ just stored.
                    FloatVector s = FloatVector.fromArray(S, h, at);
                    s.mul(s).intoArray(h, at);
                    s.mul(FloatVector.fromArray(S, f, at)).mul(2f).intoArray(f, at);
                } else if (kind == LayerKind.GATED) {
                    // gated: backward factors of σ(z_g)·z_v: σ′(z_g)·z_v for the gate row, σ(z_g)
                    // for the value row (gated SiLU/GELU/ReLU backward is dh times these).
                    FloatVector s = FloatVector.fromArray(S, h, at);
                    s.mul(zv).intoArray(h, at);
                    FloatVector.fromArray(S, f, at).mul(zv).intoArray(f, at);
                    s.intoArray(f, vAt);
                }
            }
        }
    }

    /**
     * σ = z·sg(c) and (with {@code slopes}) σ′ = sg + z·c′·sg(1 − sg) of a sigmoid form, sg the sigmoid,
     * for units 0..width-1 and samples [from, to), z_g as in {@link #activateRows}: SiLU c = z;
     * GELU (tanh form) c = 2u = 2√(2/π)(z + 0.044715 z³). σ into sigma [width][ld], σ′ into f
     * [width][ld] (gate rows). At z = ±Inf, sg saturates to 0 or 1 and z·sg, z·c′·sg(1 − sg) would
     * meet Inf·0 = NaN; clamping z (and z·c′, which overflows from |z| ≈ 1e12 for GELU) to the finite
     * range gives the limits instead: σ(−Inf) = 0, σ(+Inf) = +Inf, σ′(±Inf) = 0 and 1. NaN stays NaN.
     */
    private static void sigmoidRows(float[] sigma, float[] f, float[] z, int zStride, float[] p, int wAt, int bAt,
                                    Activation gate, boolean slopes, int width, int ld, int from, int to) {
        boolean silu = gate == Activation.SILU;
        for (int j = 0; j < width; j++) {
            float wg = p == null ? 1f : p[wAt + j];
            float bg = p == null ? 0f : p[bAt + j];
            int zg0 = j * zStride;
            for (int i = from; i < to; i += L) {
                FloatVector zg = FloatVector.fromArray(S, z, zg0 + i).fma(wg, bg);
                FloatVector c;
                FloatVector zdc;   // z·c′
                if (silu) {
                    c = zg;
                    zdc = zg;
                } else {
                    FloatVector z2 = zg.mul(zg);
                    c = z2.fma(2f * GELU_A * GELU_C, 2f * GELU_C).mul(zg);
                    zdc = z2.fma(6f * GELU_A * GELU_C, 2f * GELU_C).mul(zg);
                }
                FloatVector sg = VectorMath.sigmoid(c);
                int at = j * ld + i;
                zg.max(-Float.MAX_VALUE).mul(sg).intoArray(sigma, at);
                if (slopes) {
                    // SiLU backward, GELU backward: σ′ made here, in the forward (see the class table).
                    FloatVector zdcFinite = zdc.max(-Float.MAX_VALUE).min(Float.MAX_VALUE);
                    sg.neg().add(1f).mul(sg).fma(zdcFinite, sg).intoArray(f, at);
                }
            }
        }
    }

    /**
     * h[j][i] = A(z_g) for units 0..width-1 and samples [from, to), z_g as in {@link #activateRows}:
     * an integrated activation's value from its table (see {@link GateIntegral}), cubic Hermite
     * inside, the asymptote's integral outside. Shapes: h [width][ld]; knots [LANES].
     */
    private static void integralRows(float[] h, float[] z, int zStride, float[] p, int wAt, int bAt,
                                     GateIntegral table, int width, int ld, int from, int to, int[] knots) {
        float[] tableA = table.aFloat;
        float[] tableSlope = table.slopeFloat;
        FloatVector gRight = FloatVector.broadcast(S, table.gRightFloat);
        for (int j = 0; j < width; j++) {
            FloatVector wg = FloatVector.broadcast(S, p == null ? 1f : p[wAt + j]);
            FloatVector bg = FloatVector.broadcast(S, p == null ? 0f : p[bAt + j]);
            int zg0 = j * zStride;
            for (int i = from; i < to; i += L) {
                FloatVector zg = FloatVector.fromArray(S, z, zg0 + i).fma(wg, bg);
                // Knot interval k = ⌊z/h⌋ ∈ [−K0, K0 − 1] by the magic add (JDK 17 cannot vectorize
                // float→int): z/h − ½ is exact, adding 1.5·2²³ rounds it to k in the low bits.
                FloatVector zc = zg.max(TABLE_LOW).min(TABLE_HIGH);
                FloatVector r = zc.fma(KNOTS_PER_UNIT, MINUS_HALF).min(LAST_INTERVAL).add(ROUND_MAGIC);
                // JDK 17's gather takes its lane indices from an int[] only. A NaN z passes the float
                // clamps (min and max propagate NaN) and its bits make no index: the int clamp keeps
                // the gathers inside the table; t is NaN then, and so is the result.
                r.reinterpretAsInts().sub(ROUND_MAGIC_BITS).max(FIRST_INTERVAL).min(LAST_INTERVAL_INDEX)
                        .intoArray(knots, 0);
                // Gathers: A and h·g at knots K0 + k and K0 + k + 1. They come first: C2's
                // node-count cutoff hit the fourth when t was computed before them.
                FloatVector a0 = FloatVector.fromArray(S, tableA, GateIntegral.ZERO_KNOT, knots, 0);
                FloatVector a1 = FloatVector.fromArray(S, tableA, GateIntegral.ZERO_KNOT + 1, knots, 0);
                FloatVector m0 = FloatVector.fromArray(S, tableSlope, GateIntegral.ZERO_KNOT, knots, 0);
                FloatVector m1 = FloatVector.fromArray(S, tableSlope, GateIntegral.ZERO_KNOT + 1, knots, 0);
                // Position in the interval, t = (z − k·h)/h ∈ [0, 1]: k·h and z − k·h are exact.
                FloatVector t = zc.sub(r.sub(ROUND_MAGIC).mul(KNOT_SPACING)).mul(KNOTS_PER_UNIT);
                // Cubic Hermite, as GateIntegral.hermite: a0 + t(m0 + t(c2 + t·c3))
                FloatVector dA = a1.sub(a0);
                FloatVector c2 = dA.mul(3f).sub(m0.fma(TWO, m1));
                FloatVector c3 = dA.fma(MINUS_TWO, m0.add(m1));
                FloatVector inside = c3.fma(t, c2).fma(t, m0).fma(t, a0);
                // Past END: ∫ of the asymptote, e·(g(END) + e/2); past −END the gate is 0 and A constant.
                FloatVector eRight = zg.sub(zc).max(0f);
                eRight.fma(HALF, gRight).fma(eRight, inside).intoArray(h, j * ld + i);
            }
        }
    }

    /**
     * The int scratch {@link #activateRows} needs: JDK 17's gather reads its lane indices from an
     * int[], so an integrated activation writes each vector's knot indices there. null for the
     * closed forms. Each caller (a VectorMlp, a benchmark) allocates its own once, so a training
     * step allocates nothing and threads share none.
     */
    public static int[] activationScratch(Activation act) {
        return act.isIntegrated() ? new int[L] : null;
    }

    // ---------------------------------------------------------------------------------------
    // Hidden layer 0 (fan-in 1).

    /**
     * Forward, fused in one pass: z = w·x + b per branch, σ, the square or gate product, and the
     * backward factors, for share {@code part} of {@code parts} of the batch's blocks (every unit).
     * Shapes: x [ld]; w, b [rows]; h [width][ld]; f [rows][ld]; knots: {@link #activationScratch}(act),
     * one per share.
     * FLOPs: {@link FlopCount#firstLayerForward}.
     */
    public static void firstLayerForward(float[] h, float[] f, float[] x, float[] p, int wAt, int bAt,
                                         Activation act, LayerKind kind, int width, int ld, int part, int parts,
                                         int[] knots) {
        int blocks = ld / BLOCK;
        int from = ParallelFor.shareStart(part, parts, blocks) * BLOCK;
        int to = ParallelFor.shareStart(part + 1, parts, blocks) * BLOCK;
        activateRows(h, f, x, 0, p, wAt, bAt, act, kind, width, ld, from, to, knots);
    }

    /**
     * Backward, fused in one pass per row: dz = dh ⊙ factor, dw = Σ dz·x, db = Σ dz, for share
     * {@code part} of {@code parts} of the rows (each row's sums over the whole batch). No input
     * gradient (x is data). Shapes: dh [width][ld]; f [rows][ld]; x [ld].
     * FLOPs: {@link FlopCount#backward}.
     */
    public static void firstLayerBackward(float[] g, int wAt, int bAt, float[] dh, float[] f, float[] x,
                                          int width, int branches, int ld, int part, int parts) {
        int rows = branches * width;
        int rowTo = ParallelFor.shareStart(part + 1, parts, rows);
        for (int r = ParallelFor.shareStart(part, parts, rows); r < rowTo; r++) {
            int hRow = (r % width) * ld;
            int fRow = r * ld;
            // Four chains (two vectors × two sums) so the adds are not latency-bound.
            FloatVector w0 = FloatVector.zero(S);
            FloatVector w1 = FloatVector.zero(S);
            FloatVector b0 = FloatVector.zero(S);
            FloatVector b1 = FloatVector.zero(S);
            for (int i = 0; i < ld; i += BLOCK) {
                FloatVector dz0 = FloatVector.fromArray(S, dh, hRow + i).mul(FloatVector.fromArray(S, f, fRow + i));
                FloatVector dz1 = FloatVector.fromArray(S, dh, hRow + i + L).mul(FloatVector.fromArray(S, f, fRow + i + L));
                w0 = dz0.fma(FloatVector.fromArray(S, x, i), w0);
                w1 = dz1.fma(FloatVector.fromArray(S, x, i + L), w1);
                b0 = b0.add(dz0);
                b1 = b1.add(dz1);
            }
            g[wAt + r] = VectorMath.sumLanes(w0.add(w1));
            g[bAt + r] = VectorMath.sumLanes(b0.add(b1));
        }
    }

    // ---------------------------------------------------------------------------------------
    // Hidden layer l ≥ 1 (fan-in K = width).

    /**
     * Forward: z = W·h_in + b, then the activation epilogue, panel by panel: a panel of BLOCK samples
     * of h_in ([K][BLOCK], 16 KB at K = 256) stays in L1 while every weight row passes over it, and
     * the epilogue runs on z while it is still in cache. Computes share {@code part} of
     * {@code parts} of the batch's spans (each sample's outputs depend on that sample alone).
     * Shapes: h_in [K][ld]; W as {@link #packWeights} left it in packedW; b at p[bAt], [rows];
     * h [width][ld]; f [rows][ld] (holds z, then the factors); knots: {@link #activationScratch}(act),
     * one per share.
     * FLOPs: {@link FlopCount#denseForward}.
     */
    public static void denseForward(float[] h, float[] f, float[] hIn, float[] packedW, float[] p, int bAt,
                                    Activation act, LayerKind kind, int width, int fanIn, int ld, int part,
                                    int parts, int[] knots) {
        int rows = kind.branches() * width;
        // The epilogue runs once per span of several panels: per 32-sample panel its per-unit
        // loop overhead cost as much as the activation; a span's z (rows × 256 floats) stays in L2.
        int span = EPILOGUE_PANELS * BLOCK;
        int spans = (ld + span - 1) / span;
        int end = Math.min(ParallelFor.shareStart(part + 1, parts, spans) * span, ld);
        for (int s0 = ParallelFor.shareStart(part, parts, spans) * span; s0 < end; s0 += span) {
            int s1 = Math.min(s0 + span, ld);
            for (int i0 = s0; i0 < s1; i0 += BLOCK) {
                matmulPanel(f, 0, ld, packedW, 0, fanIn, 1, Tiling.ROWS, hIn, ld, 1, BLOCK, fanIn, p, bAt, rows, i0);
            }
            activateRows(h, f, f, ld, null, 0, 0, act, kind, width, ld, s0, s1, knots);
        }
    }

    /**
     * Floats of a weight matrix packed for the products, either way round (one buffer serves both):
     * the packed side's rows — rows for W, K for Wᵀ — rounded up to 8 (a whole register tile of
     * either height), times the other side; the larger of the two.
     */
    public static int packedWeightsFloats(int rows, int fanIn) {
        return Math.toIntExact(packedWeightsFloats((long) rows, (long) fanIn));
    }

    static long packedWeightsFloats(long rows, long fanIn) {
        return Math.max(Math.multiplyExact((rows + 7) / 8 * 8, fanIn), Math.multiplyExact((fanIn + 7) / 8 * 8, rows));
    }

    /**
     * W [rows][K] at p[wAt] → packed, row tile by row tile of R = {@link Tiling#ROWS} rows, each
     * [K][R]: packed[t·R·K + k·R + r] = W[t·R + r][k] (past the last row, the last row again), for
     * share {@code part} of {@code parts} of the tiles. Why: the forward product's tile then reads
     * its R broadcasts per k from consecutive floats, one stream instead of R rows K floats apart:
     * the width-1024 product ran 13 % faster (DenseLayerBenchmark, Zen 5; no change at 256), at a
     * copy of W per step. packed: {@link #packedWeightsFloats}(rows, K).
     */
    public static void packWeights(float[] packed, float[] p, int wAt, int rows, int fanIn, int part, int parts) {
        packRows(packed, p, wAt, fanIn, 1, rows, fanIn, part, parts);
    }

    /**
     * Wᵀ, for dh_in = Wᵀ·dz, packed as {@link #packWeights} packs W: packed[t·R·rows + r'·R + r] =
     * W[r'][t·R + r] (the transposed matrix's row t·R + r is W's column). Why: unpacked, the tile's
     * broadcasts walk W's columns, K floats apart per step of the inner index.
     */
    public static void packTransposedWeights(float[] packed, float[] p, int wAt, int rows, int fanIn, int part,
                                             int parts) {
        packRows(packed, p, wAt, 1, fanIn, fanIn, rows, part, parts);
    }

    /** A(m, k) = a[aAt + m·aRow + k·aCol], m &lt; outRows, k &lt; inner, packed by row tiles as packWeights says. */
    private static void packRows(float[] packed, float[] a, int aAt, int aRow, int aCol, int outRows, int inner,
                                 int part, int parts) {
        int rowsPerTile = Tiling.ROWS;
        int tiles = (outRows + rowsPerTile - 1) / rowsPerTile;
        int tileTo = ParallelFor.shareStart(part + 1, parts, tiles);
        for (int t = ParallelFor.shareStart(part, parts, tiles); t < tileTo; t++) {
            int tile = t * rowsPerTile * inner;
            for (int r = 0; r < rowsPerTile; r++) {
                int m = Math.min(t * rowsPerTile + r, outRows - 1);
                for (int k = 0, from = aAt + m * aRow; k < inner; k++, from += aCol) {
                    packed[tile + k * rowsPerTile + r] = a[from];
                }
            }
        }
    }

    /** From this fan-in up, weight gradients go through a transposed product instead of lane sums. */
    public static final int TRANSPOSED_GRADIENT_MIN_FAN_IN = 64;

    /**
     * Floats of scratch space {@link #denseBackward} needs for a layer of this width (0 below the
     * threshold). Throws ArithmeticException when the count exceeds an int; {@link RunMemory} sizes
     * it beforehand through {@link #denseBackwardScratchFloats}.
     */
    public static int denseBackwardScratch(int width, int branches) {
        return Math.toIntExact(denseBackwardScratchFloats(width, branches));
    }

    /**
     * The same count in exact long arithmetic: the weight gradient transposed, [rows][kp] with kp =
     * width padded to a block, when kp ≠ width (the transposed product's output).
     */
    static long denseBackwardScratchFloats(int width, int branches) {
        if (width < TRANSPOSED_GRADIENT_MIN_FAN_IN) {
            return 0;
        }
        long kp = paddedBatch(width);
        return kp == width ? 0 : Math.multiplyExact((long) branches * width, kp);
    }

    /**
     * Backward: dz = dh ⊙ factor with db = Σ dz in the same pass; then dW = dz·h_inᵀ and
     * dh_in = Wᵀ·dz. Leaves the forward state (f, h_in) intact, so backward can be repeated.
     * One thread: {@link #packTransposedWeights}, {@link #denseBackwardDz},
     * {@link #denseBackwardProducts} and {@link #unpadWeightGradient} in turn, each whole; a run's
     * threads take the first three as parallel regions.
     * Shapes: dh [width][ld]; f, dz [rows][ld]; h_in, dh_in [K][ld]; W [rows][K] at p[wAt], its
     * gradient at g[wAt]; packedWt: {@link #packedWeightsFloats}(rows, K);
     * scratch: {@link #denseBackwardScratch} floats.
     * FLOPs: {@link FlopCount#denseBackward}.
     */
    public static void denseBackward(float[] g, float[] dz, float[] dhIn, float[] dh, float[] f, float[] hIn,
                                     float[] p, int wAt, int bAt, int width, int branches, int fanIn, int ld,
                                     float[] packedWt, float[] scratch) {
        packTransposedWeights(packedWt, p, wAt, branches * width, fanIn, 0, 1);
        denseBackwardDz(g, dz, dh, f, bAt, width, branches, ld, 0, 1);
        denseBackwardProducts(g, dhIn, dz, hIn, packedWt, wAt, width, branches, fanIn, ld, 0, 1, scratch);
        unpadWeightGradient(g, wAt, width, branches, fanIn, scratch);
    }

    /**
     * denseBackward's first region, share {@code part} of {@code parts}: dz = dh ⊙ factor and
     * db = Σ dz for a share of the rows. Shapes as {@link #denseBackward}.
     */
    static void denseBackwardDz(float[] g, float[] dz, float[] dh, float[] f, int bAt, int width, int branches,
                                int ld, int part, int parts) {
        int rows = branches * width;
        int rowTo = ParallelFor.shareStart(part + 1, parts, rows);
        for (int r = ParallelFor.shareStart(part, parts, rows); r < rowTo; r++) {
            int hRow = (r % width) * ld;
            int fRow = r * ld;
            FloatVector b0 = FloatVector.zero(S);
            FloatVector b1 = FloatVector.zero(S);
            for (int i = 0; i < ld; i += BLOCK) {
                FloatVector dz0 = FloatVector.fromArray(S, dh, hRow + i).mul(FloatVector.fromArray(S, f, fRow + i));
                FloatVector dz1 = FloatVector.fromArray(S, dh, hRow + i + L).mul(FloatVector.fromArray(S, f, fRow + i + L));
                dz0.intoArray(dz, fRow + i);
                dz1.intoArray(dz, fRow + i + L);
                b0 = b0.add(dz0);
                b1 = b1.add(dz1);
            }
            g[bAt + r] = VectorMath.sumLanes(b0.add(b1));
        }
    }

    /**
     * denseBackward's second region, share {@code part} of {@code parts}, once every row of dz is
     * made: dW = dz·h_inᵀ (a share of its k panels through h_inᵀ for a wide layer, else a share of
     * its row pairs) and dh_in = Wᵀ·dz (a share of the batch's panels, Wᵀ packed by
     * {@link #packTransposedWeights}). Each dW entry is one sum over the batch inside one share.
     * Shapes as {@link #denseBackward}.
     */
    static void denseBackwardProducts(float[] g, float[] dhIn, float[] dz, float[] hIn, float[] packedWt, int wAt,
                                      int width, int branches, int fanIn, int ld, int part, int parts,
                                      float[] scratch) {
        int rows = branches * width;
        if (fanIn >= TRANSPOSED_GRADIENT_MIN_FAN_IN) {
            transposedGradWeights(g, wAt, dz, rows, hIn, fanIn, ld, part, parts, scratch);
        } else {
            // Whole row pairs, gradWeights' tile.
            int pairs = (rows + 1) / 2;
            int rowTo = Math.min(2 * ParallelFor.shareStart(part + 1, parts, pairs), rows);
            gradWeights(g, wAt, dz, hIn, fanIn, ld, 2 * ParallelFor.shareStart(part, parts, pairs), rowTo);
        }
        int panels = ld / BLOCK;
        int panelTo = ParallelFor.shareStart(part + 1, parts, panels);
        for (int i0 = ParallelFor.shareStart(part, parts, panels) * BLOCK; i0 < panelTo * BLOCK; i0 += BLOCK) {
            matmulPanel(dhIn, 0, ld, packedWt, 0, rows, 1, Tiling.ROWS, dz, ld, 1, BLOCK, rows, null, 0, fanIn, i0);
        }
    }

    /**
     * dW = dz·h_inᵀ for wide layers, as the same register-tiled product as the forward pass with
     * the output vectorized along k, for share {@code part} of {@code parts} of its k panels: h_in
     * is read transposed (the transpose fused into the panel packing), every accumulator is one
     * output tile summed in sample order — no lane sums — and each packed panel serves every row
     * tile, where the batch reduction re-read all of h_in (megabytes) for every pair of rows. When
     * kp (K padded to BLOCK) ≠ K the product goes to scratch, [rows][kp], for
     * {@link #unpadWeightGradient}; else straight into g.
     */
    private static void transposedGradWeights(float[] g, int gAt, float[] dz, int rows, float[] hIn, int fanIn,
                                              int ld, int part, int parts, float[] scratch) {
        int kp = paddedBatch(fanIn);
        boolean direct = kp == fanIn;
        float[] out = direct ? g : scratch;
        int outAt = direct ? gAt : 0;
        int panels = kp / BLOCK;
        int panelTo = ParallelFor.shareStart(part + 1, parts, panels);
        for (int k0 = ParallelFor.shareStart(part, parts, panels) * BLOCK; k0 < panelTo * BLOCK; k0 += BLOCK) {
            // dz read row by row, unpacked: packing it would copy the whole [rows][ld] per step.
            matmulPanel(out, outAt, kp, dz, 0, ld, ld, 1, hIn, 1, ld, fanIn - k0, ld, null, 0, rows, k0);
        }
    }

    /**
     * The end of denseBackward, on one thread after {@link #denseBackwardProducts}: a wide layer
     * whose K is not a multiple of BLOCK left dW padded, [rows][kp], in scratch; this copies it into
     * g, [rows][K]. Nothing to do otherwise.
     */
    static void unpadWeightGradient(float[] g, int gAt, int width, int branches, int fanIn, float[] scratch) {
        int kp = paddedBatch(fanIn);
        if (fanIn < TRANSPOSED_GRADIENT_MIN_FAN_IN || kp == fanIn) {
            return;
        }
        int rows = branches * width;
        for (int r = 0; r < rows; r++) {
            System.arraycopy(scratch, r * kp, g, gAt + r * fanIn, fanIn);
        }
    }

    /**
     * The matrix product alone, z = W·h_in + b over the whole batch: the hidden×hidden work of a
     * dense layer without its activation, for benchmarks against the FMA roof and for tests.
     * Shapes: h_in [K][ld]; W as {@link #packWeights} left it in packedW; z [rows][ld].
     * FLOPs: {@link FlopCount#denseProduct}.
     */
    public static void denseProduct(float[] z, float[] hIn, float[] packedW, float[] p, int bAt, int rows, int fanIn,
                                    int ld) {
        for (int i0 = 0; i0 < ld; i0 += BLOCK) {
            matmulPanel(z, 0, ld, packedW, 0, fanIn, 1, Tiling.ROWS, hIn, ld, 1, BLOCK, fanIn, p, bAt, rows, i0);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Read-out and loss.

    /**
     * y = w_o·h + b_o and dy = 2(y − t)·valid / n, for share {@code part} of {@code parts} of the
     * batch's blocks (each sample's alone). Shapes as {@link #readoutLoss}.
     */
    static void readoutForward(float[] y, float[] dy, float[] h, float[] t, float[] valid, float[] p, int woAt,
                               int boAt, int width, int n, int ld, int part, int parts) {
        float bo = p[boAt];
        float scale = 2f / n;
        int blocks = ld / BLOCK;
        int end = ParallelFor.shareStart(part + 1, parts, blocks) * BLOCK;
        for (int i = ParallelFor.shareStart(part, parts, blocks) * BLOCK; i < end; i += BLOCK) {
            FloatVector y0 = FloatVector.broadcast(S, bo);
            FloatVector y1 = FloatVector.broadcast(S, bo);
            for (int j = 0; j < width; j++) {
                FloatVector w = FloatVector.broadcast(S, p[woAt + j]);
                y0 = FloatVector.fromArray(S, h, j * ld + i).fma(w, y0);
                y1 = FloatVector.fromArray(S, h, j * ld + i + L).fma(w, y1);
            }
            y0.intoArray(y, i);
            y1.intoArray(y, i + L);
            FloatVector d0 = y0.sub(FloatVector.fromArray(S, t, i)).mul(FloatVector.fromArray(S, valid, i));
            FloatVector d1 = y1.sub(FloatVector.fromArray(S, t, i + L)).mul(FloatVector.fromArray(S, valid, i + L));
            d0.mul(scale).intoArray(dy, i);
            d1.mul(scale).intoArray(dy, i + L);
        }
    }

    /**
     * MSE = Σ d² / n with d = (y − t)·valid, from the y {@link #readoutForward} left: the loss is a
     * sum over the whole batch, so it runs on one thread, in block order, whatever made y. d is
     * made again by the same operations as there, so it has the same bits. Shapes: y, t, valid [ld].
     */
    static double meanSquaredError(float[] y, float[] t, float[] valid, int n, int ld) {
        // Scalar, lane by lane, with the vector loss's exact operations: per lane l two chains
        // (blocks' first and second vector) of float fmas in block order, then the lanes' sums
        // acc0 + acc1 added from lane 0 up, as sumLanes(loss0.add(loss1)) does. Why not vectors:
        // this runs once per step over a short loop, so C2 compiles it late, and until then C1 ran
        // its vectors boxed (148 kB per call at 4096 samples, measured). Only multi-thread runs
        // come here (see VectorMlp.forwardLoss); one thread takes the fused readoutLoss.
        float s = 0f;
        for (int l = 0; l < L; l++) {
            float acc0 = 0f;
            float acc1 = 0f;
            for (int i = l; i < ld; i += BLOCK) {
                float d0 = (y[i] - t[i]) * valid[i];
                float d1 = (y[i + L] - t[i + L]) * valid[i + L];
                acc0 = Math.fma(d0, d0, acc0);
                acc1 = Math.fma(d1, d1, acc1);
            }
            s += acc0 + acc1;
        }
        return (double) s / n;
    }

    /**
     * Forward and loss fused, on one thread over the whole batch: y = w_o·h + b_o, d = (y − t)·valid,
     * MSE = Σ d² / n, dy = 2d / n; valid is 1 for real samples and 0 for padding, so padding
     * contributes nothing downstream. The bits of {@link #readoutForward} followed by
     * {@link #meanSquaredError} (VectorMlpThreadsTest holds them equal). Returns the MSE (n real
     * samples). Why a second loop beside readoutForward's: the loss's vector
     * accumulators cannot leave the loop that makes d without being boxed, and a one-thread run
     * should not pay a second pass over y. Shapes: h [width][ld]; t, valid, y, dy [ld].
     * FLOPs: {@link FlopCount#forward}.
     */
    public static double readoutLoss(float[] y, float[] dy, float[] h, float[] t, float[] valid, float[] p, int woAt,
                                     int boAt, int width, int n, int ld) {
        float bo = p[boAt];
        float scale = 2f / n;
        FloatVector loss0 = FloatVector.zero(S);
        FloatVector loss1 = FloatVector.zero(S);
        for (int i = 0; i < ld; i += BLOCK) {
            FloatVector y0 = FloatVector.broadcast(S, bo);
            FloatVector y1 = FloatVector.broadcast(S, bo);
            for (int j = 0; j < width; j++) {
                FloatVector w = FloatVector.broadcast(S, p[woAt + j]);
                y0 = FloatVector.fromArray(S, h, j * ld + i).fma(w, y0);
                y1 = FloatVector.fromArray(S, h, j * ld + i + L).fma(w, y1);
            }
            y0.intoArray(y, i);
            y1.intoArray(y, i + L);
            FloatVector d0 = y0.sub(FloatVector.fromArray(S, t, i)).mul(FloatVector.fromArray(S, valid, i));
            FloatVector d1 = y1.sub(FloatVector.fromArray(S, t, i + L)).mul(FloatVector.fromArray(S, valid, i + L));
            loss0 = d0.fma(d0, loss0);
            loss1 = d1.fma(d1, loss1);
            d0.mul(scale).intoArray(dy, i);
            d1.mul(scale).intoArray(dy, i + L);
        }
        return (double) VectorMath.sumLanes(loss0.add(loss1)) / n;
    }

    /**
     * Backward: dw_o[j] = Σ dy·h[j], db_o = Σ dy, dh[j] = w_o[j]·dy, the last two fused into the
     * pass that reads h; share {@code part} of {@code parts} of the units j, and db_o in share 0.
     * Shapes: h, dh [width][ld]; dy [ld].
     * FLOPs: {@link FlopCount#backward}.
     */
    public static void readoutBackward(float[] g, float[] dh, float[] dy, float[] h, float[] p, int woAt, int boAt,
                                       int width, int ld, int part, int parts) {
        if (part == 0) {
            FloatVector s0 = FloatVector.zero(S);
            FloatVector s1 = FloatVector.zero(S);
            for (int i = 0; i < ld; i += BLOCK) {
                s0 = s0.add(FloatVector.fromArray(S, dy, i));
                s1 = s1.add(FloatVector.fromArray(S, dy, i + L));
            }
            g[boAt] = VectorMath.sumLanes(s0.add(s1));
        }
        int unitTo = ParallelFor.shareStart(part + 1, parts, width);
        for (int j = ParallelFor.shareStart(part, parts, width); j < unitTo; j++) {
            float w = p[woAt + j];
            int row = j * ld;
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            for (int i = 0; i < ld; i += BLOCK) {
                FloatVector d0 = FloatVector.fromArray(S, dy, i);
                FloatVector d1 = FloatVector.fromArray(S, dy, i + L);
                a0 = d0.fma(FloatVector.fromArray(S, h, row + i), a0);
                a1 = d1.fma(FloatVector.fromArray(S, h, row + i + L), a1);
                d0.mul(w).intoArray(dh, row + i);
                d1.mul(w).intoArray(dh, row + i + L);
            }
            g[woAt + j] = VectorMath.sumLanes(a0.add(a1));
        }
    }

    // ---------------------------------------------------------------------------------------
    // Matrix kernels shared by the dense layers.

    /**
     * One panel of a matrix product: for output rows m &lt; outRows and the BLOCK columns j of panel
     * j0, c[cAt + m·ldc + j0 + j] = bias[m] + Σ_k A(m,k)·B(k, j0 + j), with A(m,k) = a[aAt +
     * ⌊m/R⌋·R·aTileRow + (m mod R)·aRow + k·aCol] for the register tile's R = {@link Tiling#ROWS} rows
     * and B(k,j) = b[k·bRow + j·bCol]: (aTileRow, aRow, aCol) = (K, K, 1) reads a [rows][K] matrix
     * row by row (the weight gradient's dz), (K, 1, R) one packed by {@link #packWeights};
     * (bRow, bCol) = (ld, 1) reads a [inner][ld] activation, (1, ld) reads one transposed. Only the
     * first {@code columns} columns of the panel exist in b (fewer than BLOCK at a transposed edge);
     * the others count as 0. bias may be null (zero). Every output is one fma chain in k order, so
     * the bits depend neither on the tile nor on the k-blocking.
     * FLOPs: a fma per output and inner index (see {@link FlopCount}).
     */
    static void matmulPanel(float[] c, int cAt, int ldc, float[] a, int aAt, int aTileRow, int aRow, int aCol,
                            float[] b, int bRow, int bCol, int columns, int inner,
                            float[] bias, int biasAt, int outRows, int j0) {
        // The tiles start every chain from c: the bias first, then after each k-block the partial
        // sums stored there (a float stored and loaded back is exact, so the chain goes on bit for
        // bit). Why not start from the bias in registers: a helper returning the start vector, 16
        // times in tile8x2, pushed C2 into boxing it (10× slower, measured).
        // A scalar fill, not a vector: `bias == null ? ZERO : broadcast(bias[m])` merged two vectors
        // in a phi, and once forward (bias) and backward (none) had both run through here, C2 boxed
        // it: 3 MiB allocated per forward at 4096 × 256 (measured with getThreadAllocatedBytes).
        for (int m = 0; m < outRows; m++) {
            int at = cAt + m * ldc + j0;
            java.util.Arrays.fill(c, at, at + BLOCK, bias == null ? 0f : bias[biasAt + m]);
        }
        float[] packed = PACKED_PANEL.get();
        for (int k0 = 0; k0 < inner; k0 += Tiling.INNER_BLOCK) {
            int kc = Math.min(Tiling.INNER_BLOCK, inner - k0);
            packPanel(packed, b, bRow, bCol, columns, k0, kc, j0);
            int ak = aAt + k0 * aCol;
            if (Tiling.ROWS == 8) {
                tile8x2(c, cAt, ldc, a, ak, aTileRow, aRow, aCol, packed, kc, outRows, j0);
            } else {
                tile4x2(c, cAt, ldc, a, ak, aTileRow, aRow, aCol, packed, kc, outRows, j0);
            }
        }
    }

    // One packed panel per thread: a kernel call allocates nothing, and threads of one run share none.
    private static final ThreadLocal<float[]> PACKED_PANEL =
            ThreadLocal.withInitial(() -> new float[Tiling.INNER_BLOCK * BLOCK]);

    /**
     * packed[k·BLOCK + j] = B(k0 + k, j0 + j) for k &lt; kc, j &lt; BLOCK (0 past {@code columns}).
     * Why pack: B's rows sit ld floats apart, a multiple of 4 KB at large batches, so unpacked every
     * k of the panel maps to the same L1 set and the panel thrashes; packed it is one contiguous
     * run read by every row tile. For a transposed B the pack is the transpose, fused.
     */
    private static void packPanel(float[] packed, float[] b, int bRow, int bCol, int columns, int k0, int kc, int j0) {
        if (bCol == 1 && columns >= BLOCK) {
            for (int k = 0, from = (k0) * bRow + j0; k < kc; k++, from += bRow) {
                FloatVector.fromArray(S, b, from).intoArray(packed, k * BLOCK);
                FloatVector.fromArray(S, b, from + L).intoArray(packed, k * BLOCK + L);
            }
            return;
        }
        int real = Math.min(columns, BLOCK);
        for (int j = 0; j < BLOCK; j++) {
            if (j >= real) {
                for (int k = 0; k < kc; k++) {
                    packed[k * BLOCK + j] = 0f;
                }
                continue;
            }
            for (int k = 0, from = k0 * bRow + (j0 + j) * bCol; k < kc; k++, from += bRow) {
                packed[k * BLOCK + j] = b[from];
            }
        }
    }

    /**
     * The register tile for 32 vector registers (AVX-512, and AVX2 code on an AVX-512 CPU): 8 rows
     * × 2 vectors, 16 independent fma chains (fma latency 4 × 2 pipes needs at least 8; 16 hide the
     * loads too), fed per k by 2 vector loads and 8 broadcasts. With AVX2's 16 registers these 16
     * accumulators plus the operands spill: {@link #tile4x2} runs there.
     */
    private static void tile8x2(float[] c, int cAt, int ldc, float[] a, int aAt, int aTileRow, int aRow, int aCol,
                                float[] packed, int kc, int outRows, int j0) {
        int last = outRows - 1;
        for (int m = 0; m < outRows; m += 8) {
            // Past the last row the tile repeats it: the same work, results not stored.
            int a0 = aAt + m * aTileRow;
            int a1 = a0 + (Math.min(m + 1, last) - m) * aRow;
            int a2 = a0 + (Math.min(m + 2, last) - m) * aRow;
            int a3 = a0 + (Math.min(m + 3, last) - m) * aRow;
            int a4 = a0 + (Math.min(m + 4, last) - m) * aRow;
            int a5 = a0 + (Math.min(m + 5, last) - m) * aRow;
            int a6 = a0 + (Math.min(m + 6, last) - m) * aRow;
            int a7 = a0 + (Math.min(m + 7, last) - m) * aRow;
            int c0 = cAt + m * ldc + j0;
            int c1 = cAt + Math.min(m + 1, last) * ldc + j0;
            int c2 = cAt + Math.min(m + 2, last) * ldc + j0;
            int c3 = cAt + Math.min(m + 3, last) * ldc + j0;
            int c4 = cAt + Math.min(m + 4, last) * ldc + j0;
            int c5 = cAt + Math.min(m + 5, last) * ldc + j0;
            int c6 = cAt + Math.min(m + 6, last) * ldc + j0;
            int c7 = cAt + Math.min(m + 7, last) * ldc + j0;
            FloatVector c00 = FloatVector.fromArray(S, c, c0);
            FloatVector c01 = FloatVector.fromArray(S, c, c0 + L);
            FloatVector c10 = FloatVector.fromArray(S, c, c1);
            FloatVector c11 = FloatVector.fromArray(S, c, c1 + L);
            FloatVector c20 = FloatVector.fromArray(S, c, c2);
            FloatVector c21 = FloatVector.fromArray(S, c, c2 + L);
            FloatVector c30 = FloatVector.fromArray(S, c, c3);
            FloatVector c31 = FloatVector.fromArray(S, c, c3 + L);
            FloatVector c40 = FloatVector.fromArray(S, c, c4);
            FloatVector c41 = FloatVector.fromArray(S, c, c4 + L);
            FloatVector c50 = FloatVector.fromArray(S, c, c5);
            FloatVector c51 = FloatVector.fromArray(S, c, c5 + L);
            FloatVector c60 = FloatVector.fromArray(S, c, c6);
            FloatVector c61 = FloatVector.fromArray(S, c, c6 + L);
            FloatVector c70 = FloatVector.fromArray(S, c, c7);
            FloatVector c71 = FloatVector.fromArray(S, c, c7 + L);
            for (int k = 0, ak = 0, bk = 0; k < kc; k++, ak += aCol, bk += BLOCK) {
                FloatVector b0 = FloatVector.fromArray(S, packed, bk);
                FloatVector b1 = FloatVector.fromArray(S, packed, bk + L);
                FloatVector x = FloatVector.broadcast(S, a[a0 + ak]);
                c00 = b0.fma(x, c00);
                c01 = b1.fma(x, c01);
                x = FloatVector.broadcast(S, a[a1 + ak]);
                c10 = b0.fma(x, c10);
                c11 = b1.fma(x, c11);
                x = FloatVector.broadcast(S, a[a2 + ak]);
                c20 = b0.fma(x, c20);
                c21 = b1.fma(x, c21);
                x = FloatVector.broadcast(S, a[a3 + ak]);
                c30 = b0.fma(x, c30);
                c31 = b1.fma(x, c31);
                x = FloatVector.broadcast(S, a[a4 + ak]);
                c40 = b0.fma(x, c40);
                c41 = b1.fma(x, c41);
                x = FloatVector.broadcast(S, a[a5 + ak]);
                c50 = b0.fma(x, c50);
                c51 = b1.fma(x, c51);
                x = FloatVector.broadcast(S, a[a6 + ak]);
                c60 = b0.fma(x, c60);
                c61 = b1.fma(x, c61);
                x = FloatVector.broadcast(S, a[a7 + ak]);
                c70 = b0.fma(x, c70);
                c71 = b1.fma(x, c71);
            }
            storeRow(c, c0, m < outRows, c00, c01);
            storeRow(c, c1, m + 1 < outRows, c10, c11);
            storeRow(c, c2, m + 2 < outRows, c20, c21);
            storeRow(c, c3, m + 3 < outRows, c30, c31);
            storeRow(c, c4, m + 4 < outRows, c40, c41);
            storeRow(c, c5, m + 5 < outRows, c50, c51);
            storeRow(c, c6, m + 6 < outRows, c60, c61);
            storeRow(c, c7, m + 7 < outRows, c70, c71);
        }
    }

    /**
     * The register tile for 16 vector registers (AVX2): 4 rows × 2 vectors, 8 fma chains plus 2
     * loaded operands and a broadcast, so nothing spills. Same arithmetic as {@link #tile8x2}; a
     * separate body because vectors held in an array would not stay in registers.
     */
    private static void tile4x2(float[] c, int cAt, int ldc, float[] a, int aAt, int aTileRow, int aRow, int aCol,
                                float[] packed, int kc, int outRows, int j0) {
        int last = outRows - 1;
        for (int m = 0; m < outRows; m += 4) {
            int a0 = aAt + m * aTileRow;
            int a1 = a0 + (Math.min(m + 1, last) - m) * aRow;
            int a2 = a0 + (Math.min(m + 2, last) - m) * aRow;
            int a3 = a0 + (Math.min(m + 3, last) - m) * aRow;
            int c0 = cAt + m * ldc + j0;
            int c1 = cAt + Math.min(m + 1, last) * ldc + j0;
            int c2 = cAt + Math.min(m + 2, last) * ldc + j0;
            int c3 = cAt + Math.min(m + 3, last) * ldc + j0;
            FloatVector c00 = FloatVector.fromArray(S, c, c0);
            FloatVector c01 = FloatVector.fromArray(S, c, c0 + L);
            FloatVector c10 = FloatVector.fromArray(S, c, c1);
            FloatVector c11 = FloatVector.fromArray(S, c, c1 + L);
            FloatVector c20 = FloatVector.fromArray(S, c, c2);
            FloatVector c21 = FloatVector.fromArray(S, c, c2 + L);
            FloatVector c30 = FloatVector.fromArray(S, c, c3);
            FloatVector c31 = FloatVector.fromArray(S, c, c3 + L);
            for (int k = 0, ak = 0, bk = 0; k < kc; k++, ak += aCol, bk += BLOCK) {
                FloatVector b0 = FloatVector.fromArray(S, packed, bk);
                FloatVector b1 = FloatVector.fromArray(S, packed, bk + L);
                FloatVector x = FloatVector.broadcast(S, a[a0 + ak]);
                c00 = b0.fma(x, c00);
                c01 = b1.fma(x, c01);
                x = FloatVector.broadcast(S, a[a1 + ak]);
                c10 = b0.fma(x, c10);
                c11 = b1.fma(x, c11);
                x = FloatVector.broadcast(S, a[a2 + ak]);
                c20 = b0.fma(x, c20);
                c21 = b1.fma(x, c21);
                x = FloatVector.broadcast(S, a[a3 + ak]);
                c30 = b0.fma(x, c30);
                c31 = b1.fma(x, c31);
            }
            storeRow(c, c0, m < outRows, c00, c01);
            storeRow(c, c1, m + 1 < outRows, c10, c11);
            storeRow(c, c2, m + 2 < outRows, c20, c21);
            storeRow(c, c3, m + 3 < outRows, c30, c31);
        }
    }

    /** Stores one tile row's two vectors unless the row is past the end (a repeated stand-in). */
    private static void storeRow(float[] c, int at, boolean real, FloatVector v0, FloatVector v1) {
        if (real) {
            v0.intoArray(c, at);
            v1.intoArray(c, at + L);
        }
    }

    /**
     * g[gAt + r·K + k] = Σ_i a[r][i]·b[k][i] for rows r in [rowFrom, rowTo), k &lt; K: weight
     * gradients, a reduction over the batch. Shapes: a [rows][ld]; b [K][ld]. FLOPs: as matmulPanel.
     */
    static void gradWeights(float[] g, int gAt, float[] a, float[] b, int fanIn, int ld, int rowFrom, int rowTo) {
        // Tile 2 rows × 4 columns: 8 independent chains, 6 loads per 8 FMAs. Each chain keeps its
        // lanes apart and sumLanes adds them in a fixed order, so the bits do not depend on the JDK's
        // reduceLanes order, nor on which rows share a tile.
        for (int r = rowFrom; r < rowTo; r += 2) {
            int r1 = Math.min(r + 1, rowTo - 1);
            for (int k = 0; k < fanIn; k += 4) {
                int k1 = Math.min(k + 1, fanIn - 1);
                int k2 = Math.min(k + 2, fanIn - 1);
                int k3 = Math.min(k + 3, fanIn - 1);
                FloatVector c00 = FloatVector.zero(S);
                FloatVector c01 = c00;
                FloatVector c02 = c00;
                FloatVector c03 = c00;
                FloatVector c10 = c00;
                FloatVector c11 = c00;
                FloatVector c12 = c00;
                FloatVector c13 = c00;
                for (int i = 0; i < ld; i += L) {
                    FloatVector x0 = FloatVector.fromArray(S, a, r * ld + i);
                    FloatVector x1 = FloatVector.fromArray(S, a, r1 * ld + i);
                    FloatVector y0 = FloatVector.fromArray(S, b, k * ld + i);
                    FloatVector y1 = FloatVector.fromArray(S, b, k1 * ld + i);
                    FloatVector y2 = FloatVector.fromArray(S, b, k2 * ld + i);
                    FloatVector y3 = FloatVector.fromArray(S, b, k3 * ld + i);
                    c00 = x0.fma(y0, c00);
                    c01 = x0.fma(y1, c01);
                    c02 = x0.fma(y2, c02);
                    c03 = x0.fma(y3, c03);
                    c10 = x1.fma(y0, c10);
                    c11 = x1.fma(y1, c11);
                    c12 = x1.fma(y2, c12);
                    c13 = x1.fma(y3, c13);
                }
                storeSums(g, gAt + r * fanIn, k, fanIn, c00, c01, c02, c03);
                if (r + 1 < rowTo) {
                    storeSums(g, gAt + r1 * fanIn, k, fanIn, c10, c11, c12, c13);
                }
            }
        }
    }

    private static void storeSums(float[] g, int rowAt, int k, int fanIn,
                                  FloatVector c0, FloatVector c1, FloatVector c2, FloatVector c3) {
        g[rowAt + k] = VectorMath.sumLanes(c0);
        if (k + 1 < fanIn) {
            g[rowAt + k + 1] = VectorMath.sumLanes(c1);
        }
        if (k + 2 < fanIn) {
            g[rowAt + k + 2] = VectorMath.sumLanes(c2);
        }
        if (k + 3 < fanIn) {
            g[rowAt + k + 3] = VectorMath.sumLanes(c3);
        }
    }
}
