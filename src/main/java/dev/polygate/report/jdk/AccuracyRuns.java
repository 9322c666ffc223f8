package dev.polygate.report.jdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polygate.report.input.JsonInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of an accuracy.json (written by {@code polygate sweep}) that a JDK comparison needs:
 * where it ran, and per run its identity, final MSE and loss curve. A file that is not JSON is
 * an InvalidInputException (from {@link JsonInput}), JSON that is not such a file an
 * IllegalArgumentException; both name the file and the problem in one line.
 *
 * @param source      the file
 * @param environment the "environment" object's fields as text, in file order (empty if absent)
 * @param runs        every run, in file order
 */
record AccuracyRuns(Path source, Map<String, String> environment, List<Run> runs) {
    /** What makes two runs the same experiment: everything that goes into the computation. */
    record RunKey(String activation, String kind, int width, int depth, String target, double lr, int samples,
                  int steps, long seed) {
        /** e.g. {@code relu gated w10 d1 x^3 lr0.01 1000 samples 3000 steps seed 2}. */
        String label() {
            return String.format(Locale.ROOT, "%s %s w%d d%d %s lr%s %d samples %d steps seed %d", activation, kind,
                    width, depth, target, lr, samples, steps, seed);
        }
    }

    /**
     * One run's outcome.
     *
     * @param finalMse the final training MSE, null where the file has null (a diverged run)
     * @param curve    the loss after every step; a null in the file is NaN here
     */
    record Run(RunKey key, Double finalMse, float[] curve) {
    }

    static AccuracyRuns read(Path file) {
        JsonNode root = JsonInput.tree(file);
        if (!root.isObject()) {
            throw bad(file, "must hold a JSON object as written by polygate sweep");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode env = root.path("environment");
        if (env.isObject()) {
            env.fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode runs = root.path("runs");
        if (!runs.isArray()) {
            throw bad(file, "has no \"runs\" array (is it an accuracy.json from polygate sweep?)");
        }
        List<Run> out = new ArrayList<>();
        Map<RunKey, Integer> seen = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            Run run = run(file, i, runs.get(i));
            Integer first = seen.putIfAbsent(run.key(), i);
            if (first != null) {
                // Matching runs across files needs one run per key.
                throw bad(file, "runs[" + i + "] repeats runs[" + first + "] (" + run.key().label() + ")");
            }
            out.add(run);
        }
        return new AccuracyRuns(file, environment, List.copyOf(out));
    }

    private static Run run(Path file, int index, JsonNode run) {
        String where = "runs[" + index + "]";
        if (!run.isObject()) {
            throw bad(file, where + " is not an object");
        }
        RunKey key = new RunKey(text(file, where, run, "activation"), text(file, where, run, "kind"),
                integer(file, where, run, "width"), integer(file, where, run, "depth"),
                target(file, where, run), number(file, where, run, "lr"),
                integer(file, where, run, "samples"), integer(file, where, run, "steps"),
                wholeNumber(file, where, run, "seed"));
        JsonNode mse = run.path("finalMse");
        if (!mse.isNull() && !mse.isNumber()) {
            throw bad(file, where + ".finalMse must be a number or null");
        }
        JsonNode curve = run.path("curve");
        if (!curve.isArray()) {
            throw bad(file, where + ".curve must be an array of numbers or nulls");
        }
        float[] losses = new float[curve.size()];
        for (int i = 0; i < losses.length; i++) {
            JsonNode v = curve.get(i);
            if (!v.isNull() && !v.isNumber()) {
                throw bad(file, where + ".curve[" + i + "] must be a number or null");
            }
            losses[i] = v.isNull() ? Float.NaN : v.floatValue();
        }
        return new Run(key, mse.isNull() ? null : mse.doubleValue(), losses);
    }

    /** The run's target text; files written before targets other than xⁿ existed have only "degree". */
    private static String target(Path file, String where, JsonNode run) {
        return run.has("target") ? text(file, where, run, "target") : "x^" + integer(file, where, run, "degree");
    }

    private static String text(Path file, String where, JsonNode run, String field) {
        JsonNode v = run.path(field);
        if (!v.isTextual()) {
            throw bad(file, where + "." + field + " must be a string");
        }
        return v.asText();
    }

    private static int integer(Path file, String where, JsonNode run, String field) {
        JsonNode v = run.path(field);
        if (!v.isInt()) {
            throw bad(file, where + "." + field + " must be an integer");
        }
        return v.asInt();
    }

    private static long wholeNumber(Path file, String where, JsonNode run, String field) {
        JsonNode v = run.path(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw bad(file, where + "." + field + " must be an integer");
        }
        return v.asLong();
    }

    private static double number(Path file, String where, JsonNode run, String field) {
        JsonNode v = run.path(field);
        if (!v.isNumber()) {
            throw bad(file, where + "." + field + " must be a number");
        }
        return v.doubleValue();
    }

    private static IllegalArgumentException bad(Path file, String what) {
        String sep = what.startsWith("runs[") ? ": " : " ";
        return new IllegalArgumentException("accuracy file " + file + sep + what);
    }
}
