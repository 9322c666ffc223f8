package dev.polygate.report.scaling;

import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.report.format.ChartStyle;
import dev.polygate.report.format.Legend;
import dev.polygate.report.format.KindColours;
import dev.polygate.report.format.NumberText;
import dev.polygate.report.stats.PowerLawFit;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * scaling.png: one log-log panel per activation (row) and n (column) of the result reading: per
 * kind every run as a light dot, the median per width as a large marker, and the fitted power law
 * as a line, whose slope and interval the panel's legend gives.
 */
final class ScalingChart {
    /** The narrowest panel; wider where a title needs it (see ChartStyle.panelWidth). */
    static final int PANEL_WIDTH = 440;
    static final int PANEL_HEIGHT = 360;

    private static final int LEGEND_LINE_HEIGHT = 22;
    private static final int LEGEND_HEIGHT = 2 * LEGEND_LINE_HEIGHT;
    private static final int POINT_ALPHA = 90;
    /** XChart sizes every marker of a chart alike: dots and medians differ by shape and opacity. */
    private static final int MARKER_SIZE = 7;

    private ScalingChart() {
    }

    static void write(ScalingResults results, OutputStream out) throws IOException {
        ChartStyle.writePng(render(results), out);
    }

    static BufferedImage render(ScalingResults results) {
        List<Activation> rows = results.design().activations();
        List<Integer> columns = results.design().degrees();
        int panelWidth = panelWidth(results);
        String note = legendNote(results);
        BufferedImage image = new BufferedImage(ChartStyle.figureWidth(columns.size() * panelWidth, note),
                LEGEND_HEIGHT + rows.size() * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartStyle.whiteCanvas(image);
        try {
            drawLegend(g, results, note);
            for (int row = 0; row < rows.size(); row++) {
                for (int col = 0; col < columns.size(); col++) {
                    List<Series> kinds = results.series(rows.get(row), columns.get(col));
                    BufferedImage panel = panel(results, kinds, panelWidth)
                            .map(BitmapEncoder::getBufferedImage)
                            .orElseGet(() -> ChartStyle.emptyPanel(panelWidth, PANEL_HEIGHT, title(kinds),
                                    "nothing to plot: every run diverged"));
                    g.drawImage(panel, col * panelWidth, LEGEND_HEIGHT + row * PANEL_HEIGHT, null);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** One width for every panel, so columns line up: wide enough for the longest title. */
    static int panelWidth(ScalingResults results) {
        List<String> titles = new ArrayList<>();
        for (Activation activation : results.design().activations()) {
            for (int degree : results.design().degrees()) {
                titles.add(title(results.series(activation, degree)));
            }
        }
        return ChartStyle.panelWidth(PANEL_WIDTH, ChartStyle.TITLE_FONT, titles);
    }

    /** The title of the panel of these series (the kinds of one activation and n). */
    private static String title(List<Series> kinds) {
        Series first = kinds.get(0);
        return first.activation().cliName() + ", " + first.target().prose() + ": MSE against parameters";
    }

    /** One panel's chart; empty where every run of the panel diverged. */
    static Optional<XYChart> panel(ScalingResults results, List<Series> kinds, int panelWidth) {
        XYChart chart = new XYChartBuilder().width(panelWidth).height(PANEL_HEIGHT).title(title(kinds))
                .xAxisTitle("parameters P").yAxisTitle("training MSE").build();
        double minX = Double.POSITIVE_INFINITY;
        double maxX = 0;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = 0;
        for (Series s : kinds) {
            SlopeFit fit = results.result(s);
            for (SlopeFit.Point p : fit.points()) {
                minX = Math.min(minX, p.parameterCount());
                maxX = Math.max(maxX, p.parameterCount());
                minY = Math.min(minY, p.mse());
                maxY = Math.max(maxY, p.mse());
            }
        }
        if (maxX == 0) {
            return Optional.empty();
        }
        // Points, then medians, then lines, so that each layer is drawn over the one before.
        kinds.forEach(s -> addPoints(chart, s.kind(), results.result(s)));
        kinds.forEach(s -> addMedians(chart, s.kind(), results.result(s)));
        for (Series s : kinds) {
            addFitLine(chart, s, results.result(s), minX, maxX);
        }
        style(chart, ChartStyle.logRange(minX, maxX, 1.3), ChartStyle.logRange(minY, maxY, 3));
        return Optional.of(chart);
    }

    private static void style(XYChart chart, double[] x, double[] y) {
        XYStyler styler = chart.getStyler();
        ChartStyle.applyPanelStyle(styler);
        styler.setMarkerSize(MARKER_SIZE);
        ChartStyle.logLogAxes(styler, x, y);
        // The fitted slopes are the panel's own: its legend lists them, in the corner a falling
        // cloud of points leaves empty.
        styler.setLegendVisible(true);
        styler.setLegendPosition(LegendPosition.InsideSW);
        styler.setLegendFont(ChartStyle.AXIS_FONT);
        styler.setLegendBorderColor(Color.WHITE);
    }

    private static void addPoints(XYChart chart, LayerKind kind, SlopeFit fit) {
        if (fit.points().isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(kind.cliName() + " runs",
                fit.points().stream().mapToDouble(SlopeFit.Point::parameterCount).toArray(),
                fit.points().stream().mapToDouble(SlopeFit.Point::mse).toArray());
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(translucent(KindColours.of(kind)));
        s.setShowInLegend(false);
    }

    private static void addMedians(XYChart chart, LayerKind kind, SlopeFit fit) {
        List<SlopeFit.WidthMedian> medians = fit.widths().stream().filter(w -> w.points() > 0).toList();
        if (medians.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(kind.cliName() + " medians",
                medians.stream().mapToDouble(SlopeFit.WidthMedian::parameterCount).toArray(),
                medians.stream().mapToDouble(SlopeFit.WidthMedian::median).toArray());
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.DIAMOND);
        s.setMarkerColor(KindColours.of(kind));
        s.setShowInLegend(false);
    }

    /** The fitted line across the panel's parameter range, named by its slope for the legend. */
    private static void addFitLine(XYChart chart, Series series, SlopeFit fit, double minX, double maxX) {
        if (fit.fit().isEmpty()) {
            return;
        }
        PowerLawFit law = fit.fit().get();
        XYSeries s = chart.addSeries(legendText(series, law), new double[] {minX, maxX},
                new double[] {law.predict(minX), law.predict(maxX)});
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(KindColours.of(series.kind()));
        s.setLineWidth(1.5f);
    }

    /** "gated: slope -2.31 [-2.62, -2.00]", with "(exact)" where two units represent xⁿ exactly. */
    static String legendText(Series series, PowerLawFit law) {
        return series.kind().cliName() + ": slope " + NumberText.slopeWithInterval(law.slope(), law.slopeLow(),
                law.slopeHigh()) + (ExactRepresentation.exact(series) ? " (exact: no scaling)" : "");
    }

    private static Color translucent(Color colour) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), POINT_ALPHA);
    }

    /** One legend for all panels: a colour per kind, then what the dots, markers and lines are. */
    private static String legendNote(ScalingResults results) {
        int seeds = results.design().seeds();
        return String.format(Locale.ROOT, "dots: each run's lowest training MSE up to step %,d; diamonds: "
                + "median over %d %s per width; line: least-squares power law, slope [95 %% CI]; log-log",
                results.design().longSteps(), seeds, seeds == 1 ? "seed" : "seeds");
    }

    /** Per kind its fitted line with a median diamond on it, as the panels draw them. */
    private static void drawLegend(Graphics2D g, ScalingResults results, String note) {
        int middle = LEGEND_LINE_HEIGHT / 2 + 2;
        int baseline = middle + Legend.ascent(g) / 2 - 1;
        List<Legend.Entry> entries = results.design().kinds().stream()
                .map(kind -> new Legend.Entry(kind.cliName(), (gr, x, mid) -> {
                    gr.setColor(KindColours.of(kind));
                    gr.setStroke(new BasicStroke(2f));
                    gr.drawLine(x, mid, x + 22, mid);
                    SeriesMarkers.DIAMOND.paint(gr, x + 11, mid, MARKER_SIZE + 3);
                })).toList();
        Legend.line(g, entries, 30, middle, baseline, Color.BLACK);
        Legend.note(g, note, baseline + LEGEND_LINE_HEIGHT - 4);
    }
}
