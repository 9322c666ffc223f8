package dev.polygate.report.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * <p>Anything that is not such a file is an {@link IllegalArgumentException} whose message names
 * the file and what is wrong, in one line, fit to show a user: missing, empty, not JSON, not an
 * array, an empty array, an entry without a benchmark name or raw data, a raw value that is not a
 * finite number, or (with {@link #read(Path, String)}) a benchmark outside the expected package.
 * JMH writes "NaN" as a string where it has no number (e.g. {@code scoreError} with one fork);
 * such strings are read as NaN in the summary fields. Other I/O failures are IOExceptions.
 */
public final class JmhJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhJson() {
    }

    /** Reads every result of one JMH JSON file, in file order; any benchmark name is accepted. */
    public static List<JmhResult> read(Path file) throws IOException {
        return read(file, "");
    }

    /**
     * Reads every result of one JMH JSON file, in file order, and requires every benchmark name
     * to start with {@code benchmarkPrefix} (e.g. {@code "dev.polygate.bench."}), so results of
     * some other project are refused rather than silently compared.
     */
    public static List<JmhResult> read(Path file, String benchmarkPrefix) throws IOException {
        JsonNode root = parse(file);
        if (!root.isArray()) {
            throw bad(file, "is not a JMH result array (expected a JSON array as written by -rf json, got "
                    + kind(root) + ")");
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

    private static JsonNode parse(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw bad(file, "is a directory, not a JMH JSON file");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw bad(file, "does not exist");
        } catch (AccessDeniedException e) {
            throw bad(file, "cannot be read (permission denied)");
        }
        if (text.isBlank()) {
            throw bad(file, "is empty (a JMH JSON file holds an array of results; did the JMH run fail?)");
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw bad(file, "is not valid JSON (line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage().replaceAll("\\s+", " ") + ")");
        }
    }

    private static JmhResult result(Path file, int index, JsonNode entry, String prefix) {
        String where = "result " + index;
        if (!entry.isObject()) {
            throw badEntry(file, where + " is " + kind(entry) + ", not a JMH result object");
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
        JsonNode metric = entry.path("primaryMetric");
        if (!metric.isObject()) {
            throw badEntry(file, where + " has no \"primaryMetric\" object");
        }
        JsonNode unit = metric.path("scoreUnit");
        if (!unit.isTextual()) {
            throw badEntry(file, where + " has no primaryMetric.scoreUnit");
        }
        return new JmhResult(file, new BenchmarkId(benchmark, params(file, where, entry.path("params"))),
                text(entry, "mode"), unit.asText(), number(metric.path("score")), number(metric.path("scoreError")),
                forks(file, where, metric.path("rawData")), text(entry, "jvm"), strings(entry.path("jvmArgs")),
                text(entry, "jdkVersion"), text(entry, "vmName"), text(entry, "vmVersion"),
                entry.path("warmupIterations").asInt(-1), text(entry, "warmupTime"),
                entry.path("measurementIterations").asInt(-1), text(entry, "measurementTime"));
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
                if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                    throw badEntry(file, where + ": rawData[" + f + "][" + i + "] is not a finite number");
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

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "something else";
        };
    }

    /** A problem with the whole file: "JMH result file F does not exist". */
    private static IllegalArgumentException bad(Path file, String what) {
        return new IllegalArgumentException("JMH result file " + file + " " + what);
    }

    /** A problem with one entry: "JMH result file F: result 3 (name) has no ...". */
    private static IllegalArgumentException badEntry(Path file, String what) {
        return new IllegalArgumentException("JMH result file " + file + ": " + what);
    }
}
