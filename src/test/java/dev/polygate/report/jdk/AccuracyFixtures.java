package dev.polygate.report.jdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written accuracy.json files in polygate sweep's earlier format (targets as "degree", sizings
 * as "widths", as in the first committed reports): relu, plain and gated, degree 1..2, seeds 0..1
 * (8 runs), each with a three-step curve ending at its final MSE.
 */
public final class AccuracyFixtures {
    private AccuracyFixtures() {
    }

    /** Chooses a run's final MSE (null: diverged); the default gives every run a distinct value. */
    @FunctionalInterface
    public interface FinalMse {
        Double of(String kind, int degree, long seed);
    }

    public static final FinalMse DEFAULT = (kind, degree, seed) -> (kind.equals("gated") ? 1e-4 : 1e-3)
            * degree * (seed + 1) * 1.2345678901234567;

    public static Path write(Path file, String javaVersion, int vectorBits, FinalMse mse) throws IOException {
        List<String> runs = new ArrayList<>();
        for (String kind : List.of("plain", "gated")) {
            for (int degree = 1; degree <= 2; degree++) {
                for (long seed = 0; seed <= 1; seed++) {
                    Double v = mse.of(kind, degree, seed);
                    String last = v == null ? "null" : Float.toString(v.floatValue());
                    runs.add("{\"activation\": \"relu\", \"kind\": \"" + kind + "\", \"width\": 10, \"depth\": 1, "
                            + "\"degree\": " + degree + ", \"lr\": 0.01, \"samples\": 1000, \"steps\": 3, "
                            + "\"seed\": " + seed + ", \"parameterCount\": 31, \"finalMse\": " + (v == null ? "null" : v)
                            + ", \"diverged\": " + (v == null) + ", \"divergedAt\": " + (v == null ? 2 : "null")
                            + ", \"wallSeconds\": 0.5, \"secondsPerStep\": 0.1, \"curve\": [1.0, 0.5, " + last + "]}");
                }
            }
        }
        Files.writeString(file, "{\n\"polygate\": \"0.1.0\",\n\"environment\": {\"polygateVersion\": \"0.1.0\", "
                + "\"javaVersion\": \"" + javaVersion + "\", \"javaVmName\": \"OpenJDK 64-Bit Server VM " + javaVersion
                + "\", \"javaVendor\": \"Test\", \"os\": \"Linux 6 amd64\", \"cpu\": \"Test CPU\", \"cores\": 2, "
                + "\"vectorBits\": " + vectorBits + "},\n"
                + "\"sweep\": {\"threads\": 2, \"wallSeconds\": 1.5, \"grid\": {\"activations\": [\"relu\"], "
                + "\"kinds\": [\"plain\", \"gated\"], \"degrees\": [1, 2], \"widths\": [10], \"depths\": [1], "
                + "\"lrs\": [0.01], \"samples\": 1000, \"steps\": 3, \"seeds\": 2, \"firstSeed\": 0}},\n\"runs\": [\n" + String.join(",\n", runs) + "\n]\n}\n");
        return file;
    }
}
