package dev.polygate.cli;

import dev.polygate.experiment.Grid;
import dev.polygate.experiment.ThreadsPerRun;
import dev.polygate.io.ModelFile;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.SetupCheck;
import dev.polygate.model.Target;
import dev.polygate.text.FloatText;
import dev.polygate.train.Trainer;
import dev.polygate.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polygate train}: one run, its result on stdout, the model optionally saved as JSON. */
@Command(name = "train", defaultValueProvider = TrainCommand.Defaults.class,
        customSynopsis = "polygate train --activation A --kind K (--degree N | --target T) [OPTIONS]",
        header = "train one run and optionally save the model as JSON",
        description = {
            "Trains one MLP on a target (x ~ N(0,1), full-batch Adam on MSE, unless the training setup options say "
                    + "otherwise) and prints its final MSE, and its test MSE and RMSE with --test-samples. "
                    + "Give exactly one of --degree and --target. The same options and seed give the same bits as "
                    + "the matching run of a sweep, whose study defaults they share.",
            ""})
final class TrainCommand extends StreamsCommand {
    /** The study's settings (Grid.studyDefault()): a run of the default sweep. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super(optionDefaults(Grid.studyDefault()));
        }
    }

    @Mixin
    HelpOption help;

    @Option(names = "--activation", paramLabel = "A", required = true, converter = Converters.ActivationName.class,
            completionCandidates = Candidates.Activations.class,
            description = "the activation, one of ${COMPLETION-CANDIDATES} (required)")
    Activation activation;

    @Option(names = "--kind", paramLabel = "K", required = true, converter = Converters.KindName.class,
            completionCandidates = Candidates.Kinds.class,
            description = "the layer kind, one of ${COMPLETION-CANDIDATES} (required)")
    LayerKind kind;

    @Option(names = "--degree", paramLabel = "N", converter = Converters.Degree.class,
            description = "the target x^N, N in 0.." + Target.MAX_DEGREE + " (this or --target)")
    Integer degree;

    @Option(names = "--target", paramLabel = "T",
            description = "x^N, poly:c0,c1,... (c0 + c1 x + ...), or a named target: " + SweepCommand.NAMED_TARGETS
                    + " (this or --degree)")
    String target;

    @Option(names = "--width", paramLabel = "W", converter = Converters.Width.class,
            description = "hidden units per layer, 1.." + ModelSpec.MAX_WIDTH + " (default: ${DEFAULT-VALUE})")
    int width;

    @Mixin
    DepthAndRateOptions shape;

    @Mixin
    TrainingLengthOptions length;

    @Mixin
    SetupOptions setup;

    @Option(names = "--seed", paramLabel = "S", converter = Converters.Seed.class,
            description = "seed of the data and the initialisation (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads-per-run", paramLabel = "N", converter = Converters.ThreadsPerRunText.class,
            defaultValue = "auto", description = ThreadsPerRunOption.DESCRIPTION)
    ThreadsPerRun threadsPerRun;

    @Option(names = "--model-out", paramLabel = "FILE",
            description = "save the trained model as JSON to FILE (see polygate predict)")
    String modelOut;

    TrainCommand(Streams io) {
        super(io);
    }

    @Override
    public Integer call() throws IOException {
        RunSpec spec = new RunSpec(new ModelSpec(activation, kind, width, shape.depth), target(), shape.lr,
                length.samples, length.steps, seed, setup.setup());
        try {
            SetupCheck.require(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException("train: " + e.getMessage());
        }
        Path file = modelOut == null ? null : OutputPaths.file("train", "--model-out", modelOut);
        MemoryCheck.requireFits("train", spec);
        // One run: parallel runs 1, so auto gives a large run every core.
        TrainingResult r = Trainer.train(spec, threadsPerRun.forRun(spec, Runtime.getRuntime().availableProcessors(), 1, 1));
        io.out().printf(Locale.ROOT, "%s: final MSE %s%s, %d parameters, %.2f us/step%s%n", spec.id(),
                r.diverged() ? "NaN (diverged at step " + r.divergedAt() + ")"
                        : String.format(Locale.ROOT, "%.6e", r.finalMse()),
                testErrors(spec, r), r.parameterCount(), r.secondsPerStep() * 1e6, file == null ? "" : "; model saved to " + file);
        if (file != null) {
            ModelFile.save(file, spec, r.parameters(), r.finalMse());
        }
        return 0;
    }

    /** ", test MSE m (RMSE r)" with a test set (NaN for a diverged run), "" without. */
    static String testErrors(RunSpec spec, TrainingResult r) {
        if (spec.setup().testSamples() == 0) {
            return "";
        }
        double mse = r.testMse();
        return Double.isNaN(mse) ? ", test MSE NaN"
                : String.format(Locale.ROOT, ", test MSE %.6e (RMSE %.6e)", mse, Math.sqrt(mse));
    }

    /** x^--degree or --target: exactly one of them. */
    private Target target() {
        if ((degree == null) == (target == null)) {
            throw new UsageException("train: give exactly one of --degree N (N in 0.." + Target.MAX_DEGREE
                    + ") and --target T (" + Target.ALLOWED + ")");
        }
        try {
            return degree != null ? Target.power(degree) : Target.parse(target);
        } catch (IllegalArgumentException e) {
            throw new UsageException("train: --target: " + e.getMessage());
        }
    }

    /** The options' defaults, as typed, from the design's own. */
    static Map<String, String> optionDefaults(Grid grid) {
        Map<String, String> all = new HashMap<>(SetupOptions.optionDefaults(grid.setup()));
        all.putAll(Map.of(
                "--width", Integer.toString(grid.sizings().get(0).width()),
                "--depth", Integer.toString(grid.depths().get(0)),
                "--lr", FloatText.shortest(grid.lrs().get(0)),
                "--samples", Integer.toString(grid.samples()),
                "--steps", Integer.toString(grid.steps()),
                "--seed", Long.toString(grid.firstSeed())));
        return all;
    }
}
