package dev.polygate.report.throughput;

import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.jmh.JmhJson;
import dev.polygate.report.jmh.JmhResult;
import dev.polygate.report.jmh.Jvm;
import dev.polygate.report.throughput.BenchmarkFlops.Family;
import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Every measurement of one or more JMH result files, merged in file order, and the FMA roof
 * among them. Each (benchmark, parameters) may appear once: two different runs of the same thing
 * would be two answers to one question.
 */
public final class ThroughputResults {
    private final List<Path> files;
    private final List<Measurement> measurements;

    private ThroughputResults(List<Path> files, List<Measurement> measurements) {
        this.files = List.copyOf(files);
        this.measurements = List.copyOf(measurements);
    }

    /** Reads and checks every file; an InvalidInputException for the first problem found. */
    public static ThroughputResults read(List<Path> files) {
        List<JmhResult> results = new ArrayList<>();
        for (Path file : files) {
            results.addAll(JmhJson.read(file));
        }
        return of(files, results);
    }

    static ThroughputResults of(List<Path> files, List<JmhResult> results) {
        List<Measurement> measurements = new ArrayList<>();
        Map<List<Object>, JmhResult> seen = new HashMap<>();
        for (JmhResult result : results) {
            Measurement m = Measurement.of(result);
            JmhResult earlier = seen.putIfAbsent(List.of(m.benchmark(), m.params()), result);
            if (earlier != null) {
                throw new InvalidInputException(result.where() + " " + result.id().params() + " repeats "
                        + earlier.where() + " (the same benchmark and parameters twice; merge different runs only)");
            }
            measurements.add(m);
        }
        return new ThroughputResults(files, measurements);
    }

    public List<Path> files() {
        return files;
    }

    public List<Measurement> all() {
        return measurements;
    }

    /** The family's measurements in file order. */
    public List<Measurement> of(Family family) {
        return measurements.stream().filter(m -> m.benchmark().family() == family).toList();
    }

    public List<Measurement> of(Known benchmark) {
        return measurements.stream().filter(m -> m.benchmark() == benchmark).toList();
    }

    /** The measurement of {@code benchmark} whose parameters include all of {@code params}. */
    public Optional<Measurement> find(Known benchmark, Map<String, String> params) {
        return of(benchmark).stream().filter(m -> m.params().entrySet().containsAll(params.entrySet())).findFirst();
    }

    /** The FMA roof benchmark's result, if measured. */
    public Optional<Measurement> roof() {
        return of(Known.FMA12).stream().findFirst();
    }

    /** The roof in GFLOP/s (FLOPs per call over the median time per call), if measured. */
    public OptionalDouble roofGflops() {
        return roof().map(m -> OptionalDouble.of(m.gflops())).orElse(OptionalDouble.empty());
    }

    /**
     * A measurement's fraction of the roof at its median time, against one core's roof per thread it
     * ran on; NaN without a roof or FLOP count.
     */
    public double fractionOfRoof(Measurement m) {
        return roofGflops().isPresent() ? m.gflops() / (roofGflops().getAsDouble() * m.threadsPerRun()) : Double.NaN;
    }

    /** The distinct JVMs of all results, in order of first appearance. */
    public List<Jvm> jvms() {
        return List.copyOf(new LinkedHashSet<>(measurements.stream().map(m -> m.result().vm()).toList()));
    }
}
