package dev.polygate.experiment.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.Design;
import dev.polygate.experiment.EquivalenceDesign;
import dev.polygate.experiment.Grid;
import dev.polygate.experiment.ScalingDesign;
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
        for (Design d : List.<Design>of(Grid.studyDefault(), EquivalenceDesign.defaults(), ScalingDesign.defaults())) {
            Design back = DesignJson.parse(d.command(), DesignJson.of(d));
            assertEquals(d, back);
            assertEquals(DesignJson.id(d), DesignJson.id(back));
        }
        assertNotEquals(DesignJson.id(StoreFixtures.grid(2)), DesignJson.id(StoreFixtures.grid(3)));
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
