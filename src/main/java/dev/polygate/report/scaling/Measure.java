package dev.polygate.report.scaling;

import dev.polygate.train.LossCurve;
import dev.polygate.train.TrainingResult;
import java.util.OptionalDouble;

/** Which training MSE of a run a slope is fitted to, read from its loss curve at a step count. */
public enum Measure {
    /**
     * The lowest training MSE up to the step: the best checkpoint. Full-batch Adam at a constant
     * learning rate has loss spikes, so the loss at one given step can sit decades above where the
     * run was a few hundred steps before; the lowest loss so far cannot, and it only falls with
     * more steps, which keeps the optimisation check about progress rather than luck.
     */
    LOWEST("lowest training MSE up to the step"),
    /** The training MSE at the step itself, spikes and all: for comparison. */
    AT_STEP("training MSE at the step");

    private final String description;

    Measure(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * The run's MSE by this measure after {@code step} Adam steps; empty if the run had diverged
     * by then (the trainer stops a curve at its first non-finite loss, so a curve that reaches the
     * step with a finite loss is finite all the way). The step must be one the stored curve holds
     * (a run store's block divides every step a design reads, {@link LossCurve#holds}).
     */
    public OptionalDouble of(TrainingResult run, int step) {
        LossCurve curve = run.curve();
        if (step < 0 || step >= curve.length() || !Float.isFinite(curve.at(step))) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(this == AT_STEP ? curve.at(step) : curve.lowestUpTo(step));
    }
}
