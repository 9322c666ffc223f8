package dev.polygate.report.jdk;

import dev.polygate.report.format.ChartStyle;
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
import org.knowm.xchart.AnnotationText;
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
 * clearly faster, red where it is clearly slower, grey where no difference is called.
 *
 * <p>The axis is logarithmic and centred on 1, from 1/r to r: a ratio and its inverse (B twice as
 * fast, B twice as slow) lie equally far from 1, and one wide interval cannot stretch the axis
 * until every other bar is a sliver — r follows the ratios, and an interval reaching beyond
 * the axis is cut at its edge and marked with an arrowhead. XChart's log axis puts its ticks at
 * powers of ten, useless for ratios near 1, so x is ln(ratio) on a linear axis, with ticks at
 * round ratios drawn here (grid lines as series, labels as annotations).
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
    /** Room below the rows for the tick labels, in row units. */
    private static final double TICK_ROOM = 1.0;
    /** Ratios the axis may carry as ticks (and their inverses). */
    private static final double[] TICK_RATIOS = {1.02, 1.05, 1.1, 1.2, 1.5, 2, 3, 5, 10, 20, 50, 100, 1000};
    /** The axis reaches at least to 1/1.1 and 1.1, so that a chart of ratios near 1 shows them near 1. */
    private static final double MIN_HALF_WIDTH = Math.log(1.1);
    private static final Color GRID = new Color(215, 215, 215);

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
                .xAxisTitle("time on " + labelB + " / time on " + labelA
                        + " (log scale; Hodges–Lehmann ratio of fork medians; error bar: 95% interval)")
                .build();
        double halfWidth = halfWidth(rows);
        style(chart, rows, halfWidth);
        addTicks(chart, halfWidth, n);
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
        boolean clippedInLegend = false;
        for (int i = 0; i < n; i++) {
            clippedInLegend |= addErrorBar(chart, i, yOf(i, n), rows.get(i), i == 0, halfWidth, !clippedInLegend);
        }
        // The reference: equal times, ln 1 = 0.
        chart.addAnnotation(new AnnotationLine(0.0, true, false));
        return chart;
    }

    /**
     * Half the axis width in ln(ratio): 15 % beyond the farthest ratio, at least ln 1.1; interval
     * ends widen it up to twice that, no further (beyond, they are clipped).
     */
    static double halfWidth(List<SpeedRow> rows) {
        double ratios = 0;
        double ends = 0;
        for (SpeedRow r : rows) {
            ratios = Math.max(ratios, Math.abs(Math.log(r.ratio().ratio())));
            for (double end : new double[] {r.ratio().low(), r.ratio().high()}) {
                if (end > 0 && Double.isFinite(end)) {
                    ends = Math.max(ends, Math.abs(Math.log(end)));
                }
            }
        }
        double base = Math.max(MIN_HALF_WIDTH, 1.15 * ratios);
        return Math.min(Math.max(base, 1.05 * ends), 2 * base);
    }

    /** The round ratios shown as ticks: 1, and the two largest of TICK_RATIOS inside the axis with their inverses. */
    static double[] tickRatios(double halfWidth) {
        List<Double> inside = new java.util.ArrayList<>();
        for (double t : TICK_RATIOS) {
            if (Math.log(t) <= halfWidth) {
                inside.add(t);
            }
        }
        List<Double> ticks = new java.util.ArrayList<>(List.of(1.0));
        for (double t : inside.subList(Math.max(0, inside.size() - 2), inside.size())) {
            ticks.add(t);
            ticks.add(1 / t);
        }
        return ticks.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static void addTicks(XYChart chart, double halfWidth, int n) {
        double bottom = -0.6 - TICK_ROOM;
        double top = Math.max(n, 1) - 0.4;
        int i = 0;
        for (double t : tickRatios(halfWidth)) {
            double x = Math.log(t);
            XYSeries grid = chart.addSeries("tick " + i++, new double[] {x, x}, new double[] {-0.6, top});
            grid.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            grid.setMarker(SeriesMarkers.NONE);
            grid.setLineColor(GRID);
            grid.setLineWidth(1f);
            grid.setShowInLegend(false);
            chart.addAnnotation(new AnnotationText(tickLabel(t), x, bottom + TICK_ROOM / 2, false));
        }
    }

    /** "1", "1.1", "0.909", "2", "0.5": three significant digits, trailing zeros dropped. */
    static String tickLabel(double ratio) {
        return new java.math.BigDecimal(ratio).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
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

    private static void style(XYChart chart, List<SpeedRow> rows, double halfWidth) {
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
        styler.setYAxisMin(-0.6 - TICK_ROOM);
        styler.setYAxisMax(Math.max(n, 1) - 0.4);
        styler.setYAxisTicksVisible(false);
        styler.setXAxisMin(-halfWidth);
        styler.setXAxisMax(halfWidth);
        // The ticks are drawn by addTicks at round ratios; XChart's would sit at round logarithms.
        styler.setXAxisTicksVisible(false);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setAnnotationTextFont(LABEL_FONT);
        styler.setAnnotationTextFontColor(Color.BLACK);
    }

    /** A bar from 1 to the ratio, drawn as a filled rectangle. */
    private static void addBar(XYChart chart, int index, double y, SpeedRow row, boolean firstOfItsColour) {
        double r = Math.log(row.ratio().ratio());
        double[] xs = {0, r, r, 0};
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

    /**
     * The ratio interval: a cap at each end joined by a line, as one polyline; an end beyond the
     * axis is cut at its edge and gets an arrowhead instead of a cap. Returns whether an end was cut.
     */
    private static boolean addErrorBar(XYChart chart, int index, double y, SpeedRow row, boolean inLegend,
                                       double halfWidth, boolean clippedLegend) {
        double lo = row.ratio().low();
        double hi = row.ratio().high();
        if (!(lo > 0 && hi > 0 && Double.isFinite(lo) && Double.isFinite(hi))) {
            return false;
        }
        double l = Math.log(lo);
        double h = Math.log(hi);
        boolean cutLow = l < -halfWidth;
        boolean cutHigh = h > halfWidth;
        l = Math.max(l, -halfWidth);
        h = Math.min(h, halfWidth);
        double capLow = cutLow ? 0 : CAP_HALF_HEIGHT;
        double capHigh = cutHigh ? 0 : CAP_HALF_HEIGHT;
        double[] xs = {l, l, l, h, h, h};
        double[] ys = {y - capLow, y + capLow, y, y, y + capHigh, y - capHigh};
        XYSeries bar = chart.addSeries(inLegend ? "95% interval of the ratio" : "interval " + index, xs, ys);
        bar.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        bar.setMarker(SeriesMarkers.NONE);
        bar.setLineColor(Color.BLACK);
        bar.setLineWidth(1.2f);
        bar.setLineStyle(SeriesLines.SOLID);
        bar.setShowInLegend(inLegend);
        boolean legend = clippedLegend;
        if (cutLow) {
            addArrowhead(chart, index + " low", l, y, -1, halfWidth, legend);
            legend = false;
        }
        if (cutHigh) {
            addArrowhead(chart, index + " high", h, y, 1, halfWidth, legend);
        }
        return cutLow || cutHigh;
    }

    /** A filled triangle at the axis edge pointing outward ({@code direction} −1 left, +1 right). */
    private static void addArrowhead(XYChart chart, String name, double x, double y, int direction,
                                     double halfWidth, boolean inLegend) {
        double length = 0.03 * halfWidth;
        double[] xs = {x, x - direction * length, x - direction * length, x};
        double[] ys = {y, y + CAP_HALF_HEIGHT, y - CAP_HALF_HEIGHT, y};
        XYSeries head = chart.addSeries(inLegend ? "interval beyond the axis (cut)" : "cut " + name, xs, ys);
        head.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        head.setMarker(SeriesMarkers.NONE);
        head.setFillColor(Color.BLACK);
        head.setLineColor(Color.BLACK);
        head.setShowInLegend(inLegend);
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
            case B_FASTER -> "B faster (interval below 1, ratio ≤ 1/1.05)";
            case B_SLOWER -> "B slower (interval above 1, ratio ≥ 1.05)";
            case NONE -> "no clear difference";
        };
    }
}
