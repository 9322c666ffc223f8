package dev.polygate.report.peer;

import dev.polygate.report.blas.OpenBlasCore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of bin/lib/torch_step.py (one round's PyTorch process), as {@link TorchRunJson} read it.
 *
 * @param source          the JSON file
 * @param torchVersion    torch.__version__
 * @param torchConfig     torch.__config__.show(), as printed
 * @param threads         torch.get_num_threads() after set_num_threads
 * @param mkldnn          torch.backends.mkldnn.is_available()
 * @param blasLibraries   the BLAS/LAPACK shared objects the process had mapped (resolved paths)
 * @param pythonVersion   e.g. 3.11.2
 * @param cpu             the CPU model the process ran on (/proc/cpuinfo)
 * @param optimizer       how the optimizer was made, as the script states it
 * @param openblasRecorded whether the file records the OpenBLAS core (format polygate-torch-step/2 on;
 *                        /1 did not look)
 * @param openblas        the OpenBLAS the process had mapped: its core, configuration and
 *                        OPENBLAS_CORETYPE; empty where none was mapped or it was not recorded
 * @param cases           per case, its median iteration in ns per step: one value per process
 */
public record TorchRun(Path source, String torchVersion, String torchConfig, int threads, boolean mkldnn,
                       List<String> blasLibraries, String pythonVersion, String cpu, String optimizer,
                       boolean openblasRecorded, Optional<OpenBlasCore> openblas, Map<PeerCase, Double> cases) {

    public TorchRun {
        blasLibraries = List.copyOf(blasLibraries);
        if (!openblasRecorded && openblas.isPresent()) {
            throw new IllegalArgumentException("an OpenBLAS core that was not recorded");
        }
        cases = Map.copyOf(cases);
    }

    /** "Haswell", "no OpenBLAS" or "not recorded (polygate-torch-step/1)": for messages about rounds that differ. */
    String openblasCoreText() {
        if (!openblasRecorded) {
            return "not recorded (" + TorchRunJson.FORMAT_1 + ")";
        }
        return openblas.map(OpenBlasCore::core).orElse("no OpenBLAS");
    }

    /** The BLAS line of torch's build configuration ("Build settings: BLAS_INFO=generic, ..." → "BLAS_INFO=generic"). */
    public String blasInfo() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("BLAS_INFO=([^,\\s]+)").matcher(torchConfig);
        return m.find() ? "BLAS_INFO=" + m.group(1) : "BLAS_INFO not stated";
    }
}
