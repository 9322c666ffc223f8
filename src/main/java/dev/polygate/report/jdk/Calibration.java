package dev.polygate.report.jdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polygate.report.input.JsonInput;
import dev.polygate.text.FloatText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What an A/A run (one JDK against itself, interleaved as an A/B run is) says about the
 * comparison's noise: how many benchmarks the same rule called different although nothing
 * differed. Written by an A/A report as {@value JdkComparisonReport#CALIBRATION_JSON}, read by an
 * A/B report to print beside its own verdicts.
 *
 * @param source          the file it was read from (null while being written)
 * @param label           the JDK compared with itself, e.g. jdk17.0.15
 * @param benchmarks      benchmarks compared
 * @param falseDifferences benchmarks called different (every one a false positive)
 * @param fewestForks     the fewest forks of any side and benchmark
 * @param practicalFactor the rule's factor ({@link SpeedRow#PRACTICAL_FACTOR} when written)
 */
record Calibration(Path source, String label, int benchmarks, int falseDifferences, int fewestForks,
                   double practicalFactor) {

    private static final ObjectMapper MAPPER =
            FloatText.jsonMapper().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The calibration an A/A comparison gives. */
    static Calibration of(JdkComparison aa) {
        SpeedComparison s = aa.speed();
        return new Calibration(null, aa.a().label(), s.rows().size(),
                (int) (s.count(SpeedRow.Difference.B_FASTER) + s.count(SpeedRow.Difference.B_SLOWER)),
                s.fewestForks(), SpeedRow.PRACTICAL_FACTOR);
    }

    byte[] json() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("kind", "A/A calibration of polygate jdk-report");
        root.put("label", label);
        root.put("benchmarks", benchmarks);
        root.put("falseDifferences", falseDifferences);
        root.put("fewestForks", fewestForks);
        root.put("practicalFactor", practicalFactor);
        try {
            return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a calibration file; InvalidInputException or IllegalArgumentException (one line) if it is not one. */
    static Calibration read(Path file) {
        JsonNode root = JsonInput.tree(file);
        if (!root.isObject() || !root.path("falseDifferences").isInt() || !root.path("benchmarks").isInt()
                || !root.path("fewestForks").isInt() || !root.path("practicalFactor").isNumber()
                || !root.path("label").isTextual()) {
            throw new IllegalArgumentException("calibration file " + file + " is not an A/A summary written by "
                    + "jdk-report (" + JdkComparisonReport.CALIBRATION_JSON + ")");
        }
        return new Calibration(file, root.path("label").asText(), root.path("benchmarks").asInt(),
                root.path("falseDifferences").asInt(), root.path("fewestForks").asInt(),
                root.path("practicalFactor").asDouble());
    }
}
