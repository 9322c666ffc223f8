package dev.polygate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The two jars mvn package builds (failsafe runs this after package): target/polygate.jar, the
 * command line, holds neither JMH nor a benchmark; target/benchmarks.jar is a working JMH jar that
 * lists exactly the benchmarks the throughput report knows. That main code does not import the
 * benchmarks or JMH is the compiler's to guard (both are test sources and dependencies); this
 * guards the packaging.
 */
class PackagedJarsIT {
    private static final Path TARGET = Path.of("target");

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream().map(e -> e.getName()).toList();
        }
    }

    @Test
    void theCommandLineJarCarriesNoJmhAndNoBenchmark() throws IOException {
        List<String> entries = entries(TARGET.resolve("polygate.jar"));
        assertTrue(entries.contains("dev/polygate/cli/Main.class"), "not the command line jar");
        List<String> misplaced = entries.stream()
                .filter(e -> e.startsWith("org/openjdk/jmh/") || e.startsWith("dev/polygate/bench/")
                        || e.startsWith("joptsimple/") || e.equals("META-INF/BenchmarkList")
                        || e.equals("META-INF/CompilerHints") || e.startsWith("org/junit/"))
                .toList();
        assertEquals(List.of(), misplaced);
    }

    @Test
    void theBenchmarksJarListsEveryKnownBenchmark() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = Files.createTempFile("benchmarks-list", ".txt");
        try {
            Process p = new ProcessBuilder(java.toString(), "-jar", TARGET.resolve("benchmarks.jar").toString(), "-l")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            int code = p.waitFor();
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(0, code, text);
            Set<String> listed = text.lines().filter(l -> l.startsWith("dev.polygate.bench."))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> known = Arrays.stream(Known.values()).map(Known::benchmarkName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(known, listed, text);
        } finally {
            Files.delete(out);
        }
        assertTrue(entries(TARGET.resolve("benchmarks.jar")).stream().noneMatch(e -> e.startsWith("org/junit/")),
                "JUnit in benchmarks.jar");
    }
}
