package dev.polygate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The spline initialisation (Queiruga 2026) against its definition, independently of the trainers. */
class InitializerTest {
    private static double[] spline(LayerKind kind, int n, long seed) {
        return Initializer.initialiseDouble(new ModelSpec(Activation.RELU, kind, n, 1), TrainingSetup.Init.SPLINE,
                RandomSource.XO_SHI_RO_256_PP.create(seed));
    }

    @Test
    void gatesAreAlternatingUnitWeightsWithKinksOnAUniformGridOfTheInterval() {
        for (LayerKind kind : new LayerKind[] {LayerKind.PLAIN, LayerKind.SQUARED, LayerKind.GATED}) {
            for (int n : new int[] {1, 2, 5, 50}) {
                ParameterLayout layout = new ModelSpec(Activation.RELU, kind, n, 1).layout();
                double[] p = spline(kind, n, 7);
                double[] kinks = new double[n];
                for (int i = 0; i < n; i++) {
                    double g = p[layout.weightOffset(0) + i];
                    assertEquals(i % 2 == 0 ? 1.0 : -1.0, g, kind + " n=" + n + " unit " + i);
                    kinks[i] = -p[layout.biasOffset(0) + i] / g;   // relu(gx + b) bends at x = -b/g
                }
                Arrays.sort(kinks);
                for (int i = 0; i < n; i++) {
                    double expected = n == 1 ? -1 : -1 + 2.0 * i / (n - 1);
                    assertEquals(expected, kinks[i], 1e-15, kind + " n=" + n + " kink " + i);
                }
            }
        }
    }

    @Test
    void valueBranchAndReadOutAreStandardNormalDraws() {
        int n = 2000;
        ModelSpec gated = new ModelSpec(Activation.RELU, LayerKind.GATED, n, 1);
        ParameterLayout layout = gated.layout();
        double[] p = spline(LayerKind.GATED, n, 3);
        double[] draws = new double[3 * n];
        for (int i = 0; i < n; i++) {
            draws[i] = p[layout.weightOffset(0) + n + i];           // U
            draws[n + i] = p[layout.biasOffset(0) + n + i];         // u
            draws[2 * n + i] = p[layout.readoutWeightOffset() + i]; // D
        }
        double mean = Arrays.stream(draws).average().orElseThrow();
        double var = Arrays.stream(draws).map(v -> (v - mean) * (v - mean)).sum() / (draws.length - 1);
        assertEquals(0, mean, 4 / Math.sqrt(draws.length));   // 4 standard errors
        assertEquals(1, var, 0.08);
        assertFalse(Arrays.equals(spline(LayerKind.GATED, 8, 1), spline(LayerKind.GATED, 8, 2)), "the seed matters");
        assertTrue(Arrays.equals(spline(LayerKind.GATED, 8, 1), spline(LayerKind.GATED, 8, 1)), "and only the seed");
    }

    @Test
    void splineAppliesOnlyToOneLayerOfReluPlainSquaredOrGated() {
        assertTrue(Initializer.applies(TrainingSetup.Init.SPLINE, new ModelSpec(Activation.RELU, LayerKind.GATED, 4, 1)));
        for (ModelSpec m : new ModelSpec[] {new ModelSpec(Activation.SILU, LayerKind.PLAIN, 4, 1),
                new ModelSpec(Activation.RELU, LayerKind.BILINEAR, 4, 1), new ModelSpec(Activation.RELU, LayerKind.PLAIN, 4, 2)}) {
            assertFalse(Initializer.applies(TrainingSetup.Init.SPLINE, m), m.id());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializer.initialiseDouble(m,
                    TrainingSetup.Init.SPLINE, RandomSource.XO_SHI_RO_256_PP.create(1L)));
            assertTrue(e.getMessage().contains(Initializer.SPLINE_APPLIES_TO), e.getMessage());
        }
    }
}
