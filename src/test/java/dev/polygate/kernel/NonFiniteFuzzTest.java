package dev.polygate.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.train.Trainer;
import dev.polygate.train.TrainingResult;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A non-finite number inside a kernel is a diverged run, never an exception: every activation ×
 * kind × depth, forward and backward, with NaN, ±Inf and huge values in the inputs, the targets and
 * the weights (so in the pre-activations too), and training at absurd learning rates and targets,
 * where the trainer's diverged flag must agree with the loss curve.
 */
class NonFiniteFuzzTest {
    private static final float[] POISON = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e30f, -1e30f,
            Float.MAX_VALUE, -Float.MAX_VALUE, 3e19f, 1e-40f};

    @ParameterizedTest
    @EnumSource(Activation.class)
    void forwardAndBackwardNeverThrowOnNonFiniteValues(Activation act) {
        Random random = new Random(act.ordinal() + 11);
        for (LayerKind kind : LayerKind.values()) {
            for (int depth = 1; depth <= 3; depth++) {
                // width 13: a register tile's partial rows; 37 samples: a partial block
                ModelSpec spec = new ModelSpec(act, kind, depth == 3 ? 17 : 13, depth);
                for (int trial = 0; trial < 12; trial++) {
                    int n = 37;
                    float[] x = new float[n];
                    float[] t = new float[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = (float) random.nextGaussian();
                        t[i] = (float) random.nextGaussian();
                    }
                    float[] p = new float[spec.layout().size()];
                    for (int i = 0; i < p.length; i++) {
                        // trial 0: weights small enough that three squared layers stay finite
                        p[i] = (float) random.nextGaussian() * (trial == 0 ? 0.3f : 1f);
                    }
                    // Trial 0 stays finite; the others poison a few inputs, targets or weights.
                    for (int k = 0; k < (trial == 0 ? 0 : 1 + random.nextInt(4)); k++) {
                        float bad = POISON[random.nextInt(POISON.length)];
                        switch (random.nextInt(3)) {
                            case 0 -> x[random.nextInt(n)] = bad;
                            case 1 -> t[random.nextInt(n)] = bad;
                            default -> p[random.nextInt(p.length)] = bad;
                        }
                    }
                    String where = spec.id() + " trial " + trial;
                    try {
                        VectorMlp mlp = new VectorMlp(spec, x, t);
                        double loss = mlp.forwardLoss(p);
                        float[] g = new float[p.length];
                        mlp.backward(g, p);
                        if (trial == 0) {
                            assertTrue(Double.isFinite(loss), where + ": finite data gave loss " + loss);
                        }
                    } catch (RuntimeException e) {
                        fail(where + " threw " + e, e);
                    }
                }
            }
        }
    }

    /**
     * Training that blows up: learning rates up to 1e30, inputs that make x^16 overflow float.
     * Diverged exactly when the curve's last loss is not finite; finite all the way before it.
     */
    @Test
    void trainingAtAbsurdSettingsDivergesInsteadOfThrowing() {
        for (Activation act : Activation.values()) {
            for (LayerKind kind : LayerKind.values()) {
                for (int depth = 1; depth <= 2; depth++) {
                    for (double lr : new double[] {1e30, 1e6}) {
                        RunSpec spec = new RunSpec(new ModelSpec(act, kind, 6, depth),
                                lr > 1e10 ? Target.power(2) : Target.parse("poly:0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1e30"),
                                lr, 50, 5, 3);
                        TrainingResult r;
                        try {
                            r = Trainer.train(spec);
                        } catch (RuntimeException e) {
                            throw new AssertionError(spec.id() + " threw " + e, e);
                        }
                        float[] curve = r.curve().values();
                        float last = curve[curve.length - 1];
                        assertEquals(!Float.isFinite(last), r.diverged(), spec.id() + ": diverged flag against the curve");
                        for (int step = 0; step < curve.length - 1; step++) {
                            assertTrue(Float.isFinite(curve[step]), spec.id() + ": loss at step " + step);
                        }
                        if (r.diverged()) {
                            assertEquals(curve.length - 1, r.divergedAt(), spec.id());
                            assertTrue(Double.isNaN(r.finalMse()), spec.id());
                        } else {
                            assertEquals(spec.steps() + 1, curve.length, spec.id());
                        }
                    }
                }
            }
        }
    }
}
