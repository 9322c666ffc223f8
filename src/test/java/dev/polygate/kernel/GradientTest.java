package dev.polygate.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.model.Activation;
import dev.polygate.model.Initializer;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.train.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gradients on awkward sizes (width 13, N 37: neither a multiple of the lane count): the double
 * reference against central finite differences, and the float vector kernels against the reference.
 */
class GradientTest {

    static List<Arguments> specs() {
        List<Arguments> out = new ArrayList<>();
        for (Activation act : Activation.values()) {
            for (LayerKind kind : LayerKind.values()) {
                for (int depth = 1; depth <= 2; depth++) {
                    out.add(Arguments.of(new ModelSpec(act, kind, 13, depth)));
                }
            }
        }
        return out;
    }

    /** Data whose pre-activations stay away from ReLU's kink (finite differences fail across it). */
    static double[][] data(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
            t[i] = (float) (x[i] * x[i] * x[i]);
        }
        return new double[][] {x, t};
    }

    static double[] toDouble(float[] p) {
        double[] d = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            d[i] = p[i];
        }
        return d;
    }

    static float[] params(ModelSpec spec, long seed) {
        return Initializer.initialise(spec.layout(), Seeds.generator(seed, "test/" + spec.id()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void referenceGradientMatchesCentralDifferences(ModelSpec spec) {
        double[][] d = data(37, 11);
        double[] p = toDouble(params(spec, 5));
        ReferenceMlp ref = new ReferenceMlp(spec, d[0], d[1]);
        ref.forward(p);
        double[] g = ref.backward(p);
        double h = 1e-6;
        double maxErr = 0;
        int skipped = 0;
        for (int k = 0; k < p.length; k++) {
            double keep = p[k];
            p[k] = keep + h;
            double up = ref.forward(p);
            p[k] = keep - h;
            double down = ref.forward(p);
            p[k] = keep;
            double fd = (up - down) / (2 * h);
            if (spec.activation() == Activation.RELU && crossesKink(spec, ref, p, k, h, d)) {
                skipped++;
                continue;
            }
            double err = Math.abs(fd - g[k]) / Math.max(1e-3, Math.max(Math.abs(fd), Math.abs(g[k])));
            maxErr = Math.max(maxErr, err);
        }
        assertTrue(maxErr < 1e-5, "max relative error " + maxErr + " for " + spec.id());
        assertTrue(skipped < p.length / 10, "too many parameters skipped at ReLU kinks: " + skipped);
    }

    /** Whether nudging parameter k by ±h flips the sign of any ReLU pre-activation. */
    private static boolean crossesKink(ModelSpec spec, ReferenceMlp ref, double[] p, int k, double h, double[][] d) {
        double[][] zs = new double[3][];
        double keep = p[k];
        double[] steps = {0, h, -h};
        for (int s = 0; s < 3; s++) {
            p[k] = keep + steps[s];
            ref.forward(p);
            int len = 0;
            for (double[] z : ref.z) {
                len += z.length;
            }
            zs[s] = new double[len];
            int at = 0;
            for (double[] z : ref.z) {
                System.arraycopy(z, 0, zs[s], at, z.length);
                at += z.length;
            }
        }
        p[k] = keep;
        ref.forward(p);
        for (int i = 0; i < zs[0].length; i++) {
            if (Math.signum(zs[1][i]) != Math.signum(zs[2][i])) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void vectorKernelsMatchDoubleReference(ModelSpec spec) {
        assertVectorMatchesReference(spec, 37, 12);
    }

    /** Random shapes: batches around the lane count and the block, widths with every remainder mod 4. */
    @org.junit.jupiter.api.Test
    void vectorKernelsMatchReferenceOnRandomShapes() {
        Random r = new Random(3);
        int[] batches = {1, 2, VectorMath.LANES - 1, VectorMath.LANES + 1, VectorKernels.BLOCK + 3, 100};
        for (int trial = 0; trial < 40; trial++) {
            Activation act = Activation.values()[r.nextInt(Activation.values().length)];
            LayerKind kind = LayerKind.values()[r.nextInt(LayerKind.values().length)];
            ModelSpec spec = new ModelSpec(act, kind, 1 + r.nextInt(9), 1 + r.nextInt(3));
            assertVectorMatchesReference(spec, batches[r.nextInt(batches.length)], trial);
        }
    }

    /** Wide dense layers take the transposed weight-gradient path: at, and off, a multiple of the block. */
    @org.junit.jupiter.api.Test
    void wideLayersMatchReference() {
        for (int width : new int[] {VectorKernels.TRANSPOSED_GRADIENT_MIN_FAN_IN, 70}) {
            for (LayerKind kind : LayerKind.values()) {
                assertVectorMatchesReference(new ModelSpec(Activation.SILU, kind, width, 2), 37, width);
            }
        }
    }

    private static void assertVectorMatchesReference(ModelSpec spec, int n, long seed) {
        double[][] d = data(n, seed);
        float[] pf = params(spec, seed + 100);
        double[] p = toDouble(pf);
        ReferenceMlp ref = new ReferenceMlp(spec, d[0], d[1]);
        double refLoss = ref.forward(p);
        double[] refGrad = ref.backward(p);

        float[] x = new float[n];
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) d[0][i];
            t[i] = (float) d[1][i];
        }
        VectorMlp mlp = new VectorMlp(spec, x, t);
        double loss = mlp.forwardLoss(pf);
        float[] out = mlp.outputs();
        for (int i = 0; i < n; i++) {
            assertEquals(ref.y[i], out[i], 1e-3 * Math.max(1, Math.abs(ref.y[i])), "output " + i + " of " + spec.id());
        }
        assertEquals(refLoss, loss, 1e-3 * refLoss, "loss");
        float[] g = new float[pf.length];
        mlp.backward(g, pf);
        double scale = 0;
        for (double v : refGrad) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < g.length; k++) {
            double err = Math.abs(g[k] - refGrad[k]) / Math.max(Math.abs(refGrad[k]), 1e-3 * scale);
            assertTrue(err < 1e-3, "parameter " + k + ": vector " + g[k] + " vs reference " + refGrad[k]
                    + " (relative error " + err + ") for " + spec.id() + ", N " + n);
        }
    }
}
