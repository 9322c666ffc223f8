package dev.polygate.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.JavaFlightRecorderProfiler;

/**
 * A post-processor for JMH's JFR profiler ({@code -prof "jfr:dir=DIR;postProcessor=dev.polygate.bench.TopFrames"}):
 * counts the recording's CPU samples (jdk.ExecutionSample) of the benchmark's own threads (JMH's
 * workers) by the innermost polygate method on the stack, writes them with the benchmark's name,
 * parameters and JVM options beside the recording as {@value #FILE}, which
 * {@code polygate throughput --profiles} reads, and deletes the recording: megabytes, of which the
 * report needs these few lines. Why the innermost polygate method and not the top frame: JMH's
 * profiler records with -XX:+DebugNonSafepoints, so a sample lands on the library method C2
 * inlined (FloatVector.fma, intoArray, Arrays.fill), which says what instruction ran but not
 * which kernel ran it; the library frames count to the polygate method that called them.
 */
public final class TopFrames implements JavaFlightRecorderProfiler.PostProcessor {
    /** The file written beside each recording. */
    public static final String FILE = "top-frames.tsv";

    /** The innermost frame of polygate's own code (dev.polygate.*), else the top frame. */
    private static RecordedMethod ownMethod(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            if (f.getMethod().getType().getName().startsWith("dev.polygate.")) {
                return f.getMethod();
            }
        }
        return frames.get(0).getMethod();
    }

    @Override
    public List<File> postProcess(BenchmarkParams params, File jfr) {
        Map<String, Long> counts = new HashMap<>();
        long samples = 0;
        try (RecordingFile recording = new RecordingFile(jfr.toPath())) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                        || event.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                RecordedThread thread = event.getThread("sampledThread");
                if (thread == null || thread.getJavaName() == null || !thread.getJavaName().contains("jmh-worker")) {
                    continue;
                }
                RecordedMethod method = ownMethod(event.getStackTrace().getFrames());
                counts.merge(method.getType().getName() + "." + method.getName(), 1L, Long::sum);
                samples++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JFR recording " + jfr, e);
        }
        StringBuilder tsv = new StringBuilder("# polygate: CPU samples of the JMH worker threads by the innermost "
                + "polygate method on the stack (JFR jdk.ExecutionSample), written by dev.polygate.bench.TopFrames\n");
        tsv.append("benchmark\t").append(params.getBenchmark()).append('\n');
        for (String key : params.getParamsKeys()) {
            tsv.append("param\t").append(key).append('\t').append(params.getParam(key)).append('\n');
        }
        tsv.append("jvmArgs\t").append(String.join(" ", params.getJvmArgs())).append('\n');
        tsv.append("samples\t").append(samples).append('\n');
        List<Map.Entry<String, Long>> frames = new ArrayList<>(counts.entrySet());
        frames.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Long> f : frames) {
            tsv.append("frame\t").append(f.getKey()).append('\t').append(f.getValue()).append('\n');
        }
        Path out = jfr.toPath().resolveSibling(FILE);
        try {
            Files.writeString(out, tsv, StandardCharsets.UTF_8);
            Files.delete(jfr.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        return List.of(out.toFile());
    }
}
