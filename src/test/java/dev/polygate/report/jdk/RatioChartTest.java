package dev.polygate.report.jdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.report.format.ChartChecks;
import dev.polygate.report.jmh.BenchmarkId;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

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

    @Test
    void theAxisIsLogarithmicCentredOnOneAndOneWideIntervalDoesNotStretchIt() {
        Map<BenchmarkId, double[]> a = new LinkedHashMap<>();
        Map<BenchmarkId, double[]> b = new LinkedHashMap<>();
        // Ratio 1.2 with tight forks, and ratio ~1 whose forks spread over a factor of 100.
        a.put(new BenchmarkId("dev.polygate.bench.X.slow", Map.of()), new double[] {100, 101, 99, 100.5, 99.5});
        b.put(new BenchmarkId("dev.polygate.bench.X.slow", Map.of()), new double[] {120, 121, 119, 120.5, 119.5});
        a.put(new BenchmarkId("dev.polygate.bench.X.wild", Map.of()), new double[] {1, 10, 100, 1000, 10});
        b.put(new BenchmarkId("dev.polygate.bench.X.wild", Map.of()), new double[] {1000, 1, 100, 10, 100});
        SpeedComparison speed = SpeedComparison.of(a, b);
        double half = RatioChart.halfWidth(speed.rows());
        // 15 % beyond ln 1.2, at most twice that: the wild interval (ratios 1/1000 … 1000) is cut.
        assertTrue(half >= 1.15 * Math.log(1.2) - 1e-12 && half <= 2 * 1.15 * Math.log(1.2) + 1e-12, "half " + half);
        XYChart chart = RatioChart.chart(speed, "jdk17", "jdk25");
        assertEquals(-half, chart.getStyler().getXAxisMin(), 0);
        assertEquals(half, chart.getStyler().getXAxisMax(), 0);
        assertTrue(chart.getSeriesMap().keySet().stream().anyMatch(n -> n.startsWith("interval beyond the axis")),
                chart.getSeriesMap().keySet().toString());
        // Ticks: 1 and round ratios with their inverses, symmetric in log.
        assertArrayEquals(new double[] {1 / 1.2, 1 / 1.1, 1, 1.1, 1.2}, RatioChart.tickRatios(Math.log(1.25)), 1e-12);
        assertEquals("0.909", RatioChart.tickLabel(1 / 1.1));
        assertEquals("1", RatioChart.tickLabel(1));
        assertEquals("1.5", RatioChart.tickLabel(1.5));
        RatioChart.render(speed, "jdk17", "jdk25");
    }
}
