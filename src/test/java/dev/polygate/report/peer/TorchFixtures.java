package dev.polygate.report.peer;

import dev.polygate.report.jmh.JmhFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Synthetic rounds of both sides: torch_step.py JSON and JMH JSON of TrainingStepBenchmark.step. */
final class TorchFixtures {
    private TorchFixtures() {
    }

    /** One case's per-iteration ns on one side. */
    record Timing(PeerCase peerCase, double... nanos) {
    }

    static PeerCase peerCase(String activation, String kind, String shape) {
        return PeerCase.parse(activation, kind, shape);
    }

    /**
     * The OpenBLAS a torch file records: openblas_get_corename() and OPENBLAS_CORETYPE, each null
     * where absent (core null: no OpenBLAS mapped, the reference BLAS instead).
     */
    record Blas(String core, String coretype) {
        static final Blas NONE = new Blas(null, null);
        static final Blas HASWELL = new Blas("Haswell", null);

        private String fields() {
            return "\"openblasCore\": " + quoted(core) + ", \"openblasConfig\": "
                    + quoted(core == null ? null : "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY " + core + " MAX_THREADS=64")
                    + ", \"openblasCoretype\": " + quoted(coretype) + ", ";
        }

        private String libraries() {
            return core == null ? "\"/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0\""
                    : "\"/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3\", "
                    + "\"/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so\"";
        }

        private static String quoted(String s) {
            return s == null ? "null" : "\"" + s + "\"";
        }
    }

    /** The JSON torch_step.py writes for these cases, at {@code threads} threads, on the reference BLAS. */
    static String torchJson(int threads, List<Timing> timings) {
        return torchJson(threads, timings, Blas.NONE);
    }

    /** The same on this OpenBLAS. */
    static String torchJson(int threads, List<Timing> timings, Blas blas) {
        List<String> cases = new ArrayList<>();
        for (Timing t : timings) {
            PeerCase c = t.peerCase();
            cases.add(String.format(Locale.ROOT, "{\"activation\": \"%s\", \"kind\": \"%s\", \"shape\": \"%s\", "
                            + "\"threads\": %d, \"parameters\": %d, \"nanosPerStep\": [%s]}",
                    c.activation().cliName(), c.kind().cliName(), c.shape(), threads, c.polygateParameters(),
                    java.util.Arrays.stream(t.nanos()).mapToObj(v -> String.format(Locale.ROOT, "%s", v))
                            .collect(Collectors.joining(", "))));
        }
        return "{\"format\": \"polygate-torch-step/2\", \"torchVersion\": \"1.13.0\", "
                + "\"torchConfig\": \"PyTorch built with:\\n  - Build settings: BLAS_INFO=generic, BUILD_TYPE=Release\\n\", "
                + "\"torchThreads\": " + threads + ", \"mkldnn\": true, "
                + "\"blasLibraries\": [" + blas.libraries() + "], " + blas.fields() + "\"pythonVersion\": \"3.11.2\", "
                + "\"cpu\": \"AMD EPYC\", \"optimizer\": \"torch.optim.Adam(lr=0.01)\", \"warmupIterations\": 3, "
                + "\"measurementIterations\": 3, \"iterationSeconds\": 0.3, \"cases\": [" + String.join(", ", cases) + "]}\n";
    }

    /**
     * A file of format polygate-torch-step/1, which did not record OpenBLAS: {@code json} of /2
     * without its OpenBLAS fields.
     */
    static String formatOne(String json) {
        return json.replace("polygate-torch-step/2", "polygate-torch-step/1").replaceAll("\"openblas[A-Za-z]+\": [^,]*, ", "");
    }

    static Path torch(Path file, int threads, List<Timing> timings) throws IOException {
        return Files.writeString(file, torchJson(threads, timings));
    }

    static Path torch(Path file, int threads, List<Timing> timings, Blas blas) throws IOException {
        return Files.writeString(file, torchJson(threads, timings, blas));
    }

    /** One JMH round: one fork per case with the given iterations, on one thread per run. */
    static Path jmh(Path file, List<String> jvmArgs, List<Timing> timings) throws IOException {
        return jmh(file, jvmArgs, 1, timings);
    }

    /** The same on {@code threadsPerRun} threads (written as JMH writes a param: only when not 1, as before the param existed). */
    static Path jmh(Path file, List<String> jvmArgs, int threadsPerRun, List<Timing> timings) throws IOException {
        List<JmhFixtures.Entry> entries = new ArrayList<>();
        for (Timing t : timings) {
            PeerCase c = t.peerCase();
            Map<String, String> params = new java.util.HashMap<>(Map.of("activation", c.activation().cliName(),
                    "kind", c.kind().cliName(), "shape", c.shape()));
            if (threadsPerRun != 1) {
                params.put("threadsPerRun", Integer.toString(threadsPerRun));
            }
            entries.add(JmhFixtures.entry(PolygateRounds.STEP, params, t.nanos()));
        }
        JmhFixtures.Jvm jvm = new JmhFixtures.Jvm("/usr/bin/java", "17.0.15", "17.0.15+6", jvmArgs);
        return JmhFixtures.write(file, jvm, entries);
    }
}
