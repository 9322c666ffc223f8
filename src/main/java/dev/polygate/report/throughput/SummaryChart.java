package dev.polygate.report.throughput;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.report.accuracy.CellStats;
import dev.polygate.report.format.ChartStyle;
import dev.polygate.report.format.Legend;
import dev.polygate.report.format.KindColours;
import dev.polygate.report.throughput.CostVersusAccuracy.Row;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * summary.png: per activation a log-log panel of median final MSE against the time of one training
 * step; colour = kind (the study's colours), marker shape = degree n, one shared legend above.
 * Every kind sits at one x (its step cost), its degrees stacked above it.
 */
final class SummaryChart {
    /** The narrowest panel; wider where a title needs it (see ChartStyle.panelWidth). */
    static final int PANEL_WIDTH = 420;
    static final int PANEL_HEIGHT = 340;
    private static final int LEGEND_LINE_HEIGHT = 22;
    private static final int LEGEND_HEIGHT = 2 * LEGEND_LINE_HEIGHT;
    private static final int MARKER_SIZE = 9;
    /** One shape per degree, in grid order; repeats after ten degrees (the legend still names them). */
    private static final Marker[] DEGREE_MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS,
        SeriesMarkers.TRAPEZOID, SeriesMarkers.RECTANGLE, SeriesMarkers.OVAL};

    private SummaryChart() {
    }

    static BufferedImage render(CostVersusAccuracy summary) {
        List<Activation> panels = summary.activations();
        int panelWidth = panelWidth(summary);
        int width = Math.max(1, panels.size()) * panelWidth;
        BufferedImage image = new BufferedImage(width, LEGEND_HEIGHT + PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartStyle.whiteCanvas(image);
        try {
            drawLegend(g, summary);
            for (int i = 0; i < panels.size(); i++) {
                Activation activation = panels.get(i);
                BufferedImage panel = panel(summary, activation, panelWidth)
                        .map(BitmapEncoder::getBufferedImage)
                        .orElseGet(() -> ChartStyle.emptyPanel(panelWidth, PANEL_HEIGHT, title(summary, activation),
                                "nothing to plot: no measured step cost with a finished run"));
                g.drawImage(panel, i * panelWidth, LEGEND_HEIGHT, null);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    static Marker marker(int degreeIndex) {
        return DEGREE_MARKERS[degreeIndex % DEGREE_MARKERS.length];
    }

    /** One width for every panel: wide enough for the longest title. */
    static int panelWidth(CostVersusAccuracy summary) {
        return ChartStyle.panelWidth(PANEL_WIDTH, ChartStyle.TITLE_FONT,
                summary.activations().stream().map(a -> title(summary, a)).toList());
    }

    private static String title(CostVersusAccuracy summary, Activation activation) {
        return activation.cliName() + ", shape " + summary.setting().shape();
    }

    /** One activation's chart; empty where no kind has both a measured step cost and a finished run. */
    static Optional<XYChart> panel(CostVersusAccuracy summary, Activation activation, int panelWidth) {
        XYChart chart = new XYChartBuilder().width(panelWidth).height(PANEL_HEIGHT).title(title(summary, activation))
                .xAxisTitle("time of one training step (ns)").yAxisTitle("median final MSE").build();
        double minX = Double.POSITIVE_INFINITY;
        double maxX = 0;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = 0;
        for (LayerKind kind : summary.kinds()) {
            Row row = summary.row(activation, kind).orElseThrow();
            double x = row.nsPerStep();
            for (int d = 0; d < summary.degrees().size(); d++) {
                CellStats cell = row.finalMse().get(summary.degrees().get(d));
                // A log axis cannot show an unmeasured cost, an all-diverged cell or an exact zero.
                if (!(x > 0) || !cell.hasFinished() || !(cell.median() > 0)) {
                    continue;
                }
                double y = cell.median();
                XYSeries point = chart.addSeries(kind.cliName() + " " + summary.degrees().get(d).prose(),
                        new double[] {x}, new double[] {y});
                point.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
                point.setMarker(marker(d));
                point.setMarkerColor(KindColours.of(kind));
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        if (maxX == 0) {
            return Optional.empty();
        }
        XYStyler styler = chart.getStyler();
        ChartStyle.applyPanelStyle(styler);
        styler.setMarkerSize(MARKER_SIZE);
        ChartStyle.logLogAxes(styler, ChartStyle.logRange(minX, maxX, 1.3), ChartStyle.logRange(minY, maxY, 2));
        return Optional.of(chart);
    }

    /** First line: a colour per kind; second line: a marker shape per degree n. */
    private static void drawLegend(Graphics2D g, CostVersusAccuracy summary) {
        int middle = LEGEND_LINE_HEIGHT / 2 + 2;
        int baseline = middle + Legend.ascent(g) / 2 - 1;
        List<Legend.Entry> kinds = summary.kinds().stream().map(kind -> new Legend.Entry(kind.cliName(),
                (gr, x, mid) -> {
                    gr.setColor(KindColours.of(kind));
                    SeriesMarkers.CIRCLE.paint(gr, x + 6, mid, MARKER_SIZE + 2);
                })).toList();
        Legend.line(g, kinds, 16, middle, baseline, Color.BLACK);
        List<Legend.Entry> degrees = new ArrayList<>();
        for (int d = 0; d < summary.degrees().size(); d++) {
            Marker shape = marker(d);
            degrees.add(new Legend.Entry(summary.degrees().get(d).prose(), (gr, x, mid) -> {
                gr.setColor(Color.DARK_GRAY);
                shape.paint(gr, x + 6, mid, MARKER_SIZE + 2);
            }));
        }
        Legend.line(g, degrees, 16, middle + LEGEND_LINE_HEIGHT, baseline + LEGEND_LINE_HEIGHT, Color.DARK_GRAY);
    }
}
