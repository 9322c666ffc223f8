package dev.polygate.train;

import dev.polygate.kernel.VectorMath;
import dev.polygate.text.FloatText;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Adam with PyTorch's semantics and defaults (β1 0.9, β2 0.999, ε 1e-8), and AdamW, its decoupled
 * weight decay wd (torch.optim.AdamW, Loshchilov and Hutter 2019) — Adam is the case wd = 0:
 * p ← p·(1 − lr·wd) (AdamW only);
 * m ← β1 m + (1−β1) g;  v ← β2 v + (1−β2) g²;
 * p ← p − (lr / (1−β1ᵗ)) · m / (√v / √(1−β2ᵗ) + ε).
 *
 * <p>Every float operation in PyTorch's order (torch/optim/adam.py and adamw.py, {@code
 * _single_tensor_adam(w)}, 1.13, and its CPU kernels {@code addcmul}: self + value·t1·t2, {@code
 * addcdiv}: self + value·t1/t2, both left to right): p·(1 − lr·wd) (AdamW: its own pass first, the
 * factor made in double and rounded to float); m·β1 + (1−β1)·g; v·β2 + ((1−β2)·g)·g; p +
 * ((−step)·m)/denom. The order matters beyond the last bit: g·g overflows float for |g| &gt; 1.8e19,
 * where ((1−β2)·g)·g stays finite up to |g| ≈ 5.8e20, so a large but finite gradient still moves the
 * parameter instead of freezing it (v = +Inf makes every later update 0). Each operation is rounded
 * on its own (no fused multiply-add).
 *
 * <p>The learning rate is a double, as PyTorch keeps it (a Python float) until the step size is
 * made, and may change every step (a schedule). {@link OfDouble} is the same update in double for
 * the float64 path, from the same per-step {@link Scalars}.
 * FLOPs per parameter (Adam): {@link dev.polygate.kernel.FlopCount#ADAM_PER_PARAMETER}.
 */
public final class Adam implements FirstOrderOptimizer<float[]> {
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPS = 1e-8;

    private static final VectorSpecies<Float> S = VectorMath.SPECIES;
    private final double lr;   // the rate of step(p, g); NaN when every step names its own
    private final double weightDecay;
    private final float[] m;
    private final float[] v;
    private int step;

    /** Adam at the constant rate {@code lr}, stepped by {@link #step(float[], float[])}. */
    public Adam(double lr, int parameters) {
        this(parameters, 0, lr);
    }

    /** Adam ({@code weightDecay} 0) or AdamW, at the rate each {@link #step(float[], float[], double)} names. */
    public Adam(int parameters, double weightDecay) {
        this(parameters, weightDecay, Double.NaN);
    }

    private Adam(int parameters, double weightDecay, double lr) {
        this.lr = lr;
        this.weightDecay = checkWeightDecay(weightDecay);
        this.m = new float[parameters];
        this.v = new float[parameters];
    }

    public int steps() {
        return step;
    }

    /** One step at the rate given to the constructor. */
    public void step(float[] p, float[] g) {
        if (Double.isNaN(lr)) {
            throw new IllegalStateException("this Adam has no constant rate: call step(p, g, lr)");
        }
        step(p, g, lr);
    }

    @Override
    public void step(float[] p, float[] g, double lr) {
        Scalars s = Scalars.of(lr, ++step, weightDecay);
        if (weightDecay != 0) {
            float decay = (float) s.decay();
            for (int i = 0; i < p.length; i++) {
                p[i] = p[i] * decay;
            }
        }
        float stepSize = (float) s.stepSize();
        float bc2Sqrt = (float) s.bc2Sqrt();
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        float c1 = (float) (1 - BETA1);
        float c2 = (float) (1 - BETA2);
        float eps = (float) EPS;
        int bound = S.loopBound(p.length);
        int i = 0;
        for (; i < bound; i += S.length()) {
            FloatVector gv = FloatVector.fromArray(S, g, i);
            FloatVector mv = FloatVector.fromArray(S, m, i).mul(b1).add(gv.mul(c1));
            FloatVector vv = FloatVector.fromArray(S, v, i).mul(b2).add(gv.mul(c2).mul(gv));
            FloatVector denom = vv.sqrt().div(bc2Sqrt).add(eps);
            FloatVector pv = FloatVector.fromArray(S, p, i).add(mv.mul(-stepSize).div(denom));
            mv.intoArray(m, i);
            vv.intoArray(v, i);
            pv.intoArray(p, i);
        }
        // Scalar tail with the same correctly rounded operations, so its bits match the lanes'.
        for (; i < p.length; i++) {
            float gi = g[i];
            float mi = m[i] * b1 + gi * c1;
            float vi = v[i] * b2 + gi * c2 * gi;
            float denom = (float) Math.sqrt(vi) / bc2Sqrt + eps;
            m[i] = mi;
            v[i] = vi;
            p[i] = p[i] + -stepSize * mi / denom;
        }
    }

    /**
     * The scalars of step t (1-based) at rate lr, in double as PyTorch makes them in Python floats:
     * the step size lr / (1 − β1ᵗ), √(1 − β2ᵗ), and AdamW's decay factor 1 − lr·wd.
     */
    record Scalars(double stepSize, double bc2Sqrt, double decay) {
        static Scalars of(double lr, int t, double weightDecay) {
            return new Scalars(lr / (1 - Math.pow(BETA1, t)), Math.sqrt(1 - Math.pow(BETA2, t)), 1 - lr * weightDecay);
        }
    }

    private static double checkWeightDecay(double weightDecay) {
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be finite and >= 0, got " + FloatText.shortest(weightDecay));
        }
        return weightDecay;
    }

    /** Adam or AdamW in double (the float64 path): the float update's operations in the same order. */
    public static final class OfDouble implements FirstOrderOptimizer<double[]> {
        private final double weightDecay;
        private final double[] m;
        private final double[] v;
        private int step;

        public OfDouble(int parameters, double weightDecay) {
            this.weightDecay = checkWeightDecay(weightDecay);
            this.m = new double[parameters];
            this.v = new double[parameters];
        }

        @Override
        public void step(double[] p, double[] g, double lr) {
            Scalars s = Scalars.of(lr, ++step, weightDecay);
            if (weightDecay != 0) {
                for (int i = 0; i < p.length; i++) {
                    p[i] = p[i] * s.decay();
                }
            }
            double stepSize = s.stepSize();
            double bc2Sqrt = s.bc2Sqrt();
            double c1 = 1 - BETA1;
            double c2 = 1 - BETA2;
            for (int i = 0; i < p.length; i++) {
                double gi = g[i];
                double mi = m[i] * BETA1 + gi * c1;
                double vi = v[i] * BETA2 + gi * c2 * gi;
                double denom = Math.sqrt(vi) / bc2Sqrt + EPS;
                m[i] = mi;
                v[i] = vi;
                p[i] = p[i] + -stepSize * mi / denom;
            }
        }
    }
}
