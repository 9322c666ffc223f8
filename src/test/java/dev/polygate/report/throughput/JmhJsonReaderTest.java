package dev.polygate.report.throughput;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.report.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhJsonReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsEveryIterationOfEveryForkAndIgnoresNaNStringsAndUnknownFields() {
        Path file = new SyntheticJmh()
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "gated", "1000x10x1"),
                        new double[][] {{1.5, 2.5}, {3.5, 4.5, 5.5}}, "us/op")
                .add("FmaRoofBenchmark.fma12", Map.of(), new double[][] {{8000}})
                .write(tmp.resolve("r.json"));

        List<JmhResult> results = JmhJsonReader.read(file);

        assertEquals(2, results.size());
        JmhResult step = results.get(0);
        assertEquals("dev.polygate.bench.TrainingStepBenchmark.step", step.benchmark());
        assertEquals("avgt", step.mode());
        assertEquals(Map.of("activation", "relu", "kind", "gated", "shape", "1000x10x1"), step.params());
        assertEquals(2, step.forks());
        assertArrayEquals(new double[] {1500, 2500, 3500, 4500, 5500}, step.nsPerOp(), 1e-9, "us/op → ns/op");
        assertEquals(new Jvm("17.0.15", "OpenJDK 64-Bit Server VM", "17.0.15+6-test",
                List.of("--add-modules=jdk.incubator.vector")), step.jvm());
        JmhResult roof = results.get(1);
        assertEquals(Map.of(), roof.params(), "JMH leaves params out when a benchmark has none");
        assertArrayEquals(new double[] {8000}, roof.nsPerOp());
    }

    @Test
    void throughputModeRatesBecomeTimesPerOperation() {
        Path file = new SyntheticJmh().add("ExpBenchmark.mathExp", Map.of("size", "4096"),
                new double[][] {{1000, 2000}}, "ops/ms").write(tmp.resolve("thrpt.json"));

        assertArrayEquals(new double[] {1000, 500}, JmhJsonReader.read(file).get(0).nsPerOp(), 1e-9);
    }

    @Test
    void missingEmptyAndMalformedFilesNameTheFileAndTheProblem() throws IOException {
        Path missing = tmp.resolve("missing.json");
        assertMessage(missing, missing + " does not exist");

        Path empty = Files.writeString(tmp.resolve("empty.json"), "");
        assertMessage(empty, empty + " is empty");
        Files.writeString(empty, "  \n\t");
        assertMessage(empty, empty + " is empty");

        Path cut = Files.writeString(tmp.resolve("cut.json"), "[{\"benchmark\": \"dev.polygate.bench.X.y\", ");
        assertMessage(cut, cut + " is not valid JSON (line 1");

        Path trailing = Files.writeString(tmp.resolve("trailing.json"), "[] []");
        assertMessage(trailing, trailing + " is not valid JSON");
    }

    @Test
    void jsonThatIsNotAResultArrayIsRejected() throws IOException {
        Path object = Files.writeString(tmp.resolve("object.json"), "{\"benchmark\": \"x\"}");
        assertMessage(object, object + " is not a JMH result array (the top level is an object");

        Path emptyArray = Files.writeString(tmp.resolve("none.json"), "[]");
        assertMessage(emptyArray, emptyArray + " holds no JMH results");

        Path numbers = Files.writeString(tmp.resolve("numbers.json"), "[1, 2]");
        assertMessage(numbers, numbers + ": [0] is a number, not a JMH result object");

        Path noRaw = Files.writeString(tmp.resolve("noraw.json"),
                "[{\"benchmark\": \"dev.polygate.bench.FmaRoofBenchmark.fma12\", \"mode\": \"avgt\", "
                        + "\"primaryMetric\": {\"score\": 1, \"scoreUnit\": \"ns/op\"}}]");
        assertMessage(noRaw, noRaw + ": [0].primaryMetric.rawData is missing");

        Path badRaw = Files.writeString(tmp.resolve("badraw.json"),
                "[{\"benchmark\": \"dev.polygate.bench.FmaRoofBenchmark.fma12\", \"mode\": \"avgt\", "
                        + "\"primaryMetric\": {\"scoreUnit\": \"ns/op\", \"rawData\": [[1, \"fast\"]]}}]");
        assertMessage(badRaw, badRaw + ": [0].primaryMetric.rawData[0][1]:");

        Path badUnit = new SyntheticJmh().add("ExpBenchmark.mathExp", Map.of("size", "4"), new double[][] {{1}},
                "furlongs/op").write(tmp.resolve("unit.json"));
        assertMessage(badUnit, "scoreUnit 'furlongs/op'");
    }

    @Test
    void anUnknownBenchmarkIsNamedWithTheKnownOnes() {
        Path file = new SyntheticJmh()
                .add("FmaRoofBenchmark.fma12", Map.of(), new double[][] {{8000}})
                .add("FmaRoofBenchmark.fma8", Map.of(), new double[][] {{8000}})
                .write(tmp.resolve("unknown.json"));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ThroughputResults.read(List.of(file)));
        assertTrue(e.getMessage().startsWith(file + ": [1] dev.polygate.bench.FmaRoofBenchmark.fma8 is not a known "
                + "benchmark (known: TrainingStepBenchmark.forward"), e.getMessage());
        assertTrue(e.getMessage().contains("FmaRoofBenchmark.fma12"), e.getMessage());
    }

    @Test
    void theSameBenchmarkAndParametersInTwoFilesIsRejected() {
        Path a = new SyntheticJmh().add("FmaRoofBenchmark.fma12", Map.of(), new double[][] {{8000}})
                .write(tmp.resolve("a.json"));
        Path b = new SyntheticJmh().add("FmaRoofBenchmark.fma12", Map.of(), new double[][] {{9000}})
                .write(tmp.resolve("b.json"));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ThroughputResults.read(List.of(a, b)));
        assertTrue(e.getMessage().startsWith(b + ": [0]"), e.getMessage());
        assertTrue(e.getMessage().contains("repeats " + a + ": [0]"), e.getMessage());
    }

    @Test
    void everyMessageIsOneLine() throws IOException {
        Path cut = Files.writeString(tmp.resolve("cut.json"), "[\n{\n\"benchmark\":\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> JmhJsonReader.read(cut));
        assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
    }

    private static void assertMessage(Path file, String start) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> JmhJsonReader.read(file));
        assertTrue(e.getMessage().startsWith(start) || e.getMessage().contains(start),
                "'" + e.getMessage() + "' should contain '" + start + "'");
        assertEquals(-1, e.getMessage().indexOf('\n'), "one line: " + e.getMessage());
    }
}
