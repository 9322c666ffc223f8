package dev.polygate.report.jdk;

import dev.polygate.experiment.SweepResult;
import dev.polygate.report.jmh.BenchmarkId;
import dev.polygate.report.jmh.JmhJson;
import dev.polygate.report.jmh.JmhResult;
import dev.polygate.report.runs.SweepStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything measured on one JDK: its JMH results (any number of files, e.g. one per round and
 * part) pooled per benchmark, and its accuracy sweep.
 *
 * @param label    the name the report uses for this JDK, e.g. jdk17.0.15
 * @param results  every JMH result of every file, in the order given
 * @param modified when each JMH file was last written, in the order given
 * @param accuracyFile the run store (sweep-runs.jsonl, or its directory) of the sweep run on this JDK
 * @param accuracy     that sweep, as {@link SweepStores} reads it
 */
record JdkSide(String label, List<JmhResult> results, Map<Path, FileTime> modified, Path accuracyFile,
               SweepResult accuracy) {
    /** Every benchmark a report accepts lives here; anything else is refused as unknown. */
    static final String BENCHMARK_PACKAGE = "dev.polygate.bench.";

    private static final Pattern ROUND = Pattern.compile("round(\\d+)");

    /**
     * Reads and checks one side. Refuses (one line) bad files and results (an
     * InvalidInputException from JmhJson or SweepStores) and JMH files from more than one JVM (an
     * IllegalArgumentException): pooling those would mix two JDKs into one.
     */
    static JdkSide load(String label, List<Path> jmhFiles, Path accuracyFile) throws IOException {
        if (jmhFiles.isEmpty()) {
            throw new IllegalArgumentException(label + ": no JMH result files given");
        }
        List<JmhResult> results = new ArrayList<>();
        Map<Path, FileTime> modified = new LinkedHashMap<>();
        for (Path file : jmhFiles) {
            if (modified.containsKey(file)) {
                throw new IllegalArgumentException(label + ": JMH result file " + file + " is given twice");
            }
            results.addAll(JmhJson.read(file, BENCHMARK_PACKAGE));
            modified.put(file, Files.getLastModifiedTime(file));
        }
        Set<String> jvms = new LinkedHashSet<>();
        for (JmhResult r : results) {
            jvms.add(r.jdkVersion() + " (" + r.vmName() + " " + r.vmVersion() + ")");
        }
        if (jvms.size() > 1) {
            throw new IllegalArgumentException(label + ": the JMH result files come from " + jvms.size()
                    + " different JVMs (" + String.join("; ", jvms) + "); give each side the files of one JDK");
        }
        return new JdkSide(label, List.copyOf(results), modified, accuracyFile, SweepStores.read(accuracyFile));
    }

    /**
     * Per benchmark, one value per fork of every file: the median of the fork's measured
     * iterations, in ns/op; sorted by id. The fork, not the iteration, is the independent unit.
     */
    Map<BenchmarkId, double[]> forkMedians() {
        Map<BenchmarkId, List<double[]>> parts = new TreeMap<>();
        for (JmhResult r : results) {
            parts.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r.forkMediansNanosPerOp());
        }
        Map<BenchmarkId, double[]> pooled = new TreeMap<>();
        parts.forEach((id, arrays) -> pooled.put(id,
                arrays.stream().flatMapToDouble(java.util.Arrays::stream).toArray()));
        return pooled;
    }

    /** Per benchmark, how many measured iterations all its forks have together. */
    Map<BenchmarkId, Integer> iterations() {
        Map<BenchmarkId, Integer> iterations = new TreeMap<>();
        for (JmhResult r : results) {
            iterations.merge(r.id(), r.pooledNanosPerOp().length, Integer::sum);
        }
        return iterations;
    }

    /** The java executables and VM versions that ran the forks, e.g. "/usr/bin/java 17.0.15+6". */
    Set<String> executables() {
        return new LinkedHashSet<>(distinct(r -> r.jvm() + " " + r.vmVersion()));
    }

    /** Per benchmark, how many forks (rawData arrays) all files have together. */
    Map<BenchmarkId, Integer> forks() {
        Map<BenchmarkId, Integer> forks = new TreeMap<>();
        for (JmhResult r : results) {
            forks.merge(r.id(), r.forks().size(), Integer::sum);
        }
        return forks;
    }

    /** The distinct values of one field over all results, in first-seen order. */
    List<String> distinct(Function<JmhResult, String> field) {
        Set<String> values = new LinkedHashSet<>();
        for (JmhResult r : results) {
            values.add(field.apply(r));
        }
        return List.copyOf(values);
    }

    /** The round numbers named in the JMH file names ("…-round2-…"), sorted; empty if none names one. */
    Set<Integer> roundsInFileNames() {
        Set<Integer> rounds = new java.util.TreeSet<>();
        for (Path file : modified.keySet()) {
            Matcher m = ROUND.matcher(file.getFileName().toString());
            if (m.find()) {
                rounds.add(Integer.parseInt(m.group(1)));
            }
        }
        return rounds;
    }
}
