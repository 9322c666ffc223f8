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

    /** {@link #train(RunSpec, int)} on one thread. */
    public static TrainingResult train(RunSpec spec) {
        return train(spec, 1);
    }

    /**
     * Trains the run, its float32 first-order training on {@code threadsPerRun} threads (the others
     * run on the calling thread alone; see {@link #splitsSteps}). The result's bits do not depend on
     * the thread count, only its wall time does.
     *
     * @throws IllegalArgumentException for threadsPerRun &lt; 1
     */
    public static TrainingResult train(RunSpec spec, int threadsPerRun) {
        if (threadsPerRun < 1) {
            throw new IllegalArgumentException("threads per run must be at least 1, got " + threadsPerRun);
        }
        if (spec.setup().optimizer().secondOrder()) {
            return SecondOrderTrainer.train(spec);
        }
        if (spec.setup().precision() == TrainingSetup.Precision.FLOAT64) {
            return DoubleTrainer.train(spec);
        }
        return trainFloat(spec, threadsPerRun);
    }

    /**
     * Whether {@link #train(RunSpec, int)} splits this run's steps over its threads: float32
     * first-order training does (the vector kernels, {@link VectorMlp}); the second-order and float64
     * trainers run on one thread whatever it is given.
     */
    public static boolean splitsSteps(RunSpec spec) {
        return !spec.setup().optimizer().secondOrder() && spec.setup().precision() == TrainingSetup.Precision.FLOAT32;
    }

    /**
     * Full-batch first-order training on MSE on the float32 vector kernels: the setup's inputs
     * ({@link Dataset}), initialisation, optimiser ({@link FirstOrderOptimizer#ofFloat}) and
     * learning-rate schedule (the rate of step t, 0-based, of {@code steps}). The default setup (x ~
     * N(0, 1), PyTorch's initialisation, Adam at a constant rate) is the study's protocol, bit for
     * bit as before setups existed. With a test set, the result carries the MSE of the final
     * parameters on it ({@link Samples#test} rounded to float, the vector kernels' forward loss); a
     * diverged run has none (NaN). The wall time is the training's, without the test evaluation.
     * The passes run on {@code threads} threads, closed before this returns or throws.
     */
    static TrainingResult trainFloat(RunSpec spec, int threads) {
        long start = System.nanoTime();
        TrainingSetup setup = spec.setup();
        Dataset data = Dataset.of(spec.seed(), spec.samples(), spec.target(), setup.inputs());
        float[] p = Initializer.initialise(spec.model(), setup.init(),
                Seeds.generator(spec.seed(), "init/" + spec.model().id()));
        float[] g = new float[p.length];
        FirstOrderOptimizer<float[]> optimizer = FirstOrderOptimizer.ofFloat(setup.optimizer(), p.length);
        float[] curve = new float[spec.steps() + 1];
        TrainingResult result;
        try (VectorMlp mlp = new VectorMlp(spec.model(), data.x(), data.t(), threads)) {
            for (int step = 0; ; step++) {
                double loss = mlp.forwardLoss(p);
                curve[step] = (float) loss;
                if (!Double.isFinite(loss)) {
                    double wall = (System.nanoTime() - start) * 1e-9;
                    return new TrainingResult(spec, p.length, Double.NaN,
                            LossCurve.full(java.util.Arrays.copyOf(curve, step + 1)), true, step, wall, p);
                }
                if (step == spec.steps()) {
                    double wall = (System.nanoTime() - start) * 1e-9;
                    result = new TrainingResult(spec, p.length, loss, LossCurve.full(curve), false, -1, wall, p);
                    break;
                }
                mlp.backward(g, p);
                optimizer.step(p, g, setup.schedule().rate(spec.lr(), step, spec.steps()));
            }
        }
        return setup.testSamples() > 0 ? result.withTestMse(testMse(spec, p)) : result;
    }

    /** The MSE of float parameters {@code p} on the run's test set, rounded to float, by the vector kernels. */
    static double testMse(RunSpec spec, float[] p) {
        TrainingSetup setup = spec.setup();
        Dataset test = Samples.test(spec.seed(), setup.testSamples(), spec.target(), setup.inputs()).toFloat();
        try (VectorMlp mlp = new VectorMlp(spec.model(), test.x(), test.t())) {
            return mlp.forwardLoss(p);
        }
    }
}
