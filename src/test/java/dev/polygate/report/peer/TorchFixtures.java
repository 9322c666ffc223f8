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

    /** The JSON torch_step.py writes for these cases, at {@code threads} threads. */
    static String torchJson(int threads, List<Timing> timings) {
        List<String> cases = new ArrayList<>();
        for (Timing t : timings) {
            PeerCase c = t.peerCase();
            cases.add(String.format(Locale.ROOT, "{\"activation\": \"%s\", \"kind\": \"%s\", \"shape\": \"%s\", "
                            + "\"threads\": %d, \"parameters\": %d, \"nanosPerStep\": [%s]}",
                    c.activation().cliName(), c.kind().cliName(), c.shape(), threads, c.polygateParameters(),
                    java.util.Arrays.stream(t.nanos()).mapToObj(v -> String.format(Locale.ROOT, "%s", v))
                            .collect(Collectors.joining(", "))));
        }
        return "{\"format\": \"polygate-torch-step/1\", \"torchVersion\": \"1.13.0\", "
                + "\"torchConfig\": \"PyTorch built with:\\n  - Build settings: BLAS_INFO=generic, BUILD_TYPE=Release\\n\", "
                + "\"torchThreads\": " + threads + ", \"mkldnn\": true, "
                + "\"blasLibraries\": [\"/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0\"], \"pythonVersion\": \"3.11.2\", "
                + "\"cpu\": \"AMD EPYC\", \"optimizer\": \"torch.optim.Adam(lr=0.01)\", \"warmupIterations\": 3, "
                + "\"measurementIterations\": 3, \"iterationSeconds\": 0.3, \"cases\": [" + String.join(", ", cases) + "]}\n";
    }

    static Path torch(Path file, int threads, List<Timing> timings) throws IOException {
        return Files.writeString(file, torchJson(threads, timings));
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
