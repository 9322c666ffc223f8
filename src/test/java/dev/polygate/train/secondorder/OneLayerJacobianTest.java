package dev.polygate.train.secondorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.kernel.ReferenceMlp;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OneLayerJacobianTest {

    private static double[] randomParameters(ModelSpec spec, Random rng) {
        double[] p = new double[spec.layout().size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = rng.nextGaussian();
        }
        return p;
    }

    /** ∂y/∂p against central differences (h = 1e-6), every kind and closed-form activation, awkward widths. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 13})
    void jacobianMatchesCentralDifferences(int width) {
        Random rng = new Random(width);
        for (LayerKind kind : LayerKind.values()) {
            for (Activation act : new Activation[] {Activation.RELU, Activation.SILU, Activation.GELU}) {
                ModelSpec spec = new ModelSpec(act, kind, width, 1);
                OneLayerJacobian jac = new OneLayerJacobian(spec);
                double[] p = randomParameters(spec, rng);
                for (int s = 0; s < 5; s++) {
                    double x = 2 * rng.nextGaussian();
                    if (act == Activation.RELU && nearKink(spec, p, x)) {
                        continue;
                    }
                    double[] row = new double[p.length];
                    double y = jac.row(p, x, row);
                    assertEquals(y, jac.value(p, x), 0.0);
                    for (int k = 0; k < p.length; k++) {
                        double h = 1e-6;
                        double keep = p[k];
                        p[k] = keep + h;
                        double up = jac.value(p, x);
                        p[k] = keep - h;
                        double down = jac.value(p, x);
                        p[k] = keep;
                        double fd = (up - down) / (2 * h);
                        assertEquals(fd, row[k], 1e-7 * (1 + Math.abs(fd)),
                                spec.id() + " x=" + x + " parameter " + k);
                    }
                }
            }
        }
    }

    /** Whether a gate pre-activation is within 1e-4 of ReLU's kink (differences would straddle it). */
    private static boolean nearKink(ModelSpec spec, double[] p, double x) {
        int w = spec.layout().weightOffset(0);
        int b = spec.layout().biasOffset(0);
        for (int j = 0; j < spec.width(); j++) {
            if (Math.abs(p[w + j] * x + p[b + j]) < 1e-4) {
                return true;
            }
        }
        return false;
    }

    /** The output is the reference's, bit for bit, for every activation (the integrated ones too). */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void valueIsTheReferenceForward(Activation act) {
        Random rng = new Random(11);
        for (LayerKind kind : LayerKind.values()) {
            ModelSpec spec = new ModelSpec(act, kind, 6, 1);
            double[] p = randomParameters(spec, rng);
            double[] x = new double[17];
            for (int i = 0; i < x.length; i++) {
                x[i] = 3 * rng.nextGaussian();
            }
            ReferenceMlp ref = new ReferenceMlp(spec, x, new double[x.length]);
            ref.forward(p);
            OneLayerJacobian jac = new OneLayerJacobian(spec);
            for (int i = 0; i < x.length; i++) {
                assertEquals(ref.y[i], jac.value(p, x[i]), 0.0, spec.id());
            }
        }
    }

    /** The row is the per-sample gradient: Σ_i 2(y_i − t_i)/N · row_i is the reference's MSE gradient. */
    @Test
    void rowsSumToTheReferenceGradient() {
        Random rng = new Random(5);
        ModelSpec spec = new ModelSpec(Activation.SILU, LayerKind.GATED, 5, 1);
        double[] p = randomParameters(spec, rng);
        double[] x = new double[40];
        double[] t = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
            t[i] = rng.nextGaussian();
        }
        ReferenceMlp ref = new ReferenceMlp(spec, x, t);
        ref.forward(p);
        double[] g = ref.backward(p);
        OneLayerJacobian jac = new OneLayerJacobian(spec);
        double[] sum = new double[p.length];
        double[] row = new double[p.length];
        for (int i = 0; i < x.length; i++) {
            double y = jac.row(p, x[i], row);
            for (int k = 0; k < p.length; k++) {
                sum[k] += 2 * (y - t[i]) / x.length * row[k];
            }
        }
        for (int k = 0; k < p.length; k++) {
            assertEquals(g[k], sum[k], 1e-12 * (1 + Math.abs(g[k])), "parameter " + k);
        }
    }

    @Test
    void deeperModelsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OneLayerJacobian(new ModelSpec(Activation.RELU, LayerKind.PLAIN, 4, 2)));
        assertTrue(e.getMessage().contains("--depth 1"), e.getMessage());
    }
}
