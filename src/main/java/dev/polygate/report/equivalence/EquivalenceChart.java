package dev.polygate.report.equivalence;

import dev.polygate.experiment.EquivalenceDesign;
import dev.polygate.experiment.Sizing;
import dev.polygate.model.Activation;
import dev.polygate.model.LayerKind;
import dev.polygate.report.format.ChartStyle;
import dev.polygate.report.format.Legend;
import dev.polygate.report.format.KindColours;
import dev.polygate.report.equivalence.EquivalenceCells.Row;
import dev.polygate.report.stats.PairedTest;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * equivalence.png: one panel per (sizing, gate), the per-n median ratios gated g / plain ∫g and
 * plain g / plain ∫g with their intervals as vertical bars, on a log scale with 1 (a tie) marked.
 */
final class EquivalenceChart {
    /** The narrowest panel; wider where a title needs it (see ChartStyle.panelWidth). */
    static final int PANEL_WIDTH = 400;
    private static final int PANEL_HEIGHT = 300;
    private static final int LEGEND_HEIGHT = 44;
    /** The y range's margin: the interval bars' ends sit this factor inside the frame. */
    private static final double RATIO_PAD = 1.3;

    /** The two ratios drawn, each in the colour of its numerator's kind. */
    private record Series(String label, Color colour, Function<Row, Optional<PairedTest>> test, double shift) {
    }

    private static final List<Series> SERIES = List.of(
            new Series("gated g / plain ∫g", KindColours.of(LayerKind.GATED), Row::gatedVsIntegral, -0.08),
            new Series("plain g / plain ∫g", KindColours.of(LayerKind.PLAIN), Row::plainVsIntegral, 0.08));

    private EquivalenceChart() {
    }

    static void write(EquivalenceCells cells, OutputStream out) throws IOException {
        ChartStyle.writePng(render(cells), out);
    }

    static BufferedImage render(EquivalenceCells cells) {
        EquivalenceDesign d = cells.design();
        int cols = d.gates().size();
        int rows = d.sizings().size();
        int panelWidth = panelWidth(d);
        String note = legendNote(d.seeds());
        BufferedImage image = new BufferedImage(ChartStyle.figureWidth(cols * panelWidth, note),
                LEGEND_HEIGHT + rows * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartStyle.whiteCanvas(image);
        try {
            drawLegend(g, note);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    Activation gate = d.gates().get(c);
                    Sizing sizing = d.sizings().get(r);
                    BufferedImage panel = panel(cells.rows(gate, sizing), title(gate, sizing), panelWidth)
                            .map(BitmapEncoder::getBufferedImage)
                            .orElseGet(() -> ChartStyle.emptyPanel(panelWidth, PANEL_HEIGHT, title(gate, sizing),
                                    "no seed finished both runs of any pair"));
                    g.drawImage(panel, c * panelWidth, LEGEND_HEIGHT + r * PANEL_HEIGHT, null);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** One width for every panel, so columns line up: wide enough for the longest title. */
    static int panelWidth(EquivalenceDesign d) {
        List<String> titles = new ArrayList<>();
        for (Sizing sizing : d.sizings()) {
            for (Activation gate : d.gates()) {
                titles.add(title(gate, sizing));
            }
        }
        return ChartStyle.panelWidth(PANEL_WIDTH, ChartStyle.TITLE_FONT, titles);
    }

    static String title(Activation gate, Sizing sizing) {
        return gate.cliName() + ", " + sizing.label();
    }

    /** One panel's chart; empty where no seed finished both runs of any pair. */
    static Optional<XYChart> panel(List<Row> rows, String title, int panelWidth) {
        XYChart chart = new XYChartBuilder().width(panelWidth).height(PANEL_HEIGHT).title(title)
                .xAxisTitle("n of the target xⁿ").yAxisTitle("median MSE ratio").build();
        ChartStyle.applyPanelStyle(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisDecimalPattern("0.###E0");
        double first = rows.get(0).target().degree();
        double last = rows.get(rows.size() - 1).target().degree();
        XYSeries tie = chart.addSeries("tie", new double[] {first - 0.5, last + 0.5}, new double[] {1, 1});
        tie.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        tie.setMarker(SeriesMarkers.NONE);
        tie.setLineColor(Color.GRAY);
        tie.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        boolean any = false;
        for (Series s : SERIES) {
            any |= addSeries(chart, s, rows);
        }
        if (!any) {
            return Optional.empty();
        }
        // An explicit range around every interval and the tie: XChart's own would not always hold
        // two labelled powers of ten.
        double lowest = 1;
        double highest = 1;
        for (Series s : SERIES) {
            for (Row row : rows) {
                Optional<PairedTest> test = s.test().apply(row);
                if (test.isPresent()) {
                    lowest = Math.min(lowest, plotted(test.get().ratio().low()));
                    highest = Math.max(highest, plotted(test.get().ratio().high()));
                }
            }
        }
        double[] range = ChartStyle.logRange(lowest, highest, RATIO_PAD);
        chart.getStyler().setYAxisMin(range[0]);
        chart.getStyler().setYAxisMax(range[1]);
        return Optional.of(chart);
    }

    /** Medians as markers joined by a thin line, each interval as its own two-point vertical line. */
    private static boolean addSeries(XYChart chart, Series s, List<Row> rows) {
        List<Row> present = rows.stream().filter(r -> s.test().apply(r).isPresent()).toList();
        if (present.isEmpty()) {
            return false;
        }
        double[] x = new double[present.size()];
        double[] y = new double[present.size()];
        for (int i = 0; i < present.size(); i++) {
            Row row = present.get(i);
            PairedTest t = s.test().apply(row).orElseThrow();
            x[i] = row.target().degree() + s.shift();
            y[i] = plotted(t.ratio().median());
            XYSeries bar = chart.addSeries(s.label() + " interval " + i, new double[] {x[i], x[i]},
                    new double[] {plotted(t.ratio().low()), plotted(t.ratio().high())});
            bar.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            bar.setMarker(SeriesMarkers.NONE);
            bar.setLineColor(s.colour());
            bar.setLineStyle(SeriesLines.SOLID);   // XChart would otherwise cycle dash patterns per series
            bar.setLineWidth(1.2f);
        }
        XYSeries medians = chart.addSeries(s.label(), x, y);
        medians.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        medians.setMarker(SeriesMarkers.CIRCLE);
        medians.setMarkerColor(s.colour());
        medians.setLineColor(s.colour());
        medians.setLineStyle(SeriesLines.SOLID);
        medians.setLineWidth(0.8f);
        return true;
    }

    /** Ratios of 0 or infinity (a run that fit exactly) cannot sit on a log axis: clamp them. */
    private static double plotted(double ratio) {
        return Math.min(Math.max(ratio, 1e-6), 1e6);
    }

    /** The legend's second line, which sets the figure's least width. */
    static String legendNote(int seeds) {
        return "marker: median over " + seeds + " seeds of the per-seed ratio; bar: its order-statistic "
                + "interval; dashed: 1 (a tie); below 1 the numerator fits better; log scale";
    }

    /** Per series its line with a marker on it, as the panels draw them. */
    private static void drawLegend(Graphics2D g, String note) {
        int baseline = 18;
        List<Legend.Entry> entries = SERIES.stream().map(s -> new Legend.Entry(s.label(), (gr, x, middle) -> {
            gr.setColor(s.colour());
            gr.setStroke(new BasicStroke(2f));
            gr.drawLine(x, middle, x + 26, middle);
            gr.fillOval(x + 10, middle - 4, 8, 8);
        })).toList();
        Legend.line(g, entries, 32, baseline - 4, baseline, Color.BLACK);
        Legend.note(g, note, baseline + 20);
    }
}
