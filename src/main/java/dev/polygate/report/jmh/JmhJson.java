package dev.polygate.report.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polygate.report.InvalidInputException;
import dev.polygate.report.JsonInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON that JMH 1.x writes with {@code -rf json}: an array of result objects, each with
 * {@code benchmark}, {@code mode}, {@code params}, the JVM it ran on ({@code jvm}, {@code jvmArgs},
 * {@code jdkVersion}, {@code vmName}, {@code vmVersion}) and a {@code primaryMetric} whose
 * {@code rawData} holds one array of iteration values per fork.
 *
 * <p>Anything that is not such a file is an {@link InvalidInputException} whose message names
 * the file and what is wrong, in one line, fit to show a user: missing, empty, not JSON, not an
 * array, an empty array, an entry without a benchmark name or raw data, mode {@code sample}
 * (a histogram, not per-iteration values), a raw value that is not a positive finite number (a
 * time or a rate is never 0), or (with {@link #read(Path, String)}) a benchmark outside the
 * expected package.
 * JMH writes "NaN" as a string where it has no number (e.g. {@code scoreError} with one fork);
 * such strings are read as NaN in the summary fields.
 */
public final class JmhJson {
    private JmhJson() {
    }

    /** Reads every result of one JMH JSON file, in file order; any benchmark name is accepted. */
    public static List<JmhResult> read(Path file) {
        return read(file, "");
    }

    /**
     * Reads every result of one JMH JSON file, in file order, and requires every benchmark name
     * to start with {@code benchmarkPrefix} (e.g. {@code "dev.polygate.bench."}), so results of
     * some other project are refused rather than silently compared.
     */
    public static List<JmhResult> read(Path file, String benchmarkPrefix) {
        JsonNode root = JsonInput.tree(file);
        if (!root.isArray()) {
            throw bad(file, "is not a JMH result array (expected a JSON array as written by -rf json, got "
                    + JsonInput.describe(root) + ")");
        }
        if (root.isEmpty()) {
            throw bad(file, "holds no results (an empty JSON array: did the JMH run fail or select no benchmark?)");
        }
        List<JmhResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            results.add(result(file, i, root.get(i), benchmarkPrefix));
        }
        return results;
    }

    private static JmhResult result(Path file, int index, JsonNode entry, String prefix) {
        String where = "result " + index;
        if (!entry.isObject()) {
            throw badEntry(file, where + " is " + JsonInput.describe(entry) + ", not a JMH result object");
        }
        JsonNode name = entry.path("benchmark");
        if (!name.isTextual() || name.asText().isBlank()) {
            throw badEntry(file, where + " has no \"benchmark\" name");
        }
        String benchmark = name.asText();
        if (!benchmark.startsWith(prefix) || benchmark.length() == prefix.length()) {
            throw badEntry(file, where + ": unknown benchmark '" + benchmark + "' (expected a name under " + prefix + ")");
        }
        where = where + " (" + benchmark + ")";
        String mode = text(entry, "mode");
        if (mode.equals("sample")) {
            throw badEntry(file, where + ": mode 'sample' keeps a histogram, not per-iteration values "
                    + "(run with -bm avgt, thrpt or ss)");
        }
        JsonNode metric = entry.path("primaryMetric");
        if (!metric.isObject()) {
            throw badEntry(file, where + " has no \"primaryMetric\" object");
        }
        JsonNode unit = metric.path("scoreUnit");
        if (!unit.isTextual()) {
            throw badEntry(file, where + " has no primaryMetric.scoreUnit");
        }
        return new JmhResult(file, index, new BenchmarkId(benchmark, params(file, where, entry.path("params"))),
                mode, unit.asText(), number(metric.path("score")), number(metric.path("scoreError")),
                forks(file, where, metric.path("rawData")), text(entry, "jvm"), strings(entry.path("jvmArgs")),
                text(entry, "jdkVersion"), text(entry, "vmName"), text(entry, "vmVersion"),
                entry.path("warmupIterations").asInt(-1), text(entry, "warmupTime"),
                entry.path("measurementIterations").asInt(-1), text(entry, "measurementTime"),
                allocation(entry.path("secondaryMetrics")));
    }

    /** JMH's -prof gc result {@code gc.alloc.rate.norm} in bytes per operation; NaN without that profiler. */
    private static double allocation(JsonNode secondary) {
        JsonNode norm = secondary.path("gc.alloc.rate.norm");
        return norm.path("scoreUnit").asText("").equals("B/op") ? number(norm.path("score")) : Double.NaN;
    }

    private static Map<String, String> params(Path file, String where, JsonNode params) {
        Map<String, String> out = new LinkedHashMap<>();
        if (params.isMissingNode() || params.isNull()) {
            return out;
        }
        if (!params.isObject()) {
            throw badEntry(file, where + ": \"params\" must be an object of strings");
        }
        params.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) {
                throw badEntry(file, where + ": param " + e.getKey() + " is not a plain value");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    private static List<double[]> forks(Path file, String where, JsonNode raw) {
        if (!raw.isArray() || raw.isEmpty()) {
            throw badEntry(file, where + " has no primaryMetric.rawData (one array of iteration values per fork)");
        }
        List<double[]> forks = new ArrayList<>();
        for (int f = 0; f < raw.size(); f++) {
            JsonNode fork = raw.get(f);
            if (!fork.isArray() || fork.isEmpty()) {
                throw badEntry(file, where + ": rawData[" + f + "] must be a non-empty array of numbers");
            }
            double[] values = new double[fork.size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode v = fork.get(i);
                if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || v.doubleValue() <= 0) {
                    throw badEntry(file, where + ": rawData[" + f + "][" + i + "] is " + v
                            + ", not a positive finite number");
                }
                values[i] = v.doubleValue();
            }
            forks.add(values);
        }
        return forks;
    }

    /** A summary number: JMH writes "NaN" (a string) where it has none; missing is NaN too. */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static String text(JsonNode entry, String field) {
        JsonNode v = entry.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : "";
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    /** A problem with the whole file: "JMH result file F does not exist". */
    private static InvalidInputException bad(Path file, String what) {
        return new InvalidInputException("JMH result file " + file + " " + what);
    }

    /** A problem with one entry: "JMH result file F: result 3 (name) has no ...". */
    private static InvalidInputException badEntry(Path file, String what) {
        return new InvalidInputException("JMH result file " + file + ": " + what);
    }
}
