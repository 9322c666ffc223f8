package dev.polygate.report.throughput;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Hand-made JMH result files in JMH 1.37's JSON layout, with every field JMH writes (including
 * "NaN" strings for a score error JMH cannot compute), so the reader meets the real thing.
 */
final class SyntheticJmh {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ArrayNode results = JSON.createArrayNode();

    /**
     * Six forks of three iterations each, whose fork medians (the middle iteration) are 0.8333,
     * 0.9167, 1, 1, 1.0833, 1.1667 times {@code median}: the median of the fork medians is exactly
     * {@code median}, and their 95 % interval, x(1)–x(6) of six (96.9 % coverage), is
     * [0.8333, 1.1667] × median. The spread inside a fork (±1 %) is far below the spread between
     * forks, as in real runs.
     */
    static double[][] sixForks(double median) {
        double m = median;
        double[] forkMedians = {m / 1.2, m * 11 / 12, m, m, m * 13 / 12, m * 7 / 6};
        double[][] forks = new double[6][];
        for (int f = 0; f < 6; f++) {
            double v = forkMedians[f];
            forks[f] = new double[] {0.99 * v, v, 1.01 * v};
        }
        return forks;
    }

    static double low(double median) {
        return median / 1.2;
    }

    static double high(double median) {
        return median * 7 / 6;
    }

    /** Adds one avgt ns/op result; {@code params} may be empty (JMH then omits the field). */
    SyntheticJmh add(String benchmark, Map<String, String> params, double[][] rawData) {
        return add(benchmark, params, rawData, "ns/op");
    }

    SyntheticJmh add(String benchmark, Map<String, String> params, double[][] rawData, String unit) {
        ObjectNode r = results.addObject();
        r.put("jmhVersion", "1.37");
        r.put("benchmark", "dev.polygate.bench." + benchmark);
        r.put("mode", unit.startsWith("ops/") ? "thrpt" : "avgt");
        r.put("threads", 1);
        r.put("forks", rawData.length);
        r.put("jvm", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
        r.putArray("jvmArgs").add("--add-modules=jdk.incubator.vector");
        r.put("jdkVersion", "17.0.15");
        r.put("vmName", "OpenJDK 64-Bit Server VM");
        r.put("vmVersion", "17.0.15+6-test");
        r.put("warmupIterations", 3);
        r.put("warmupTime", "500 ms");
        r.put("warmupBatchSize", 1);
        r.put("measurementIterations", rawData[0].length);
        r.put("measurementTime", "500 ms");
        r.put("measurementBatchSize", 1);
        if (!params.isEmpty()) {
            ObjectNode p = r.putObject("params");
            params.forEach(p::put);
        }
        ObjectNode m = r.putObject("primaryMetric");
        m.put("score", rawData[0][0]);
        m.put("scoreError", "NaN");
        m.putArray("scoreConfidence").add("NaN").add("NaN");
        m.putObject("scorePercentiles").put("0.0", rawData[0][0]).put("50.0", rawData[0][0]);
        m.put("scoreUnit", unit);
        ArrayNode raw = m.putArray("rawData");
        for (double[] fork : rawData) {
            ArrayNode f = raw.addArray();
            for (double v : fork) {
                f.add(v);
            }
        }
        r.putObject("secondaryMetrics");
        return this;
    }

    /** Gives the last added result a -prof gc allocation of this many bytes per operation, named as JMH 1.37 does. */
    SyntheticJmh allocating(double bytesPerOp) {
        return allocating(bytesPerOp, "gc.alloc.rate.norm", "B/op");
    }

    /** Gives the last added result a -prof gc allocation under {@code metric} (e.g. JMH 1.36's "·gc.alloc.rate.norm"). */
    SyntheticJmh allocating(double score, String metric, String unit) {
        ObjectNode norm = ((ObjectNode) last().get("secondaryMetrics")).putObject(metric);
        norm.put("score", score);
        norm.put("scoreError", "NaN");
        norm.put("scoreUnit", unit);
        return this;
    }

    /** Gives the last added result an @AuxCounters(EVENTS) counter: unit "#", one count per fork and iteration. */
    SyntheticJmh counting(String counter, double[][] rawData) {
        ObjectNode c = ((ObjectNode) last().get("secondaryMetrics")).putObject(counter);
        c.put("score", rawData[0][0]);
        c.put("scoreError", "NaN");
        c.put("scoreUnit", "#");
        ArrayNode raw = c.putArray("rawData");
        for (double[] fork : rawData) {
            ArrayNode f = raw.addArray();
            for (double v : fork) {
                f.add(v);
            }
        }
        return this;
    }

    /** Overwrites one top-level field of the last added result, e.g. mode, threads or measurementBatchSize. */
    SyntheticJmh with(String field, Object value) {
        last().putPOJO(field, value);
        return this;
    }

    private ObjectNode last() {
        return (ObjectNode) results.get(results.size() - 1);
    }

    Path write(Path file) {
        try {
            Files.writeString(file, JSON.writeValueAsString(results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Map<String, String> model(String activation, String kind, String shape) {
        return Map.of("activation", activation, "kind", kind, "shape", shape);
    }

    /** A TrainingStepBenchmark case on {@code threadsPerRun} threads. */
    static Map<String, String> model(String activation, String kind, String shape, int threadsPerRun) {
        return Map.of("activation", activation, "kind", kind, "shape", shape, BenchmarkFlops.THREADS_PER_RUN,
                String.valueOf(threadsPerRun));
    }
}
