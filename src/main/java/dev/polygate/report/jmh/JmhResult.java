package dev.polygate.report.jmh;

import dev.polygate.report.input.InvalidInputException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of a JMH JSON result file (JMH 1.x, {@code -rf json}): one benchmark with one set of
 * parameters, run in one or more forks, plus the JVM it ran on. Of the secondary metrics only -prof
 * gc's allocation per operation and the benchmark's own event counters are kept.
 *
 * <p>An <em>operation</em> here is one call of the {@code @Benchmark} method. JMH's own "op" is one
 * batch of {@code batchSize} calls in every mode, so {@link JmhJson} has already converted the
 * iteration values and the allocation to per call; {@code mode}, {@code scoreUnit}, {@code score}
 * and {@code scoreError} are kept as JMH wrote them, for the record.
 *
 * @param source                the file it was read from
 * @param index                 its position in the file's array, for messages
 * @param id                    benchmark and parameters
 * @param mode                  JMH's short mode name: avgt, thrpt or ss (JmhJson refuses any other)
 * @param scoreUnit             the unit JMH wrote for its scores and raw data, e.g. {@code ns/op} or {@code ops/ms}
 * @param threads               JMH's thread count (JmhJson refuses anything but 1)
 * @param batchSize             JMH's measurementBatchSize: calls per JMH operation
 * @param score                 JMH's own summary score in {@code scoreUnit}, per JMH operation (NaN if JMH wrote none)
 * @param scoreError            JMH's half-width of its 99.9% interval; NaN when JMH wrote "NaN" (too few samples)
 * @param forks                 nanoseconds per operation, one value per measurement iteration, one array per fork
 *                              (rawData converted), never empty
 * @param jvm                   path of the java that ran the forks
 * @param jvmArgs               the forks' JVM arguments as JMH recorded them
 * @param jdkVersion            e.g. 17.0.15
 * @param vmName                e.g. OpenJDK 64-Bit Server VM
 * @param vmVersion             e.g. 17.0.15+6-Debian-1deb12u1
 * @param warmupIterations      per fork; -1 if not recorded
 * @param warmupTime            e.g. "500 ms"; "" if not recorded
 * @param measurementIterations per fork; -1 if not recorded
 * @param measurementTime       e.g. "500 ms"; "" if not recorded
 * @param allocBytesPerOp       bytes allocated per operation (JMH's -prof gc gc.alloc.rate.norm over the batch size);
 *                              NaN without it
 * @param events                the benchmark's {@code @AuxCounters(EVENTS)} counters (secondary metrics in unit
 *                              {@code #}) by name: each measurement iteration's count, one array per fork, shaped
 *                              like {@code forks}; empty without them
 */
public record JmhResult(Path source, int index, BenchmarkId id, String mode, String scoreUnit, int threads, int batchSize,
                        double score, double scoreError, List<double[]> forks, String jvm, List<String> jvmArgs,
                        String jdkVersion, String vmName, String vmVersion, int warmupIterations, String warmupTime,
                        int measurementIterations, String measurementTime, double allocBytesPerOp,
                        Map<String, List<double[]>> events) {

    public JmhResult {
        forks = forks.stream().map(double[]::clone).toList();
        jvmArgs = List.copyOf(jvmArgs);
        Map<String, List<double[]>> copy = new TreeMap<>();
        events.forEach((name, counts) -> copy.put(name, counts.stream().map(double[]::clone).toList()));
        events = Collections.unmodifiableMap(copy);
    }

    /** A result without event counters (most benchmarks). */
    public JmhResult(Path source, int index, BenchmarkId id, String mode, String scoreUnit, int threads, int batchSize,
                     double score, double scoreError, List<double[]> forks, String jvm, List<String> jvmArgs,
                     String jdkVersion, String vmName, String vmVersion, int warmupIterations, String warmupTime,
                     int measurementIterations, String measurementTime, double allocBytesPerOp) {
        this(source, index, id, mode, scoreUnit, threads, batchSize, score, scoreError, forks, jvm, jvmArgs, jdkVersion,
                vmName, vmVersion, warmupIterations, warmupTime, measurementIterations, measurementTime, allocBytesPerOp,
                Map.of());
    }

    /** Every measurement iteration of every fork, in fork order, as nanoseconds per operation. */
    public double[] pooledNanosPerOp() {
        return forks.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    /**
     * Per fork, the median of its measurement iterations, in ns per operation: one value per fork,
     * because the fork (one JVM) is the unit that varies independently — iterations inside one
     * fork share its JIT decisions and memory layout, so they are not independent samples.
     */
    public double[] forkMediansNanosPerOp() {
        return forks.stream().mapToDouble(dev.polygate.report.stats.Stats::median).toArray();
    }

    /** Where it is, for messages: {@code JMH result file F: result 3 (dev.polygate.bench.ExpBenchmark.mathExp)}. */
    public String where() {
        return "JMH result file " + source + ": result " + index + " (" + id.benchmark() + ")";
    }

    /** The value of a parameter; an InvalidInputException naming the result if it is absent. */
    public String param(String name) {
        String value = id.params().get(name);
        if (value == null) {
            throw new InvalidInputException(where() + " has no parameter '" + name + "' (has: "
                    + (id.params().isEmpty() ? "none" : String.join(", ", id.params().keySet())) + ")");
        }
        return value;
    }

    /** The JVM the forks ran on, as one value: results with equal ones are comparable. */
    public Jvm vm() {
        return new Jvm(jdkVersion, vmName, vmVersion, jvmArgs);
    }
}
