package dev.polygate.kernel;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * The blocking of the matrix kernels ({@link VectorKernels#matmulPanel}), chosen once at start-up
 * from the vector register file C2 compiles for, as llama3.java picks its vector width: the
 * register tile's rows ({@link #ROWS}) and the k-block of a packed panel ({@link #INNER_BLOCK}).
 * Neither changes a result bit (every output is one fma chain in k order); both change speed.
 *
 * <p>Registers: 32 where C2 emits AVX-512 (UseAVX=3: zmm0–31) or on a non-x86 CPU (AArch64 has
 * 32 SIMD registers); 16 under UseAVX ≤ 2 (ymm0–15), on an AVX2 CPU and on an AVX-512 CPU run
 * with -XX:UseAVX=2. Overrides, for measuring: {@code -Dpolygate.tileRows=4|8} and
 * {@code -Dpolygate.innerBlock=K} (16 ≤ K ≤ 4096); {@link #invalidOverride} names a bad one.
 */
public final class Tiling {
    /** System property overriding {@link #ROWS}. */
    public static final String ROWS_PROPERTY = "polygate.tileRows";
    /** System property overriding {@link #INNER_BLOCK}. */
    public static final String INNER_BLOCK_PROPERTY = "polygate.innerBlock";

    /** Vector registers C2 allocates from: 16 or 32. */
    public static final int VECTOR_REGISTERS = vectorRegisters(useAvx());
    /**
     * Rows of the register tile (× 2 vectors): 8 with 32 registers (16 accumulators + 2 operands +
     * a broadcast), 4 with 16 (8 + 3: the 8-row tile spills there).
     */
    public static final int ROWS = parse(ROWS_PROPERTY, VECTOR_REGISTERS == 32 ? 8 : 4, 4, 8);
    /**
     * The k-block: inner indices per packed panel, so a panel (INNER_BLOCK × 2 vectors) is 16 KB
     * and stays in L1 (32 KB on Zen 3, 48 KB on Zen 5) beside the A rows it meets.
     */
    public static final int INNER_BLOCK = parse(INNER_BLOCK_PROPERTY, 16 * 1024 / (VectorKernels.BLOCK * Float.BYTES),
            16, 4096);

    private Tiling() {
    }

    /** HotSpot's UseAVX level, or -1 where there is none (not x86, not HotSpot). */
    public static int useAvx() {
        try {
            HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return Integer.parseInt(bean.getVMOption("UseAVX").getValue());
        } catch (RuntimeException | LinkageError notHotSpotOnX86) {
            return -1;
        }
    }

    static int vectorRegisters(int useAvx) {
        return useAvx >= 0 && useAvx <= 2 ? 16 : 32;
    }

    /** A one-line message for a malformed or out-of-range override, if any was given. */
    public static Optional<String> invalidOverride() {
        return check(ROWS_PROPERTY, 4, 8).or(() -> check(INNER_BLOCK_PROPERTY, 16, 4096));
    }

    private static Optional<String> check(String property, int min, int max) {
        String text = System.getProperty(property);
        if (text == null) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max && (!property.equals(ROWS_PROPERTY) || value == 4 || value == 8)) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String allowed = property.equals(ROWS_PROPERTY) ? "4 or 8" : "an integer from " + min + " to " + max;
        return Optional.of("-D" + property + "=" + text + " is not allowed: use " + allowed);
    }

    private static int parse(String property, int fallback, int min, int max) {
        // A bad override falls back here; the command line refuses it first (invalidOverride).
        return check(property, min, max).isPresent() || System.getProperty(property) == null
                ? fallback : Integer.parseInt(System.getProperty(property).trim());
    }

    /** One line for reports and logs, e.g. "tile 8x2 vectors, k-block 128 (32 registers)". */
    public static String describe() {
        return "tile " + ROWS + "x2 vectors, k-block " + INNER_BLOCK + " (" + VECTOR_REGISTERS + " vector registers)";
    }
}
