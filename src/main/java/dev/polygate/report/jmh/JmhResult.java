package dev.polygate.report.jmh;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One entry of a JMH JSON result file (JMH 1.x, {@code -rf json}): one benchmark with one set of
 * parameters, run in one or more forks, plus the JVM it ran on. Only the primary metric is kept.
 *
 * @param source                the file it was read from
 * @param id                    benchmark and parameters
 * @param mode                  JMH's short mode name: avgt, thrpt, sample, ss
 * @param scoreUnit             unit of every score and raw value, e.g. {@code ns/op}
 * @param score                 JMH's own summary score (NaN if JMH wrote none)
 * @param scoreError            JMH's half-width of its 99.9% interval; NaN when JMH wrote "NaN" (too few samples)
 * @param forks                 the raw measurement iterations, one array per fork (rawData), never empty
 * @param jvm                   path of the java that ran the forks
 * @param jvmArgs               the forks' JVM arguments as JMH recorded them
 * @param jdkVersion            e.g. 17.0.15
 * @param vmName                e.g. OpenJDK 64-Bit Server VM
 * @param vmVersion             e.g. 17.0.15+6-Debian-1deb12u1
 * @param warmupIterations      per fork; -1 if not recorded
 * @param warmupTime            e.g. "500 ms"; "" if not recorded
 * @param measurementIterations per fork; -1 if not recorded
 * @param measurementTime       e.g. "500 ms"; "" if not recorded
 */
public record JmhResult(Path source, BenchmarkId id, String mode, String scoreUnit, double score, double scoreError,
                        List<double[]> forks, String jvm, List<String> jvmArgs, String jdkVersion, String vmName,
                        String vmVersion, int warmupIterations, String warmupTime, int measurementIterations,
                        String measurementTime) {

    public JmhResult {
        forks = forks.stream().map(double[]::clone).toList();
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** Every measurement iteration of every fork, in fork order. */
    public double[] pooled() {
        return forks.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    /**
     * {@link #pooled} converted to nanoseconds per operation. Only time-per-operation units can be
     * converted (avgt, sample and ss modes); a throughput unit such as ops/s is an
     * IllegalArgumentException naming the benchmark and the file.
     */
    public double[] pooledNanosPerOp() {
        double factor = nanosPerUnit(scoreUnit);
        if (Double.isNaN(factor)) {
            throw new IllegalArgumentException(source + ": " + id.benchmark() + " is measured in " + scoreUnit
                    + " (mode " + mode + "); only time per operation (ns/op, us/op, ms/op, s/op) can be compared");
        }
        double[] values = pooled();
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
        return values;
    }

    /** Nanoseconds in one "unit/op" of JMH's score units; NaN for anything that is not time per op. */
    static double nanosPerUnit(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "ns/op" -> 1;
            case "us/op", "µs/op", "μs/op" -> 1e3;
            case "ms/op" -> 1e6;
            case "s/op" -> 1e9;
            case "min/op" -> 60e9;
            default -> Double.NaN;
        };
    }
}
