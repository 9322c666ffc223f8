package dev.polygate.report.peer;

import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.throughput.BenchmarkFlops;
import dev.polygate.report.jmh.JmhJson;
import dev.polygate.report.jmh.JmhResult;
import dev.polygate.report.jmh.Jvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * polygate's side: the JMH result files of the rounds (TrainingStepBenchmark.step only), per case
 * each fork's median iteration in ns per step — one value per fork, the fork being the unit that
 * varies independently (report.jmh.JmhResult#forkMediansNanosPerOp) — and the one JVM they ran on.
 *
 * @param values per case, the fork medians of every round in file order
 * @param jvm    the JVM every fork ran on (JDK, VM, JVM arguments)
 * @param files  the files read, per file the cases it holds
 * @param threadsPerRun the threads each step ran on (TrainingStepBenchmark's threadsPerRun), one
 *                      value for every result
 */
record PolygateRounds(Map<PeerCase, double[]> values, Jvm jvm, Map<Path, Set<PeerCase>> files, int threadsPerRun) {
    /** The benchmark method both sides mirror. */
    static final String STEP = "dev.polygate.bench.TrainingStepBenchmark.step";

    static PolygateRounds read(List<Path> jmhFiles) {
        Map<PeerCase, List<Double>> values = new LinkedHashMap<>();
        Map<Path, Set<PeerCase>> files = new LinkedHashMap<>();
        Jvm jvm = null;
        int threads = 0;
        for (Path file : jmhFiles) {
            Set<PeerCase> cases = new LinkedHashSet<>();
            for (JmhResult r : JmhJson.read(file, "dev.polygate.bench.")) {
                if (!r.id().benchmark().equals(STEP)) {
                    throw new InvalidInputException(r.where() + " is not " + STEP + ", the step PyTorch mirrors");
                }
                int t = BenchmarkFlops.threadsPerRun(r);
                if (threads == 0) {
                    threads = t;
                } else if (t != threads) {
                    throw new InvalidInputException(r.where() + " split its steps over " + t + " threads (threadsPerRun), "
                            + "the earlier results over " + threads + ": one comparison needs one thread count");
                }
                PeerCase c = peerCase(r);
                if (!cases.add(c)) {
                    throw new InvalidInputException(r.where() + " repeats the case " + c.label());
                }
                if (jvm == null) {
                    jvm = r.vm();
                } else if (!jvm.equals(r.vm())) {
                    throw new InvalidInputException(r.where() + " ran on " + r.vm().describe() + ", the earlier results on "
                            + jvm.describe() + ": one comparison needs one JVM");
                }
                List<Double> list = values.computeIfAbsent(c, k -> new ArrayList<>());
                for (double v : r.forkMediansNanosPerOp()) {
                    list.add(v);
                }
            }
            files.put(file, cases);
        }
        Map<PeerCase, double[]> arrays = new LinkedHashMap<>();
        values.forEach((c, list) -> arrays.put(c, list.stream().mapToDouble(Double::doubleValue).toArray()));
        return new PolygateRounds(arrays, jvm, files, threads);
    }

    private static PeerCase peerCase(JmhResult r) {
        try {
            return PeerCase.parse(r.param("activation"), r.param("kind"), r.param("shape"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(r.where() + ": " + e.getMessage());
        }
    }
}
