package dev.polygate.report.jdk;

import dev.polygate.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The JDK comparison report: {@value #MARKDOWN} and {@value #PNG}, from each JDK's JMH result
 * files and accuracy.json.
 *
 * <p>{@link #compare} reads and checks every input and computes everything; bad input is an
 * InvalidInputException (an unusable file) or IllegalArgumentException (files that do not go
 * together) with a one-line message, before anything is written. {@link #writeAll}
 * renders both files in memory first and only then writes them, each through {@link AtomicFiles},
 * so a failure never leaves a half-written or half-updated report.
 */
public final class JdkComparisonReport {
    public static final String MARKDOWN = "jdk-comparison.md";
    public static final String PNG = "jdk-comparison.png";

    /**
     * What was measured on one JDK.
     *
     * @param label        the report's name for it, e.g. jdk17.0.15
     * @param jmhFiles     JMH {@code -rf json} files, pooled (e.g. one per round and benchmark set)
     * @param accuracyFile the accuracy.json of a sweep run on that JDK
     */
    public record Side(String label, List<Path> jmhFiles, Path accuracyFile) {
        public Side {
            jmhFiles = List.copyOf(jmhFiles);
        }
    }

    private JdkComparisonReport() {
    }

    /** Reads both sides and compares them; InvalidInputException or IllegalArgumentException (one line) for bad input. */
    public static JdkComparison compare(Side a, Side b) throws IOException {
        if (a.label().equals(b.label())) {
            throw new IllegalArgumentException("both sides are labelled '" + a.label() + "' (give two different labels)");
        }
        JdkSide sideA = JdkSide.load(a.label(), a.jmhFiles(), a.accuracyFile());
        JdkSide sideB = JdkSide.load(b.label(), b.jmhFiles(), b.accuracyFile());
        SpeedComparison speed = SpeedComparison.of(sideA.samplesNanos(), sideB.samplesNanos());
        if (speed.rows().isEmpty()) {
            throw new IllegalArgumentException("no benchmark (with the same parameters) was measured on both sides: "
                    + "nothing to compare");
        }
        return new JdkComparison(sideA, sideB, speed, AccuracyComparison.of(sideA.accuracy(), sideB.accuracy()));
    }

    /** Writes {@value #MARKDOWN} and {@value #PNG} into {@code dir}, which must exist; returns their paths. */
    public static List<Path> writeAll(JdkComparison comparison, Path dir) throws IOException {
        // Drawn off-screen; harmless when already set.
        System.setProperty("java.awt.headless", "true");
        String markdown = JdkComparisonMarkdown.render(comparison, PNG);
        byte[] png = RatioChart.png(comparison.speed(), comparison.a().label(), comparison.b().label());
        Path md = dir.resolve(MARKDOWN);
        Path image = dir.resolve(PNG);
        AtomicFiles.writeString(md, markdown);
        AtomicFiles.write(image, out -> out.write(png));
        return List.of(md, image);
    }
}
