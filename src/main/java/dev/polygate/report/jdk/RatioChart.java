package dev.polygate.report.jdk;

import dev.polygate.report.ChartStyle;
import dev.polygate.report.jdk.SpeedRow.Difference;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * jdk-comparison.png: one horizontal bar per benchmark, from 1 to the time ratio B/A, with the
 * ratio's 95% interval as an error bar and a vertical line at 1. Bars are green where B is
 * clearly faster, red where it is clearly slower, grey where the intervals overlap.
 *
 * <p>XChart's CategoryChart draws only vertical bars with symmetric error bars, and the ratio's
 * interval is not symmetric; so XChart draws an XYChart with benchmark i at y = i (each bar a
 * filled rectangle, each error bar a short polyline), and Java2D writes the benchmark names in a
 * column to its left, at the rows' screen positions (XChart's own y ticks cannot be made to
 * fall on every row).
 */
final class RatioChart {
    /** Width of the XChart part; the label column is added on its left. */
    static final int WIDTH = 900;
    private static final int LABEL_GAP = 12;
    static final int ROW_HEIGHT = 20;
    /** Title, x axis and legend: the height the chart needs besides its rows. */
    private static final int FRAME_HEIGHT = 170;
    private static final double BAR_HALF_HEIGHT = 0.32;
    private static final double CAP_HALF_HEIGHT = 0.22;

    static final Color FASTER = new Color(44, 160, 44);
    static final Color SLOWER = new Color(214, 39, 40);
    static final Color UNCLEAR = new Color(175, 175, 175);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private RatioChart() {
    }

    /** The chart as PNG bytes, rendered in memory so nothing is written if drawing fails. */
    static byte[] png(SpeedComparison speed, String labelA, String labelB) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartStyle.writePng(render(speed, labelA, labelB), out);
        return out.toByteArray();
    }

    static BufferedImage render(SpeedComparison speed, String labelA, String labelB) {
        XYChart chart = chart(speed, labelA, labelB);
        BufferedImage plot = BitmapEncoder.getBufferedImage(chart);
        return withRowLabels(chart, plot, speed.rows());
    }

    /** The XChart part, without the label column; as wide as its title needs, at least WIDTH. */
    static XYChart chart(SpeedComparison speed, String labelA, String labelB) {
        List<SpeedRow> rows = speed.rows();
        int n = rows.size();
        String title = "Time ratio B/A = " + labelB + " / " + labelA + " per benchmark (< 1: B faster)";
        XYChart chart = new XYChartBuilder().width(ChartStyle.panelWidth(WIDTH, TITLE_FONT, List.of(title)))
                .height(FRAME_HEIGHT + Math.max(n, 3) * ROW_HEIGHT)
                .title(title)
                .xAxisTitle("time on " + labelB + " / time on " + labelA + " (median; error bar: 95% interval)")
                .build();
        style(chart, rows);
        // Bars are added colour by colour, so the legend always lists faster, slower, unclear in that order.
        Set<Difference> inLegend = EnumSet.noneOf(Difference.class);
        for (Difference difference : Difference.values()) {
            for (int i = 0; i < n; i++) {
                SpeedRow row = rows.get(i);
                if (row.difference() == difference) {
                    addBar(chart, i, yOf(i, n), row, inLegend.add(difference));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            addErrorBar(chart, i, yOf(i, n), rows.get(i), i == 0);
        }
        // The reference: equal times.
        chart.addAnnotation(new AnnotationLine(1.0, true, false));
        return chart;
    }

    /** The chart with a column of benchmark names on its left, each level with its bar. */
    private static BufferedImage withRowLabels(XYChart chart, BufferedImage plot, List<SpeedRow> rows) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics metrics = pg.getFontMetrics(LABEL_FONT);
        int labelWidth = 0;
        for (SpeedRow r : rows) {
            labelWidth = Math.max(labelWidth, metrics.stringWidth(r.id().shortLabel()));
        }
        pg.dispose();
        int margin = labelWidth + LABEL_GAP;
        BufferedImage image = new BufferedImage(margin + plot.getWidth(), plot.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartStyle.whiteCanvas(image);
        try {
            g.drawImage(plot, margin, 0, null);
            g.setFont(LABEL_FONT);
            g.setColor(Color.BLACK);
            // Screen positions are known once XChart has painted the chart (above).
            int right = margin + (int) Math.round(chart.getScreenXFromChart(chart.getStyler().getXAxisMin())) - 6;
            int n = rows.size();
            for (int i = 0; i < n; i++) {
                String label = rows.get(i).id().shortLabel();
                int baseline = (int) Math.round(chart.getScreenYFromChart(yOf(i, n)))
                        + (metrics.getAscent() - metrics.getDescent()) / 2;
                g.drawString(label, right - metrics.stringWidth(label), baseline);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The first row at the top. */
    private static double yOf(int index, int n) {
        return n - 1 - index;
    }

    private static void style(XYChart chart, List<SpeedRow> rows) {
        XYStyler styler = chart.getStyler();
        ChartStyle.localeIndependent(styler);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(230, 230, 230));
        styler.setPlotGridHorizontalLinesVisible(false);
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(TITLE_FONT);
        styler.setAxisTitleFont(LABEL_FONT);
        styler.setAxisTickLabelsFont(LABEL_FONT);
        styler.setLegendPosition(LegendPosition.OutsideS);
        styler.setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendFont(LABEL_FONT);
        styler.setChartPadding(10);
        styler.setAnnotationLineColor(Color.BLACK);
        styler.setAnnotationLineStroke(new BasicStroke(1.2f));
        styler.setYAxisTitleVisible(false);
        int n = rows.size();
        styler.setYAxisMin(-0.6);
        styler.setYAxisMax(Math.max(n, 1) - 0.4);
        styler.setYAxisTicksVisible(false);
        double low = 1;
        double high = 1;
        for (SpeedRow r : rows) {
            low = Math.min(low, finiteOr(r.ratio().low(), 1));
            high = Math.max(high, finiteOr(r.ratio().high(), 1));
        }
        double pad = Math.max(0.02, 0.05 * (high - low));
        styler.setXAxisMin(Math.max(0, low - pad));
        styler.setXAxisMax(high + pad);
        styler.setXAxisDecimalPattern("0.00");
    }

    private static double finiteOr(double value, double fallback) {
        return Double.isFinite(value) ? value : fallback;
    }

    /** A bar from 1 to the ratio, drawn as a filled rectangle. */
    private static void addBar(XYChart chart, int index, double y, SpeedRow row, boolean firstOfItsColour) {
        double r = row.ratio().ratio();
        double[] xs = {1, r, r, 1};
        double[] ys = {y - BAR_HALF_HEIGHT, y - BAR_HALF_HEIGHT, y + BAR_HALF_HEIGHT, y + BAR_HALF_HEIGHT};
        XYSeries bar = chart.addSeries(firstOfItsColour ? legendName(row.difference()) : "bar " + index, xs, ys);
        bar.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        bar.setMarker(SeriesMarkers.NONE);
        Color colour = colour(row.difference());
        bar.setFillColor(colour);
        bar.setLineColor(colour);
        bar.setLineStyle(SeriesLines.SOLID);
        bar.setShowInLegend(firstOfItsColour);
    }

    /** The ratio interval: a cap at each end joined by a line, as one polyline. */
    private static void addErrorBar(XYChart chart, int index, double y, SpeedRow row, boolean inLegend) {
        double lo = row.ratio().low();
        double hi = row.ratio().high();
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return;
        }
        double[] xs = {lo, lo, lo, hi, hi, hi};
        double[] ys = {y - CAP_HALF_HEIGHT, y + CAP_HALF_HEIGHT, y, y, y + CAP_HALF_HEIGHT, y - CAP_HALF_HEIGHT};
        XYSeries bar = chart.addSeries(inLegend ? "95% interval of the ratio" : "interval " + index, xs, ys);
        bar.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        bar.setMarker(SeriesMarkers.NONE);
        bar.setLineColor(Color.BLACK);
        bar.setLineWidth(1.2f);
        bar.setLineStyle(SeriesLines.SOLID);
        bar.setShowInLegend(inLegend);
    }

    static Color colour(Difference difference) {
        return switch (difference) {
            case B_FASTER -> FASTER;
            case B_SLOWER -> SLOWER;
            case NONE -> UNCLEAR;
        };
    }

    private static String legendName(Difference difference) {
        return switch (difference) {
            case B_FASTER -> "B clearly faster (intervals apart)";
            case B_SLOWER -> "B clearly slower (intervals apart)";
            case NONE -> "no clear difference (intervals overlap)";
        };
    }
}
