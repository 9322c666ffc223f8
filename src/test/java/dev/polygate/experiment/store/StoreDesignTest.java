package dev.polygate.experiment.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.Design;
import dev.polygate.experiment.EquivalenceDesign;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.ScalingDesign;
import dev.polygate.experiment.Sizing;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.model.RunSpec;
import dev.polygate.model.SetupCheck;
import dev.polygate.model.Target;
import dev.polygate.model.TrainingSetup;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreDesignTest {
    @Test
    void blocksDivideEveryReadStepAndKeepAboutAHundredPoints() {
        assertEquals(25, StoreDesign.defaultBlock(List.of(3000)));
        assertEquals(250, StoreDesign.defaultBlock(List.of(10_000, 40_000)));
        assertEquals(2, StoreDesign.defaultBlock(List.of(300)));
        assertEquals(1, StoreDesign.defaultBlock(List.of(50)));
        assertEquals(1, StoreDesign.defaultBlock(List.of(101)), "a prime has no divisor to use");
        assertEquals(7, StoreDesign.defaultBlock(List.of(7 * 113)), "no round divisor: the largest one");
        for (int steps = 1; steps < 5000; steps += 37) {
            int b = StoreDesign.defaultBlock(List.of(steps));
            assertEquals(0, steps % b);
            assertTrue(b <= Math.max(1, steps / StoreDesign.CURVE_BLOCKS));
        }
    }

    @Test
    void everyDesignComesBackFromItsJsonWithTheSameId() {
        for (Design d : List.<Design>of(Grid.studyDefault(), EquivalenceDesign.defaults(), ScalingDesign.defaults(),
                dev.polygate.experiment.QueirugaDesign.defaults())) {
            Design back = DesignJson.parse(d.command(), DesignJson.of(d));
            assertEquals(d, back);
            assertEquals(DesignJson.id(d), DesignJson.id(back));
        }
        assertNotEquals(DesignJson.id(StoreFixtures.grid(2)), DesignJson.id(StoreFixtures.grid(3)));
    }

    /** The committed stores were written for these ids: the setup must not change a default design's JSON. */
    @Test
    void theStudysDesignKeepsTheIdItHadBeforeSetups() {
        assertEquals("f80ce56138ae0492", DesignJson.id(Grid.studyDefault()));
        assertTrue(!DesignJson.of(Grid.studyDefault()).has("optimizer"));
        assertEquals(TrainingSetup.DEFAULT, Grid.studyDefault().setup());
    }

    @Test
    void aGridsSetupIsWrittenWhenNotTheDefaultAndReadBack() {
        TrainingSetup setup = TrainingSetup.DEFAULT.withInputs(TrainingSetup.Inputs.uniform(-1, 1))
                .withTestSamples(1000).withOptimizer(TrainingSetup.Optimizer.sgd(0.9))
                .withSchedule(TrainingSetup.Schedule.parse("cosine"));
        Grid g = StoreFixtures.grid(2).withSetup(setup);
        var json = DesignJson.of(g);
        assertEquals("uniform:-1.0,1.0", json.get("inputs").asText());
        assertEquals(1000, json.get("testSamples").asInt());
        assertEquals("float32", json.get("precision").asText());
        assertEquals("sgd:0.9", json.get("optimizer").asText());
        assertEquals("cosine", json.get("schedule").asText());
        assertEquals("pytorch", json.get("init").asText());
        Design back = DesignJson.parse("sweep", json);
        assertEquals(g, back);
        assertEquals(DesignJson.id(g), DesignJson.id(back));
        assertNotEquals(DesignJson.id(StoreFixtures.grid(2)), DesignJson.id(g));
        for (RunSpec run : g.runs()) {
            assertEquals(setup, run.setup(), run.id());
        }
        assertEquals(StoreFixtures.grid(2).runs().size(), g.runs().size());

        json.remove(List.of("inputs", "testSamples", "precision", "schedule", "init"));
        assertEquals(StoreFixtures.grid(2).withSetup(TrainingSetup.DEFAULT.withOptimizer(TrainingSetup.Optimizer.sgd(0.9))),
                DesignJson.parse("sweep", json), "a field left out reads as the default's");
    }

    @Test
    void aGridRefusesASetupOneOfItsModelsCannotTake() {
        String spline = assertThrows(IllegalArgumentException.class, () -> StoreFixtures.grid(2)
                .withSetup(TrainingSetup.DEFAULT.withInit(TrainingSetup.Init.SPLINE))).getMessage();
        assertTrue(spline.contains("--init spline applies to one hidden layer") && spline.contains("not to silu plain"),
                spline);
        Grid relu = new Grid(List.of(Activation.RELU), List.of(LayerKind.PLAIN, LayerKind.GATED),
                List.of(Target.recipCos2()), List.of(Sizing.equalWidth(10)), List.of(1), List.of(0.01), 100, 300, 2, 0,
                TrainingSetup.DEFAULT.withInit(TrainingSetup.Init.SPLINE).withOptimizer(TrainingSetup.Optimizer.LM));
        assertEquals(4, relu.runs().size());

        String jacobian = assertThrows(IllegalArgumentException.class, () -> new Grid(List.of(Activation.RELU),
                List.of(LayerKind.PLAIN), Target.powers(List.of(2)), List.of(Sizing.equalWidth(100)), List.of(1),
                List.of(0.01), 1_000_000, 10, 1, 0, TrainingSetup.DEFAULT.withOptimizer(TrainingSetup.Optimizer.READOUT)))
                .getMessage();
        assertTrue(jacobian.contains("--optimizer readout needs a dense Jacobian") && jacobian.contains("1000000 x 301")
                && jacobian.contains("limit of " + SetupCheck.MAX_JACOBIAN_ENTRIES + " (400 MB)"), jacobian);
    }

    @Test
    void differencesNameTheFields() {
        String diff = DesignJson.differences(DesignJson.of(StoreFixtures.grid(2)), DesignJson.of(StoreFixtures.grid(3)));
        assertEquals("seeds 2 here, 3 there", diff);
        // A design read back from a store (int nodes) against one built here (long nodes): no difference.
        Grid g = StoreFixtures.grid(2);
        com.fasterxml.jackson.databind.node.ObjectNode parsed;
        try {
            parsed = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(DesignJson.of(g).toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
        assertEquals("", DesignJson.differences(DesignJson.of(g), parsed));
    }
}
