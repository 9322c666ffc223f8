package dev.polygate.train;

import dev.polygate.kernel.ReferenceMlp;
import dev.polygate.model.Initializer;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.TrainingSetup;
import dev.polygate.train.secondorder.LevenbergMarquardt;
import dev.polygate.train.secondorder.OneLayerJacobian;
import dev.polygate.train.secondorder.Readout;

/**
 * The second-order methods (issue 12), full batch in double whatever the setup's precision (the
 * learning rate is not used), from {@link Initializer#initialiseDouble} with the run's init:
 *
 * <ul>
 * <li>{@code readout}: the read-out (and a gated model's value branch) by one minimum-norm linear
 *     least-squares solve, everything else frozen at its initialisation ({@link Readout}). It is one
 *     step: the run must have {@code steps} = 1, and its curve is [MSE at init, MSE after the
 *     solve].</li>
 * <li>{@code lm}: Levenberg–Marquardt over every parameter of a one-hidden-layer model with the
 *     analytic Jacobian ({@link LevenbergMarquardt}), started from the read-out solve (the cascade of
 *     Queiruga's code: read-out first, then everything); {@code steps} caps its iterations (accepted
 *     steps) and the curve holds the MSE at the initialisation, then after the read-out solve and each
 *     LM step, repeating the last one when LM stops sooner
 *     (its parameters no longer change).</li>
 * </ul>
 *
 * Both refuse a dense design (samples × columns: parameters for LM, features for the read-out)
 * of more than {@link #MAX_JACOBIAN_ENTRIES} entries. The result is filled as the float trainer
 * fills it: the curve and final MSE are the training MSE of the double parameters, the test MSE
 * (when the setup has a test set) too; {@code parameters} are those rounded to float. A
 * non-finite MSE at the start (or after the read-out solve) is a diverged run, never an exception.
 * Bit-for-bit reproducible: one thread, Commons Math's fixed operation order.
 */
final class SecondOrderTrainer {
    /** The largest dense Jacobian (or read-out design) a run may build: samples × columns; the model layer's limit. */
    static final long MAX_JACOBIAN_ENTRIES = dev.polygate.model.SetupCheck.MAX_JACOBIAN_ENTRIES;

    private SecondOrderTrainer() {
    }

    static TrainingResult train(RunSpec spec) {
        check(spec);
        TrainingSetup setup = spec.setup();
        Samples data = Samples.training(spec.seed(), spec.samples(), spec.target(), setup.inputs());
        Samples test = setup.testSamples() > 0
                ? Samples.test(spec.seed(), setup.testSamples(), spec.target(), setup.inputs()) : null;
        return fit(spec, data, test);
    }

    /** The refusals, before any data are made: one line each. */
    static void check(RunSpec spec) {
        ModelSpec model = spec.model();
        TrainingSetup.Optimizer.Kind kind = spec.setup().optimizer().kind();
        long columns;
        switch (kind) {
            case READOUT:
                Readout.check(model);
                if (spec.steps() != 1) {
                    throw new IllegalArgumentException("--optimizer readout is one least-squares solve: it needs "
                            + "--steps 1, got " + spec.steps());
                }
                columns = Readout.featureCount(model);
                break;
            case LM:
                columns = new OneLayerJacobian(model).parameterCount();
                break;
            default:
                throw new IllegalArgumentException("not a second-order optimiser: " + spec.setup().optimizer().text());
        }
        long entries = (long) spec.samples() * columns;
        if (entries > MAX_JACOBIAN_ENTRIES) {
            throw new IllegalArgumentException("--optimizer " + spec.setup().optimizer().text() + " would build a dense "
                    + spec.samples() + " x " + columns + " matrix (" + entries + " entries), over the limit of "
                    + MAX_JACOBIAN_ENTRIES + ": use fewer samples or a smaller model");
        }
    }

    /** Trains on the given points (test: null for none); {@link #train} with the run's own data. */
    static TrainingResult fit(RunSpec spec, Samples data, Samples test) {
        check(spec);
        long start = System.nanoTime();
        ModelSpec model = spec.model();
        double[] p0 = Initializer.initialiseDouble(model, spec.setup().init(),
                Seeds.generator(spec.seed(), "init/" + model.id()));
        double[] p;
        double[] curve;
        if (spec.setup().optimizer().kind() == TrainingSetup.Optimizer.Kind.READOUT) {
            double initial = new ReferenceMlp(model, data.x(), data.t()).forward(p0);
            if (!Double.isFinite(initial)) {
                p = p0;
                curve = new double[] {initial};
            } else {
                p = Readout.fit(model, p0, data.x(), data.t());
                curve = new double[] {initial, new ReferenceMlp(model, data.x(), data.t()).forward(p)};
            }
        } else {
            // The authors' cascade: the read-out first (exact, one solve), then everything. LM never
            // raises the cost, so it ends at least as low as the read-out alone; from the raw
            // initialisation (random read-out and value branch) it ended higher for n >= 16.
            double initial = new ReferenceMlp(model, data.x(), data.t()).forward(p0);
            double[] from = Double.isFinite(initial) ? Readout.fit(model, p0, data.x(), data.t()) : p0;
            LevenbergMarquardt.Result r = LevenbergMarquardt.fit(model, from, data.x(), data.t(), spec.steps());
            p = r.parameters();
            // curve[0]: the MSE at the initialisation; curve[k]: after the read-out solve and k LM steps.
            curve = r.mse().clone();
            curve[0] = initial;
        }
        float[] losses = new float[curve.length];
        for (int i = 0; i < curve.length; i++) {
            losses[i] = (float) curve[i];
        }
        float[] rounded = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            rounded[i] = (float) p[i];
        }
        double last = curve[curve.length - 1];
        boolean diverged = !Double.isFinite(last);
        double wall = (System.nanoTime() - start) * 1e-9;
        TrainingResult result = diverged
                ? new TrainingResult(spec, p.length, Double.NaN, LossCurve.full(losses), true, curve.length - 1, wall,
                        rounded)
                : new TrainingResult(spec, p.length, last, LossCurve.full(losses), false, -1, wall, rounded);
        if (test != null && !diverged) {
            result = result.withTestMse(new ReferenceMlp(model, test.x(), test.t()).forward(p));
        }
        return result;
    }

    /** For tests: the double parameters of a run's result are not kept, so they are recomputed here. */
    static double[] initialParameters(RunSpec spec) {
        return Initializer.initialiseDouble(spec.model(), spec.setup().init(),
                Seeds.generator(spec.seed(), "init/" + spec.model().id()));
    }
}
