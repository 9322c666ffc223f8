package dev.polygate.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.model.Activation;
import dev.polygate.model.Initializer;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.train.Adam;
import dev.polygate.train.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run's threads change no bit: a few Adam steps of VectorMlp on 1, 2, 3 and 16 threads give the
 * same losses, outputs, gradients and parameters, float bit for float bit, for every kind and the
 * activation families (closed ReLU, the sigmoid forms, an integrated one), at sizes where every
 * split is ragged: 1237 samples (not a multiple of a block, spans or threads), depth 3, width 70
 * (dW through the transposed product with a padded K) and width 9 (dW by row pairs, fewer units
 * than 16 threads, so some shares are empty).
 */
class VectorMlpThreadsTest {
    private static final int SAMPLES = 1237;
    private static final int STEPS = 3;
    private static final int[] THREADS = {2, 3, 16};

    static List<Arguments> specs() {
        List<Arguments> out = new ArrayList<>();
        for (LayerKind kind : LayerKind.values()) {
            for (Activation act : List.of(Activation.RELU, Activation.SILU, Activation.GELU, Activation.INT_SILU)) {
                for (int width : new int[] {70, 9}) {
                    out.add(Arguments.of(new ModelSpec(act, kind, width, 3)));
                }
            }
        }
        return out;
    }

    /** Everything a run's steps produce, as float bits, in order: per step the loss, outputs, gradient; then the parameters. */
    static List<int[]> trace(ModelSpec spec, int threads) {
        Random r = new Random(3);
        float[] x = new float[SAMPLES];
        float[] t = new float[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            x[i] = (float) r.nextGaussian();
            t[i] = x[i] * x[i] * x[i];
        }
        float[] p = Initializer.initialise(spec.layout(), Seeds.generator(5, "test/" + spec.id()));
        float[] g = new float[p.length];
        Adam adam = new Adam(0.01, p.length);
        List<int[]> trace = new ArrayList<>();
        try (VectorMlp mlp = new VectorMlp(spec, x, t, threads)) {
            assertEquals(threads, mlp.threads());
            for (int step = 0; step < STEPS; step++) {
                trace.add(new int[] {Float.floatToRawIntBits((float) mlp.forwardLoss(p))});
                trace.add(bits(mlp.outputs()));
                mlp.backward(g, p);
                trace.add(bits(g));
                adam.step(p, g);
            }
        }
        trace.add(bits(p));
        return trace;
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void everyThreadCountGivesTheSameBits(ModelSpec spec) {
        List<int[]> one = trace(spec, 1);
        // The training moved: a test of equal bits over frozen parameters would prove little.
        assertNotEquals(java.util.Arrays.toString(one.get(0)), java.util.Arrays.toString(one.get(3 * (STEPS - 1))),
                "the loss changed over the steps");
        for (int threads : THREADS) {
            List<int[]> many = trace(spec, threads);
            assertEquals(one.size(), many.size());
            for (int k = 0; k < one.size(); k++) {
                assertArrayEquals(one.get(k), many.get(k), what(k) + " of " + spec.id() + " on " + threads
                        + " threads against 1");
            }
        }
    }

    private static String what(int k) {
        if (k == 3 * STEPS) {
            return "the final parameters";
        }
        return new String[] {"the loss", "the outputs", "the gradient"}[k % 3] + " of step " + k / 3;
    }

    /** The one-thread constructor is the one-thread run: the same bits (the committed run stores rely on it). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void theOldConstructorIsOneThread(ModelSpec spec) {
        float[] x = {0.5f, -1.25f, 2f};
        float[] t = {1f, 0f, -1f};
        float[] p = Initializer.initialise(spec.layout(), Seeds.generator(9, "test/" + spec.id()));
        float[] g1 = new float[p.length];
        float[] g2 = new float[p.length];
        try (VectorMlp plain = new VectorMlp(spec, x, t); VectorMlp two = new VectorMlp(spec, x, t, 2)) {
            assertEquals(1, plain.threads());
            assertEquals(Double.doubleToRawLongBits(plain.forwardLoss(p)), Double.doubleToRawLongBits(two.forwardLoss(p)));
            plain.backward(g1, p);
            two.backward(g2, p);
        }
        assertArrayEquals(bits(g1), bits(g2));
        assertTrue(java.util.Arrays.stream(bits(g1)).anyMatch(b -> b != 0), "a gradient that is not all zero");
    }
}
