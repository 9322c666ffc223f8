package dev.polygate.report.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoreFileLineTest {
    /** The default block of a 300-step sweep is 2 steps: "every 2nd step", not "2th". */
    @Test
    void blocksAreNamedAsOrdinals() {
        assertEquals(List.of("1st", "2nd", "3rd", "4th", "10th", "11th", "12th", "13th", "21st", "25th", "102nd", "250th"),
                List.of(1, 2, 3, 4, 10, 11, 12, 13, 21, 25, 102, 250).stream().map(StoreFileLine::ordinal).toList());
        assertEquals("2500th", StoreFileLine.ordinal(2500));
    }
}
