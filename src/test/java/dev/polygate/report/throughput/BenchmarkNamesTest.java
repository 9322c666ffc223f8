package dev.polygate.report.throughput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * BenchmarkFlops names the benchmarks by the text JMH writes, since main code cannot see the
 * benchmark classes (src/jmh is a test source root, packaged into benchmarks.jar only). This test
 * sees them: a renamed, added or removed {@code @Benchmark} method fails here, in the build, not
 * later in a throughput report that calls a result unknown. It also reads JMH's own list
 * (META-INF/BenchmarkList, written by JMH's annotation processor during test-compile) — what
 * {@code java -jar target/benchmarks.jar -l} lists — so a build whose processor did not run (JDK
 * 23+ no longer finds processors on the class path) fails too.
 */
class BenchmarkNamesTest {
    private static final ClassLoader LOADER = BenchmarkNamesTest.class.getClassLoader();

    /** Every {@code @Benchmark} method of the benchmark package, as JMH names it: class.method. */
    private static Set<String> annotatedMethods() throws IOException, URISyntaxException, ClassNotFoundException {
        String pkg = BenchmarkFlops.BENCHMARK_PACKAGE;
        Set<String> names = new TreeSet<>();
        for (URL url : Collections.list(LOADER.getResources(pkg.replace('.', '/')))) {
            List<Path> classFiles;
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                classFiles = files.filter(f -> f.getFileName().toString().endsWith(".class")).toList();
            }
            for (Path file : classFiles) {
                String simple = file.getFileName().toString().replace(".class", "");
                if (simple.contains("$") || simple.equals("package-info")) {
                    continue;
                }
                Class<?> c = Class.forName(pkg + "." + simple, false, LOADER);
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Benchmark.class)) {
                        names.add(c.getName() + "." + m.getName());
                    }
                }
            }
        }
        assertFalse(names.isEmpty(), "no @Benchmark method found under " + pkg + " on the test class path");
        return names;
    }

    private static Set<String> knownNames() {
        return Arrays.stream(Known.values()).map(Known::benchmarkName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** JMH's list of the benchmarks, as the annotation processor wrote it. */
    private static List<BenchmarkListEntry> jmhList() throws IOException {
        try (InputStream in = LOADER.getResourceAsStream(BenchmarkList.BENCHMARK_LIST.substring(1))) {
            assertNotNull(in, BenchmarkList.BENCHMARK_LIST + " is not on the test class path: JMH's annotation "
                    + "processor did not run at test-compile (annotationProcessorPaths in pom.xml)");
            return BenchmarkList.readBenchmarkList(in);
        }
    }

    @Test
    void everyKnownNameIsABenchmarkMethodAndEveryBenchmarkMethodIsKnown() throws Exception {
        Set<String> annotated = annotatedMethods();
        Set<String> known = knownNames();
        Set<String> unknownToReport = new TreeSet<>(annotated);
        unknownToReport.removeAll(known);
        Set<String> noSuchMethod = new TreeSet<>(known);
        noSuchMethod.removeAll(annotated);
        assertTrue(unknownToReport.isEmpty() && noSuchMethod.isEmpty(),
                "BenchmarkFlops.Known and the @Benchmark methods differ: not in Known " + unknownToReport
                        + "; in Known but no @Benchmark method " + noSuchMethod);
    }

    @Test
    void jmhListsExactlyTheBenchmarkMethods() throws Exception {
        Set<String> listed = jmhList().stream().map(BenchmarkListEntry::getUsername)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(annotatedMethods(), listed);
    }

    @Test
    void eachFamilysParametersAreItsBenchmarksParameters() throws IOException {
        for (BenchmarkListEntry e : jmhList()) {
            Known known = Arrays.stream(Known.values()).filter(k -> k.benchmarkName().equals(e.getUsername()))
                    .findFirst().orElseThrow(() -> new AssertionError(e.getUsername() + " is not known"));
            Map<String, String[]> params = e.getParams().orElse(Map.of());
            assertEquals(new TreeSet<>(known.family().params()), new TreeSet<>(params.keySet()),
                    "@Param fields of " + e.getUsername() + " against BenchmarkFlops.Family." + known.family());
        }
    }

    /** bin/benchmarks and the README's plain {@code java -jar target/benchmarks.jar} rely on it. */
    @Test
    void everyForkGetsTheVectorModule() throws IOException {
        for (BenchmarkListEntry e : jmhList()) {
            Collection<String> append = e.getJvmArgsAppend().orElse(List.of());
            assertTrue(append.contains("--add-modules=jdk.incubator.vector"),
                    e.getUsername() + ": @Fork(jvmArgsAppend) is " + append);
        }
    }
}
