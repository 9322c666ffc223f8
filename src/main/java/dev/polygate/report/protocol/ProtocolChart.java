package dev.polygate.report.protocol;

import dev.polygate.experiment.QueirugaDesign.Method;
import dev.polygate.model.LayerKind;
import dev.polygate.report.format.ChartStyle;
import dev.polygate.report.format.KindColours;
import dev.polygate.report.stats.PowerLawFit;
import dev.polygate.train.TrainingResult;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * scaling.png of the Queiruga protocol: one log-log panel per method, training RMSE against hidden
 * units n, every run a light dot per kind, the fitted power law over n ≥ {@value ProtocolSlopes#FIT_FROM}
 * as a line with its slope in the legend.
 */
final class ProtocolChart {
    static final int PANEL_WIDTH = 470;
    static final int PANEL_HEIGHT = 400;

    private ProtocolChart() {
    }

    static void write(ProtocolSlopes slopes, OutputStream out) throws IOException {
        List<XYChart> panels = new ArrayList<>();
        for (Method method : Method.values()) {
            List<ProtocolSlopes.Series> mine = slopes.series().stream().filter(s -> s.method() == method).toList();
            if (!mine.isEmpty()) {
                panels.add(panel(method, mine));
            }
        }
        BufferedImage image = new BufferedImage(Math.max(1, panels.size()) * PANEL_WIDTH, PANEL_HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartStyle.whiteCanvas(image);
        try {
            for (int i = 0; i < panels.size(); i++) {
                g.drawImage(BitmapEncoder.getBufferedImage(panels.get(i)), i * PANEL_WIDTH, 0, null);
            }
        } finally {
            g.dispose();
        }
        ChartStyle.writePng(image, out);
    }

    private static XYChart panel(Method method, List<ProtocolSlopes.Series> series) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                .title(method.cliName() + ": " + method.description()).xAxisTitle("hidden units n")
                .yAxisTitle("training RMSE").build();
        double minX = Double.POSITIVE_INFINITY;
        double maxX = 0;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = 0;
        for (ProtocolSlopes.Series s : series) {
            List<double[]> points = new ArrayList<>();
            for (TrainingResult r : s.runs()) {
                double rmse = Math.sqrt(r.finalMse());
                if (rmse > 0 && Double.isFinite(rmse)) {
                    points.add(new double[] {r.spec().model().width(), rmse});
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            for (double[] p : points) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
            XYSeries dots = chart.addSeries(s.kind().cliName() + " runs", points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray());
            dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            dots.setMarker(SeriesMarkers.CIRCLE);
            Color c = KindColours.of(s.kind());
            dots.setMarkerColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
            dots.setShowInLegend(false);
        }
        for (ProtocolSlopes.Series s : series) {
            s.fit(ProtocolSlopes.Measure.RMSE, ProtocolSlopes.Against.HIDDEN_UNITS).flatMap(ProtocolSlopes.Fit::fit)
                    .ifPresent(fit -> addLine(chart, s.kind(), fit, s.runs()));
        }
        XYStyler styler = chart.getStyler();
        ChartStyle.applyPanelStyle(styler);
        if (maxX > 0) {
            ChartStyle.logLogAxes(styler, ChartStyle.logRange(minX, maxX, 1.2), ChartStyle.logRange(minY, maxY, 2));
        } else {
            styler.setXAxisLogarithmic(true);
            styler.setYAxisLogarithmic(true);
        }
        styler.setLegendVisible(true);
        styler.setLegendPosition(LegendPosition.InsideSW);
        return chart;
    }

    private static void addLine(XYChart chart, LayerKind kind, PowerLawFit fit, List<TrainingResult> runs) {
        int maxN = runs.stream().mapToInt(r -> r.spec().model().width()).max().orElse(ProtocolSlopes.FIT_FROM);
        double[] x = {ProtocolSlopes.FIT_FROM, maxN};
        double[] y = {fit.predict(x[0]), fit.predict(x[1])};
        XYSeries line = chart.addSeries(kind.cliName() + ": slope " + dev.polygate.report.format.NumberText.slope(fit.slope()),
                x, y);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(KindColours.of(kind));
        line.setLineWidth(2f);
    }
}
