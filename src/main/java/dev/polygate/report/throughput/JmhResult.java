package dev.polygate.report.throughput;

import dev.polygate.report.InvalidInputException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a JMH JSON result file, as measured: which benchmark with which parameters, on
 * which JVM, and every measurement iteration of every fork as nanoseconds per operation.
 *
 * @param file     the file it came from
 * @param index    its position in the file's array, for messages
 * @param nsPerOp  all iteration values of all forks, converted to ns/op
 * @param forks    how many forks those values came from
 */
public record JmhResult(Path file, int index, String benchmark, String mode, Jvm jvm, Map<String, String> params,
                        double[] nsPerOp, int forks) {

    public JmhResult {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        nsPerOp = nsPerOp.clone();
    }

    @Override
    public double[] nsPerOp() {
        return nsPerOp.clone();
    }

    /** Where it is, for messages: {@code results.json: [3] dev.polygate.bench.ExpBenchmark.mathExp}. */
    public String where() {
        return file + ": [" + index + "] " + benchmark;
    }

    /** The value of a parameter; an InvalidInputException naming the result if it is absent. */
    public String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new InvalidInputException(where() + " has no parameter '" + name
                    + "' (has: " + (params.isEmpty() ? "none" : String.join(", ", params.keySet())) + ")");
        }
        return value;
    }
}
