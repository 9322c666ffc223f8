package dev.polygate.report.peer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
 * @param cases           per case, its median iteration in ns per step: one value per process
 */
public record TorchRun(Path source, String torchVersion, String torchConfig, int threads, boolean mkldnn,
                       List<String> blasLibraries, String pythonVersion, String cpu, String optimizer,
                       Map<PeerCase, Double> cases) {

    public TorchRun {
        blasLibraries = List.copyOf(blasLibraries);
        cases = Map.copyOf(cases);
    }

    /** The BLAS line of torch's build configuration ("Build settings: BLAS_INFO=generic, ..." → "BLAS_INFO=generic"). */
    public String blasInfo() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("BLAS_INFO=([^,\\s]+)").matcher(torchConfig);
        return m.find() ? "BLAS_INFO=" + m.group(1) : "BLAS_INFO not stated";
    }
}
