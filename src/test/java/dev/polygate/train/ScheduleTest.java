package dev.polygate.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygate.model.TrainingSetup.Schedule;
import org.junit.jupiter.api.Test;

/** Learning-rate schedules at chosen steps (0-based, of T) against values computed by hand. */
class ScheduleTest {
    static final double LR = 0.1;

    private static void assertRate(String schedule, int steps, int t, double expected) {
        assertEquals(expected, Schedule.parse(schedule).rate(LR, t, steps), 1e-15, schedule + " at step " + t + " of " + steps);
    }

    /** Constant: exactly lr (the same double, so the default schedule keeps every run's bits). */
    @Test
    void constant() {
        for (int t : new int[] {0, 1, 499, 999}) {
            assertEquals(Double.doubleToRawLongBits(LR), Double.doubleToRawLongBits(Schedule.CONSTANT.rate(LR, t, 1000)));
        }
    }

    /** Cosine over T = 100: lr(1 + cos(πt/100))/2: 0.1 at 0, 0.05 at 50, 0.1·(1 + √½)/2 at 25, 0.1·(1 − √½)/2 at 75. */
    @Test
    void cosine() {
        assertRate("cosine", 100, 0, 0.1);
        assertRate("cosine", 100, 25, 0.1 * (1 + Math.sqrt(0.5)) / 2);
        assertRate("cosine", 100, 50, 0.05);
        assertRate("cosine", 100, 75, 0.1 * (1 - Math.sqrt(0.5)) / 2);
        assertRate("cosine", 100, 100, 0);
    }

    /** Step every 10, γ 0.5: 0.1 up to step 9, 0.05 from 10, 0.025 from 20, 0.0125 at 39. */
    @Test
    void step() {
        assertRate("step:10,0.5", 100, 0, 0.1);
        assertRate("step:10,0.5", 100, 9, 0.1);
        assertRate("step:10,0.5", 100, 10, 0.05);
        assertRate("step:10,0.5", 100, 25, 0.025);
        assertRate("step:10,0.5", 100, 39, 0.0125);
    }

    /**
     * Warm-up over 4 steps: lr·(t + 1)/4 at t = 0..3 (0.025, 0.05, 0.075, 0.1), then the decay
     * counted from step 4: constant 0.1; cosine over the remaining 100 of T = 104 (0.1 at 4, 0.05 at
     * 54); step:10,0.5 halves at 14 and 24.
     */
    @Test
    void warmup() {
        for (String s : new String[] {"constant+warmup:4", "cosine+warmup:4", "step:10,0.5+warmup:4"}) {
            assertRate(s, 104, 0, 0.025);
            assertRate(s, 104, 1, 0.05);
            assertRate(s, 104, 2, 0.075);
            assertRate(s, 104, 3, 0.1);
            assertRate(s, 104, 4, 0.1);
        }
        assertRate("constant+warmup:4", 104, 80, 0.1);
        assertRate("cosine+warmup:4", 104, 54, 0.05);
        assertRate("cosine+warmup:4", 104, 29, 0.1 * (1 + Math.sqrt(0.5)) / 2);
        assertRate("step:10,0.5+warmup:4", 104, 13, 0.1);
        assertRate("step:10,0.5+warmup:4", 104, 14, 0.05);
        assertRate("step:10,0.5+warmup:4", 104, 24, 0.025);
    }
}
