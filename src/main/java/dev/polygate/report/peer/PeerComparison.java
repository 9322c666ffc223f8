package dev.polygate.report.peer;

import dev.polygate.report.blas.OpenBlasCore;
import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.jmh.Jvm;
import dev.polygate.report.jmh.VectorSetting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * polygate against PyTorch on one machine: one {@link PeerRow} per case, sorted, and what the two
 * sides ran on.
 *
 * @param rows      every case, in {@link PeerCase} order
 * @param jvm       polygate's JVM (JDK, VM, fork arguments)
 * @param vector    polygate's vector width and UseAVX level
 * @param torch     the first round's PyTorch run (version, config, threads, BLAS: equal in every round)
 * @param jmhRounds JMH files read
 * @param torchRounds torch files read
 * @param command   how the inputs were produced, as the caller states it ("" if not stated)
 */
public record PeerComparison(List<PeerRow> rows, Jvm jvm, VectorSetting vector, TorchRun torch, int jmhRounds,
                             int torchRounds, String command) {

    public PeerComparison {
        rows = List.copyOf(rows);
    }

    /**
     * Reads and checks every file and computes the rows; an InvalidInputException of one line
     * names the file (or the case) that does not fit: every case must be in every file of both sides.
     */
    public static PeerComparison compare(List<Path> jmhFiles, List<Path> torchFiles, VectorSetting vector, String command) {
        if (jmhFiles.isEmpty() || torchFiles.isEmpty()) {
            throw new IllegalArgumentException("need at least one JMH result file and one torch result file");
        }
        PolygateRounds polygate = PolygateRounds.read(jmhFiles);
        vector.checkForks(polygate.jvm().jvmArgs());
        List<TorchRun> torch = torchFiles.stream().map(TorchRunJson::read).toList();
        TorchRun first = torch.get(0);
        for (TorchRun run : torch) {
            checkSameSetting(first, run);
        }
        if (polygate.threadsPerRun() != first.threads()) {
            throw new InvalidInputException("polygate's steps ran on " + polygate.threadsPerRun() + " thread(s) per run, "
                    + "PyTorch's on " + first.threads() + " (" + first.source() + "): the two sides need the same threads "
                    + "(bin/compare-torch --threads N sets both)");
        }
        Set<PeerCase> cases = new TreeSet<>(polygate.values().keySet());
        polygate.files().forEach((file, has) -> requireAll(cases, has, "JMH result file " + file));
        for (TorchRun run : torch) {
            for (PeerCase c : run.cases().keySet()) {
                if (!cases.contains(c)) {
                    throw new InvalidInputException("torch result file " + run.source() + " has the case " + c.label()
                            + ", which no JMH result file has (both sides must time the same cases)");
                }
            }
            requireAll(cases, run.cases().keySet(), "torch result file " + run.source());
        }
        List<PeerRow> rows = new ArrayList<>();
        for (PeerCase c : cases) {
            double[] t = torch.stream().mapToDouble(r -> r.cases().get(c)).toArray();
            rows.add(PeerRow.of(c, polygate.values().get(c), t, first.threads()));
        }
        return new PeerComparison(rows, polygate.jvm(), vector, first, jmhFiles.size(), torchFiles.size(), command);
    }

    private static void requireAll(Set<PeerCase> cases, Set<PeerCase> has, String where) {
        for (PeerCase c : cases) {
            if (!has.contains(c)) {
                throw new InvalidInputException(where + " lacks the case " + c.label()
                        + " (every round must time the same cases on both sides)");
            }
        }
    }

    /**
     * Rounds are pooled only if PyTorch ran the same way in each. The OpenBLAS core gets a message of
     * its own: rounds on two kernel sets would make each median one of two libraries' speeds.
     */
    private static void checkSameSetting(TorchRun first, TorchRun run) {
        if (!first.openblasCoreText().equals(run.openblasCoreText())) {
            throw new InvalidInputException("torch result file " + run.source() + ": OpenBLAS core " + run.openblasCoreText()
                    + ", but " + first.openblasCoreText() + " in " + first.source() + " (one comparison needs one set of "
                    + "OpenBLAS kernels, or its medians mix two; bin/compare-torch --openblas-core NAME holds every round "
                    + "to one)");
        }
        Map<String, String[]> fields = new LinkedHashMap<>();
        fields.put("torchVersion", new String[] {first.torchVersion(), run.torchVersion()});
        fields.put("torchThreads", new String[] {Integer.toString(first.threads()), Integer.toString(run.threads())});
        fields.put("torchConfig", new String[] {first.torchConfig(), run.torchConfig()});
        fields.put("blasLibraries", new String[] {first.blasLibraries().toString(), run.blasLibraries().toString()});
        fields.put("cpu", new String[] {first.cpu(), run.cpu()});
        fields.put("openblasCoretype", new String[] {coretype(first), coretype(run)});
        fields.put("openblasConfig", new String[] {config(first), config(run)});
        fields.forEach((name, pair) -> {
            if (!pair[0].equals(pair[1])) {
                throw new InvalidInputException("torch result file " + run.source() + ": " + name + " differs from "
                        + first.source() + "'s (one comparison needs one PyTorch setting)");
            }
        });
    }

    /** OPENBLAS_CORETYPE as recorded, "" where unset or there is no OpenBLAS. */
    private static String coretype(TorchRun run) {
        return run.openblas().flatMap(OpenBlasCore::coretype).orElse("");
    }

    private static String config(TorchRun run) {
        return run.openblas().flatMap(OpenBlasCore::config).orElse("");
    }

    /** Rows with a target, and how many of them meet it. */
    long targets() {
        return rows.stream().filter(r -> r.target().exists()).count();
    }

    long targetsMet() {
        return rows.stream().filter(PeerRow::targetMet).count();
    }

    /** "12 cases; targets met in 3 of 12", for the command's one line. */
    public String summary() {
        return rows.size() + " cases; targets met in " + targetsMet() + " of " + targets();
    }
}
