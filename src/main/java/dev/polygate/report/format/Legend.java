package dev.polygate.report.format;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.List;

/**
 * The legend a figure draws once above all its panels: lines of entries (a swatch, then its label)
 * and a note line saying what the marks mean. Every chart's legend is drawn by this class; what a
 * swatch looks like (a kind's colour as a line, a band, a marker) is the chart's.
 */
public final class Legend {
    /** Where every legend line starts, in pixels from the figure's left edge. */
    public static final int LEFT = 12;
    /** The space after a label before the next entry's swatch, in pixels. */
    private static final int GAP = 18;

    private Legend() {
    }

    /** Paints one entry's swatch with its left edge at x, centred vertically on middle (pixels). */
    @FunctionalInterface
    public interface Swatch {
        void paint(Graphics2D g, int x, int middle);
    }

    /** One entry: its swatch and the label written after it. */
    public record Entry(String label, Swatch swatch) {
    }

    /** The ascent of the legend font, in pixels: what callers centre a line's labels with. */
    public static int ascent(Graphics2D g) {
        return g.getFontMetrics(ChartStyle.LEGEND_FONT).getAscent();
    }

    /**
     * One line of entries from {@link #LEFT}: each swatch takes {@code swatchWidth} pixels, its label
     * follows on {@code baseline} in {@code labelColour} and the legend font.
     */
    public static void line(Graphics2D g, List<Entry> entries, int swatchWidth, int middle, int baseline,
                            Color labelColour) {
        g.setFont(ChartStyle.LEGEND_FONT);
        FontMetrics metrics = g.getFontMetrics();
        int x = LEFT;
        for (Entry entry : entries) {
            entry.swatch().paint(g, x, middle);
            x += swatchWidth;
            g.setColor(labelColour);
            g.drawString(entry.label(), x, baseline);
            x += metrics.stringWidth(entry.label()) + GAP;
        }
    }

    /** The note line under the entries, on {@code baseline}, in the axis font and dark grey. */
    public static void note(Graphics2D g, String note, int baseline) {
        g.setColor(Color.DARK_GRAY);
        g.setFont(ChartStyle.AXIS_FONT);
        g.drawString(note, LEFT, baseline);
    }
}
