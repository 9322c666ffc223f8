package dev.polygate.train;

import dev.polygate.kernel.VectorMlp;
import dev.polygate.model.Initializer;
import dev.polygate.model.RunSpec;
import dev.polygate.model.TrainingSetup;

/**
 * Trains a run as its {@link dev.polygate.model.TrainingSetup} says: the second-order methods
 * ({@link SecondOrderTrainer}), float64 first-order training ({@link DoubleTrainer}), or full-batch
 * first-order training on the float32 vector kernels (here). A diverged run ends early and is
 * reported, never thrown.
 */
public final class Trainer {
    private Trainer() {
    }

    public static TrainingResult train(RunSpec spec) {
        if (spec.setup().optimizer().secondOrder()) {
            return SecondOrderTrainer.train(spec);
        }
        if (spec.setup().precision() == TrainingSetup.Precision.FLOAT64) {
            return DoubleTrainer.train(spec);
        }
        return trainFloat(spec);
    }

    /**
     * Full-batch first-order training on MSE on the float32 vector kernels: the setup's inputs
     * ({@link Dataset}), initialisation, optimiser ({@link FirstOrderOptimizer#ofFloat}) and
     * learning-rate schedule (the rate of step t, 0-based, of {@code steps}). The default setup (x ~
     * N(0, 1), PyTorch's initialisation, Adam at a constant rate) is the study's protocol, bit for
     * bit as before setups existed. With a test set, the result carries the MSE of the final
     * parameters on it ({@link Samples#test} rounded to float, the vector kernels' forward loss); a
     * diverged run has none (NaN). The wall time is the training's, without the test evaluation.
     */
    static TrainingResult trainFloat(RunSpec spec) {
        long start = System.nanoTime();
        TrainingSetup setup = spec.setup();
        Dataset data = Dataset.of(spec.seed(), spec.samples(), spec.target(), setup.inputs());
        float[] p = Initializer.initialise(spec.model(), setup.init(),
                Seeds.generator(spec.seed(), "init/" + spec.model().id()));
        float[] g = new float[p.length];
        VectorMlp mlp = new VectorMlp(spec.model(), data.x(), data.t());
        FirstOrderOptimizer<float[]> optimizer = FirstOrderOptimizer.ofFloat(setup.optimizer(), p.length);
        float[] curve = new float[spec.steps() + 1];
        for (int step = 0; ; step++) {
            double loss = mlp.forwardLoss(p);
            curve[step] = (float) loss;
            if (!Double.isFinite(loss)) {
                double wall = (System.nanoTime() - start) * 1e-9;
                return new TrainingResult(spec, p.length, Double.NaN, LossCurve.full(java.util.Arrays.copyOf(curve, step + 1)),
                        true, step, wall, p);
            }
            if (step == spec.steps()) {
                double wall = (System.nanoTime() - start) * 1e-9;
                TrainingResult result = new TrainingResult(spec, p.length, loss, LossCurve.full(curve), false, -1, wall, p);
                return setup.testSamples() > 0 ? result.withTestMse(testMse(spec, p)) : result;
            }
            mlp.backward(g, p);
            optimizer.step(p, g, setup.schedule().rate(spec.lr(), step, spec.steps()));
        }
    }

    /** The MSE of float parameters {@code p} on the run's test set, rounded to float, by the vector kernels. */
    static double testMse(RunSpec spec, float[] p) {
        TrainingSetup setup = spec.setup();
        Dataset test = Samples.test(spec.seed(), setup.testSamples(), spec.target(), setup.inputs()).toFloat();
        return new VectorMlp(spec.model(), test.x(), test.t()).forwardLoss(p);
    }
}
