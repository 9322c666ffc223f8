package dev.polygate.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The avx2-kernels run (pom.xml) repeats the kernel tests under -XX:UseAVX=2; this checks that it
 * does reach the AVX2 path: at most 8 float lanes (256 bits), not AVX-512's 16. Skipped in a JVM
 * started without the flag.
 */
class Avx2PathTest {

    @Test
    void underUseAvx2TheKernelsRunAtMostEightLanes() {
        assumeTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:UseAVX=2"),
                "not the -XX:UseAVX=2 run");
        assertTrue(VectorMath.LANES <= 8, "-XX:UseAVX=2 but " + VectorMath.LANES + " float lanes");
    }
}
