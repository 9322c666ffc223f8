package dev.polygate.report.jmh;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a JMH result measured: the benchmark method's full name and its {@code @Param} values.
 * Two results with the same id measured the same thing (possibly on different JVMs), so their
 * samples may be pooled or compared. Equality ignores the order of the parameters.
 *
 * @param benchmark the fully qualified method, e.g. {@code dev.polygate.bench.ExpBenchmark.mathExp}
 * @param params    parameter name to value, in the order JMH wrote them; empty if none
 */
public record BenchmarkId(String benchmark, Map<String, String> params) implements Comparable<BenchmarkId> {

    public BenchmarkId {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The class and method without the package, e.g. {@code ExpBenchmark.mathExp}. */
    public String simpleName() {
        int method = benchmark.lastIndexOf('.');
        int cls = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(cls + 1);
    }

    /** The parameters as {@code name=value, name=value}, or "" if there are none. */
    public String paramsText() {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /**
     * A short label for charts: the simple name followed by the parameter values only, e.g.
     * {@code TrainingStepBenchmark.step relu/gated/1000x10x1}.
     */
    public String shortLabel() {
        return params.isEmpty() ? simpleName() : simpleName() + " " + String.join("/", params.values());
    }

    /** Orders by benchmark name, then by the parameter values as written (so the report's rows are stable). */
    @Override
    public int compareTo(BenchmarkId other) {
        int c = benchmark.compareTo(other.benchmark);
        return c != 0 ? c : paramsText().compareTo(other.paramsText());
    }
}
