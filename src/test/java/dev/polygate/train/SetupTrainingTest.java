package dev.polygate.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.kernel.VectorMlp;
import dev.polygate.model.Activation;
import dev.polygate.model.Initializer;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.model.TrainingSetup;
import org.junit.jupiter.api.Test;

/**
 * The float32 path uses every part of the setup: a run with uniform inputs, spline initialisation,
 * AdamW and a warm-up cosine schedule is, bit for bit, the loop written out from those parts; its
 * test MSE is an independent evaluation of its final parameters. (The default setup's bits:
 * {@link PinnedBitsTest}, {@link DeterminismTest}.)
 */
class SetupTrainingTest {
    static final ModelSpec GATED = new ModelSpec(Activation.RELU, LayerKind.GATED, 9, 1);
    static final TrainingSetup SETUP = TrainingSetup.DEFAULT.withInputs(TrainingSetup.Inputs.uniform(-1, 1))
            .withTestSamples(101).withOptimizer(TrainingSetup.Optimizer.adamW(0.05))
            .withSchedule(TrainingSetup.Schedule.parse("cosine+warmup:5")).withInit(TrainingSetup.Init.SPLINE);

    @Test
    void trainingIsTheLoopWrittenOutFromTheSetup() {
        RunSpec spec = new RunSpec(GATED, Target.sin(), 0.01, 203, 60, 3, SETUP);
        TrainingResult r = Trainer.train(spec);
        assertEquals(false, r.diverged());

        Dataset data = Dataset.of(3, 203, Target.sin(), SETUP.inputs());
        float[] p = Initializer.initialise(GATED, TrainingSetup.Init.SPLINE, Seeds.generator(3, "init/" + GATED.id()));
        float[] g = new float[p.length];
        VectorMlp mlp = new VectorMlp(GATED, data.x(), data.t());
        Adam adamW = new Adam(p.length, 0.05);
        float[] curve = new float[61];
        for (int t = 0; t < 60; t++) {
            curve[t] = (float) mlp.forwardLoss(p);
            mlp.backward(g, p);
            adamW.step(p, g, SETUP.schedule().rate(0.01, t, 60));
        }
        double last = mlp.forwardLoss(p);
        curve[60] = (float) last;
        assertArrayEquals(curve, r.curve().values());
        assertArrayEquals(p, r.parameters());
        assertEquals(Double.doubleToRawLongBits(last), Double.doubleToRawLongBits(r.finalMse()));
    }

    /** The test MSE: the final parameters on the uniform test grid, rounded to float, by the vector kernels. */
    @Test
    void testMseIsAnIndependentEvaluation() {
        RunSpec spec = new RunSpec(GATED, Target.sin(), 0.01, 203, 60, 3, SETUP);
        TrainingResult r = Trainer.train(spec);
        assertTrue(Double.isFinite(r.testMse()) && r.testMse() > 0, "test MSE " + r.testMse());
        float[] x = new float[101];
        float[] t = new float[101];
        for (int i = 0; i < 101; i++) {
            double xi = -1 + 2.0 * i / 100;
            x[i] = (float) xi;
            t[i] = (float) Math.sin(xi);
        }
        double independent = new VectorMlp(GATED, x, t).forwardLoss(r.parameters());
        assertEquals(Double.doubleToRawLongBits(independent), Double.doubleToRawLongBits(r.testMse()));
        // no test set: NaN
        assertTrue(Double.isNaN(Trainer.train(new RunSpec(GATED, Target.sin(), 0.01, 203, 60, 3,
                SETUP.withTestSamples(0))).testMse()));
    }

    /** SGD with momentum and a step schedule trains (the loss falls) and differs from plain SGD. */
    @Test
    void sgdWithMomentumTrains() {
        ModelSpec plain = new ModelSpec(Activation.RELU, LayerKind.PLAIN, 16, 1);
        TrainingSetup sgd = SETUP.withOptimizer(TrainingSetup.Optimizer.sgd(0.9))
                .withSchedule(TrainingSetup.Schedule.parse("step:100,0.5"));
        TrainingResult momentum = Trainer.train(new RunSpec(plain, Target.sin(), 0.05, 300, 300, 1, sgd));
        TrainingResult none = Trainer.train(new RunSpec(plain, Target.sin(), 0.05, 300, 300, 1,
                sgd.withOptimizer(TrainingSetup.Optimizer.sgd(0))));
        assertTrue(momentum.finalMse() < 0.5 * momentum.curve().at(0), momentum.curve().at(0) + " -> " + momentum.finalMse());
        assertEquals(momentum.curve().at(0), none.curve().at(0));
        assertEquals(momentum.curve().at(1), none.curve().at(1));   // the first step is the same
        assertNotEquals(momentum.finalMse(), none.finalMse());
    }
}
