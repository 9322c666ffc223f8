package dev.polygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.SetupCheck;
import dev.polygate.model.Target;
import dev.polygate.model.TrainingSetup;
import dev.polygate.train.LossCurve;
import dev.polygate.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The training setup options of train and sweep (--inputs, --test-samples, --precision,
 * --optimizer, --schedule, --init): their defaults in help, and every bad input refused in one
 * line, exit 2, nothing written. No run here trains with float64 or a second-order optimiser.
 */
class SetupOptionsTest {
    private static final List<String> TRAIN = List.of("train", "--activation", "relu", "--kind", "plain", "--degree", "2");

    @TempDir
    Path tmp;

    private static long filesIn(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    private static String[] args(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--inputs       | uniform:1,1        | uniform inputs need finite bounds A < B, got 1.0,1.0",
        "--inputs       | uniform:1,-1       | uniform inputs need finite bounds A < B, got 1.0,-1.0",
        "--inputs       | uniform:0,Infinity | finite bounds",
        "--inputs       | uniform:-Infinity,0 | finite bounds",
        "--inputs       | uniform:NaN,1      | finite bounds",
        "--inputs       | uniform:0          | malformed inputs 'uniform:0'",
        "--inputs       | gaussian           | unknown inputs 'gaussian'",
        "--test-samples | -1                 | an integer in 0..10000000",
        "--precision    | float16            | unknown precision 'float16' (allowed: float32, float64)",
        "--optimizer    | rmsprop            | unknown optimiser 'rmsprop' (allowed: adam, adamw:WEIGHT_DECAY, sgd:MOMENTUM",
        "--optimizer    | sgd:1              | sgd:MOMENTUM (0 <= MOMENTUM < 1)",
        "--optimizer    | adamw:x            | malformed optimiser 'adamw:x'",
        "--schedule     | linear             | unknown or malformed schedule 'linear' (allowed: constant, cosine, step:EVERY,GAMMA",
        "--schedule     | step:0,0.5         | EVERY >= 1",
        "--schedule     | cosine+warmup:0    | +warmup:W (W >= 1)",
        "--init         | xavier             | unknown init 'xavier' (allowed: pytorch, spline)",
    })
    void badSetupValuesAreOneLineAndWriteNothing(String flag, String value, String allowed) throws IOException {
        CommandRun.run("", args(TRAIN, flag, value)).assertUsageError("polygate: train: " + flag + ": ", allowed);
        Path model = tmp.resolve("model.json");
        CommandRun.run("", args(TRAIN, flag, value, "--model-out", model.toString()))
                .assertUsageError("polygate: train: " + flag + ": ", allowed);
        assertTrue(!Files.exists(model));

        Path out = tmp.resolve("reports");
        CommandRun.run("", "sweep", flag, value, "--out", out.toString())
                .assertUsageError("polygate: sweep: " + flag + ": ", allowed);
        assertEquals(0, filesIn(out));
    }

    @Test
    void splineInitIsRefusedForAModelItDoesNotApplyTo() throws IOException {
        for (String[] model : List.of(new String[] {"silu", "plain", "1"}, new String[] {"relu", "bilinear", "1"},
                new String[] {"relu", "gated", "2"})) {
            Path file = tmp.resolve("m.json");
            CommandRun.run("", "train", "--activation", model[0], "--kind", model[1], "--depth", model[2],
                    "--degree", "2", "--init", "spline", "--model-out", file.toString())
                    .assertUsageError("polygate: train: --init spline applies to one hidden layer (--depth 1) of relu "
                            + "units of kind plain, squared or gated, not to " + model[0] + " " + model[1]
                            + " at depth " + model[2]);
            assertTrue(!Files.exists(file));
        }
    }

    /** A sweep checks every model of its grid before any run: one model the init cannot take refuses the sweep. */
    @Test
    void aSweepChecksEveryModelOfItsGridBeforeAnyRun() throws IOException {
        Path out = tmp.resolve("reports");
        CommandRun.run("", "sweep", "--activations", "relu", "--kinds", "plain,gated,bilinear", "--init", "spline",
                "--out", out.toString()).assertUsageError("polygate: sweep: --init spline applies to", "not to relu bilinear");
        CommandRun.run("", "sweep", "--activations", "relu,silu", "--kinds", "plain", "--init", "spline",
                "--out", out.toString()).assertUsageError("not to silu plain");
        CommandRun.run("", "sweep", "--activations", "relu", "--kinds", "plain", "--depth", "1,2", "--init", "spline",
                "--out", out.toString()).assertUsageError("not to relu plain at depth 2");
        CommandRun.run("", "sweep", "--init", "spline", "--out", out.toString()).assertUsageError("--init spline");
        assertEquals(0, filesIn(out));
    }

    @Test
    void aSecondOrderOptimiserIsRefusedOnAModelTooLargeForItsDenseJacobian() throws IOException {
        assertEquals(50_000_000L, SetupCheck.MAX_JACOBIAN_ENTRIES);
        for (String optimizer : List.of("lm", "readout")) {
            // relu plain width 100: 301 parameters; 200 000 samples: 60.2 million entries.
            CommandRun.run("", args(List.of("train", "--activation", "relu", "--kind", "plain", "--degree", "2"),
                    "--width", "100", "--samples", "200000", "--optimizer", optimizer))
                    .assertUsageError("polygate: train: --optimizer " + optimizer + " needs a dense Jacobian",
                            "200000 x 301 = 60200000", "limit of 50000000 (400 MB)");
            Path out = tmp.resolve("reports");
            // The default sizings: width 100 and parameters like gated at width 100; the larger model refuses.
            CommandRun.run("", "sweep", "--activations", "relu", "--kinds", "plain,gated", "--width", "100",
                    "--samples", "200000", "--optimizer", optimizer, "--out", out.toString())
                    .assertUsageError("polygate: sweep: --optimizer " + optimizer, "limit of 50000000 (400 MB)");
            assertEquals(0, filesIn(out));
        }
        // Within the limit nothing is refused (not trained here: the check alone).
        SetupCheck.require(TrainingSetup.DEFAULT.withOptimizer(TrainingSetup.Optimizer.LM),
                new ModelSpec(Activation.RELU, LayerKind.PLAIN, 100, 1), 166_112);
    }

    @Test
    void helpListsEverySetupOptionWithItsDefault() {
        for (String command : List.of("train", "sweep")) {
            String help = CommandRun.ok(command, "--help").out().replaceAll("\\s+", " ");
            for (String option : List.of("--inputs=X training inputs: normal (x ~ N(0,1)) or uniform:A,B",
                    "(default: normal)", "--test-samples=N", "(default: 0)", "one of float32, float64",
                    "(default: float32)", "always compute in float64", "(default: adam)", "(default: constant)",
                    "one of pytorch, spline", "(default: pytorch)", "samples x parameters <= 50000000")) {
                assertTrue(help.contains(option), command + " help: " + option + " in\n" + help);
            }
        }
    }

    @Test
    void trainPrintsTheTestErrorsWhenGivenATestSet() {
        RunSpec plain = new RunSpec(new ModelSpec(Activation.RELU, LayerKind.PLAIN, 4, 1), Target.runge(), 0.01, 10, 2, 0);
        TrainingResult r = new TrainingResult(plain, 13, 0.5, LossCurve.full(new float[] {1f, 0.7f, 0.5f}), false, -1,
                0.01, new float[0]);
        assertEquals("", TrainCommand.testErrors(plain, r));
        RunSpec tested = new RunSpec(plain.model(), plain.target(), 0.01, 10, 2, 0,
                TrainingSetup.DEFAULT.withTestSamples(100));
        assertEquals(", test MSE 2.500000e-01 (RMSE 5.000000e-01)", TrainCommand.testErrors(tested, r.withTestMse(0.25)));
        assertEquals(", test MSE NaN", TrainCommand.testErrors(tested, r));

        String line = CommandRun.ok("train", "--activation", "relu", "--kind", "plain", "--target", "runge", "--width", "4",
                "--samples", "16", "--steps", "3", "--inputs", "uniform:-1,1", "--test-samples", "8").out();
        assertTrue(line.startsWith("relu/plain/w4/d1/runge/lr0.01/N16/T3/seed0/uniform:-1.0,1.0/test8: final MSE "), line);
        assertTrue(line.contains(", test MSE "), line);
        String without = CommandRun.ok("train", "--activation", "relu", "--kind", "plain", "--target", "runge",
                "--width", "4", "--samples", "16", "--steps", "3").out();
        assertTrue(!without.contains("test MSE"), without);
    }
}
