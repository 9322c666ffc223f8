package dev.polygate.experiment.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.ModelSpec;
import dev.polygate.model.RunSpec;
import dev.polygate.model.Target;
import dev.polygate.model.TrainingSetup;
import dev.polygate.train.LossCurve;
import dev.polygate.train.TrainingResult;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RunRecordJsonTest {
    private static final StoreDesign DESIGN = StoreDesign.of(StoreFixtures.grid(2), false);
    private static final RunSpec SPEC = DESIGN.design().runs().get(3);

    @Test
    void aRecordComesBackBitForBit() {
        RunRecord r = StoreFixtures.record(DESIGN, SPEC);
        RunRecordJson.Parsed back = RunRecordJson.parse(RunRecordJson.line(r, DESIGN.json()));
        assertEquals(r.runId(), back.record().runId());
        assertEquals(r.spec(), back.record().spec());
        assertEquals(r.environment(), back.record().environment());
        assertEquals(r.result().curve(), back.record().result().curve());
        assertTrue(r.sameResult(back.record()));
        assertEquals(Double.doubleToRawLongBits(r.result().finalMse()),
                Double.doubleToRawLongBits(back.record().result().finalMse()));
        assertEquals(DESIGN.json().toString(), back.design().toString());
    }

    @Test
    void aRecordWithANonDefaultSetupAndATestSetComesBack() throws Exception {
        TrainingSetup setup = TrainingSetup.DEFAULT.withInputs(TrainingSetup.Inputs.uniform(-1, 1)).withTestSamples(500)
                .withPrecision(TrainingSetup.Precision.FLOAT64).withOptimizer(TrainingSetup.Optimizer.adamW(0.01))
                .withSchedule(TrainingSetup.Schedule.parse("step:100,0.5+warmup:10"))
                .withInit(TrainingSetup.Init.SPLINE);
        StoreDesign design = StoreDesign.of(StoreFixtures.grid(2).withSetup(setup.withInit(TrainingSetup.Init.PYTORCH)),
                false);
        RunSpec spec = new RunSpec(new ModelSpec(Activation.RELU, LayerKind.GATED, 10, 1), Target.recipCos2(), 0.01,
                100, 300, 1, setup);
        RunRecord r = RunRecord.of(design, StoreFixtures.finished(spec).withTestMse(0.04), StoreFixtures.ENV);
        assertEquals(RunRecord.idOf(spec, r.numerics()), r.runId());
        assertTrue(spec.id().endsWith("/uniform:-1.0,1.0/test500/float64/adamw:0.01/step:100,0.5+warmup:10/spline"),
                spec.id());

        String line = RunRecordJson.line(r, design.json());
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("recip-cos2", json.get("target").asText());
        assertEquals("uniform:-1.0,1.0", json.get("inputs").asText());
        assertEquals(500, json.get("testSamples").asInt());
        assertEquals("float64", json.get("precision").asText());
        assertEquals("adamw:0.01", json.get("optimizer").asText());
        assertEquals("step:100,0.5+warmup:10", json.get("schedule").asText());
        assertEquals("spline", json.get("init").asText());
        assertEquals(0.04, json.get("testMse").asDouble());
        assertEquals(0.2, json.get("testRmse").asDouble());
        assertEquals("adamw:0.01", json.get("design").get("optimizer").asText());

        RunRecord back = RunRecordJson.parse(line).record();
        assertEquals(spec, back.spec());
        assertEquals(r.runId(), back.runId());
        assertEquals(0.04, back.result().testMse());
        assertTrue(r.sameResult(back));
        assertTrue(!r.sameResult(new RunRecord(r.runId(), r.numerics(), r.command(), r.designId(),
                r.result().withTestMse(0.05), r.flopsPerStep(), r.environment())), "the test MSE is part of the result");
    }

    @Test
    void aRecordWithoutATestSetHasNullTestErrors() throws Exception {
        JsonNode json = new ObjectMapper().readTree(RunRecordJson.line(StoreFixtures.record(DESIGN, SPEC), DESIGN.json()));
        assertTrue(json.get("testMse").isNull());
        assertTrue(json.get("testRmse").isNull());
        assertEquals("normal", json.get("inputs").asText());
        assertEquals(0, json.get("testSamples").asInt());
        assertEquals("float32", json.get("precision").asText());
        assertEquals("adam", json.get("optimizer").asText());
        assertEquals("constant", json.get("schedule").asText());
        assertEquals("pytorch", json.get("init").asText());
        assertTrue(!json.get("design").has("optimizer"), "the default setup leaves the design as it was");
    }

    /** A line written before setups existed (none of their fields, no test MSE) reads as the default setup. */
    @Test
    void anOlderLineWithoutTheSetupFieldsReadsAsTheDefaultSetup() throws Exception {
        RunRecord r = StoreFixtures.record(DESIGN, SPEC);
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(RunRecordJson.line(r, DESIGN.json()));
        for (String field : new String[] {"inputs", "testSamples", "precision", "optimizer", "schedule", "init",
            "testMse", "testRmse"}) {
            assertTrue(json.has(field), field);
            json.remove(field);
        }
        RunRecord back = RunRecordJson.parse(json.toString()).record();
        assertEquals(TrainingSetup.DEFAULT, back.spec().setup());
        assertEquals(SPEC, back.spec());
        assertEquals(r.runId(), back.runId());
        assertTrue(Double.isNaN(back.result().testMse()));
        assertTrue(r.sameResult(back));
    }

    @Test
    void aBadSetupFieldIsOneMessageNamingIt() {
        String good = RunRecordJson.line(StoreFixtures.record(DESIGN, SPEC), DESIGN.json());
        String message = assertThrows(IllegalArgumentException.class, () -> RunRecordJson.parse(good.replace(
                "\"precision\":\"float32\"", "\"precision\":\"float16\""))).getMessage();
        assertTrue(message.contains("setup: unknown precision 'float16'"), message);
    }

    @Test
    void everyFloatSurvivesTheText() {
        // Random bit patterns over the whole float range: the shortest text of each must read back to it.
        Random random = new Random(11);
        float[] curve = new float[100_001];
        for (int t = 0; t < curve.length; t++) {
            float v = Float.intBitsToFloat(random.nextInt());
            curve[t] = Float.isFinite(v) ? v : Float.MIN_VALUE;
        }
        RunSpec spec = new RunSpec(SPEC.model(), SPEC.target(), SPEC.lr(), SPEC.samples(), curve.length - 1, 0);
        TrainingResult result = new TrainingResult(spec, 31, 0.5, LossCurve.full(curve), false, -1, 1.0, new float[0]);
        StoreDesign full = StoreDesign.of(StoreFixtures.grid(1), true);
        RunRecord r = RunRecord.of(full, result, StoreFixtures.ENV);
        LossCurve back = RunRecordJson.parse(RunRecordJson.line(r, full.json())).record().result().curve();
        float[] values = back.values();
        for (int t = 0; t < curve.length; t++) {
            assertEquals(Float.floatToRawIntBits(curve[t]), Float.floatToRawIntBits(values[t]), "step " + t);
        }
    }

    @Test
    void divergedAndFailedRunsAreResultsWithNulls() throws Exception {
        float[] curve = {1f, 2f, Float.POSITIVE_INFINITY};
        RunSpec spec = DESIGN.design().runs().get(0);
        TrainingResult diverged = new TrainingResult(spec, 31, Double.NaN, LossCurve.full(curve), true, 2, 0.1,
                new float[0]);
        String line = RunRecordJson.line(RunRecord.of(DESIGN, diverged, StoreFixtures.ENV), DESIGN.json());
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("diverged", json.get("status").asText());
        assertTrue(json.get("finalMse").isNull());
        assertEquals(2, json.get("divergedAt").asInt());
        RunRecord back = RunRecordJson.parse(line).record();
        assertTrue(back.result().diverged());
        assertTrue(Double.isNaN(back.result().finalMse()));

        TrainingResult failed = TrainingResult.failed(spec, new OutOfMemoryError("Java heap space"), 0.2);
        RunRecord f = RunRecordJson.parse(RunRecordJson.line(RunRecord.of(DESIGN, failed, StoreFixtures.ENV),
                DESIGN.json())).record();
        assertEquals("failed", f.status());
        assertEquals("OutOfMemoryError: Java heap space", f.result().failure());
    }

    @Test
    void aDamagedLineIsOneMessageNamingWhatIsWrong() {
        String good = RunRecordJson.line(StoreFixtures.record(DESIGN, SPEC), DESIGN.json());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunRecordJson.parse(good.substring(0, 200)))
                .getMessage().startsWith("not JSON"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunRecordJson.parse(good.replace(
                "\"status\":\"finished\"", "\"status\":\"done\""))).getMessage().contains("allowed: finished"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunRecordJson.parse(good.replace(
                "\"seed\":1,", "\"seed\":7,"))).getMessage().contains("is not the id of its spec"),
                "a spec edited by hand no longer matches its run id");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunRecordJson.parse(good.replace(
                "\"width\":10,", ""))).getMessage().contains("width is missing"));
    }

    @Test
    void theRunIdDependsOnSpecAndNumericsOnly() {
        String a = RunRecord.idOf(SPEC, "1/float32x16");
        assertEquals(a, RunRecord.idOf(SPEC, "1/float32x16"));
        assertTrue(!a.equals(RunRecord.idOf(SPEC, "1/float32x8")));
        assertTrue(!a.equals(RunRecord.idOf(DESIGN.design().runs().get(4), "1/float32x16")));
        assertTrue(a.matches("[0-9a-f]{16}"));
    }
}
