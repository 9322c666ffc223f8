package dev.polygate.report.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.report.stats.MedianInterval;
import org.junit.jupiter.api.Test;

class RatioIntervalTest {
    @Test
    void ratioOfMediansTakesTheIntervalFromBothEnds() {
        MedianInterval scalar = new MedianInterval(80, 70, 90, 10, 2, 9, 0.98, false);
        MedianInterval vector = new MedianInterval(10, 9, 12, 10, 2, 9, 0.98, false);

        RatioInterval r = RatioInterval.of(scalar, vector);

        assertEquals(8, r.ratio(), 1e-12);
        assertEquals(70.0 / 12, r.low(), 1e-12, "slowest vector, fastest scalar");
        assertEquals(10, r.high(), 1e-12, "90 / 9");
        assertTrue(r.excludes(5));
        assertFalse(r.excludes(6));
        assertTrue(r.excludes(11));
    }
}
