package dev.polygate.experiment;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.SetupCheck;
import dev.polygate.model.Target;
import dev.polygate.model.TrainingSetup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's grid: every combination of the listed values, {@code seeds} seeds each (seeds
 * firstSeed, firstSeed+1, …). The defaults reproduce the study's figure, plus the bilinear kind,
 * at the study's equal width and again at equal parameter count, with 8 seeds per cell: enough
 * for the exact paired Wilcoxon test to reach p = 2/2⁸ ≈ 0.008 (5 seeds cannot go below 0.0625).
 *
 * @param setup how every run of the grid is trained (inputs, test set, precision, optimiser,
 *              schedule, init): one setup for the whole grid, in each run's {@link RunSpec#setup()};
 *              {@link TrainingSetup#DEFAULT} (the study's) unless given. It must apply to every
 *              model of the grid ({@link SetupCheck}), checked here, before any run.
 */
public record Grid(List<Activation> activations, List<LayerKind> kinds, List<Target> targets,
                   List<Sizing> sizings, List<Integer> depths, List<Double> lrs,
                   int samples, int steps, int seeds, long firstSeed, TrainingSetup setup) implements GridDesign {

    public static final int MAX_SEEDS = 10_000;

    /**
     * One cell of the grid: the seeds of one kind at one setting. A run can sit in several cells
     * (gated at width 10 is also gated at "parameters like gated at width 10"); it is trained once.
     */
    public record Cell(Activation activation, Sizing sizing, int depth, double lr, Target target, LayerKind kind,
                       List<RunSpec> runs) {
    }

    public Grid {
        activations = List.copyOf(activations);
        kinds = List.copyOf(kinds);
        targets = List.copyOf(targets);
        sizings = List.copyOf(sizings);
        depths = List.copyOf(depths);
        lrs = List.copyOf(lrs);
        if (seeds < 1 || seeds > MAX_SEEDS) {
            throw new IllegalArgumentException("seeds must be an integer in 1.." + MAX_SEEDS + ", got " + seeds);
        }
        if (setup == null) {
            throw new IllegalArgumentException("setup is required (TrainingSetup.DEFAULT for the study's)");
        }
        for (Activation act : activations) {
            for (Sizing sizing : sizings) {
                for (int depth : depths) {
                    for (LayerKind kind : kinds) {
                        // a budget no width meets, or a setup a model cannot take, fails here, not mid-sweep
                        int width = sizing.width(act, kind, depth, samples);
                        SetupCheck.require(setup, new ModelSpec(act, kind, width, depth), samples);
                    }
                }
            }
        }
    }

    /** A grid of the study's setup ({@link TrainingSetup#DEFAULT}). */
    public Grid(List<Activation> activations, List<LayerKind> kinds, List<Target> targets, List<Sizing> sizings,
                List<Integer> depths, List<Double> lrs, int samples, int steps, int seeds, long firstSeed) {
        this(activations, kinds, targets, sizings, depths, lrs, samples, steps, seeds, firstSeed,
                TrainingSetup.DEFAULT);
    }

    /** This grid with every run trained by {@code setup}. */
    public Grid withSetup(TrainingSetup setup) {
        return new Grid(activations, kinds, targets, sizings, depths, lrs, samples, steps, seeds, firstSeed, setup);
    }

    @Override
    public String command() {
        return "sweep";
    }

    @Override
    public Grid grid() {
        return this;
    }

    @Override
    public List<Integer> readSteps() {
        return List.of(steps);
    }

    public static Grid studyDefault() {
        return new Grid(List.of(Activation.RELU, Activation.SILU),
                List.of(LayerKind.PLAIN, LayerKind.SQUARED, LayerKind.GATED, LayerKind.BILINEAR),
                Target.powers(List.of(1, 2, 3, 4)),
                List.of(Sizing.equalWidth(10), Sizing.likeGated(Sizing.Match.PARAMS, 10)),
                List.of(1), List.of(0.01), 1000, 3000, 8, 0);
    }

    /**
     * Every cell, in a fixed order (activation, sizing, depth, lr, target, kind): reports list
     * sections, rows and columns in this order whatever the thread count.
     */
    public List<Cell> cells() {
        List<Cell> out = new ArrayList<>();
        for (Activation act : activations) {
            for (Sizing sizing : sizings) {
                for (int depth : depths) {
                    for (double lr : lrs) {
                        for (Target target : targets) {
                            for (LayerKind kind : kinds) {
                                ModelSpec model = new ModelSpec(act, kind, sizing.width(act, kind, depth, samples), depth);
                                List<RunSpec> runs = new ArrayList<>();
                                for (int s = 0; s < seeds; s++) {
                                    runs.add(new RunSpec(model, target, lr, samples, steps, firstSeed + s, setup));
                                }
                                out.add(new Cell(act, sizing, depth, lr, target, kind, List.copyOf(runs)));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Every distinct run, in the order of first appearance in {@link #cells()}. */
    public List<RunSpec> runs() {
        Map<String, RunSpec> byId = new LinkedHashMap<>();
        for (Cell cell : cells()) {
            for (RunSpec run : cell.runs()) {
                byId.putIfAbsent(run.id(), run);
            }
        }
        return List.copyOf(byId.values());
    }
}
