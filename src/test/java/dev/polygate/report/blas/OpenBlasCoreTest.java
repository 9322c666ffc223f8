package dev.polygate.report.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenBlasCoreTest {

    private static void assertIsa(String isa, int lanes, List<String> cores) {
        for (String core : cores) {
            OpenBlasCore.Isa found = OpenBlasCore.isaOf(core).orElseThrow(() -> new AssertionError(core + " unknown"));
            assertEquals(isa, found.name(), core);
            assertEquals(lanes, found.floatLanes(), core);
        }
    }

    /** Each core name OpenBLAS reports on x86-64, to the instruction set of its sgemm kernel. */
    @Test
    void everyX86CoreNameHasTheInstructionSetOfItsSgemm() {
        assertIsa("SSE", 4, List.of("Prescott", "Core2", "Penryn", "Dunnington", "Nehalem", "Atom", "Opteron",
                "Opteron_SSE3", "Barcelona", "Bobcat", "Nano"));
        assertIsa("AVX without FMA", 8, List.of("Sandybridge"));
        assertIsa("AVX + FMA4", 4, List.of("Bulldozer", "Piledriver", "Steamroller", "Excavator"));
        assertIsa("AVX2 + FMA", 8, List.of("Haswell", "Zen"));
        assertIsa("AVX-512", 16, List.of("SkylakeX", "Cooperlake", "SapphireRapids"));
    }

    @Test
    void namesAreMatchedInAnyCaseAsOpenBlasMatchesOpenblasCoretype() {
        assertEquals(16, OpenBlasCore.isaOf("skylakex").orElseThrow().floatLanes());
        assertEquals(8, OpenBlasCore.isaOf("HASWELL").orElseThrow().floatLanes());
    }

    @Test
    void anUnknownNameIsShownAsItIs() {
        assertEquals(Optional.empty(), OpenBlasCore.isaOf("NEOVERSEN1"));
        assertEquals(Optional.empty(), OpenBlasCore.isaOf("Unknown"));
        OpenBlasCore arm = new OpenBlasCore("NEOVERSEN1", Optional.empty(), Optional.empty());
        assertEquals("OpenBLAS ran its NEOVERSEN1 kernels (instruction set not known to polygate), chosen by OpenBLAS "
                + "for this CPU", arm.describe());
    }

    @Test
    void theDescriptionSaysWhetherTheKernelsWereForced() {
        OpenBlasCore chosen = new OpenBlasCore("Haswell",
                Optional.of("OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64"), Optional.empty());
        assertFalse(chosen.forced());
        assertEquals("OpenBLAS ran its Haswell kernels (AVX2 + FMA, 8 float lanes, in sgemm), chosen by OpenBLAS for "
                + "this CPU", chosen.describe());
        OpenBlasCore forced = new OpenBlasCore("SkylakeX", Optional.empty(), Optional.of("skylakex"));
        assertTrue(forced.forced());
        assertEquals("OpenBLAS ran its SkylakeX kernels (AVX-512, 16 float lanes, in sgemm), forced with "
                + "OPENBLAS_CORETYPE=skylakex", forced.describe());
        assertThrows(IllegalArgumentException.class, () -> new OpenBlasCore(" ", Optional.empty(), Optional.empty()));
    }
}
