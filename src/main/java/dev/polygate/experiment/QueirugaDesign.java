package dev.polygate.experiment;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.model.TrainingSetup;
import java.util.ArrayList;
import java.util.List;

/**
 * The scaling protocol of Queiruga 2026 ("Divine Benevolence is an x²: GLUs scale asymptotically
 * faster than MLPs", arXiv 2602.14495), so that our slopes can be set beside the paper's: target
 * f(x) = 1/(1 + cos²(πx)) ({@code recip-cos2}), {@value #SAMPLES} training points uniform on
 * [−1, 1], one hidden layer of n ReLU units, spline initialisation, float64, error as RMSE against
 * n. Each kind is trained three ways at every n:
 *
 * <ul>
 * <li><b>readout</b>: the gates frozen at the spline initialisation, the rest (read-out, and the
 *     value branch of the gated kind) solved by linear least squares — the paper's "frozen gates"
 *     check, for every n in {@code widths};</li>
 * <li><b>lm</b>: every parameter trained by Levenberg–Marquardt for at most {@code lmSteps}
 *     iterations — our stand-in for the paper's Newton method, for n in {@code lmWidths};</li>
 * <li><b>adam</b>: float32 Adam at learning rate {@code adamLr} for {@code adamSteps} steps from
 *     the same initialisation and data — what first-order training reaches under the same protocol
 *     (the optimisation gap), for n in {@code adamWidths}.</li>
 * </ul>
 *
 * Every run also reports the RMSE on a {@value #TEST_SAMPLES}-point uniform grid of [−1, 1].
 */
public record QueirugaDesign(List<LayerKind> kinds, List<Integer> widths, List<Integer> lmWidths, int lmSteps,
                             List<Integer> adamWidths, int adamSteps, double adamLr, int seeds, long firstSeed)
        implements Design {

    public static final int SAMPLES = 10_000;
    public static final int TEST_SAMPLES = 1_000;
    public static final String TARGET = "recip-cos2";
    public static final TrainingSetup.Inputs INPUTS = TrainingSetup.Inputs.uniform(-1, 1);

    /** The three ways each model is trained, in report order. */
    public enum Method {
        READOUT("readout", "least squares on the read-out (gates frozen)"),
        LM("lm", "Levenberg–Marquardt on every parameter"),
        ADAM("adam", "float32 Adam on every parameter");

        private final String cliName;
        private final String description;

        Method(String cliName, String description) {
            this.cliName = cliName;
            this.description = description;
        }

        public String cliName() {
            return cliName;
        }

        public String description() {
            return description;
        }

        /** The method a run was trained by, from its setup. */
        public static Method of(RunSpec run) {
            return switch (run.setup().optimizer().kind()) {
                case READOUT -> READOUT;
                case LM -> LM;
                default -> ADAM;
            };
        }
    }

    public QueirugaDesign {
        kinds = List.copyOf(kinds);
        widths = List.copyOf(widths);
        lmWidths = List.copyOf(lmWidths);
        adamWidths = List.copyOf(adamWidths);
        for (LayerKind kind : kinds) {
            if (kind != LayerKind.PLAIN && kind != LayerKind.GATED && kind != LayerKind.SQUARED) {
                throw new IllegalArgumentException("the Queiruga protocol trains plain, gated and squared ReLU layers, "
                        + "not " + kind.cliName());
            }
        }
        for (List<Integer> ws : List.of(widths, lmWidths, adamWidths)) {
            for (int w : ws) {
                if (w < 1 || w > ModelSpec.MAX_WIDTH) {
                    throw new IllegalArgumentException("hidden units must be in 1.." + ModelSpec.MAX_WIDTH + ", got " + w);
                }
            }
        }
        if (widths.stream().distinct().count() < ScalingDesign.MIN_WIDTHS) {
            throw new IllegalArgumentException("needs at least " + ScalingDesign.MIN_WIDTHS + " hidden-unit counts to "
                    + "fit a slope, got " + widths.size());
        }
        if (seeds < 1 || seeds > Grid.MAX_SEEDS) {
            throw new IllegalArgumentException("seeds must be an integer in 1.." + Grid.MAX_SEEDS + ", got " + seeds);
        }
        if (lmSteps < 1 || adamSteps < 1 || lmSteps > RunSpec.MAX_STEPS || adamSteps > RunSpec.MAX_STEPS) {
            throw new IllegalArgumentException("steps must be in 1.." + RunSpec.MAX_STEPS);
        }
    }

    /**
     * n = 1…50 for the least-squares solve, as the paper; LM (40 steps from the read-out solve) at
     * 10 values of n up to 48 (its dense Jacobian makes n = 48 the slowest runs, about a minute
     * each); Adam (5000 steps) at 6 values up to 48; 3 seeds.
     */
    public static QueirugaDesign defaults() {
        List<Integer> all = new ArrayList<>();
        for (int n = 1; n <= 50; n++) {
            all.add(n);
        }
        return new QueirugaDesign(List.of(LayerKind.PLAIN, LayerKind.GATED, LayerKind.SQUARED), all,
                List.of(2, 3, 4, 6, 8, 12, 16, 24, 32, 48), 40, List.of(2, 4, 8, 16, 32, 48), 5_000, 0.01, 3, 0);
    }

    @Override
    public String command() {
        return "scaling";
    }

    /** The setup every run shares, with the optimiser of {@code method}. */
    public static TrainingSetup setup(Method method) {
        TrainingSetup base = TrainingSetup.DEFAULT.withInputs(INPUTS).withTestSamples(TEST_SAMPLES)
                .withInit(TrainingSetup.Init.SPLINE);
        return switch (method) {
            case READOUT -> base.withPrecision(TrainingSetup.Precision.FLOAT64).withOptimizer(TrainingSetup.Optimizer.READOUT);
            case LM -> base.withPrecision(TrainingSetup.Precision.FLOAT64).withOptimizer(TrainingSetup.Optimizer.LM);
            case ADAM -> base;
        };
    }

    /** Per method, kind, n and seed, in that order. */
    @Override
    public List<RunSpec> runs() {
        Target target = Target.parse(TARGET);
        List<RunSpec> out = new ArrayList<>();
        for (Method method : Method.values()) {
            List<Integer> ns = switch (method) {
                case READOUT -> widths;
                case LM -> lmWidths;
                case ADAM -> adamWidths;
            };
            int steps = switch (method) {
                case READOUT -> 1;
                case LM -> lmSteps;
                case ADAM -> adamSteps;
            };
            double lr = method == Method.ADAM ? adamLr : 1;   // the second-order methods take no rate
            for (LayerKind kind : kinds) {
                for (int n : ns) {
                    ModelSpec model = new ModelSpec(Activation.RELU, kind, n, 1);
                    for (int s = 0; s < seeds; s++) {
                        out.add(new RunSpec(model, target, lr, SAMPLES, steps, firstSeed + s, setup(method)));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** The final step of each method's runs; curves of the longest (Adam) set the store's block. */
    @Override
    public List<Integer> readSteps() {
        return List.of(adamSteps);
    }
}
