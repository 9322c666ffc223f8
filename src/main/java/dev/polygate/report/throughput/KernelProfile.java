package dev.polygate.report.throughput;

import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.jmh.VectorSetting;
import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where one benchmark's CPU time went, from a JFR recording of its fork: the JMH worker threads'
 * samples counted by the innermost polygate method on the stack (library code inlined into it
 * counts to it), as the benchmarks' post-processor {@code dev.polygate.bench.TopFrames} writes them ({@value #FILE}: tab-separated lines
 * {@code benchmark NAME}, {@code param KEY VALUE}, {@code jvmArgs ARGS}, {@code samples N},
 * {@code frame METHOD N}, {@code #} comments). A statistical profile: a share of n samples is
 * good to about ±1/√n.
 *
 * @param file      where it was read
 * @param benchmark the JMH benchmark, e.g. dev.polygate.bench.DenseLayerBenchmark.product
 * @param params    its parameters
 * @param jvmArgs   the fork's JVM options (the vector width is checked against the report's)
 * @param samples   CPU samples of the worker threads
 * @param frames    samples per top-frame method (class.method), most first
 */
public record KernelProfile(Path file, String benchmark, Map<String, String> params, List<String> jvmArgs,
                            long samples, Map<String, Long> frames) {
    /** The file name the post-processor writes beside each recording. */
    public static final String FILE = "top-frames.tsv";
    /** Methods that are the matrix products' register tiles (VectorKernels.tile8x2, tile4x2). */
    static final String TILE_PREFIX = "dev.polygate.kernel.VectorKernels.tile";
    /**
     * The tiles' writeback of their accumulators, called from them alone and inlined into them: its
     * samples are the tiles' (JFR places many of a compiled loop's samples on the stores after it,
     * so the split between the two says little).
     */
    static final String TILE_STORE = "dev.polygate.kernel.VectorKernels.storeRow";

    /** Whether a method counts as a register tile: the tiles and their writeback. */
    static boolean isTile(String method) {
        return method.startsWith(TILE_PREFIX) || method.equals(TILE_STORE);
    }

    /**
     * Every {@value #FILE} under {@code dir} (one directory per benchmark and parameters, as JMH's
     * JFR profiler makes them), in path order. InvalidInputException, naming the file and line, for
     * a missing directory, no profile in it, a malformed line, or a fork at another UseAVX than
     * {@code vector}'s.
     */
    static List<KernelProfile> readAll(Path dir, VectorSetting vector) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("--profiles " + dir + " is not a directory (give the directory bin/benchmarks "
                    + "writes JFR profiles to, e.g. reports/profiles)");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, 2)) {
            files = walk.filter(p -> p.getFileName().toString().equals(FILE)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("--profiles " + dir + " holds no " + FILE + " (JMH's -prof \"jfr:dir=" + dir
                    + ";postProcessor=dev.polygate.bench.TopFrames\" writes one per benchmark)");
        }
        List<KernelProfile> out = new ArrayList<>();
        for (Path f : files) {
            KernelProfile p = read(f);
            try {
                vector.checkForks(p.jvmArgs());
            } catch (InvalidInputException e) {
                throw new InvalidInputException(f + ": " + e.getMessage());
            }
            out.add(p);
        }
        return out;
    }

    /** One {@value #FILE}; InvalidInputException naming the file and line for anything malformed. */
    static KernelProfile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(file + " cannot be read: " + e.getMessage());
        }
        String benchmark = null;
        Map<String, String> params = new LinkedHashMap<>();
        List<String> jvmArgs = null;
        long samples = -1;
        Map<String, Long> frames = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String where = file + " line " + (i + 1);
            switch (f[0]) {
                case "benchmark" -> benchmark = field(f, 2, where)[1];
                case "param" -> params.put(field(f, 3, where)[1], f[2]);
                case "jvmArgs" -> jvmArgs = f.length < 2 || f[1].isBlank() ? List.of()
                        : Arrays.asList(field(f, 2, where)[1].split(" "));
                case "samples" -> samples = count(field(f, 2, where)[1], where);
                case "frame" -> frames.merge(field(f, 3, where)[1], count(f[2], where), Long::sum);
                default -> throw new InvalidInputException(where + " starts with '" + f[0] + "', not one of benchmark, "
                        + "param, jvmArgs, samples, frame (a " + FILE + " of dev.polygate.bench.TopFrames)");
            }
        }
        if (benchmark == null || jvmArgs == null || samples < 0) {
            throw new InvalidInputException(file + " lacks its " + (benchmark == null ? "benchmark" : jvmArgs == null
                    ? "jvmArgs" : "samples") + " line (a " + FILE + " of dev.polygate.bench.TopFrames has one)");
        }
        long framed = frames.values().stream().mapToLong(Long::longValue).sum();
        if (framed != samples || samples == 0) {
            throw new InvalidInputException(file + ": its frames count " + framed + " samples, its samples line "
                    + samples + " (they must agree, and be more than 0)");
        }
        return new KernelProfile(file, benchmark, Map.copyOf(params), List.copyOf(jvmArgs), samples,
                java.util.Collections.unmodifiableMap(frames));
    }

    private static String[] field(String[] f, int n, String where) {
        if (f.length != n || Arrays.stream(f).anyMatch(String::isEmpty)) {
            throw new InvalidInputException(where + " has " + f.length + " tab-separated fields, expected " + n
                    + " non-empty ones");
        }
        return f;
    }

    private static long count(String text, String where) {
        try {
            long n = Long.parseLong(text);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(where + ": '" + text + "' is not a sample count (a whole number ≥ 0)");
    }

    /** The known benchmark this profile is of, if it is one. */
    java.util.Optional<Known> known() {
        return Arrays.stream(Known.values()).filter(k -> k.benchmarkName().equals(benchmark)).findFirst();
    }

    /** Share of the samples counted to a register tile of the matrix products. */
    double tileShare() {
        return share(KernelProfile::isTile);
    }

    /** Share of the samples counted to a method satisfying {@code method}. */
    double share(java.util.function.Predicate<String> method) {
        long n = frames.entrySet().stream().filter(e -> method.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        return (double) n / samples;
    }
}
