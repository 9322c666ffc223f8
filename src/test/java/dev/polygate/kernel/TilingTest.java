package dev.polygate.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The blocking chosen from the register file, and the overrides' checks. */
class TilingTest {

    @Test
    void avx2CodeHasSixteenRegistersAndEverythingElseThirtyTwo() {
        assertEquals(16, Tiling.vectorRegisters(1));
        assertEquals(16, Tiling.vectorRegisters(2));
        assertEquals(32, Tiling.vectorRegisters(3));
        assertEquals(32, Tiling.vectorRegisters(-1));   // not HotSpot on x86: AArch64 has 32
    }

    @Test
    void theTileFitsTheRegistersOfThisJvm() {
        if (System.getProperty(Tiling.ROWS_PROPERTY) == null) {
            assertEquals(Tiling.VECTOR_REGISTERS == 32 ? 8 : 4, Tiling.ROWS, Tiling.describe());
        }
        // 2 vectors per tile row are accumulators; 2 operands and a broadcast come on top.
        assertTrue(2 * Tiling.ROWS + 3 <= Tiling.VECTOR_REGISTERS || System.getProperty(Tiling.ROWS_PROPERTY) != null);
        assertEquals(16 * 1024, Tiling.INNER_BLOCK * VectorKernels.BLOCK * Float.BYTES);
    }

    @Test
    void badOverridesAreNamedWithWhatIsAllowed() {
        String before = System.getProperty(Tiling.ROWS_PROPERTY);
        try {
            System.setProperty(Tiling.ROWS_PROPERTY, "6");
            assertEquals(Optional.of("-Dpolygate.tileRows=6 is not allowed: use 4 or 8"), Tiling.invalidOverride());
            System.setProperty(Tiling.ROWS_PROPERTY, "8");
            assertEquals(Optional.empty(), Tiling.invalidOverride());
            System.clearProperty(Tiling.ROWS_PROPERTY);
            System.setProperty(Tiling.INNER_BLOCK_PROPERTY, "x");
            assertEquals(Optional.of("-Dpolygate.innerBlock=x is not allowed: use an integer from 16 to 4096"),
                    Tiling.invalidOverride());
        } finally {
            System.clearProperty(Tiling.INNER_BLOCK_PROPERTY);
            if (before != null) {
                System.setProperty(Tiling.ROWS_PROPERTY, before);
            } else {
                System.clearProperty(Tiling.ROWS_PROPERTY);
            }
        }
    }
}
