package dev.polygate.report.peer;

import dev.polygate.experiment.Environment;
import dev.polygate.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The peer report, polygate against PyTorch: {@value #MARKDOWN}, {@value #JSON} and {@value #PNG}.
 * {@link PeerComparison#compare} reads and checks the inputs; {@link #writeAll} renders all three
 * files in memory first and then writes each through {@link AtomicFiles}, so a failure never
 * leaves a half-written report.
 */
public final class PeerReport {
    public static final String MARKDOWN = "peer-torch.md";
    public static final String JSON = "peer-torch.json";
    public static final String PNG = "peer-torch.png";

    private PeerReport() {
    }

    /** Writes the three files into {@code dir} (which must exist); returns their paths. */
    public static List<Path> writeAll(PeerComparison comparison, Path dir) throws IOException {
        Environment machine = Environment.current();
        byte[] md = PeerMarkdown.render(comparison, machine).getBytes(StandardCharsets.UTF_8);
        byte[] json = PeerJson.render(comparison, machine);
        byte[] png = PeerChart.png(comparison);
        List<Path> written = List.of(dir.resolve(MARKDOWN), dir.resolve(JSON), dir.resolve(PNG));
        AtomicFiles.write(written.get(0), out -> out.write(md));
        AtomicFiles.write(written.get(1), out -> out.write(json));
        AtomicFiles.write(written.get(2), out -> out.write(png));
        return written;
    }
}
