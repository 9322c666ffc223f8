package dev.polygate.report.jmh;

import dev.polygate.report.InvalidInputException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One entry of a JMH JSON result file (JMH 1.x, {@code -rf json}): one benchmark with one set of
 * parameters, run in one or more forks, plus the JVM it ran on. Of the secondary metrics only -prof gc's allocation per operation is kept.
 *
 * @param source                the file it was read from
 * @param index                 its position in the file's array, for messages
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
 * @param allocBytesPerOp       bytes allocated per operation (JMH's -prof gc gc.alloc.rate.norm); NaN without it
 */
public record JmhResult(Path source, int index, BenchmarkId id, String mode, String scoreUnit, double score, double scoreError,
                        List<double[]> forks, String jvm, List<String> jvmArgs, String jdkVersion, String vmName,
                        String vmVersion, int warmupIterations, String warmupTime, int measurementIterations,
                        String measurementTime, double allocBytesPerOp) {

    public JmhResult {
        forks = forks.stream().map(double[]::clone).toList();
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** Every measurement iteration of every fork, in fork order. */
    public double[] pooled() {
        return forks.stream().flatMapToDouble(Arrays::stream).toArray();
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

    /**
     * {@link #pooled} as nanoseconds per operation: a time per operation (avgt, ss) is scaled, a
     * rate (thrpt, e.g. ops/s) is inverted value by value. Any other unit is an
     * InvalidInputException naming the result. JmhJson has checked every value is positive.
     */
    public double[] pooledNanosPerOp() {
        double[] values = pooled();
        double perOp = nanosPerUnit(scoreUnit);
        double perRate = nanosPerUnit(rateAsTime(scoreUnit));
        if (Double.isNaN(perOp) && Double.isNaN(perRate)) {
            throw new InvalidInputException(where() + ": scoreUnit '" + scoreUnit + "' (mode " + mode + ") is neither "
                    + "a time per operation nor a rate (allowed: ns/op, us/op, ms/op, s/op, min/op, ops/ns, ops/us, "
                    + "ops/ms, ops/s, ops/min)");
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.isNaN(perOp) ? perRate / values[i] : values[i] * perOp;
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

    /** "ops/ms" → "ms/op": x operations per time unit take 1/x time units each; "" if not a rate. */
    private static String rateAsTime(String unit) {
        String lower = unit.toLowerCase(Locale.ROOT);
        return lower.startsWith("ops/") ? lower.substring("ops/".length()) + "/op" : "";
    }
}
