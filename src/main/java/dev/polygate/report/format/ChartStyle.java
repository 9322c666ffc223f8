package dev.polygate.report.format;

import dev.polygate.text.FloatText;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.XYStyler;

/**
 * The look every report PNG shares: XChart panels on white with light grid lines and small fonts,
 * put side by side on one Java2D canvas under a legend drawn once for all panels.
 */
public final class ChartStyle {
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    public static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    public static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /**
     * What a panel's title cannot use of its width: XChart centres the title over the plot area,
     * which starts right of the y axis (its title, tick labels and gaps: about 70 pixels with
     * AXIS_FONT labels such as 1.5E-10), so the title's right half has that much less room.
     */
    static final int TITLE_ALLOWANCE = 90;

    /**
     * Within this of an integer, log10 of a bound counts as a power of ten: 1e-3 as a double is not
     * exactly 10⁻³, and XChart labels it all the same.
     */
    private static final double POWER_SLACK = 1e-9;

    private ChartStyle() {
    }

    /** White background, light grid, no per-panel legend (the canvas has one), compact margins. */
    public static void applyPanelStyle(XYStyler styler) {
        localeIndependent(styler);
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

    /**
     * Tick labels as in every locale: XChart formats them with its styler's locale, which defaults
     * to the JVM's, so under de_DE a linear axis would read 0,50 and a log axis 1,5E-3.
     */
    public static void localeIndependent(AxesChartStyler styler) {
        styler.setLocale(Locale.ROOT);
    }

    /**
     * The width of panels whose titles are {@code titles}: {@code minimum}, or wider where the widest
     * title in {@code titleFont} would not fit beside the y axis (XChart cuts a title off at the panel's edge).
     */
    public static int panelWidth(int minimum, Font titleFont, Collection<String> titles) {
        int widest = 0;
        for (String title : titles) {
            widest = Math.max(widest, textWidth(titleFont, title));
        }
        return Math.max(minimum, widest + TITLE_ALLOWANCE);
    }

    /**
     * A figure's width: its panels side by side, or wider where its legend's note line (drawn in
     * {@link #AXIS_FONT} from x = 12) would not fit — a one-panel figure cut it off.
     */
    public static int figureWidth(int panelsWidth, String legendNote) {
        return Math.max(panelsWidth, textWidth(AXIS_FONT, legendNote) + 24);
    }

    /** The width in pixels of {@code text} drawn in {@code font} on a report PNG. */
    public static int textWidth(Font font, String text) {
        Graphics2D g = whiteCanvas(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        try {
            FontMetrics metrics = g.getFontMetrics(font);
            return metrics.stringWidth(text);
        } finally {
            g.dispose();
        }
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
     * the frame, widened until it holds at least two powers of ten, each step to whichever next
     * power is nearer. XChart labels a log axis only at powers of ten (a custom label formatter
     * turns its ticks linear), and one label alone gives no scale.
     */
    public static double[] logRange(double min, double max, double pad) {
        if (!(min > 0) || !(max >= min) || !(pad >= 1) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("a log range needs 0 < min <= max < infinity and pad >= 1, got min "
                    + FloatText.shortest(min) + ", max " + FloatText.shortest(max) + ", pad " + FloatText.shortest(pad));
        }
        double low = min / pad;
        double high = max * pad;
        int lowestPower = (int) Math.ceil(Math.log10(low) - POWER_SLACK);
        int highestPower = (int) Math.floor(Math.log10(high) + POWER_SLACK);
        while (highestPower - lowestPower + 1 < 2) {
            double extendDown = Math.log10(low) - (lowestPower - 1);
            double extendUp = (highestPower + 1) - Math.log10(high);
            if (extendDown <= extendUp) {
                lowestPower--;
                low = powerOfTen(lowestPower);
            } else {
                highestPower++;
                high = powerOfTen(highestPower);
            }
        }
        return new double[] {low, high};
    }

    /**
     * Both axes logarithmic, labelled as 1E-3 and the like, over the given ranges (from {@link
     * #logRange}): the log-log panels of the scaling, protocol and summary figures.
     */
    public static void logLogAxes(XYStyler styler, double[] x, double[] y) {
        styler.setXAxisLogarithmic(true);
        styler.setYAxisLogarithmic(true);
        styler.setXAxisDecimalPattern("0.#E0");
        styler.setYAxisDecimalPattern("0.#E0");
        styler.setXAxisMin(x[0]);
        styler.setXAxisMax(x[1]);
        styler.setYAxisMin(y[0]);
        styler.setYAxisMax(y[1]);
    }

    /** 10^exponent as the double nearest to it (Math.pow can be an ulp off for negative exponents). */
    static double powerOfTen(int exponent) {
        return Double.parseDouble("1e" + exponent);
    }

    public static void writePng(BufferedImage image, OutputStream out) throws IOException {
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer available in this JVM");
        }
    }
}
