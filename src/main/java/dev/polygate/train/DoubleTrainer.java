package dev.polygate.train;

import dev.polygate.kernel.ReferenceMlp;
import dev.polygate.model.Initializer;
import dev.polygate.model.RunSpec;
import dev.polygate.model.TrainingSetup;
import java.util.Arrays;

/**
 * Full-batch first-order training in float64 ({@code --precision float64}): the loop of {@link
 * Trainer#trainFloat} in double through {@link ReferenceMlp} (forward → MSE, backward → the full
 * gradient; the vector kernels' math in plain loops), on {@link Samples} in double, from {@link
 * Initializer#initialiseDouble}, with the same optimisers in double ({@link
 * FirstOrderOptimizer#ofDouble}) and the same schedule.
 *
 * <p>What the result holds: the curve is {@link LossCurve#full} of the losses rounded to float (as
 * every curve is stored); the final MSE is the double loss; the parameters are the final double
 * parameters <b>rounded to float</b> ({@link TrainingResult} holds floats: prediction and reports
 * use them as any run's), so evaluating them again need not give the final MSE to the last bits;
 * the test MSE is computed in double from the double parameters on {@link Samples#test}. A
 * non-finite loss ends the run as diverged (a result, never an exception), as on the float path.
 *
 * <p>Bit for bit reproducible: single-threaded plain loops in a fixed order, no parallel streams
 * and no vector lanes, so two runs of one spec give the same bits whatever the thread count or the
 * vector width (unlike float32 runs, whose bits follow the lane count).
 */
final class DoubleTrainer {
    private DoubleTrainer() {
    }

    static TrainingResult train(RunSpec spec) {
        long start = System.nanoTime();
        TrainingSetup setup = spec.setup();
        Samples data = Samples.training(spec.seed(), spec.samples(), spec.target(), setup.inputs());
        double[] p = Initializer.initialiseDouble(spec.model(), setup.init(),
                Seeds.generator(spec.seed(), "init/" + spec.model().id()));
        ReferenceMlp mlp = new ReferenceMlp(spec.model(), data.x(), data.t());
        FirstOrderOptimizer<double[]> optimizer = FirstOrderOptimizer.ofDouble(setup.optimizer(), p.length);
        float[] curve = new float[spec.steps() + 1];
        for (int step = 0; ; step++) {
            double loss = mlp.forward(p);
            curve[step] = (float) loss;
            if (!Double.isFinite(loss)) {
                double wall = (System.nanoTime() - start) * 1e-9;
                return new TrainingResult(spec, p.length, Double.NaN, LossCurve.full(Arrays.copyOf(curve, step + 1)),
                        true, step, wall, toFloat(p));
            }
            if (step == spec.steps()) {
                double wall = (System.nanoTime() - start) * 1e-9;
                TrainingResult result = new TrainingResult(spec, p.length, loss, LossCurve.full(curve), false, -1, wall,
                        toFloat(p));
                return setup.testSamples() > 0 ? result.withTestMse(testMse(spec, p)) : result;
            }
            double[] g = mlp.backward(p);
            optimizer.step(p, g, setup.schedule().rate(spec.lr(), step, spec.steps()));
        }
    }

    /** The MSE of double parameters {@code p} on the run's test set, in double. */
    static double testMse(RunSpec spec, double[] p) {
        TrainingSetup setup = spec.setup();
        Samples test = Samples.test(spec.seed(), setup.testSamples(), spec.target(), setup.inputs());
        return new ReferenceMlp(spec.model(), test.x(), test.t()).forward(p);
    }

    static float[] toFloat(double[] p) {
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (float) p[i];
        }
        return out;
    }
}
