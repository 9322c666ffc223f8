package dev.polygate.model;

import dev.polygate.text.FloatText;

/**
 * One training run: a model, the target (xⁿ in the study), the optimiser settings and how it is
 * trained ({@link TrainingSetup}). Everything a run's numbers depend on is here, so a run is
 * re-created from its RunSpec alone.
 */
public record RunSpec(ModelSpec model, Target target, double lr, int samples, int steps, long seed,
                      TrainingSetup setup) {

    public static final int MAX_SAMPLES = 10_000_000;
    public static final int MAX_STEPS = 10_000_000;

    public RunSpec {
        if (model == null) {
            throw new IllegalArgumentException("model is required");
        }
        if (target == null) {
            throw new IllegalArgumentException("target is required");
        }
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("lr must be a finite number > 0, got " + FloatText.shortest(lr));
        }
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must be an integer in 1.." + MAX_SAMPLES + ", got " + samples);
        }
        if (steps < 1 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be an integer in 1.." + MAX_STEPS + ", got " + steps);
        }
        if (setup == null) {
            throw new IllegalArgumentException("setup is required (TrainingSetup.DEFAULT for the study's)");
        }
    }

    /** A run with the study's setup ({@link TrainingSetup#DEFAULT}). */
    public RunSpec(ModelSpec model, Target target, double lr, int samples, int steps, long seed) {
        this(model, target, lr, samples, steps, seed, TrainingSetup.DEFAULT);
    }

    public String id() {
        return model.id() + "/" + target.id() + "/lr" + FloatText.shortest(lr) + "/N" + samples + "/T" + steps
                + "/seed" + seed + (setup.isDefault() ? "" : "/" + setup.id());
    }
}
