package dev.polygate.cli;

import dev.polygate.model.Initializer;
import dev.polygate.model.SetupCheck;
import dev.polygate.model.TrainingSetup;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How runs are trained, in train and sweep: --inputs, --test-samples, --precision, --optimizer,
 * --schedule and --init, each defaulting to the part of the study's setup ({@link
 * TrainingSetup#DEFAULT}); a sweep applies the one setup to every run of its grid. Values are
 * parsed by the setup's own text forms; whether the setup fits a model (spline init, the dense
 * Jacobian of a second-order optimiser) is checked by {@link SetupCheck} before any run.
 */
final class SetupOptions {
    @Option(names = "--inputs", paramLabel = "X", converter = Converters.InputsText.class,
            description = "training inputs: normal (x ~ N(0,1)) or uniform:A,B (uniform on [A, B], finite A < B) "
                    + "(default: ${DEFAULT-VALUE})")
    TrainingSetup.Inputs inputs;

    @Option(names = "--test-samples", paramLabel = "N", converter = Converters.TestSamples.class,
            description = "points of a held-out test set, 0.." + TrainingSetup.MAX_TEST_SAMPLES + " (0: none); on a "
                    + "uniform grid of [A, B] for uniform inputs; its MSE and RMSE are reported (default: ${DEFAULT-VALUE})")
    int testSamples;

    @Option(names = "--precision", paramLabel = "P", converter = Converters.PrecisionName.class,
            completionCandidates = Candidates.Precisions.class,
            description = "arithmetic of first-order training, one of ${COMPLETION-CANDIDATES}; the second-order "
                    + "optimisers lm and readout always compute in float64 (default: ${DEFAULT-VALUE})")
    TrainingSetup.Precision precision;

    @Option(names = "--optimizer", paramLabel = "O", converter = Converters.OptimizerText.class,
            description = "adam; adamw:WD (decoupled weight decay WD >= 0); sgd:M (momentum 0 <= M < 1); "
                    + "lm (Levenberg-Marquardt) or readout (the read-out alone by least squares): second-order, "
                    + "always float64, full batch, for models with samples x parameters <= "
                    + SetupCheck.MAX_JACOBIAN_ENTRIES + " (default: ${DEFAULT-VALUE})")
    TrainingSetup.Optimizer optimizer;

    @Option(names = "--schedule", paramLabel = "S", converter = Converters.ScheduleText.class,
            description = "learning-rate schedule: constant, cosine or step:EVERY,GAMMA (EVERY >= 1, 0 < GAMMA <= 1), "
                    + "each optionally followed by +warmup:W (W >= 1 steps) (default: ${DEFAULT-VALUE})")
    TrainingSetup.Schedule schedule;

    @Option(names = "--init", paramLabel = "I", converter = Converters.InitName.class,
            completionCandidates = Candidates.Inits.class,
            description = "initialisation, one of ${COMPLETION-CANDIDATES}: PyTorch's nn.Linear default, or the "
                    + "spline init of Queiruga 2026 (kinks on a uniform grid of [-1, 1]), for "
                    + Initializer.SPLINE_APPLIES_TO + " (default: ${DEFAULT-VALUE})")
    TrainingSetup.Init init;

    /** The setup the options give. */
    TrainingSetup setup() {
        return new TrainingSetup(inputs, testSamples, precision, optimizer, schedule, init);
    }

    /** The options' defaults, as typed, from {@code setup}. */
    static Map<String, String> optionDefaults(TrainingSetup setup) {
        return Map.of(
                "--inputs", setup.inputs().text(),
                "--test-samples", Integer.toString(setup.testSamples()),
                "--precision", setup.precision().text(),
                "--optimizer", setup.optimizer().text(),
                "--schedule", setup.schedule().text(),
                "--init", setup.init().text());
    }
}
