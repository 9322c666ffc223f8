package dev.polygate.report.blas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenBLAS under PyTorch as bin/lib/torch_step.py read it from the mapped library after
 * importing torch: which of its x86-64 kernel sets ran, how the library describes itself, and
 * whether the kernel set was forced. A DYNAMIC_ARCH build (Debian's) picks a kernel set for the CPU
 * when it loads, or takes the one OPENBLAS_CORETYPE names; it falls back to its own pick without a
 * word where it does not know that name, so {@code core} is what ran and {@code coretype} only what
 * was asked (torch_step.py refuses a run where the two differ).
 *
 * @param core     openblas_get_corename(), e.g. "Haswell": the kernel set that ran
 * @param config   openblas_get_config(), e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell
 *                 MAX_THREADS=64"; empty where the library lacks that function
 * @param coretype OPENBLAS_CORETYPE as set when the library loaded; empty where it was unset and
 *                 OpenBLAS chose the kernel set for this CPU
 */
public record OpenBlasCore(String core, Optional<String> config, Optional<String> coretype) {

    /**
     * The instruction set of a kernel set's single-precision matrix product (sgemm, which PyTorch's
     * Linear layers call in float32).
     *
     * @param name       e.g. "AVX2 + FMA"
     * @param floatLanes float lanes per vector register the kernel computes on
     */
    public record Isa(String name, int floatLanes) {
        /** "AVX2 + FMA, 8 float lanes". */
        public String describe() {
            return name + ", " + floatLanes + " float lanes";
        }
    }

    private static final Isa SSE = new Isa("SSE", 4);
    private static final Isa AVX = new Isa("AVX without FMA", 8);
    // AMD's 15h family: its sgemm (sgemm_kernel_16x2_bulldozer.S, _piledriver.S for Steamroller and
    // Excavator too) multiplies and adds with the 4-operand FMA4 on xmm registers, not ymm.
    private static final Isa FMA4 = new Isa("AVX + FMA4", 4);
    private static final Isa AVX2 = new Isa("AVX2 + FMA", 8);
    private static final Isa AVX512 = new Isa("AVX-512", 16);

    /**
     * OpenBLAS's x86-64 core names (driver/others/dynamic.c, lower case) to the instruction set of
     * the SGEMMKERNEL its kernel/x86_64/KERNEL.CORE names (OpenBLAS 0.3.21; later versions keep
     * these). Katmai, Coppermine, Northwood, Banias and Athlon are 32-bit cores a 64-bit OpenBLAS
     * replaces by Prescott, so it never reports them. Cooperlake and SapphireRapids take SkylakeX's
     * float kernels (their own are bfloat16's).
     */
    private static final Map<String, Isa> ISA = Map.ofEntries(
            Map.entry("prescott", SSE), Map.entry("core2", SSE), Map.entry("penryn", SSE),
            Map.entry("dunnington", SSE), Map.entry("nehalem", SSE), Map.entry("atom", SSE),
            Map.entry("opteron", SSE), Map.entry("opteron_sse3", SSE), Map.entry("barcelona", SSE),
            Map.entry("bobcat", SSE), Map.entry("nano", SSE),
            Map.entry("sandybridge", AVX),
            Map.entry("bulldozer", FMA4), Map.entry("piledriver", FMA4), Map.entry("steamroller", FMA4),
            Map.entry("excavator", FMA4),
            Map.entry("haswell", AVX2), Map.entry("zen", AVX2),
            Map.entry("skylakex", AVX512), Map.entry("cooperlake", AVX512), Map.entry("sapphirerapids", AVX512));

    public OpenBlasCore {
        if (core.isBlank()) {
            throw new IllegalArgumentException("an OpenBLAS core name must not be blank");
        }
    }

    /** The instruction set of an OpenBLAS core name (any case); empty for a name polygate does not know. */
    public static Optional<Isa> isaOf(String core) {
        return Optional.ofNullable(ISA.get(core.toLowerCase(Locale.ROOT)));
    }

    /** The instruction set of the kernels that ran; empty where polygate does not know the core. */
    public Optional<Isa> isa() {
        return isaOf(core);
    }

    /** Whether OPENBLAS_CORETYPE chose the kernels rather than OpenBLAS's look at the CPU. */
    public boolean forced() {
        return coretype.isPresent();
    }

    /**
     * "its Haswell kernels (AVX2 + FMA, 8 float lanes, in sgemm)", or "its Foo kernels (instruction
     * set not known to polygate)".
     */
    public String kernels() {
        return "its " + core + " kernels (" + isa().map(i -> i.describe() + ", in sgemm")
                .orElse("instruction set not known to polygate") + ")";
    }

    /** "forced with OPENBLAS_CORETYPE=SkylakeX" or "chosen by OpenBLAS for this CPU". */
    public String choice() {
        return coretype.map(t -> "forced with OPENBLAS_CORETYPE=" + t).orElse("chosen by OpenBLAS for this CPU");
    }

    /**
     * The fields peer-torch.json and throughput.json give it: openblasCore, openblasIsa and
     * openblasFloatLanes (null where polygate does not know the core), openblasCoretype (null:
     * chosen by OpenBLAS) and openblasConfig; every one null where {@code openblas} is empty.
     */
    public static void putJson(ObjectNode o, Optional<OpenBlasCore> openblas) {
        o.put("openblasCore", openblas.map(OpenBlasCore::core).orElse(null));
        Optional<Isa> isa = openblas.flatMap(OpenBlasCore::isa);
        o.put("openblasIsa", isa.map(Isa::name).orElse(null));
        o.put("openblasFloatLanes", isa.map(Isa::floatLanes).orElse(null));
        o.put("openblasCoretype", openblas.flatMap(OpenBlasCore::coretype).orElse(null));
        o.put("openblasConfig", openblas.flatMap(OpenBlasCore::config).orElse(null));
    }

    /** "OpenBLAS ran its Haswell kernels (AVX2 + FMA, 8 float lanes, in sgemm), chosen by OpenBLAS for this CPU". */
    public String describe() {
        return "OpenBLAS ran " + kernels() + ", " + choice();
    }
}
