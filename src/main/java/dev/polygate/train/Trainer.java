package dev.polygate.train;

import dev.polygate.kernel.VectorMlp;
import dev.polygate.model.Initializer;
import dev.polygate.model.RunSpec;

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
        if (spec.setup().precision() == dev.polygate.model.TrainingSetup.Precision.FLOAT64) {
            return DoubleTrainer.train(spec);
        }
        return trainFloat(spec);
    }

    /** Full-batch Adam on MSE on the float32 vector kernels (the study's protocol). */
    static TrainingResult trainFloat(RunSpec spec) {
        long start = System.nanoTime();
        Dataset data = Dataset.of(spec.seed(), spec.samples(), spec.target());
        float[] p = Initializer.initialise(spec.model().layout(), Seeds.generator(spec.seed(), "init/" + spec.model().id()));
        float[] g = new float[p.length];
        VectorMlp mlp = new VectorMlp(spec.model(), data.x(), data.t());
        Adam adam = new Adam(spec.lr(), p.length);
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
                return new TrainingResult(spec, p.length, loss, LossCurve.full(curve), false, -1, wall, p);
            }
            mlp.backward(g, p);
            adam.step(p, g);
        }
    }
}
