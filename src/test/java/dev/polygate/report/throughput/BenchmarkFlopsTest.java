package dev.polygate.report.throughput;

import static dev.polygate.model.Activation.INT_SILU;
import static dev.polygate.model.Activation.RELU;
import static dev.polygate.model.Activation.SILU;
import static dev.polygate.model.LayerKind.GATED;
import static dev.polygate.model.LayerKind.PLAIN;
import static dev.polygate.model.LayerKind.SQUARED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.kernel.FlopCount;
import dev.polygate.kernel.VectorMath;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.ParameterMatch;
import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.jmh.BenchmarkId;
import dev.polygate.report.jmh.JmhResult;
import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BenchmarkFlopsTest {
    private static Workload workload(String benchmark, Map<String, String> params) {
        JmhResult result = new JmhResult(Path.of("test.json"), 0, new BenchmarkId("dev.polygate.bench." + benchmark,
                params), "avgt", "ns/op", 1, 1, 1, Double.NaN, List.of(new double[] {1}), "java", List.of(), "17", "vm", "1",
                1, "1 s", 1, "1 s", Double.NaN);
        return BenchmarkFlops.workload(BenchmarkFlops.known(result), result);
    }

    @Test
    void trainingStepByHandForTheStudysReluModel() {
        // relu plain, width 10, depth 1, 31 parameters, 1000 samples. Per sample: forward = first
        // layer 10·2 + activation 10·3 + read-out and loss 10·2 + 5 = 75; backward = read-out
        // 10·3 + 1 + first layer 10·4 = 71. Adam: 31 · 13 = 403 per step.
        Workload step = workload("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "plain", "1000x10x1"));

        assertEquals(OptionalLong.of(75_000 + 71_000 + 403), step.flops());
        assertEquals(1000, step.items());
        assertEquals(new ModelSpec(RELU, PLAIN, 10, 1), step.model().orElseThrow());
        assertEquals(OptionalLong.of(75_000), workload("TrainingStepBenchmark.forward",
                SyntheticJmh.model("relu", "plain", "1000x10x1")).flops());
        assertEquals(OptionalLong.of(71_000), workload("TrainingStepBenchmark.backward",
                SyntheticJmh.model("relu", "plain", "1000x10x1")).flops());
    }

    @Test
    void trainingStepFamilyUsesFlopCountOnTheNamedModelIncludingGatedMatched() {
        ModelSpec matched = ParameterMatch.spec("silu", "gated-matched", 256, 2);
        assertEquals(GATED, matched.kind());
        assertTrue(matched.width() < 256, "gated at squared's parameter count is narrower");

        Workload w = workload("TrainingStepBenchmark.step", SyntheticJmh.model("silu", "gated-matched", "4096x256x2"));

        assertEquals(matched, w.model().orElseThrow());
        assertEquals(OptionalLong.of(FlopCount.trainingStep(matched, 4096)), w.flops());
    }

    @Test
    void vectorAndScalarCountTheSameForwardPlusBackward() {
        ModelSpec spec = new ModelSpec(SILU, GATED, 64, 2);
        long expected = FlopCount.forward(spec, 1000) + FlopCount.backward(spec, 1000);

        assertEquals(OptionalLong.of(expected),
                workload("VectorVsScalarBenchmark.vector", SyntheticJmh.model("silu", "gated", "1000x64x2")).flops());
        assertEquals(OptionalLong.of(expected),
                workload("VectorVsScalarBenchmark.scalar", SyntheticJmh.model("silu", "gated", "1000x64x2")).flops());
    }

    @Test
    void denseLayerIsTheSecondLayerOfADepthTwoModel() {
        Map<String, String> params = Map.of("activation", "relu", "kind", "plain", "width", "256", "samples", "4096");
        ModelSpec spec = new ModelSpec(RELU, PLAIN, 256, 2);

        // The bare product by hand: 256 rows · 256 inputs · 2 FLOPs · 4096 samples.
        assertEquals(OptionalLong.of(256L * 256 * 2 * 4096), workload("DenseLayerBenchmark.product", params).flops());
        assertEquals(OptionalLong.of(FlopCount.denseForward(spec, 4096)), workload("DenseLayerBenchmark.forward", params).flops());
        assertEquals(OptionalLong.of(FlopCount.denseBackward(spec, 4096)), workload("DenseLayerBenchmark.backward", params).flops());
        assertEquals(spec, workload("DenseLayerBenchmark.forward", params).model().orElseThrow());
        assertEquals(4096, workload("DenseLayerBenchmark.forward", params).items());
    }

    @Test
    void activationEpilogueIsTheFirstLayerOfADepthOneModel() {
        Map<String, String> params = Map.of("activation", "int-silu", "kind", "plain", "width", "256", "samples", "4096");
        ModelSpec spec = new ModelSpec(INT_SILU, PLAIN, 256, 1);

        // By hand: 256 rows · (w·x + b: 2, SiLU's σ: sigmoid 27 (negate, exp 25 with one scaling multiply
        // of its two, add, divide) + z clamped 1 + z·s 1, the table 30) · 4096 samples.
        assertEquals(OptionalLong.of(256L * (2 + 27 + 1 + 1 + 30) * 4096), workload("ActivationEpilogueBenchmark.forward", params).flops());
        assertEquals(OptionalLong.of(FlopCount.firstLayerForward(spec, 4096)),
                workload("ActivationEpilogueBenchmark.forward", params).flops());
        assertEquals(spec, workload("ActivationEpilogueBenchmark.forward", params).model().orElseThrow());
        assertEquals(4096, workload("ActivationEpilogueBenchmark.forward", params).items());
        // The closed form: σ 29 and σ′ 7 (z clamped 2, s(1 − s) 3, fma 2) per unit.
        assertEquals(OptionalLong.of(256L * (2 + 29 + 7) * 4096), workload("ActivationEpilogueBenchmark.forward",
                Map.of("activation", "silu", "kind", "plain", "width", "256", "samples", "4096")).flops());
    }

    @Test
    void onlyTheHandWrittenExpHasAFlopCount() {
        Map<String, String> size = Map.of("size", "4096");

        // exp: clamp 2, rounding 3, reduction 4, polynomial 10, p·r² + r + 1 4, two-part scaling 2.
        assertEquals(OptionalLong.of(25L * 4096), workload("ExpBenchmark.handWritten", size).flops());
        assertEquals(OptionalLong.empty(), workload("ExpBenchmark.lanewiseExp", size).flops());
        assertEquals(OptionalLong.empty(), workload("ExpBenchmark.mathExp", size).flops());
        assertEquals(4096, workload("ExpBenchmark.mathExp", size).items());
    }

    @Test
    void theRoofUsesThisMachinesLaneCount() {
        assertEquals(OptionalLong.of(2L * 12 * 4096 * VectorMath.LANES), workload("FmaRoofBenchmark.fma12", Map.of()).flops());
        assertEquals(VectorMath.LANES, BenchmarkFlops.roofLanes());
    }

    @Test
    void everyKnownBenchmarkHasAFlopRuleOrSaysItHasNone() {
        for (Known k : Known.values()) {
            Map<String, String> params = switch (k.family()) {
                case TRAINING_STEP, VECTOR_VS_SCALAR -> SyntheticJmh.model("relu", "squared", "100x8x2");
                case DENSE_LAYER, ACTIVATION_EPILOGUE ->
                        Map.of("activation", "relu", "kind", "squared", "width", "8", "samples", "100");
                case EXP -> Map.of("size", "64");
                case FMA_ROOF -> Map.of();
            };
            Workload w = workload(k.family().simpleName() + "." + k.method(), params);
            boolean uncounted = k == Known.EXP_LANEWISE || k == Known.EXP_MATH;
            assertEquals(uncounted, w.flops().isEmpty(), k.toString());
            w.flops().ifPresent(f -> assertTrue(f > 0, k.toString()));
        }
        assertEquals(new ModelSpec(RELU, SQUARED, 8, 2),
                workload("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "squared", "100x8x2")).model().orElseThrow());
    }

    @Test
    void missingOrBadParametersNameTheResult() {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> workload("TrainingStepBenchmark.step", Map.of("activation", "relu", "kind", "plain")));
        assertTrue(missing.getMessage().contains("JMH result file test.json: result 0 (dev.polygate.bench.TrainingStepBenchmark.step) "
                + "has no parameter 'shape'"), missing.getMessage());

        InvalidInputException shape = assertThrows(InvalidInputException.class,
                () -> workload("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "plain", "1000x10")));
        assertTrue(shape.getMessage().contains("SAMPLESxWIDTHxDEPTH"), shape.getMessage());

        InvalidInputException kind = assertThrows(InvalidInputException.class,
                () -> workload("TrainingStepBenchmark.step", SyntheticJmh.model("relu", "cubed", "1000x10x1")));
        assertTrue(kind.getMessage().contains("unknown kind 'cubed'"), kind.getMessage());

        InvalidInputException size = assertThrows(InvalidInputException.class,
                () -> workload("ExpBenchmark.mathExp", Map.of("size", "-4")));
        assertTrue(size.getMessage().contains("size must be a positive integer"), size.getMessage());
    }
}
