package dev.polygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.Environment;
import dev.polygate.experiment.Grid;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated help, --version and the bash completion script: what picocli builds from the commands. */
class HelpAndCompletionTest {
    /** Each command's options, as its help must list them (a sample of each). */
    private static final Map<String, List<String>> OPTIONS = Map.of(
            "sweep", List.of("--activations", "--kinds", "--target", "--degrees", "--width", "--match", "--budgets",
                    "--depth", "--lr", "--samples", "--steps", "--seeds", "--first-seed", "--threads", "--threads-per-run",
                    "--out", "--quiet", "--fresh", "--shard", "--engine", "--spark-master", "--full-curves", "--inputs",
                    "--test-samples", "--precision", "--optimizer", "--schedule", "--init"),
            "equivalence", List.of("--gates", "--degrees", "--width", "--depth", "--lr", "--seeds", "--threads",
                    "--threads-per-run", "--out", "--fresh", "--shard", "--full-curves"),
            "scaling", List.of("--activations", "--width", "--check-factor", "--protocol", "--seeds", "--threads",
                    "--threads-per-run", "--out", "--quiet", "--fresh", "--engine", "--full-curves"),
            "report", List.of("--runs", "--out"),
            "merge", List.of("STORE_OR_DIR", "--out"),
            "train", List.of("--activation", "--kind", "--degree", "--target", "--width", "--seed", "--model-out",
                    "--threads-per-run", "--inputs", "--test-samples", "--precision", "--optimizer", "--schedule", "--init"),
            "predict", List.of("--model", "--input"),
            "throughput", List.of("--jmh", "--accuracy", "--peer", "--profiles", "--out"),
            "jdk-report", List.of("--a-label", "--a-jmh", "--a-accuracy", "--b-label", "--b-jmh", "--b-accuracy",
                    "--calibration", "--out"),
            "peer-report", List.of("--jmh", "--torch", "--command", "--out"));

    @ParameterizedTest
    @ValueSource(strings = {"sweep", "equivalence", "scaling", "report", "merge", "train", "predict", "throughput",
        "jdk-report", "peer-report"})
    void everyCommandAnswersHelpWithItsOptions(String command) {
        for (String flag : List.of("-h", "--help")) {
            CommandRun o = CommandRun.run("", command, flag);
            assertEquals(0, o.code(), o.err());
            assertEquals("", o.err());
            assertTrue(o.out().startsWith("usage: polygate " + command), o.out());
            for (String option : OPTIONS.get(command)) {
                assertTrue(o.out().contains(option), command + " help lists " + option + ":\n" + o.out());
            }
        }
        CommandRun viaHelp = CommandRun.run("", "help", command);
        assertEquals(CommandRun.run("", command, "--help").out(), viaHelp.out());
    }

    /** Defaults shown come from the designs: the sweep's seed count is the study's, wherever it is stated. */
    @Test
    void helpStatesTheDefaultsTheCommandsUse() {
        String seeds = Integer.toString(Grid.studyDefault().seeds());
        assertTrue(CommandRun.run("", "sweep", "--help").out().contains("seeds per cell, 1..10000 (default: " + seeds + ")"));
        assertTrue(CommandRun.run("", "--help").out().contains("the study's figure, " + seeds + " seeds"));
    }

    @Test
    void enumOptionsListTheirCandidatesInHelpAndInRefusals() {
        String help = CommandRun.run("", "sweep", "--help").out();
        assertTrue(help.contains("of plain, squared, gated, bilinear"), help);
        assertTrue(help.contains("of width, params, flops"), help);
        CommandRun.run("", "sweep", "--kinds", "plain,square").assertUsageError("polygate: sweep: --kinds:", "'square'",
                "plain, squared, gated, bilinear");
        CommandRun.run("", "train", "--activation", "tanh", "--kind", "gated", "--degree", "2")
                .assertUsageError("polygate: train: --activation:", "'tanh'", "relu, silu, gelu, int-relu");
        CommandRun.run("", "train", "--activation", "relu", "--degree", "2")
                .assertUsageError("--kind is required", "plain, squared, gated, bilinear");
    }

    @Test
    void rangesAreNamedWithTheOption() {
        CommandRun.run("", "sweep", "--seeds", "0").assertUsageError("polygate: sweep: --seeds: '0' is not allowed",
                "1..10000");
        CommandRun.run("", "train", "--activation", "relu", "--kind", "gated", "--degree", "2", "--width", "5000")
                .assertUsageError("--width: '5000'", "1..4096");
        CommandRun.run("", "sweep", "--width", "4,,8").assertUsageError("--width: an empty item");
        CommandRun.run("", "sweep", "--kinds", "plain,gated,plain").assertUsageError("--kinds has 'plain' twice");
        CommandRun.run("", "sweep", "--quiet", "--quiet").assertUsageError("--quiet given twice");
        CommandRun.run("", "sweep", "stray").assertUsageError("unexpected argument 'stray'");
        CommandRun.run("", "sweep", "--out", "--qiuet").assertUsageError("--out needs a value, got the flag --qiuet");
    }

    @Test
    void versionComesFromTheBuild() {
        for (String flag : List.of("--version", "-V")) {
            CommandRun o = CommandRun.run("", flag);
            assertEquals(0, o.code(), o.err());
            // From classes (the tests) the filtered polygate.properties; from the jar its manifest, the same version.
            assertEquals("polygate " + Environment.currentPolygateVersion(), o.out().strip());
            assertTrue(!o.out().contains("unknown") && !o.out().contains("${"), o.out());
        }
    }

    @Test
    void noArgumentsIsUsageOnStderrAndHelpIsUsageOnStdout() {
        CommandRun none = CommandRun.run("");
        assertEquals(2, none.code());
        assertEquals("", none.out());
        assertTrue(none.err().startsWith("usage: polygate COMMAND"), none.err());
        for (String help : List.of("--help", "-h", "help")) {
            CommandRun o = CommandRun.run("", help);
            assertEquals(0, o.code());
            assertEquals(none.err(), o.out(), help);
            assertEquals("", o.err());
        }
        assertTrue(none.err().contains("generate-completion"), "the top-level help says how to get completion");
    }

    @Test
    void theCompletionScriptCompletesEveryCommand() {
        CommandRun o = CommandRun.run("", "generate-completion");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("complete -F _complete_polygate"), o.out());
        for (String command : OPTIONS.keySet()) {
            assertTrue(o.out().contains(command), "completion mentions " + command);
        }
        assertTrue(o.out().contains("(\"relu\" \"silu\" \"gelu\""), "completion offers the activations");
        assertTrue(!CommandRun.run("", "--help").out().contains("  generate-completion"), "hidden from the list");
    }

    /** Help and refusals read the same in every locale (no number formatting of the JVM's locale). */
    @Test
    void helpAndRefusalsAreTheSameInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            for (String[] args : List.of(new String[] {"--help"}, new String[] {"sweep", "--help"},
                    new String[] {"scaling", "--help"}, new String[] {"sweep", "--lr", "0,5"})) {
                Locale.setDefault(Locale.ROOT);
                CommandRun root = CommandRun.run("", args);
                Locale.setDefault(Locale.GERMANY);
                CommandRun german = CommandRun.run("", args);
                assertEquals(root, german, String.join(" ", args));
            }
        } finally {
            Locale.setDefault(before);
        }
    }
}
