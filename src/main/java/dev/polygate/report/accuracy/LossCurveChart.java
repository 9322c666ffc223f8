package dev.polygate.report.accuracy;

import dev.polygate.report.format.ChartStyle;
import dev.polygate.report.format.Legend;
import dev.polygate.report.format.KindColours;

import dev.polygate.model.LayerKind;
import dev.polygate.model.Target;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * loss-curves.png: the study's figure, our way. A grid of panels, one row per setting and one
 * column per degree n; in each, training loss (log scale) against Adam step, per kind a median
 * line over seeds and a translucent min–max band. XChart draws each panel; Java2D puts the
 * panels and one shared legend on a single image.
 */
final class LossCurveChart {
    static final int POINTS_PER_CURVE = 500;
    /** The narrowest panel; wider where a title needs it (see ChartStyle.panelWidth). */
    static final int PANEL_WIDTH = 350;
    static final int PANEL_HEIGHT = 260;
    /** A log axis needs positive values: losses below this (including exact zeros) are drawn at it. */
    static final double MIN_PLOTTED_LOSS = 1e-12;

    private static final int LEGEND_LINE_HEIGHT = 22;
    private static final int LEGEND_HEIGHT = 2 * LEGEND_LINE_HEIGHT;
    private static final int BAND_ALPHA = 60;
    /** The y range's margin: the band's extremes sit this factor inside the frame. */
    private static final double LOSS_PAD = 1.5;

    private LossCurveChart() {
    }

    static void write(SweepCells sweep, OutputStream out) throws IOException {
        ChartStyle.writePng(render(sweep), out);
    }

    static BufferedImage render(SweepCells sweep) {
        List<Setting> rows = sweep.settings();
        List<Target> columns = sweep.targets();
        int panelWidth = panelWidth(sweep);
        String note = legendNote(sweep.result().grid().seeds());
        int width = ChartStyle.figureWidth(Math.max(1, columns.size()) * panelWidth, note);
        int height = LEGEND_HEIGHT + Math.max(1, rows.size()) * PANEL_HEIGHT;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartStyle.whiteCanvas(image);
        try {
            drawLegend(g, sweep.kinds(), note);
            for (int row = 0; row < rows.size(); row++) {
                Setting setting = rows.get(row);
                for (int col = 0; col < columns.size(); col++) {
                    Target degree = columns.get(col);
                    String title = title(sweep, setting, degree);
                    BufferedImage panel = panel(sweep, setting, degree, panelWidth)
                            .map(BitmapEncoder::getBufferedImage)
                            .orElseGet(() -> ChartStyle.emptyPanel(panelWidth, PANEL_HEIGHT, title,
                                    "no finite loss: every run diverged at once"));
                    g.drawImage(panel, col * panelWidth, LEGEND_HEIGHT + row * PANEL_HEIGHT, null);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** One width for every panel, so columns line up: wide enough for the longest title. */
    static int panelWidth(SweepCells sweep) {
        List<String> titles = new ArrayList<>();
        for (Setting setting : sweep.settings()) {
            for (Target degree : sweep.targets()) {
                titles.add(title(sweep, setting, degree));
            }
        }
        return ChartStyle.panelWidth(PANEL_WIDTH, ChartStyle.TITLE_FONT, titles);
    }

    private static String title(SweepCells sweep, Setting setting, Target degree) {
        return sweep.label(setting) + ", " + degree.prose();
    }

    /** One panel's chart; empty where no seed of the cell ever had a finite loss. */
    static Optional<XYChart> panel(SweepCells sweep, Setting setting, Target degree, int panelWidth) {
        XYChart chart = new XYChartBuilder().width(panelWidth).height(PANEL_HEIGHT).title(title(sweep, setting, degree))
                .xAxisTitle("Adam step").yAxisTitle("training MSE").build();
        List<LayerKind> kinds = sweep.kinds();
        CurveSummary[] summaries = new CurveSummary[kinds.size()];
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (int i = 0; i < kinds.size(); i++) {
            summaries[i] = CurveSummary.of(sweep.runs(setting, degree, kinds.get(i)), POINTS_PER_CURVE,
                    labelStep(setting.steps()));
            for (int k = 0; k < summaries[i].size(); k++) {
                lowest = Math.min(lowest, plotted(summaries[i].low()[k]));
                highest = Math.max(highest, plotted(summaries[i].high()[k]));
            }
        }
        if (highest == 0) {
            return Optional.empty();
        }
        style(chart, setting.steps(), ChartStyle.logRange(lowest, highest, LOSS_PAD));
        // Bands first, so every median line is drawn on top of every band.
        for (int i = 0; i < kinds.size(); i++) {
            addBand(chart, kinds.get(i), summaries[i]);
        }
        for (int i = 0; i < kinds.size(); i++) {
            addMedian(chart, kinds.get(i), summaries[i]);
        }
        return Optional.of(chart);
    }

    private static void style(XYChart chart, int steps, double[] lossRange) {
        XYStyler styler = chart.getStyler();
        ChartStyle.applyPanelStyle(styler);
        styler.setYAxisLogarithmic(true);
        styler.setYAxisDecimalPattern("0.#E0");
        // An explicit range: XChart's own would not always hold two labelled powers of ten.
        styler.setYAxisMin(lossRange[0]);
        styler.setYAxisMax(lossRange[1]);
        // Every panel spans the whole run, so panels line up and an early divergence shows as a short line.
        styler.setXAxisMin(0.0);
        styler.setXAxisMax((double) steps);
        // XChart may put a tick every 2 steps on a short run; label only every few ticks so the
        // labels of a 350-pixel panel never run together. An unlabelled tick gets a space, not an
        // empty string: XChart's TextLayout throws on a zero-length label (3.8.8, when ticks sit at data x).
        long labelStep = labelStep(steps);
        chart.setCustomXAxisTickLabelsFormatter(x -> Math.rint(x) % labelStep == 0
                ? String.format(Locale.ROOT, "%,d", (long) Math.rint(x)) : " ");
    }

    /**
     * Steps between x labels: with a custom formatter XChart puts its ticks at the data's x values,
     * so the curves' windows are lined up with this step (CurveSummary's align) for the labels to exist.
     */
    static long labelStep(int steps) {
        return roundStepAtLeast(steps / 5.0);
    }

    /** The smallest of 1, 2, 5, 10, 20, 50, … that is at least {@code min}. */
    static long roundStepAtLeast(double min) {
        long decade = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (factor * decade >= min) {
                    return factor * decade;
                }
            }
            decade *= 10;
        }
    }

    /** The min–max band as one closed polygon: along the max forwards, back along the min. */
    private static void addBand(XYChart chart, LayerKind kind, CurveSummary summary) {
        int n = summary.size();
        if (n == 0) {
            return;
        }
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[i] = summary.steps()[i];
            y[i] = plotted(summary.high()[i]);
            x[2 * n - 1 - i] = summary.steps()[i];
            y[2 * n - 1 - i] = plotted(summary.low()[i]);
        }
        XYSeries band = chart.addSeries(kind.cliName() + " min–max", x, y);
        band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        band.setMarker(SeriesMarkers.NONE);
        band.setFillColor(translucent(KindColours.of(kind)));
        band.setLineColor(new Color(0, 0, 0, 0));
        band.setShowInLegend(false);
    }

    private static void addMedian(XYChart chart, LayerKind kind, CurveSummary summary) {
        int n = summary.size();
        if (n == 0) {
            return;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = plotted(summary.median()[i]);
        }
        XYSeries line = chart.addSeries(kind.cliName() + " median", summary.steps(), y);
        line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(KindColours.of(kind));
        line.setLineWidth(1.5f);
    }

    private static Color translucent(Color colour) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), BAND_ALPHA);
    }

    private static double plotted(double loss) {
        return Math.max(loss, MIN_PLOTTED_LOSS);
    }

    /** One legend for all panels: a swatch per kind on the first line, what line and band mean below. */
    private static String legendNote(int seeds) {
        return "line: median over " + seeds + (seeds == 1 ? " seed" : " seeds")
                + "; band: min–max over seeds; y log scale, losses below 1E-12 drawn at 1E-12";
    }

    /** Per kind a band with its median line through it, as the panels draw them. */
    private static void drawLegend(Graphics2D g, List<LayerKind> kinds, String note) {
        int firstBaseline = LEGEND_LINE_HEIGHT / 2 + Legend.ascent(g) / 2;
        List<Legend.Entry> entries = kinds.stream().map(kind -> new Legend.Entry(kind.cliName(), (gr, x, middle) -> {
            Color colour = KindColours.of(kind);
            gr.setColor(translucent(colour));
            gr.fillRect(x, middle - 6, 26, 12);
            gr.setColor(colour);
            gr.setStroke(new BasicStroke(2f));
            gr.drawLine(x, middle, x + 26, middle);
        })).toList();
        Legend.line(g, entries, 32, LEGEND_LINE_HEIGHT / 2 + 2, firstBaseline, Color.BLACK);
        Legend.note(g, note, firstBaseline + LEGEND_LINE_HEIGHT - 4);
    }
}
