package dev.polygate.report.throughput;

import dev.polygate.model.Shape;
import dev.polygate.report.blas.OpenBlasCore;
import dev.polygate.report.input.InvalidInputException;
import dev.polygate.report.jmh.VectorSetting;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A peer-torch.json as {@code polygate peer-report} writes it (bin/compare-torch): polygate's
 * training step against PyTorch's on the same machine, read by {@link PeerTorchJson}. The throughput
 * report takes its numbers as they are — times, ratios, targets and verdicts are the file's — and
 * explains each miss from its own measurements ({@link PeerMiss}).
 *
 * @param source          the file
 * @param polygate        polygate's side: its JDK, vector width and threads per step
 * @param torchVersion    torch.__version__
 * @param torchThreads    PyTorch's threads per step
 * @param blas            the BLAS line of torch's build configuration and the libraries it had mapped, if the file has them
 * @param cases           every case, in the file's order
 */
public record PeerTorchReport(Path source, PolygateSide polygate, String torchVersion, int torchThreads,
                              Optional<Blas> blas, List<Case> cases) {

    public PeerTorchReport {
        cases = List.copyOf(cases);
    }

    /**
     * polygate's side of the comparison.
     *
     * @param jdkVersion e.g. 17.0.15
     * @param vector     the vector width and UseAVX level its forks ran at
     * @param threads    threads per step (TrainingStepBenchmark's threadsPerRun)
     */
    public record PolygateSide(String jdkVersion, VectorSetting vector, int threads) {
    }

    /**
     * What PyTorch's matrix products ran on.
     *
     * @param info      e.g. BLAS_INFO=generic
     * @param libraries the shared objects mapped (resolved paths)
     * @param openblas  the OpenBLAS kernels that ran, where the file names them (peer files from
     *                  torch runs that recorded them, with OpenBLAS mapped)
     */
    public record Blas(String info, List<String> libraries, Optional<OpenBlasCore> openblas) {
        public Blas {
            libraries = List.copyOf(libraries);
        }
    }

    /**
     * A median with its interval, or a ratio with its interval.
     *
     * @param value the median (times: ns per step) or the ratio
     * @param low   lower end
     * @param high  upper end
     */
    public record Estimate(double value, double low, double high) {
    }

    /**
     * One case of the file.
     *
     * @param activation e.g. relu
     * @param kind       plain, squared or gated
     * @param shape      samples × width × depth
     * @param polygate   polygate's time per step, ns
     * @param torch      PyTorch's time per step, ns
     * @param ratio      PyTorch's time ÷ polygate's (above 1: polygate faster)
     * @param target     the least ratio that meets the case's target; empty where it has none
     * @param targetMet  the file's verdict (false where there is no target)
     */
    public record Case(String activation, String kind, Shape shape, Estimate polygate, Estimate torch, Estimate ratio,
                       OptionalDouble target, boolean targetMet) {

        /** "relu plain 1000x10x1". */
        public String label() {
            return activation + " " + kind + " " + shape;
        }

        /** Whether the case has a target and misses it. */
        public boolean missed() {
            return target.isPresent() && !targetMet;
        }
    }

    /**
     * Fails unless polygate's side ran at the vector width and UseAVX level of this report's JMH
     * forks ({@code forks}: this report's JVM, which was checked against them): at another width the
     * comparison is of another code path than the one this report measured.
     */
    void requireVectorSetting(VectorSetting forks) {
        VectorSetting peer = polygate.vector();
        if (peer.lanes() != forks.lanes() || !peer.useAvx().equals(forks.useAvx())) {
            throw new InvalidInputException("--peer " + source + ": its polygate side ran at " + peer.describe()
                    + " but this report's JMH forks and JVM at " + forks.describe() + ", so it would set another code "
                    + "path beside these results: pass the peer-torch.json of a bin/compare-torch run with the forks' "
                    + "--jvm-args (bin/compare-torch --out DIR writes it where bin/benchmarks --out DIR looks for it)");
        }
    }
}
