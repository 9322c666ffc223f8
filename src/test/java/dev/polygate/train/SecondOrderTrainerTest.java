package dev.polygate.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.kernel.ReferenceMlp;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.model.TrainingSetup;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecondOrderTrainerTest {

    private static final TrainingSetup UNIFORM_SPLINE = TrainingSetup.DEFAULT
            .withInputs(TrainingSetup.Inputs.uniform(-1, 1)).withInit(TrainingSetup.Init.SPLINE)
            .withPrecision(TrainingSetup.Precision.FLOAT64);

    private static RunSpec readout(ModelSpec model, Target target, int samples, long seed, TrainingSetup setup) {
        return new RunSpec(model, target, 1e-3, samples, 1, seed, setup.withOptimizer(TrainingSetup.Optimizer.READOUT));
    }

    /**
     * The read-out solve is the least-squares optimum: an independent normal-equations solve
     * (Φᵀ Φ c = Φᵀ t by LU) on the same features gives the same MSE, and the curve is [init, solved].
     */
    @Test
    void readoutIsTheLeastSquaresOptimum() {
        ModelSpec model = new ModelSpec(Activation.SILU, LayerKind.PLAIN, 5, 2);
        RunSpec spec = readout(model, Target.sin(), 64, 3, TrainingSetup.DEFAULT.withTestSamples(50));
        TrainingResult r = Trainer.train(spec);
        Samples data = Samples.training(3, 64, Target.sin(), TrainingSetup.Inputs.NORMAL);
        double[] p0 = SecondOrderTrainer.initialParameters(spec);
        ReferenceMlp ref = new ReferenceMlp(model, data.x(), data.t());
        double initial = ref.forward(p0);
        double[][] phi = new double[64][6];
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 5; j++) {
                phi[i][j] = ref.h[1][j * 64 + i];
            }
            phi[i][5] = 1;
        }
        RealMatrix m = new Array2DRowRealMatrix(phi);
        double[] c = new LUDecomposition(m.transpose().multiply(m)).getSolver()
                .solve(m.transpose().operate(new ArrayRealVector(data.t()))).toArray();
        double[] p = p0.clone();
        System.arraycopy(c, 0, p, model.layout().readoutWeightOffset(), 6);
        double optimum = ref.forward(p);
        assertEquals(optimum, r.finalMse(), 1e-10 * optimum);
        assertTrue(r.finalMse() < initial);
        assertArrayEquals(new float[] {(float) initial, (float) r.finalMse()}, r.curve().values());
        assertFalse(r.diverged());
        assertEquals(model.layout().size(), r.parameterCount());
        assertEquals(model.layout().size(), r.parameters().length);
        // Frozen: everything but the read-out is the initialisation, rounded to float.
        for (int k = 0; k < model.layout().readoutWeightOffset(); k++) {
            assertEquals((float) p0[k], r.parameters()[k]);
        }
        assertTrue(Double.isFinite(r.testMse()));
    }

    /**
     * Targets the frozen features represent exactly on [−1, 1] (spline init: the unit with its kink
     * at −1 is relu(x + 1) = x + 1 there): a line (plain), 3(x + 1)² − 2 (squared), x² =
     * x·relu(x + 1) − relu(x + 1) + 1 (gated, through the value branch). MSE ≈ 0, train and test.
     */
    @ParameterizedTest
    @CsvSource({"plain, 'poly:0.5,-2'", "squared, 'poly:1,6,3'", "gated, x^2", "gated, 'poly:1,-1,3'"})
    void exactlyRepresentableTargetsAreFittedExactly(String kind, String target) {
        for (int width : new int[] {1, 2, 7, 10}) {
            ModelSpec model = new ModelSpec(Activation.RELU, LayerKind.parse(kind), width, 1);
            TrainingResult r = Trainer.train(readout(model, Target.parse(target), 500, 1,
                    UNIFORM_SPLINE.withTestSamples(101)));
            assertTrue(r.curve().values()[0] > 1e-3);
            assertTrue(r.finalMse() < 1e-26, model.id() + " " + target + ": MSE " + r.finalMse());
            assertTrue(r.testMse() < 1e-26, model.id() + " " + target + ": test MSE " + r.testMse());
        }
    }

    /** The gated solve writes D = 1, U = a, u = b: the read-out weights are all 1. */
    @Test
    void gatedReadoutWritesUnitReadoutWeights() {
        ModelSpec model = new ModelSpec(Activation.RELU, LayerKind.GATED, 6, 1);
        TrainingResult r = Trainer.train(readout(model, Target.sin(), 300, 2, UNIFORM_SPLINE));
        int ro = model.layout().readoutWeightOffset();
        for (int j = 0; j < 6; j++) {
            assertEquals(1f, r.parameters()[ro + j]);
        }
        // The gate is frozen at the spline values: weights ±1.
        for (int j = 0; j < 6; j++) {
            assertEquals(j % 2 == 0 ? 1f : -1f, r.parameters()[model.layout().weightOffset(0) + j]);
        }
    }

    @Test
    void readoutRefusesDeepGatedModelsAndOtherStepCounts() {
        IllegalArgumentException deep = assertThrows(IllegalArgumentException.class, () -> Trainer.train(
                readout(new ModelSpec(Activation.RELU, LayerKind.GATED, 4, 2), Target.sin(), 10, 1, TrainingSetup.DEFAULT)));
        assertTrue(deep.getMessage().contains("--depth 1"), deep.getMessage());
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class, () -> Trainer.train(
                new RunSpec(new ModelSpec(Activation.RELU, LayerKind.PLAIN, 4, 1), Target.sin(), 1e-3, 10, 5, 1,
                        TrainingSetup.DEFAULT.withOptimizer(TrainingSetup.Optimizer.READOUT))));
        assertTrue(steps.getMessage().contains("--steps 1"), steps.getMessage());
    }

    /** LM through the trainer: a curve of steps + 1 non-increasing MSEs, the final one the last. */
    @Test
    void lmTrainsEveryParameter() {
        ModelSpec model = new ModelSpec(Activation.RELU, LayerKind.GATED, 8, 1);
        RunSpec spec = new RunSpec(model, Target.sin(), 1e-3, 400, 25, 4,
                UNIFORM_SPLINE.withOptimizer(TrainingSetup.Optimizer.LM).withTestSamples(100));
        TrainingResult r = Trainer.train(spec);
        float[] c = r.curve().values();
        assertEquals(26, c.length);
        for (int s = 1; s < c.length; s++) {
            assertTrue(c[s] <= c[s - 1], "step " + s);
        }
        assertEquals((float) r.finalMse(), c[25]);
        assertTrue(r.finalMse() < 1e-6 * c[0], "final " + r.finalMse() + " from " + c[0]);
        assertTrue(r.testMse() < 1e-4);
        // The gates moved: LM trains them too.
        assertNotEquals(1f, r.parameters()[model.layout().weightOffset(0)]);
    }

    @Test
    void lmRefusesDeepModels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.train(new RunSpec(
                new ModelSpec(Activation.RELU, LayerKind.PLAIN, 4, 2), Target.sin(), 1e-3, 10, 5, 1,
                TrainingSetup.DEFAULT.withOptimizer(TrainingSetup.Optimizer.LM))));
        assertTrue(e.getMessage().contains("--depth 1"), e.getMessage());
    }

    /** The same spec gives the same bits (curve, parameters, final and test MSE); another seed does not. */
    @Test
    void deterministic() {
        for (TrainingSetup.Optimizer opt : new TrainingSetup.Optimizer[] {TrainingSetup.Optimizer.LM,
            TrainingSetup.Optimizer.READOUT}) {
            int steps = opt == TrainingSetup.Optimizer.LM ? 10 : 1;
            RunSpec spec = new RunSpec(new ModelSpec(Activation.RELU, LayerKind.GATED, 7, 1), Target.exp(), 1e-3, 300,
                    steps, 9, UNIFORM_SPLINE.withOptimizer(opt).withTestSamples(64));
            TrainingResult a = Trainer.train(spec);
            TrainingResult b = Trainer.train(spec);
            assertEquals(a.curve(), b.curve());
            assertArrayEquals(a.parameters(), b.parameters());
            assertEquals(Double.doubleToRawLongBits(a.finalMse()), Double.doubleToRawLongBits(b.finalMse()));
            assertEquals(Double.doubleToRawLongBits(a.testMse()), Double.doubleToRawLongBits(b.testMse()));
            TrainingResult c = Trainer.train(new RunSpec(spec.model(), spec.target(), 1e-3, 300, steps, 10, spec.setup()));
            assertNotEquals(a.finalMse(), c.finalMse());
        }
    }

    /** samples × columns over 50 000 000 is refused before any data are made, naming the limit. */
    @Test
    void tooLargeDenseMatricesAreRefused() {
        ModelSpec model = new ModelSpec(Activation.RELU, LayerKind.GATED, 500, 1);   // P = 2501, 1001 features
        RunSpec lm = new RunSpec(model, Target.sin(), 1e-3, 20_000, 5, 1,
                TrainingSetup.DEFAULT.withOptimizer(TrainingSetup.Optimizer.LM));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.train(lm));
        assertTrue(e.getMessage().contains(String.valueOf(SecondOrderTrainer.MAX_JACOBIAN_ENTRIES)), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        // 19 990 × 2501 = 49 994 990: within the limit, so the check passes.
        SecondOrderTrainer.check(new RunSpec(model, Target.sin(), 1e-3, 19_990, 5, 1, lm.setup()));
        RunSpec ro = readout(model, Target.sin(), 60_000, 1, TrainingSetup.DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> Trainer.train(ro));
    }

    /** A non-finite MSE is a diverged result: curve ends at it, final MSE NaN, no test MSE. */
    @Test
    void nonFiniteLossIsADivergedResult() {
        double[] x = {-0.5, 0, 0.5};
        Samples bad = new Samples(x, new double[] {1, Double.POSITIVE_INFINITY, 0});
        for (TrainingSetup.Optimizer opt : new TrainingSetup.Optimizer[] {TrainingSetup.Optimizer.LM,
            TrainingSetup.Optimizer.READOUT}) {
            RunSpec spec = new RunSpec(new ModelSpec(Activation.RELU, LayerKind.PLAIN, 3, 1), Target.sin(), 1e-3, 3, 1, 1,
                    UNIFORM_SPLINE.withOptimizer(opt).withTestSamples(5));
            TrainingResult r = SecondOrderTrainer.fit(spec, bad, bad);
            assertTrue(r.diverged());
            assertEquals(0, r.divergedAt());
            assertTrue(Double.isNaN(r.finalMse()));
            assertTrue(Double.isNaN(r.testMse()));
            assertEquals(1, r.curve().length());
        }
    }
}
