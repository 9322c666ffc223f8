package dev.polygate.report.throughput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.jmh.Jvm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThroughputResultsTest {
    @TempDir
    Path tmp;

    @Test
    void measuresEveryKnownResultOnItsJvm() {
        Path file = new SyntheticJmh()
                .add("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "gated", "1000x10x1"),
                        new double[][] {{1.5, 2.5}, {3.5, 4.5, 5.5}}, "us/op")
                .add("FmaRoofBenchmark.fma12", Map.of(), new double[][] {{8000}})
                .write(tmp.resolve("r.json"));

        ThroughputResults results = ThroughputResults.read(List.of(file));

        assertEquals(2, results.all().size());
        assertEquals(3250, results.all().get(0).nsPerOp(), 1e-9, "the median of the fork medians 2 µs and 4.5 µs, in ns");
        assertEquals(List.of(new Jvm("17.0.15", "OpenJDK 64-Bit Server VM", "17.0.15+6-test",
                List.of("--add-modules=jdk.incubator.vector"))), results.jvms());
        assertEquals(8000, results.roof().orElseThrow().nsPerOp());
    }

    @Test
    void anUnknownBenchmarkIsNamedWithTheKnownOnes() {
        // The throughput report needs a FLOP rule for every result: a benchmark without one is refused.
        Path file = new SyntheticJmh()
                .add("FmaRoofBenchmark.fma12", Map.of(), new double[][] {{8000}})
                .add("FmaRoofBenchmark.fma8", Map.of(), new double[][] {{8000}})
                .write(tmp.resolve("unknown.json"));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ThroughputResults.read(List.of(file)));
        assertTrue(e.getMessage().startsWith("JMH result file " + file + ": result 1 "
                + "(dev.polygate.bench.FmaRoofBenchmark.fma8) is not a known benchmark (known: "
                + "TrainingStepBenchmark.forward"), e.getMessage());
        assertTrue(e.getMessage().contains("FmaRoofBenchmark.fma12"), e.getMessage());
    }

    @Test
    void theSameBenchmarkAndParametersInTwoFilesIsRejected() {
        Path a = new SyntheticJmh().add("FmaRoofBenchmark.fma12", Map.of(), new double[][] {{8000}})
                .write(tmp.resolve("a.json"));
        Path b = new SyntheticJmh().add("FmaRoofBenchmark.fma12", Map.of(), new double[][] {{9000}})
                .write(tmp.resolve("b.json"));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ThroughputResults.read(List.of(a, b)));
        assertTrue(e.getMessage().startsWith("JMH result file " + b + ": result 0"), e.getMessage());
        assertTrue(e.getMessage().contains("repeats JMH result file " + a + ": result 0"), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
    }
}
