package dev.polygate.experiment;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep's grid: every combination of the listed values, {@code seeds} seeds each (seeds
 * firstSeed, firstSeed+1, …). The defaults reproduce the study's figure with 5 seeds per cell.
 */
public record Grid(List<Activation> activations, List<LayerKind> kinds, List<Integer> degrees,
                   List<Integer> widths, List<Integer> depths, List<Double> lrs,
                   int samples, int steps, int seeds, long firstSeed) {

    public static final int MAX_SEEDS = 10_000;

    public Grid {
        activations = List.copyOf(activations);
        kinds = List.copyOf(kinds);
        degrees = List.copyOf(degrees);
        widths = List.copyOf(widths);
        depths = List.copyOf(depths);
        lrs = List.copyOf(lrs);
        if (seeds < 1 || seeds > MAX_SEEDS) {
            throw new IllegalArgumentException("seeds must be an integer in 1.." + MAX_SEEDS + ", got " + seeds);
        }
    }

    public static Grid studyDefault() {
        return new Grid(List.of(Activation.RELU, Activation.SILU),
                List.of(LayerKind.PLAIN, LayerKind.SQUARED, LayerKind.GATED),
                List.of(1, 2, 3, 4), List.of(10), List.of(1), List.of(0.01), 1000, 3000, 5, 0);
    }

    /**
     * Every run, in a fixed order (activation, width, depth, lr, degree, kind, seed): results
     * are stored and reported in this order whatever the thread count.
     */
    public List<RunSpec> runs() {
        List<RunSpec> out = new ArrayList<>();
        for (Activation act : activations) {
            for (int width : widths) {
                for (int depth : depths) {
                    for (double lr : lrs) {
                        for (int degree : degrees) {
                            for (LayerKind kind : kinds) {
                                ModelSpec model = new ModelSpec(act, kind, width, depth);
                                for (int s = 0; s < seeds; s++) {
                                    out.add(new RunSpec(model, degree, lr, samples, steps, firstSeed + s));
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
