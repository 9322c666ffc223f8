package dev.polygate.report.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.jmh.JmhFixtures.Jvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertArrayEquals(new double[] {10, 11, 12, 13, 14, 15}, step.pooledNanosPerOp());
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
        assertTrue(Double.isNaN(r.allocBytesPerOp()), "no -prof gc, no allocation");
    }

    /**
     * One result in JMH's -rf json layout with the fields that decide the conversion as arguments
     * (JSON values as they appear in the file); {@code secondaryMetrics} is the object's inside.
     */
    private Path handmade(String name, String jmhVersion, String mode, String threads, String batchSize, String unit,
                          String rawData, String secondaryMetrics) throws IOException {
        return Files.writeString(tmp.resolve(name), """
                [
                    {
                        "jmhVersion" : "%1$s",
                        "benchmark" : "dev.polygate.bench.ExpBenchmark.mathExp",
                        "mode" : "%2$s",
                        "threads" : %3$s,
                        "forks" : 2,
                        "jvm" : "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                        "jvmArgs" : [ "--add-modules=jdk.incubator.vector" ],
                        "jdkVersion" : "17.0.15",
                        "vmName" : "OpenJDK 64-Bit Server VM",
                        "vmVersion" : "17.0.15+6-Debian-1deb12u1",
                        "warmupIterations" : 1,
                        "warmupTime" : "10 s",
                        "warmupBatchSize" : %4$s,
                        "measurementIterations" : 2,
                        "measurementTime" : "10 s",
                        "measurementBatchSize" : %4$s,
                        "params" : { "size" : "4096" },
                        "primaryMetric" : {
                            "score" : 1.0,
                            "scoreError" : "NaN",
                            "scoreConfidence" : [ "NaN", "NaN" ],
                            "scorePercentiles" : { "0.0" : 1.0, "100.0" : 1.0 },
                            "scoreUnit" : "%5$s",
                            "rawData" : %6$s
                        },
                        "secondaryMetrics" : { %7$s }
                    }
                ]
                """.formatted(jmhVersion, mode, threads, batchSize, unit, rawData, secondaryMetrics));
    }

    /** The issue's case: a single shot of 1000 calls took 4 ms, so one call took 4 µs. */
    @Test
    void singleShotScoreIsTheTimeOfOneBatch() throws IOException {
        Path file = handmade("ss.json", "1.37", "ss", "1", "1000", "ns/op", "[ [ 4000000.0, 5000000.0 ], [ 4400000.0 ] ]",
                "");
        JmhResult r = JmhJson.read(file, PREFIX).get(0);
        assertArrayEquals(new double[] {4000, 5000, 4400}, r.pooledNanosPerOp());
        assertEquals(1000, r.batchSize());
        assertEquals("ss", r.mode());
        assertEquals(2, r.forks().size());
    }

    @ParameterizedTest(name = "{0}/op")
    @CsvSource({"ns, 1", "us, 1e3", "ms, 1e6", "s, 1e9", "min, 60e9", "hr, 3600e9", "day, 86400e9"})
    void averageAndSingleShotTimesInEveryJmhTimeUnit(String unit, double nanos) throws IOException {
        Path avgt = handmade("avgt.json", "1.37", "avgt", "1", "1", unit + "/op", "[ [ 3.0, 1.5 ] ]", "");
        assertArrayEquals(new double[] {3 * nanos, 1.5 * nanos}, JmhJson.read(avgt, PREFIX).get(0).pooledNanosPerOp());
        Path ss = handmade("ss.json", "1.37", "ss", "1", "1", unit + "/op", "[ [ 3.0 ], [ 1.5 ] ]", "");
        assertArrayEquals(new double[] {3 * nanos, 1.5 * nanos}, JmhJson.read(ss, PREFIX).get(0).pooledNanosPerOp());
    }

    @ParameterizedTest(name = "ops/{0}")
    @CsvSource({"ns, 1", "us, 1e3", "ms, 1e6", "s, 1e9", "min, 60e9", "hr, 3600e9", "day, 86400e9"})
    void throughputInEveryJmhTimeUnitIsInverted(String unit, double nanos) throws IOException {
        Path file = handmade("thrpt.json", "1.37", "thrpt", "1", "1", "ops/" + unit, "[ [ 2.0, 0.5 ] ]", "");
        assertArrayEquals(new double[] {nanos / 2, nanos * 2}, JmhJson.read(file, PREFIX).get(0).pooledNanosPerOp());
    }

    /**
     * JMH divides its call count by the batch size in avgt and thrpt too: its op is a batch in every
     * mode. The count is a fraction from JMH 1.27 on, so those versions convert exactly.
     */
    @Test
    void averageTimeThroughputAndAllocationArePerBatch() throws IOException {
        Path avgt = handmade("avgt.json", "1.37", "avgt", "1", "10", "us/op", "[ [ 50.0 ] ]", "");
        assertArrayEquals(new double[] {5000}, JmhJson.read(avgt, PREFIX).get(0).pooledNanosPerOp());
        Path thrpt = handmade("thrpt.json", "1.27", "thrpt", "1", "4", "ops/us", "[ [ 2.0 ] ]", "");
        assertArrayEquals(new double[] {125}, JmhJson.read(thrpt, PREFIX).get(0).pooledNanosPerOp());
        Path ss = handmade("ss.json", "1.37", "ss", "1", "1000", "ms/op", "[ [ 4.0 ] ]",
                "\"gc.alloc.rate.norm\" : { \"score\" : 48000000.0, \"scoreError\" : \"NaN\", \"scoreUnit\" : \"B/op\" }");
        assertEquals(48_000, JmhJson.read(ss, PREFIX).get(0).allocBytesPerOp());
    }

    /**
     * -prof gc's metrics as JMH 1.37 names them and as 1.2x–1.36 did (prefixed with U+00B7, written
     * as the character itself; the escaped form is the same JSON string), next to the other gc
     * metrics, which must not be mistaken for it.
     */
    @ParameterizedTest(name = "JMH {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "1.37 | gc.alloc.rate",
        "1.36 | \u00b7gc.alloc.rate",
        "1.23 | \\u00b7gc.alloc.rate"})
    void allocationUnderEveryNameJmhGaveIt(String jmhVersion, String gcPrefix) throws IOException {
        String secondary = ("\"%1$s\" : { \"score\" : 1500.0, \"scoreError\" : \"NaN\", \"scoreUnit\" : \"MB/sec\" }, "
                + "\"%1$s.norm\" : { \"score\" : 48.0, \"scoreError\" : \"NaN\", \"scoreUnit\" : \"B/op\" }")
                .formatted(gcPrefix);
        Path file = handmade("gc.json", jmhVersion, "avgt", "1", "1", "ns/op", "[ [ 30.0 ] ]", secondary);
        assertEquals(48, JmhJson.read(file, PREFIX).get(0).allocBytesPerOp());
    }

    /**
     * @AuxCounters(EVENTS) counters (unit "#") are kept per fork and iteration as JMH wrote them;
     * other secondary metrics (-prof gc's rates, counts) are not counters of the benchmark's own.
     */
    @Test
    void eventCountersAreKeptPerIterationAndMisshapenOnesRefused() throws IOException {
        String counter = "\"steps\" : { \"score\" : 9.0, \"scoreUnit\" : \"#\", \"rawData\" : %s }, "
                + "\"gc.count\" : { \"score\" : 2.0, \"scoreUnit\" : \"counts\", \"rawData\" : [ [ 1.0, 1.0 ] ] }";
        Path file = handmade("events.json", "1.37", "avgt", "1", "1", "ns/op", "[ [ 3.0, 4.0 ] ]",
                counter.formatted("[ [ 4.0, 5.0 ] ]"));
        JmhResult r = JmhJson.read(file, PREFIX).get(0);
        assertEquals(java.util.Set.of("steps"), r.events().keySet());
        assertArrayEquals(new double[] {4, 5}, r.events().get("steps").get(0));
        assertTrue(JmhJson.read(handmade("none.json", "1.37", "avgt", "1", "1", "ns/op", "[ [ 3.0 ] ]", ""), PREFIX)
                .get(0).events().isEmpty());

        assertRefused(handmade("forks.json", "1.37", "avgt", "1", "1", "ns/op", "[ [ 3.0, 4.0 ] ]",
                counter.formatted("[ [ 4.0, 5.0 ], [ 1.0, 1.0 ] ]")),
                "secondary metric steps has 2 forks of counts", "(expected 1, one per fork of the primary metric)");
        assertRefused(handmade("iterations.json", "1.37", "avgt", "1", "1", "ns/op", "[ [ 3.0, 4.0 ] ]",
                counter.formatted("[ [ 4.0 ] ]")),
                "secondary metric steps rawData[0] must hold 2 counts", "one per measurement iteration");
        assertRefused(handmade("negative.json", "1.37", "avgt", "1", "1", "ns/op", "[ [ 3.0, 4.0 ] ]",
                counter.formatted("[ [ 4.0, -1.0 ] ]")),
                "secondary metric steps rawData[0][1] is -1.0", "not a count (a finite number ≥ 0)");
    }

    @Test
    void unsupportedModesThreadsBatchesAndUnitsAreRefusedNamingWhatIsAllowed() throws IOException {
        String raw = "[ [ 3.0, 4.0 ] ]";
        String norm = "\"gc.alloc.rate.norm\" : { \"score\" : 48.0, \"scoreUnit\" : \"%s\" }";
        Path sample = Files.writeString(tmp.resolve("sample.json"),
                Files.readString(handmade("s.json", "1.37", "sample", "1", "1", "ns/op", raw, ""))
                        .replace("\"rawData\" : [ [ 3.0, 4.0 ] ]", "\"rawDataHistogram\" : [ [ [ [ 3.0, 10 ], [ 4.0, 2 ] ] ] ]"));
        assertRefused(sample, "mode 'sample' keeps a histogram", "allowed modes: avgt, thrpt, ss");
        assertRefused(handmade("all.json", "1.37", "all", "1", "1", "ns/op", raw, ""),
                "mode 'all' is not supported", "allowed modes: avgt, thrpt, ss");
        assertRefused(Files.writeString(tmp.resolve("nomode.json"), Files.readString(
                handmade("m.json", "1.37", "avgt", "1", "1", "ns/op", raw, "")).replace("\"mode\" : \"avgt\",", "")),
                "has no \"mode\"", "allowed modes: avgt, thrpt, ss");
        assertRefused(handmade("threads.json", "1.37", "avgt", "4", "1", "ns/op", raw, ""),
                "threads 4 is not supported", "allowed: 1");
        assertRefused(Files.writeString(tmp.resolve("nothreads.json"), Files.readString(
                handmade("t.json", "1.37", "thrpt", "1", "1", "ops/s", raw, "")).replace("\"threads\" : 1,", "")),
                "has no \"threads\"", "");
        assertRefused(handmade("batch0.json", "1.37", "ss", "1", "0", "ns/op", raw, ""),
                "\"measurementBatchSize\" is 0, not a positive whole number", "");
        assertRefused(handmade("batchfraction.json", "1.37", "ss", "1", "2.5", "ns/op", raw, ""),
                "\"measurementBatchSize\" is 2.5, not a positive whole number", "");
        assertRefused(Files.writeString(tmp.resolve("nobatch.json"), Files.readString(
                handmade("b.json", "1.37", "ss", "1", "1", "ns/op", raw, "")).replace("\"measurementBatchSize\" : 1,", "")),
                "has no \"measurementBatchSize\"", "");
        // Before 1.27 JMH rounded calls / batch size down in avgt and thrpt; -prof gc still does.
        assertRefused(handmade("old.json", "1.26", "avgt", "1", "10", "ns/op", raw, ""),
                "measurementBatchSize 10 in mode avgt from JMH 1.26 is not supported",
                "allowed: batch size 1, mode ss, or JMH 1.27 or later");
        assertRefused(handmade("oldthrpt.json", "1.25.2", "thrpt", "1", "4", "ops/s", raw, ""),
                "measurementBatchSize 4 in mode thrpt from JMH 1.25.2 is not supported", "allowed: batch size 1");
        assertRefused(Files.writeString(tmp.resolve("noversion.json"), Files.readString(
                handmade("v.json", "1.37", "avgt", "1", "10", "ns/op", raw, "")).replace("\"jmhVersion\" : \"1.37\",", "")),
                "measurementBatchSize 10 in mode avgt from JMH of unknown version is not supported", "");
        assertRefused(handmade("gcbatch.json", "1.37", "avgt", "1", "10", "ns/op", raw, norm.formatted("B/op")),
                "secondary metric gc.alloc.rate.norm with measurementBatchSize 10 in mode avgt is not supported",
                "allowed with -prof gc: batch size 1 or mode ss");
        assertRefused(handmade("furlongs.json", "1.37", "avgt", "1", "1", "furlongs/op", raw, ""),
                "scoreUnit 'furlongs/op' is not supported for mode avgt",
                "(allowed: ns/op, us/op, ms/op, s/op, min/op, hr/op, day/op)");
        // JMH spells microseconds "us"; a µ means the file did not come from JMH's writer.
        assertRefused(handmade("micro.json", "1.37", "ss", "1", "1", "µs/op", raw, ""),
                "scoreUnit 'µs/op' is not supported for mode ss", "(allowed: ns/op, us/op,");
        assertRefused(handmade("ratetime.json", "1.37", "avgt", "1", "1", "ops/s", raw, ""),
                "scoreUnit 'ops/s' is not supported for mode avgt", "(allowed: ns/op,");
        assertRefused(handmade("timerate.json", "1.37", "thrpt", "1", "1", "ns/op", raw, ""),
                "scoreUnit 'ns/op' is not supported for mode thrpt",
                "(allowed: ops/ns, ops/us, ops/ms, ops/s, ops/min, ops/hr, ops/day)");
        assertRefused(handmade("kb.json", "1.37", "avgt", "1", "1", "ns/op", raw, norm.formatted("KB/op")),
                "secondary metric gc.alloc.rate.norm has scoreUnit 'KB/op'", "(allowed: B/op)");
        assertRefused(handmade("both.json", "1.37", "avgt", "1", "1", "ns/op", raw, norm.formatted("B/op") + ", "
                        + norm.formatted("B/op").replace("\"gc.", "\"\u00b7gc.")),
                "has both secondary metrics gc.alloc.rate.norm and \u00b7gc.alloc.rate.norm", "");
    }

    /** Refused at reading, one line naming the file, the result, what is unsupported and what is allowed. */
    private static void assertRefused(Path file, String unsupported, String allowed) {
        InvalidInputException e = assertBad(file, unsupported);
        assertTrue(e.getMessage().contains("result 0 (" + PREFIX + "ExpBenchmark.mathExp)"), e.getMessage());
        assertTrue(e.getMessage().contains(allowed), "'" + e.getMessage() + "' should mention '" + allowed + "'");
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
