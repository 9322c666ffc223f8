package dev.polygate.report.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.report.InvalidInputException;
import dev.polygate.report.jmh.JmhFixtures.Jvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhJsonTest {
    private static final String PREFIX = "dev.polygate.bench.";

    @TempDir
    Path tmp;

    @Test
    void readsSeveralForksNaNStringsAndMissingParams() throws IOException {
        Path file = JmhFixtures.write(tmp.resolve("r.json"), Jvm.JDK25, List.of(
                JmhFixtures.entry(PREFIX + "TrainingStepBenchmark.step",
                        Map.of("activation", "relu"), new double[] {10, 11, 12}, new double[] {13, 14, 15}),
                JmhFixtures.entry(PREFIX + "FmaRoofBenchmark.fma12", Map.of(), new double[] {2.5})));
        List<JmhResult> results = JmhJson.read(file, PREFIX);
        assertEquals(2, results.size());
        JmhResult step = results.get(0);
        assertEquals("TrainingStepBenchmark.step", step.id().simpleName());
        assertEquals(Map.of("activation", "relu"), step.id().params());
        assertEquals(2, step.forks().size());
        assertArrayEquals(new double[] {10, 11, 12, 13, 14, 15}, step.pooled());
        assertTrue(Double.isNaN(step.scoreError()), "\"NaN\" string read as NaN");
        assertEquals("25.0.1", step.jdkVersion());
        assertEquals(List.of("--add-modules=jdk.incubator.vector", "--sun-misc-unsafe-memory-access=allow"),
                step.jvmArgs());
        assertEquals("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java", step.jvm());
        assertEquals(3, step.warmupIterations());
        assertEquals("500 ms", step.measurementTime());
        assertEquals(Map.of(), results.get(1).id().params());
        assertEquals("FmaRoofBenchmark.fma12", results.get(1).id().shortLabel());
        assertEquals("TrainingStepBenchmark.step relu", step.id().shortLabel());
        assertEquals(new dev.polygate.report.jmh.Jvm("25.0.1", "OpenJDK 64-Bit Server VM", "25.0.1+8-LTS",
                List.of("--add-modules=jdk.incubator.vector", "--sun-misc-unsafe-memory-access=allow")), step.vm());
        assertEquals("relu", step.param("activation"));
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> step.param("shape"));
        assertTrue(missing.getMessage().startsWith("JMH result file " + file + ": result 0 ("
                + PREFIX + "TrainingStepBenchmark.step) has no parameter 'shape' (has: activation)"), missing.getMessage());
    }

    @Test
    void readsTheSampleFileJmhWrote() throws IOException {
        // The shape of /tmp/sample-jmh.json, a real JMH 1.37 result, inlined so the test stands alone.
        Path file = tmp.resolve("sample.json");
        Files.writeString(file, """
                [
                    {
                        "jmhVersion" : "1.37",
                        "benchmark" : "dev.polygate.bench.TrainingStepBenchmark.step",
                        "mode" : "avgt",
                        "threads" : 1,
                        "forks" : 1,
                        "jvm" : "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                        "jvmArgs" : [ "--add-modules=jdk.incubator.vector" ],
                        "jdkVersion" : "17.0.15",
                        "vmName" : "OpenJDK 64-Bit Server VM",
                        "vmVersion" : "17.0.15+6-Debian-1deb12u1",
                        "warmupIterations" : 1,
                        "warmupTime" : "300 ms",
                        "warmupBatchSize" : 1,
                        "measurementIterations" : 2,
                        "measurementTime" : "300 ms",
                        "measurementBatchSize" : 1,
                        "params" : { "activation" : "relu", "kind" : "gated", "shape" : "1000x10x1" },
                        "primaryMetric" : {
                            "score" : 5461445.243074581,
                            "scoreError" : "NaN",
                            "scoreConfidence" : [ "NaN", "NaN" ],
                            "scorePercentiles" : { "0.0" : 4197422.397260274, "100.0" : 6725468.088888889 },
                            "scoreUnit" : "ns/op",
                            "rawData" : [ [ 4197422.397260274, 6725468.088888889 ] ]
                        },
                        "secondaryMetrics" : { }
                    }
                ]
                """);
        JmhResult r = JmhJson.read(file, PREFIX).get(0);
        assertEquals("TrainingStepBenchmark.step relu/gated/1000x10x1", r.id().shortLabel());
        assertEquals("activation=relu, kind=gated, shape=1000x10x1", r.id().paramsText());
        assertEquals(5461445.243074581, r.score());
        assertArrayEquals(new double[] {4197422.397260274, 6725468.088888889}, r.pooledNanosPerOp());
    }

    @Test
    void convertsTimesAndRatesToNanosecondsAndRefusesOtherUnits() throws IOException {
        String text = JmhFixtures.json(Jvm.JDK17, List.of(JmhFixtures.entry(PREFIX + "ExpBenchmark.mathExp",
                Map.of(), new double[] {1.5, 2.5})));
        Path us = tmp.resolve("us.json");
        Files.writeString(us, text.replace("\"ns/op\"", "\"us/op\""));
        assertArrayEquals(new double[] {1500, 2500}, JmhJson.read(us).get(0).pooledNanosPerOp());
        Path thrpt = tmp.resolve("thrpt.json");
        Files.writeString(thrpt, text.replace("\"ns/op\"", "\"ops/ms\""));
        assertArrayEquals(new double[] {1e6 / 1.5, 1e6 / 2.5}, JmhJson.read(thrpt).get(0).pooledNanosPerOp(), 1e-9,
                "a rate is inverted");
        Path furlongs = tmp.resolve("furlongs.json");
        Files.writeString(furlongs, text.replace("\"ns/op\"", "\"furlongs/op\""));
        JmhResult r = JmhJson.read(furlongs).get(0);
        InvalidInputException e = assertThrows(InvalidInputException.class, r::pooledNanosPerOp);
        assertTrue(e.getMessage().contains("scoreUnit 'furlongs/op'"), e.getMessage());
        assertTrue(e.getMessage().contains(furlongs.toString()), e.getMessage());
    }

    @Test
    void missingEmptyMalformedAndNonArrayFilesAreOneLineErrors() throws IOException {
        assertBad(tmp.resolve("nope.json"), "does not exist");
        assertBad(Files.writeString(tmp.resolve("empty.json"), ""), "is empty");
        assertBad(Files.writeString(tmp.resolve("blank.json"), " \n"), "is empty");
        assertBad(Files.writeString(tmp.resolve("cut.json"), "[ { \"benchmark\" : \"dev.polygate"), "not valid JSON");
        assertBad(Files.writeString(tmp.resolve("lines.json"), "[\n{\n\"benchmark\":\n"), "not valid JSON");
        assertBad(Files.writeString(tmp.resolve("trailing.json"), "[] []"), "not valid JSON");
        assertBad(Files.writeString(tmp.resolve("garbage.json"), "Benchmark Mode Cnt Score"), "not valid JSON");
        assertBad(Files.writeString(tmp.resolve("object.json"), "{\"benchmark\": \"x\"}"), "not a JMH result array");
        assertBad(Files.writeString(tmp.resolve("none.json"), "[ ]"), "holds no results");
        assertBad(tmp, "is a directory");
    }

    @Test
    void brokenEntriesAreOneLineErrors() throws IOException {
        assertBad(Files.writeString(tmp.resolve("num.json"), "[1]"), "result 0 is a number");
        assertBad(Files.writeString(tmp.resolve("noname.json"), "[{\"primaryMetric\": {}}]"), "no \"benchmark\"");
        String good = JmhFixtures.json(Jvm.JDK17, List.of(JmhFixtures.entry(PREFIX + "ExpBenchmark.mathExp",
                Map.of(), new double[] {1, 2})));
        assertBad(Files.writeString(tmp.resolve("raw.json"), good.replace("[[1.0, 2.0]]", "[]")), "no primaryMetric.rawData");
        assertBad(Files.writeString(tmp.resolve("nanraw.json"), good.replace("[[1.0, 2.0]]", "[[1.0, \"NaN\"]]")),
                "rawData[0][1] is \"NaN\", not a positive finite number");
        assertBad(Files.writeString(tmp.resolve("zero.json"), good.replace("[[1.0, 2.0]]", "[[1.0, 2.0], [0]]")),
                "rawData[1][0] is 0, not a positive finite number");
        assertBad(Files.writeString(tmp.resolve("fork.json"), good.replace("[[1.0, 2.0]]", "[[1.0, 2.0], []]")),
                "rawData[1] must be a non-empty array");
        assertBad(Files.writeString(tmp.resolve("sample.json"), good.replace("\"avgt\"", "\"sample\"")),
                "mode 'sample' keeps a histogram");
        assertBad(Files.writeString(tmp.resolve("unit.json"), good.replace("\"scoreUnit\" : \"ns/op\",", "")),
                "scoreUnit");
    }

    @Test
    void unknownBenchmarkIsRefused() throws IOException {
        Path file = JmhFixtures.write(tmp.resolve("other.json"), Jvm.JDK17, List.of(
                JmhFixtures.entry("org.example.MyBenchmark.run", Map.of(), new double[] {1})));
        InvalidInputException e = assertBad(file, "unknown benchmark 'org.example.MyBenchmark.run'");
        assertTrue(e.getMessage().contains("dev.polygate.bench."), e.getMessage());
        // Without a prefix any name is accepted.
        assertEquals(1, JmhJson.read(file).size());
    }

    private static InvalidInputException assertBad(Path file, String mustMention) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> JmhJson.read(file, PREFIX));
        assertTrue(e.getMessage().contains(mustMention), "'" + e.getMessage() + "' should mention '" + mustMention + "'");
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        return e;
    }
}
