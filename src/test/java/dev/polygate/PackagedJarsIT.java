package dev.polygate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.spark.SparkTasks;
import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What mvn package builds (failsafe runs this after package): target/polygate.jar, the command
 * line, holds neither JMH nor a benchmark nor Spark; target/benchmarks.jar is a working JMH jar
 * that lists exactly the benchmarks the throughput report knows; target/spark-lib holds Spark's
 * jars, which with polygate.jar run a Spark job as bin/polygate --engine spark does. That main
 * code does not import the benchmarks or JMH is the compiler's to guard (both are test sources
 * and dependencies); this guards the packaging.
 */
class PackagedJarsIT {
    private static final Path TARGET = Path.of("target");
    private static final Path SPARK_LIB = TARGET.resolve("spark-lib");

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

    /** Spark is provided: spark-submit or target/spark-lib brings it, polygate.jar stays small. */
    @Test
    void theCommandLineJarCarriesNoSparkAndNoScala() throws IOException {
        List<String> spark = entries(TARGET.resolve("polygate.jar")).stream()
                .filter(e -> e.startsWith("org/apache/spark/") || e.startsWith("org/sparkproject/")
                        || e.startsWith("scala/"))
                .toList();
        assertEquals(List.of(), spark);
    }

    /**
     * target/spark-lib has Spark, and no class that polygate.jar has (which would make the class
     * path's order pick a version) but the Commons Logging API: polygate.jar's commons-logging
     * (PDFBox's) and Spark's jcl-over-slf4j both carry it, and either one ends in log4j2.
     */
    @Test
    void sparkLibHoldsSparkAndNoClassOfTheCommandLineJar() throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(SPARK_LIB)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        assertTrue(jars.stream().anyMatch(j -> j.getFileName().toString().startsWith("spark-core_2.13-")),
                "no spark-core in " + jars);
        Set<String> cli = entries(TARGET.resolve("polygate.jar")).stream().filter(PackagedJarsIT::isClass)
                .collect(Collectors.toSet());
        Set<String> shared = new TreeSet<>();
        for (Path jar : jars) {
            for (String e : entries(jar)) {
                if (isClass(e) && cli.contains(e) && !e.startsWith("org/apache/commons/logging/")) {
                    shared.add(jar.getFileName() + ": " + e);
                }
            }
        }
        assertEquals(Set.of(), shared);
    }

    private static boolean isClass(String entry) {
        return entry.endsWith(".class") && !entry.startsWith("META-INF/") && !entry.endsWith("module-info.class");
    }

    /**
     * polygate.jar and target/spark-lib run a Spark job ({@link SparkJob}) in a JVM started as
     * bin/polygate --engine spark starts one: its class path and JVM options (bin/lib/spark-jvm-options).
     * Parallelizing uses Spark's jackson-module-scala with polygate.jar's Jackson, so a version
     * mismatch fails here too. Spark's INFO lines stay off stderr.
     */
    @Test
    void theCommandLineJarAndSparkLibRunASparkJob() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = String.join(File.pathSeparator, TARGET.resolve("polygate.jar").toString(),
                SPARK_LIB.resolve("*").toString(), TARGET.resolve("test-classes").toString());
        Path out = Files.createTempFile("spark-job", ".out");
        Path err = Files.createTempFile("spark-job", ".err");
        try {
            Process p = new ProcessBuilder(java.toString(), "--add-modules", "jdk.incubator.vector",
                    "@" + Path.of("bin", "lib", "spark-jvm-options"), "-cp", classPath, SparkJob.class.getName())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            int code = p.waitFor();
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertEquals(0, code, stdout + stderr);
            assertEquals(Set.of("0 A", "1 B", "2 C"), Set.copyOf(stdout.lines().toList()), stdout + stderr);
            assertEquals(List.of(), stderr.lines().filter(l -> l.contains(" INFO ")).toList(), stderr);
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    /** The job theCommandLineJarAndSparkLibRunASparkJob runs: prints "index RESULT" per task. */
    static final class SparkJob {
        public static void main(String[] args) {
            SparkTasks.run("local[2]", "PackagedJarsIT", List.of("a", "b", "c"), task -> task.toUpperCase(Locale.ROOT),
                    (i, result) -> System.out.println(i + " " + result));
        }
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
