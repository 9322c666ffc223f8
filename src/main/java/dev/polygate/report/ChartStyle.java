package dev.polygate.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;
import org.knowm.xchart.style.XYStyler;

/**
 * The look every report PNG shares: XChart panels on white with light grid lines and small fonts,
 * put side by side on one Java2D canvas under a legend drawn once for all panels.
 */
public final class ChartStyle {
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    public static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    public static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ChartStyle() {
    }

    /** White background, light grid, no per-panel legend (the canvas has one), compact margins. */
    public static void applyPanelStyle(XYStyler styler) {
        styler.setLegendVisible(false);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(TITLE_FONT);
        styler.setChartPadding(6);
        styler.setPlotMargin(2);
        styler.setAxisTitleFont(AXIS_FONT);
        styler.setAxisTickLabelsFont(AXIS_FONT);
    }

    /** A white image and an antialiased Graphics2D on it; the caller disposes the graphics. */
    public static Graphics2D whiteCanvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    /** A panel with only its title and a message: where there is nothing to plot, say why. */
    public static BufferedImage emptyPanel(int width, int height, String title, String message) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = whiteCanvas(image);
        try {
            g.setColor(Color.DARK_GRAY);
            g.setFont(TITLE_FONT);
            centred(g, title, width, 24);
            g.setFont(AXIS_FONT);
            centred(g, message, width, height / 2);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void centred(Graphics2D g, String text, int width, int baseline) {
        g.drawString(text, (width - g.getFontMetrics().stringWidth(text)) / 2, baseline);
    }

    /**
     * A log axis's range around values in [min, max]: [min / pad, max · pad], so no marker sits on
     * the frame, widened to the nearer power of ten when it holds none. XChart labels a log axis
     * only at powers of ten (a custom label formatter turns its ticks linear), so without one the
     * axis would have no label.
     */
    public static double[] logRange(double min, double max, double pad) {
        double low = min / pad;
        double high = max * pad;
        double decadeBelow = Math.pow(10, Math.floor(Math.log10(high)));
        if (decadeBelow < low) {
            double decadeAbove = decadeBelow * 10;
            if (Math.log10(low / decadeBelow) <= Math.log10(decadeAbove / high)) {
                low = decadeBelow;
            } else {
                high = decadeAbove;
            }
        }
        return new double[] {low, high};
    }

    public static void writePng(BufferedImage image, OutputStream out) throws IOException {
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer available in this JVM");
        }
    }
}
