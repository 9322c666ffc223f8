package dev.polygate.train;

import dev.polygate.kernel.VectorMath;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Adam with PyTorch's semantics and defaults (β1 0.9, β2 0.999, ε 1e-8, no weight decay):
 * m ← β1 m + (1−β1) g;  v ← β2 v + (1−β2) g²;
 * p ← p − (lr / (1−β1ᵗ)) · m / (√v / √(1−β2ᵗ) + ε).
 *
 * <p>Every float operation in PyTorch's order (torch/optim/adam.py, {@code _single_tensor_adam}, 1.13,
 * and its CPU kernels {@code addcmul}: self + value·t1·t2, {@code addcdiv}: self + value·t1/t2, both
 * left to right): m·β1 + (1−β1)·g; v·β2 + ((1−β2)·g)·g; p + ((−step)·m)/denom. The order matters
 * beyond the last bit: g·g overflows float for |g| &gt; 1.8e19, where ((1−β2)·g)·g stays finite up
 * to |g| ≈ 5.8e20, so a large but finite gradient still moves the parameter instead of freezing it
 * (v = +Inf makes every later update 0).
 * FLOPs per parameter: {@link dev.polygate.kernel.FlopCount#ADAM_PER_PARAMETER}.
 */
public final class Adam {
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPS = 1e-8;

    private static final VectorSpecies<Float> S = VectorMath.SPECIES;
    private final double lr;   // a double, as PyTorch keeps it (a Python float) until the step size is made
    private final float[] m;
    private final float[] v;
    private int step;

    public Adam(double lr, int parameters) {
        this.lr = lr;
        this.m = new float[parameters];
        this.v = new float[parameters];
    }

    public int steps() {
        return step;
    }

    public void step(float[] p, float[] g) {
        step++;
        // Bias corrections in double, once per step, as PyTorch computes them in Python floats.
        float stepSize = (float) (lr / (1 - Math.pow(BETA1, step)));
        float bc2Sqrt = (float) Math.sqrt(1 - Math.pow(BETA2, step));
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
}
