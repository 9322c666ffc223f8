package dev.polygate.report.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.report.stats.HodgesLehmannRatio;
import org.junit.jupiter.api.Test;

class RatioIntervalTest {
    @Test
    void aRatioOfForkMediansIsTheHodgesLehmannRatioWithItsCoverage() {
        double[] scalar = {80, 82, 78, 85, 79};
        double[] vector = {10, 10.5, 9.8, 10.2, 11};

        RatioInterval r = RatioInterval.of(scalar, vector);
        HodgesLehmannRatio hl = HodgesLehmannRatio.of95(scalar, vector);

        assertEquals(hl.ratio(), r.ratio());
        assertEquals(hl.low(), r.low());
        assertEquals(hl.high(), r.high());
        assertEquals(1 - 8.0 / 252, r.coverage(), 1e-12);
        assertFalse(r.belowLevel());
        assertTrue(r.low() > 7 && r.high() < 8.6, r.low() + " " + r.high());
        assertTrue(r.excludes(5));
        assertFalse(r.excludes(r.ratio()));
    }

    @Test
    void twoForksASideGiveMinMaxBelowTheLevel() {
        RatioInterval r = RatioInterval.of(new double[] {80, 90}, new double[] {10, 9});
        assertTrue(r.belowLevel());
        assertEquals(80.0 / 10, r.low(), 1e-12);
        assertEquals(90.0 / 9, r.high(), 1e-12);
        assertEquals(1 - 2.0 / 6, r.coverage(), 1e-12);
    }
}
