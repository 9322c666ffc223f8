package dev.polygate.report.peer;

import dev.polygate.model.LayerKind;
import dev.polygate.report.format.ChartStyle;
import dev.polygate.report.format.KindColours;
import dev.polygate.report.format.Legend;
import dev.polygate.report.format.NumberText;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * peer-torch.png: one panel per shape; per case a dot at the time ratio PyTorch ÷ polygate in its
 * kind's colour, with the ratio's 95 % interval as a vertical line, on a log axis with lines at 1×
 * (as fast) and 100× (the study-size target). The case names stand under the dots as annotations:
 * XChart's x ticks fall where its tick spacing puts them, not on every case.
 */
final class PeerChart {
    static final int PANEL_WIDTH = 420;
    static final int PANEL_HEIGHT = 380;
    private static final int LEGEND_HEIGHT = 40;

    private PeerChart() {
    }

    /** The chart as PNG bytes, rendered in memory so nothing is written if drawing fails. */
    static byte[] png(PeerComparison c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartStyle.writePng(render(c), out);
        return out.toByteArray();
    }

    static BufferedImage render(PeerComparison c) {
        Map<String, List<PeerRow>> byShape = new LinkedHashMap<>();
        c.rows().forEach(r -> byShape.computeIfAbsent(r.peerCase().shape(), k -> new ArrayList<>()).add(r));
        double[] range = range(c.rows());
        List<BufferedImage> panels = new ArrayList<>();
        byShape.forEach((shape, rows) -> panels.add(BitmapEncoder.getBufferedImage(panel(shape, rows, range))));
        String note = "PyTorch time ÷ polygate time per step (above 1: polygate faster); dot: Hodges–Lehmann ratio, "
                + "line: its 95 % interval; grey lines at 1× and " + NumberText.ratio(PeerTarget.STUDY_FACTOR) + "×";
        int width = ChartStyle.figureWidth(PANEL_WIDTH * panels.size(), note);
        BufferedImage image = new BufferedImage(width, PANEL_HEIGHT + LEGEND_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartStyle.whiteCanvas(image);
        try {
            for (int i = 0; i < panels.size(); i++) {
                g.drawImage(panels.get(i), i * PANEL_WIDTH, 0, null);
            }
            legend(g, note);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** One y range for every panel, so panels compare at a glance: the intervals, 1 and 100. */
    static double[] range(List<PeerRow> rows) {
        double min = Math.min(1, PeerTarget.STUDY_FACTOR);
        double max = Math.max(1, PeerTarget.STUDY_FACTOR);
        for (PeerRow r : rows) {
            min = Math.min(min, r.ratio().low());
            max = Math.max(max, r.ratio().high());
        }
        return ChartStyle.logRange(min, max, 1.6);
    }

    static XYChart panel(String shape, List<PeerRow> rows, double[] range) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(shape)
                .yAxisTitle("PyTorch ÷ polygate (log)").build();
        ChartStyle.applyPanelStyle(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(range[0]);
        chart.getStyler().setYAxisMax(range[1]);
        chart.getStyler().setXAxisMin(0.4);
        chart.getStyler().setXAxisMax(rows.size() + 0.6);
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setAnnotationTextFont(ChartStyle.AXIS_FONT);
        chart.getStyler().setAnnotationTextFontColor(Color.DARK_GRAY);
        chart.getStyler().setAnnotationLineColor(Color.GRAY);
        chart.getStyler().setAnnotationLineStroke(new BasicStroke(1f));
        for (double line : new double[] {1, PeerTarget.STUDY_FACTOR}) {
            chart.addAnnotation(new AnnotationLine(line, false, false));
        }
        double labelY = range[0] * Math.pow(range[1] / range[0], 0.04);
        for (int i = 0; i < rows.size(); i++) {
            PeerRow r = rows.get(i);
            double x = i + 1;
            Color colour = KindColours.of(r.peerCase().kind());
            XYSeries interval = chart.addSeries("interval " + i, new double[] {x, x},
                    new double[] {r.ratio().low(), r.ratio().high()});
            interval.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            interval.setMarker(SeriesMarkers.NONE);
            interval.setLineColor(colour);
            interval.setLineWidth(2f);
            XYSeries dot = chart.addSeries("ratio " + i, new double[] {x}, new double[] {r.ratio().ratio()});
            dot.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            dot.setMarker(SeriesMarkers.CIRCLE);
            dot.setMarkerColor(colour);
            chart.addAnnotation(new AnnotationText(r.peerCase().activation().cliName(), x, labelY, false));
        }
        return chart;
    }

    /** The kinds' colours, then the note, under the panels: the shared {@link Legend}. */
    private static void legend(Graphics2D g, String note) {
        int baseline = PANEL_HEIGHT + 14;
        List<Legend.Entry> entries = Stream.of(LayerKind.PLAIN, LayerKind.SQUARED, LayerKind.GATED)
                .map(kind -> new Legend.Entry(kind.cliName(), (gr, x, middle) -> {
                    gr.setColor(KindColours.of(kind));
                    gr.fillOval(x, middle - 5, 10, 10);
                })).toList();
        Legend.line(g, entries, 14, baseline - 4, baseline, Color.BLACK);
        Legend.note(g, note, baseline + 18);
    }
}
