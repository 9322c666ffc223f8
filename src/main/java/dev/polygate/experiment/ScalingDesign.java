package dev.polygate.experiment;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import java.util.List;

/**
 * The scaling experiment: every kind at a range of equal widths, for each xⁿ, so that the final
 * error can be fitted against the parameter count on log-log axes.
 *
 * <p>The optimisation check needs the error after {@code steps} and after {@code checkFactor ×
 * steps} Adam steps. It needs only one sweep: Adam here runs at a constant learning rate and
 * nothing in a run (data, initialisation, update) depends on its total step count, so a run of
 * factor × T steps passes through exactly the state a run of T steps ends in, and its loss curve
 * holds both readings. (DeterminismTest checks that prefix property bit for bit.) The grid
 * therefore trains every run for {@link #longSteps()} and the report reads it at each of
 * {@link #readings()}.
 *
 * @param widths      hidden units per layer, distinct, at least {@value #MIN_WIDTHS}
 * @param steps       Adam steps of the first reading, T
 * @param checkFactor the second reading is at checkFactor × T; 1 means no second reading (no check)
 */
public record ScalingDesign(List<Activation> activations, List<LayerKind> kinds, List<Integer> degrees,
                            List<Integer> widths, int depth, double lr, int samples, int steps, int checkFactor,
                            int seeds, long firstSeed) implements GridDesign {

    /** Fewest widths a slope is fitted over: with two, any data lie on a line (see PowerLawFit). */
    public static final int MIN_WIDTHS = 3;
    public static final int MAX_CHECK_FACTOR = 100;

    public ScalingDesign {
        activations = List.copyOf(activations);
        kinds = List.copyOf(kinds);
        degrees = List.copyOf(degrees);
        widths = List.copyOf(widths);
        long distinct = widths.stream().distinct().count();
        if (distinct < MIN_WIDTHS) {
            throw new IllegalArgumentException("needs at least " + MIN_WIDTHS + " widths to fit a slope, got "
                    + distinct + " " + widths);
        }
        if (checkFactor < 1 || checkFactor > MAX_CHECK_FACTOR) {
            throw new IllegalArgumentException("the check factor must be an integer in 1.." + MAX_CHECK_FACTOR
                    + ", got " + checkFactor);
        }
        if (steps < 1 || (long) steps * checkFactor > RunSpec.MAX_STEPS) {
            throw new IllegalArgumentException("steps × check factor must be in 1.." + RunSpec.MAX_STEPS + ", got "
                    + steps + " × " + checkFactor);
        }
    }

    /**
     * relu, all three kinds, x², x³, x⁴, widths 4…256 (a factor 64 in width, about 60 in
     * parameters), the study's depth, learning rate and samples. T = 10,000 steps with a check at
     * 40,000; 3 seeds keep the default run within about ten minutes on two cores.
     */
    public static ScalingDesign defaults() {
        return new ScalingDesign(List.of(Activation.RELU), List.of(LayerKind.PLAIN, LayerKind.SQUARED, LayerKind.GATED),
                List.of(2, 3, 4), List.of(4, 8, 16, 32, 64, 128, 256), 1, 0.01, 1000, 10_000, 4, 3, 0);
    }

    /** Whether there is a second, longer reading to compare the first with. */
    public boolean checks() {
        return checkFactor > 1;
    }

    /** Steps every run trains for: the last reading. */
    public int longSteps() {
        return steps * checkFactor;
    }

    /** The step counts the report reads every run at: T, and factor × T when checking. */
    public List<Integer> readings() {
        return checks() ? List.of(steps, longSteps()) : List.of(steps);
    }

    @Override
    public String command() {
        return "scaling";
    }

    @Override
    public List<Integer> readSteps() {
        return readings();
    }

    /** Every kind at every width, each trained for {@link #longSteps()}. */
    @Override
    public Grid grid() {
        return new Grid(activations, kinds, Target.powers(degrees), widths.stream().map(Sizing::equalWidth).toList(),
                List.of(depth), List.of(lr), samples, longSteps(), seeds, firstSeed);
    }
}
