package dev.polygate.report.throughput;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polygate.report.InvalidInputException;
import dev.polygate.report.JsonInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a JMH JSON result file ({@code -rf json}, JMH 1.37 format): an array of results, each
 * with its benchmark, parameters, JVM and the raw iteration values of every fork. Fields we do not
 * use (score, scoreError — which JMH writes as the string "NaN" when it cannot compute it —,
 * percentiles, secondary metrics) are ignored. Anything that is not such an array, or a result
 * without usable raw data, is an {@link InvalidInputException} naming the file and the entry.
 */
public final class JmhJsonReader {
    private JmhJsonReader() {
    }

    // The parts of a JMH result we use; boxed and nullable, so a missing field can be named.
    record Entry(String benchmark, String mode, String jdkVersion, String vmName, String vmVersion,
                 List<String> jvmArgs, Map<String, String> params, Metric primaryMetric) {
    }

    record Metric(String scoreUnit, List<List<Double>> rawData) {
    }

    public static List<JmhResult> read(Path file) {
        JsonNode root = JsonInput.tree(file);
        if (!root.isArray()) {
            throw new InvalidInputException(file + " is not a JMH result array (the top level is "
                    + JsonInput.describe(root) + "; JMH writes an array with -rf json)");
        }
        if (root.isEmpty()) {
            throw new InvalidInputException(file + " holds no JMH results (an empty array)");
        }
        List<JmhResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            String at = "[" + i + "]";
            if (!node.isObject()) {
                throw new InvalidInputException(file + ": " + at + " is " + JsonInput.describe(node)
                        + ", not a JMH result object");
            }
            results.add(result(file, i, JsonInput.bind(file, at, node, Entry.class)));
        }
        return results;
    }

    private static JmhResult result(Path file, int index, Entry e) {
        String at = "[" + index + "]";
        String benchmark = JsonInput.required(file, at + ".benchmark", e.benchmark());
        String where = file + ": " + at + " " + benchmark;
        String mode = JsonInput.required(file, at + ".mode", e.mode());
        if (mode.equals("sample")) {
            throw new InvalidInputException(where + ": mode 'sample' keeps a histogram, not per-iteration "
                    + "values (run with -bm avgt, thrpt or ss)");
        }
        Metric metric = JsonInput.required(file, at + ".primaryMetric", e.primaryMetric());
        String unit = JsonInput.required(file, at + ".primaryMetric.scoreUnit", metric.scoreUnit());
        List<List<Double>> raw = JsonInput.required(file, at + ".primaryMetric.rawData", metric.rawData());
        List<Double> values = new ArrayList<>();
        int forks = 0;
        for (int f = 0; f < raw.size(); f++) {
            List<Double> fork = raw.get(f);
            if (fork == null || fork.isEmpty()) {
                throw new InvalidInputException(where + ": primaryMetric.rawData[" + f + "] holds no iterations");
            }
            forks++;
            for (int k = 0; k < fork.size(); k++) {
                Double v = fork.get(k);
                if (v == null || !Double.isFinite(v) || v <= 0) {
                    throw new InvalidInputException(where + ": primaryMetric.rawData[" + f + "][" + k + "] is "
                            + v + ", not a positive finite number");
                }
                values.add(nanosecondsPerOp(where, unit, v));
            }
        }
        if (values.isEmpty()) {
            throw new InvalidInputException(where + ": primaryMetric.rawData holds no forks");
        }
        Jvm jvm = new Jvm(orUnknown(e.jdkVersion()), orUnknown(e.vmName()), orUnknown(e.vmVersion()),
                e.jvmArgs() == null ? List.of() : e.jvmArgs().stream().map(JmhJsonReader::orUnknown).toList());
        return new JmhResult(file, index, benchmark, mode, jvm, e.params() == null ? Map.of() : e.params(),
                values.stream().mapToDouble(Double::doubleValue).toArray(), forks);
    }

    /** One raw value in the file's unit as ns/op: a time per op is scaled, a rate is inverted. */
    static double nanosecondsPerOp(String where, String unit, double value) {
        return switch (unit) {
            case "ns/op" -> value;
            case "us/op" -> value * 1e3;
            case "ms/op" -> value * 1e6;
            case "s/op" -> value * 1e9;
            case "ops/ns" -> 1 / value;
            case "ops/us" -> 1e3 / value;
            case "ops/ms" -> 1e6 / value;
            case "ops/s" -> 1e9 / value;
            default -> throw new InvalidInputException(where + ": scoreUnit '" + unit + "' is not a time per "
                    + "operation or a rate (allowed: ns/op, us/op, ms/op, s/op, ops/ns, ops/us, ops/ms, ops/s)");
        };
    }

    private static String orUnknown(String s) {
        return s == null ? "unknown" : s;
    }
}
