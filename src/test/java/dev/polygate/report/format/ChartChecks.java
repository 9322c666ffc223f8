package dev.polygate.report.format;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Axis;
import org.knowm.xchart.internal.chartpart.AxisPair;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.chartpart.ChartTitle;

/**
 * The one check every report chart passes: a reader can tell what a panel shows and read its
 * scales. It paints the chart as the reports do and inspects what XChart laid out while painting:
 * the title lies wholly inside the panel, and every log axis carries at least two tick labels
 * (XChart labels a log axis only at powers of ten, so one label gives no scale).
 *
 * <p>XChart keeps its laid-out parts (title bounds, axis ticks) in protected fields and
 * package-private getters, so they are read here by reflection, pinned to XChart 3.8.8.
 */
public final class ChartChecks {
    private ChartChecks() {
    }

    public static void assertReadable(XYChart chart) {
        BitmapEncoder.getBufferedImage(chart);
        String title = chart.getTitle();
        int titleWidth = ChartStyle.textWidth(chart.getStyler().getChartTitleFont(), title);
        assertTrue(titleWidth <= chart.getWidth(), "title '" + title + "' is " + titleWidth
                + " pixels wide, its panel " + chart.getWidth());
        // The bounds XChart painted the title in, padding included: the text itself must be inside the panel.
        Rectangle2D painted = titleBounds(chart);
        int padding = chart.getStyler().getChartTitlePadding();
        assertTrue(painted.getMinX() + padding >= 0 && painted.getMaxX() - padding <= chart.getWidth(),
                "title '" + title + "' painted at x " + painted.getMinX() + ".." + painted.getMaxX()
                        + ", outside the panel's 0.." + chart.getWidth());
        if (chart.getStyler().isXAxisLogarithmic()) {
            assertTwoLabels(title, "x", xAxis(chart));
        }
        if (chart.getStyler().isYAxisLogarithmic()) {
            assertTwoLabels(title, "y", yAxis(chart));
        }
    }

    /** The labels XChart drew on an axis: the ticks it gave a text (it gives null to unlabelled ones). */
    public static List<String> tickLabels(Axis<?, ?> axis) {
        return axis.getAxisTickCalculator().getTickLabels().stream().filter(Objects::nonNull)
                .filter(label -> !label.isBlank()).toList();
    }

    private static void assertTwoLabels(String title, String name, Axis<?, ?> axis) {
        List<String> labels = tickLabels(axis);
        assertTrue(labels.size() >= 2, "panel '" + title + "': log " + name + " axis has tick labels " + labels
                + "; needs at least two");
    }

    private static Rectangle2D titleBounds(XYChart chart) {
        ChartTitle<?, ?> title = (ChartTitle<?, ?>) field(chart, "chartTitle");
        return title.getBounds();
    }

    public static Axis<?, ?> xAxis(XYChart chart) {
        return ((AxisPair<?, ?>) field(chart, "axisPair")).getXAxis();
    }

    public static Axis<?, ?> yAxis(XYChart chart) {
        AxisPair<?, ?> pair = (AxisPair<?, ?>) field(chart, "axisPair");
        try {
            Method getYAxis = AxisPair.class.getDeclaredMethod("getYAxis");
            getYAxis.setAccessible(true);
            return (Axis<?, ?>) getYAxis.invoke(pair);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("XChart's AxisPair.getYAxis() changed", e);
        }
    }

    private static Object field(XYChart chart, String name) {
        try {
            Field f = Chart.class.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(chart);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("XChart's Chart." + name + " changed", e);
        }
    }
}
