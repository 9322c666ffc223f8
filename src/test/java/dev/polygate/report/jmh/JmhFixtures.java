package dev.polygate.report.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Hand-written JMH 1.37 JSON result files, shaped like real ones (e.g. "NaN" strings for scoreError). */
public final class JmhFixtures {
    private JmhFixtures() {
    }

    /** One JVM's identity as JMH records it. */
    public record Jvm(String java, String jdkVersion, String vmVersion, List<String> jvmArgs) {
        public static final Jvm JDK17 = new Jvm("/usr/lib/jvm/java-17-openjdk-amd64/bin/java", "17.0.15",
                "17.0.15+6-Debian-1deb12u1", List.of("--add-modules=jdk.incubator.vector"));
        public static final Jvm JDK25 = new Jvm("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java", "25.0.1",
                "25.0.1+8-LTS", List.of("--add-modules=jdk.incubator.vector", "--sun-misc-unsafe-memory-access=allow"));
    }

    /** One result entry: a benchmark, its params, and raw ns/op values per fork. */
    public record Entry(String benchmark, Map<String, String> params, double[][] forks) {
    }

    public static Entry entry(String benchmark, Map<String, String> params, double[]... forks) {
        return new Entry(benchmark, params, forks);
    }

    /** The JSON text JMH would write for these entries run on {@code jvm}. */
    public static String json(Jvm jvm, List<Entry> entries) {
        List<String> objects = new ArrayList<>();
        for (Entry e : entries) {
            String params = e.params().isEmpty() ? "" : "\"params\" : {"
                    + e.params().entrySet().stream().map(p -> "\"" + p.getKey() + "\" : \"" + p.getValue() + "\"")
                    .collect(Collectors.joining(", ")) + "},\n";
            String raw = java.util.Arrays.stream(e.forks())
                    .map(f -> java.util.Arrays.stream(f).mapToObj(v -> String.format(Locale.ROOT, "%s", v))
                            .collect(Collectors.joining(", ", "[", "]")))
                    .collect(Collectors.joining(", ", "[", "]"));
            objects.add("{\n\"jmhVersion\" : \"1.37\",\n\"benchmark\" : \"" + e.benchmark() + "\",\n"
                    + "\"mode\" : \"avgt\",\n\"threads\" : 1,\n\"forks\" : " + e.forks().length + ",\n"
                    + "\"jvm\" : \"" + jvm.java() + "\",\n"
                    + "\"jvmArgs\" : [" + jvm.jvmArgs().stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "))
                    + "],\n\"jdkVersion\" : \"" + jvm.jdkVersion() + "\",\n\"vmName\" : \"OpenJDK 64-Bit Server VM\",\n"
                    + "\"vmVersion\" : \"" + jvm.vmVersion() + "\",\n\"warmupIterations\" : 3,\n\"warmupTime\" : \"500 ms\",\n"
                    + "\"warmupBatchSize\" : 1,\n\"measurementIterations\" : " + e.forks()[0].length + ",\n"
                    + "\"measurementTime\" : \"500 ms\",\n\"measurementBatchSize\" : 1,\n" + params
                    + "\"primaryMetric\" : {\n\"score\" : 1.0,\n\"scoreError\" : \"NaN\",\n"
                    + "\"scoreConfidence\" : [\"NaN\", \"NaN\"],\n\"scorePercentiles\" : {\"0.0\" : 1.0},\n"
                    + "\"scoreUnit\" : \"ns/op\",\n\"rawData\" : " + raw + "\n},\n\"secondaryMetrics\" : {}\n}");
        }
        return "[\n" + String.join(",\n", objects) + "\n]\n";
    }

    public static Path write(Path file, Jvm jvm, List<Entry> entries) throws IOException {
        Files.writeString(file, json(jvm, entries));
        return file;
    }
}
