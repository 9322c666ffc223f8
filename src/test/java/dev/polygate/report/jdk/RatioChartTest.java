package dev.polygate.report.jdk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.report.ChartChecks;
import dev.polygate.report.jmh.BenchmarkId;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatioChartTest {
    private static double[] samples(double scale) {
        double[] v = new double[10];
        for (int i = 0; i < 10; i++) {
            v[i] = (i + 1) * scale;
        }
        return v;
    }

    private static boolean contains(BufferedImage image, Color colour) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void clearDifferencesGetTheirOwnColours() {
        Map<BenchmarkId, double[]> a = new LinkedHashMap<>();
        Map<BenchmarkId, double[]> b = new LinkedHashMap<>();
        a.put(new BenchmarkId("dev.polygate.bench.X.fast", Map.of("width", "64")), samples(10));
        b.put(new BenchmarkId("dev.polygate.bench.X.fast", Map.of("width", "64")), samples(1));
        a.put(new BenchmarkId("dev.polygate.bench.X.same", Map.of()), samples(10));
        b.put(new BenchmarkId("dev.polygate.bench.X.same", Map.of()), samples(10.5));
        BufferedImage withoutSlower = RatioChart.render(SpeedComparison.of(a, b), "jdk17", "jdk25");
        assertTrue(contains(withoutSlower, RatioChart.FASTER));
        assertTrue(contains(withoutSlower, RatioChart.UNCLEAR));
        assertFalse(contains(withoutSlower, RatioChart.SLOWER));
        a.put(new BenchmarkId("dev.polygate.bench.X.slow", Map.of()), samples(1));
        b.put(new BenchmarkId("dev.polygate.bench.X.slow", Map.of()), samples(10));
        assertTrue(contains(RatioChart.render(SpeedComparison.of(a, b), "jdk17", "jdk25"), RatioChart.SLOWER));
    }

    @Test
    void theTitleFitsWhateverTheJdkLabels() {
        Map<BenchmarkId, double[]> a = new LinkedHashMap<>();
        Map<BenchmarkId, double[]> b = new LinkedHashMap<>();
        a.put(new BenchmarkId("dev.polygate.bench.X.fast", Map.of()), samples(10));
        b.put(new BenchmarkId("dev.polygate.bench.X.fast", Map.of()), samples(9));
        // Labels as long as compare-jdks writes for a vendor build: the title outgrows the 900-pixel default.
        ChartChecks.assertReadable(RatioChart.chart(SpeedComparison.of(a, b),
                "17.0.15+6 OpenJDK 64-Bit Server VM (Eclipse Adoptium)",
                "25.0.1+8-LTS OpenJDK 64-Bit Server VM (Eclipse Adoptium)"));
    }
}
