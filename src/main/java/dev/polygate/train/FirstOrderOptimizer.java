package dev.polygate.train;

import dev.polygate.model.TrainingSetup;

/**
 * A first-order optimiser: one update of the parameters {@code p} from their gradient {@code g} at
 * learning rate {@code lr} (the schedule's rate for this step), keeping its own state (Adam's
 * moments, SGD's momentum buffer) between calls. {@code P} is the precision's array, {@code
 * float[]} (the vector kernels) or {@code double[]} (the float64 path).
 *
 * <p>Each optimiser is one class holding both precisions ({@link Adam}, {@link Sgd}): the per-step
 * scalars (bias corrections, decay factor, step size) are computed once, in double, by one shared
 * method, and the float and double element loops apply them in the same order; the float loop
 * rounds every operation to float as PyTorch's float32 tensors do.
 */
public interface FirstOrderOptimizer<P> {

    /** One update of {@code p} in place from gradient {@code g} at rate {@code lr}. */
    void step(P p, P g, double lr);

    /**
     * The float32 optimiser for {@code optimizer} on {@code parameters} parameters.
     *
     * @throws IllegalArgumentException for a second-order method (not a first-order optimiser)
     */
    static FirstOrderOptimizer<float[]> ofFloat(TrainingSetup.Optimizer optimizer, int parameters) {
        return switch (optimizer.kind()) {
            case ADAM, ADAMW -> new Adam(parameters, optimizer.parameter());
            case SGD -> new Sgd.OfFloat(parameters, optimizer.parameter());
            case LM, READOUT -> throw notFirstOrder(optimizer);
        };
    }

    /**
     * The float64 optimiser for {@code optimizer}: the same formulas as {@link #ofFloat} in double.
     *
     * @throws IllegalArgumentException for a second-order method (not a first-order optimiser)
     */
    static FirstOrderOptimizer<double[]> ofDouble(TrainingSetup.Optimizer optimizer, int parameters) {
        return switch (optimizer.kind()) {
            case ADAM, ADAMW -> new Adam.OfDouble(parameters, optimizer.parameter());
            case SGD -> new Sgd.OfDouble(parameters, optimizer.parameter());
            case LM, READOUT -> throw notFirstOrder(optimizer);
        };
    }

    private static IllegalArgumentException notFirstOrder(TrainingSetup.Optimizer optimizer) {
        return new IllegalArgumentException("optimiser " + optimizer.text() + " is second-order, not first-order");
    }
}
