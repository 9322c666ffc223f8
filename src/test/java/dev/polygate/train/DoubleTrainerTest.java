package dev.polygate.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.kernel.ReferenceMlp;
import dev.polygate.model.Activation;
import dev.polygate.model.Initializer;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.model.TrainingSetup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * float64 first-order training: the loop written out from ReferenceMlp, the optimiser and the
 * schedule, bit for bit; its gradients at trained parameters against central finite differences;
 * determinism; divergence as a result; the test MSE as an independent evaluation.
 */
class DoubleTrainerTest {
    static final TrainingSetup PAPER = TrainingSetup.DEFAULT.withInputs(TrainingSetup.Inputs.uniform(-1, 1))
            .withPrecision(TrainingSetup.Precision.FLOAT64).withInit(TrainingSetup.Init.SPLINE).withTestSamples(101);

    static RunSpec run(LayerKind kind, TrainingSetup setup, double lr, int steps) {
        return new RunSpec(new ModelSpec(Activation.RELU, kind, 8, 1), Target.sin(), lr, 150, steps, 2, setup);
    }

    static double[] widen(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    @Test
    void trainingIsTheLoopWrittenOutInDouble() {
        TrainingSetup setup = PAPER.withOptimizer(TrainingSetup.Optimizer.adamW(0.01))
                .withSchedule(TrainingSetup.Schedule.parse("step:20,0.5+warmup:3"));
        RunSpec spec = run(LayerKind.GATED, setup, 0.02, 80);
        TrainingResult r = Trainer.train(spec);

        Samples data = Samples.training(2, 150, Target.sin(), setup.inputs());
        double[] p = Initializer.initialiseDouble(spec.model(), TrainingSetup.Init.SPLINE,
                Seeds.generator(2, "init/" + spec.model().id()));
        ReferenceMlp ref = new ReferenceMlp(spec.model(), data.x(), data.t());
        Adam.OfDouble adamW = new Adam.OfDouble(p.length, 0.01);
        float[] curve = new float[81];
        for (int t = 0; t < 80; t++) {
            curve[t] = (float) ref.forward(p);
            adamW.step(p, ref.backward(p), setup.schedule().rate(0.02, t, 80));
        }
        double last = ref.forward(p);
        curve[80] = (float) last;
        assertEquals(false, r.diverged());
        assertArrayEquals(curve, r.curve().values());
        assertEquals(Double.doubleToRawLongBits(last), Double.doubleToRawLongBits(r.finalMse()));
        assertArrayEquals(DoubleTrainer.toFloat(p), r.parameters());

        // The test MSE: the double parameters on the uniform grid of 101 points, in double.
        double[] x = new double[101];
        double[] t = new double[101];
        for (int i = 0; i < 101; i++) {
            x[i] = -1 + 2.0 * i / 100;
            t[i] = Math.sin(x[i]);
        }
        double independent = new ReferenceMlp(spec.model(), x, t).forward(p);
        assertTrue(Double.isFinite(r.testMse()) && r.testMse() > 0, "test MSE " + r.testMse());
        assertEquals(Double.doubleToRawLongBits(independent), Double.doubleToRawLongBits(r.testMse()));
        // and from the stored (float-rounded) parameters, to float precision
        double fromStored = new ReferenceMlp(spec.model(), x, t).forward(widen(r.parameters()));
        assertEquals(independent, fromStored, 1e-5 * independent);
    }

    /** Two float64 runs of one spec: the same bits everywhere. */
    @Test
    void sameSpecGivesTheSameBits() {
        for (TrainingSetup.Optimizer o : new TrainingSetup.Optimizer[] {TrainingSetup.Optimizer.ADAM,
                TrainingSetup.Optimizer.sgd(0.9)}) {
            RunSpec spec = run(LayerKind.SQUARED, PAPER.withOptimizer(o).withSchedule(TrainingSetup.Schedule.parse("cosine")),
                    0.01, 60);
            TrainingResult a = Trainer.train(spec);
            TrainingResult b = Trainer.train(spec);
            assertEquals(Double.doubleToRawLongBits(a.finalMse()), Double.doubleToRawLongBits(b.finalMse()));
            assertEquals(Double.doubleToRawLongBits(a.testMse()), Double.doubleToRawLongBits(b.testMse()));
            assertEquals(a.curve().sha256(), b.curve().sha256());
            assertArrayEquals(a.parameters(), b.parameters());
        }
    }

    /** A huge rate blows a float64 run up: a diverged result, never an exception. */
    @Test
    void divergenceIsAResult() {
        TrainingResult r = Trainer.train(run(LayerKind.SQUARED, PAPER, 1e100, 50));
        assertTrue(r.diverged());
        assertTrue(Double.isNaN(r.finalMse()));
        assertEquals(r.divergedAt() + 1, r.curve().length());
        assertTrue(!Float.isFinite(r.curve().at(r.divergedAt())));
        assertTrue(Double.isNaN(r.testMse()));
    }

    /** float64 and float32 runs of one spec start from the same loss and stay close over a short run. */
    @Test
    void float64FollowsFloat32OnAShortRun() {
        TrainingSetup f32 = PAPER.withPrecision(TrainingSetup.Precision.FLOAT32);
        RunSpec d = run(LayerKind.GATED, PAPER, 0.005, 30);
        RunSpec f = run(LayerKind.GATED, f32, 0.005, 30);
        TrainingResult rd = Trainer.train(d);
        TrainingResult rf = Trainer.train(f);
        for (int t = 0; t <= 30; t++) {
            assertEquals(rd.curve().at(t), rf.curve().at(t), 1e-4 * rd.curve().at(t), "step " + t);
        }
        assertEquals(rd.testMse(), rf.testMse(), 1e-4 * rd.testMse());
    }

    /**
     * ReferenceMlp's gradient (what float64 training follows) against central differences in double
     * at parameters trained in float64 (spline initialisation, uniform inputs, 200 Adam steps), for
     * the ReLU kinds the paper's protocol uses. Parameters whose ±h nudge moves a data point across
     * a ReLU kink are skipped (finite differences fail there), as in the kernels' GradientTest.
     */
    @ParameterizedTest
    @EnumSource(value = LayerKind.class, names = {"PLAIN", "SQUARED", "GATED"})
    void gradientAtTrainedParametersMatchesCentralDifferences(LayerKind kind) {
        RunSpec spec = run(kind, PAPER, 0.01, 200);
        TrainingResult r = Trainer.train(spec);
        assertTrue(!r.diverged() && r.finalMse() < r.curve().at(0), kind + ": " + r.curve().at(0) + " -> " + r.finalMse());
        Samples data = Samples.training(spec.seed(), spec.samples(), spec.target(), spec.setup().inputs());
        ReferenceMlp ref = new ReferenceMlp(spec.model(), data.x(), data.t());
        double[] p = widen(r.parameters());
        ref.forward(p);
        double[] g = ref.backward(p).clone();
        double[][] z0 = zs(ref);
        double h = 1e-6;
        double maxErr = 0;
        int skipped = 0;
        for (int k = 0; k < p.length; k++) {
            double keep = p[k];
            p[k] = keep + h;
            double up = ref.forward(p);
            boolean crosses = crossesKink(z0, zs(ref));
            p[k] = keep - h;
            double down = ref.forward(p);
            crosses |= crossesKink(z0, zs(ref));
            p[k] = keep;
            if (crosses) {
                skipped++;
                continue;
            }
            double fd = (up - down) / (2 * h);
            double err = Math.abs(fd - g[k]) / Math.max(1e-3, Math.max(Math.abs(fd), Math.abs(g[k])));
            maxErr = Math.max(maxErr, err);
        }
        assertTrue(maxErr < 1e-5, "max relative error " + maxErr + " for " + kind);
        assertTrue(skipped < p.length / 10, "too many parameters skipped at ReLU kinks: " + skipped + " of " + p.length);
    }

    private static double[][] zs(ReferenceMlp ref) {
        double[][] out = new double[ref.z.length][];
        for (int l = 0; l < ref.z.length; l++) {
            out[l] = ref.z[l].clone();
        }
        return out;
    }

    private static boolean crossesKink(double[][] a, double[][] b) {
        for (int l = 0; l < a.length; l++) {
            for (int i = 0; i < a[l].length; i++) {
                if (Math.signum(a[l][i]) != Math.signum(b[l][i])) {
                    return true;
                }
            }
        }
        return false;
    }
}
