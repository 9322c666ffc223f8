package dev.polygate.report.jdk;

import dev.polygate.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The JDK comparison report: {@value #MARKDOWN} and {@value #PNG}, from each JDK's JMH result
 * files and its sweep's run store (sweep-runs.jsonl).
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
    /** An A/A run's report, beside the A/B one so that neither replaces the other. */
    public static final String MARKDOWN_AA = "jdk-comparison-aa.md";
    public static final String PNG_AA = "jdk-comparison-aa.png";
    /** An A/A run's false-positive count, which an A/B report in the same directory prints. */
    public static final String CALIBRATION_JSON = "jdk-comparison-aa.json";

    /**
     * What was measured on one JDK.
     *
     * @param label        the report's name for it, e.g. jdk17.0.15
     * @param jmhFiles     JMH {@code -rf json} files, pooled (e.g. one per round and benchmark set)
     * @param accuracyFile the run store (sweep-runs.jsonl, or its directory) of a sweep run on that JDK
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
        SpeedComparison speed = SpeedComparison.of(sideA.forkMedians(), sideB.forkMedians());
        if (speed.rows().isEmpty()) {
            throw new IllegalArgumentException("no benchmark (with the same parameters) was measured on both sides: "
                    + "nothing to compare");
        }
        // The same executable and VM build on both sides: nothing differs but the noise.
        boolean aa = sideA.executables().equals(sideB.executables());
        return new JdkComparison(sideA, sideB, speed, AccuracyComparison.of(sideA.accuracy(), sideB.accuracy()), aa,
                java.util.Optional.empty());
    }

    /**
     * An A/B comparison with the A/A calibration of {@code file} added; the file must be one an
     * A/A report wrote. An A/A comparison is returned as it is (it is its own calibration).
     */
    public static JdkComparison withCalibration(JdkComparison comparison, Path file) {
        if (comparison.aa()) {
            return comparison;
        }
        return comparison.withCalibration(Calibration.read(file));
    }

    /**
     * Writes {@value #MARKDOWN} and {@value #PNG} (an A/A run: {@value #MARKDOWN_AA}, {@value #PNG_AA}
     * and {@value #CALIBRATION_JSON}) into {@code dir}, which must exist; returns their paths.
     */
    public static List<Path> writeAll(JdkComparison comparison, Path dir) throws IOException {
        // Drawn off-screen; harmless when already set.
        System.setProperty("java.awt.headless", "true");
        String pngName = comparison.aa() ? PNG_AA : PNG;
        String markdown = JdkComparisonMarkdown.render(comparison, pngName);
        byte[] png = RatioChart.png(comparison.speed(), comparison.a().label(), comparison.b().label());
        Path md = dir.resolve(comparison.aa() ? MARKDOWN_AA : MARKDOWN);
        Path image = dir.resolve(pngName);
        AtomicFiles.writeString(md, markdown);
        AtomicFiles.write(image, out -> out.write(png));
        if (!comparison.aa()) {
            return List.of(md, image);
        }
        byte[] json = Calibration.of(comparison).json();
        Path calibration = dir.resolve(CALIBRATION_JSON);
        AtomicFiles.write(calibration, out -> out.write(json));
        return List.of(md, image, calibration);
    }
}
