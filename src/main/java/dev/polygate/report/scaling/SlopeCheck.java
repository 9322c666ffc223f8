package dev.polygate.report.scaling;

import dev.polygate.report.stats.PowerLawFit;
import java.util.List;

/**
 * Whether a slope is an optimisation artefact: the same runs read at T and at factor × T steps.
 * If more training moves the slope beyond its interval, the slope at T was set by how far the
 * optimiser got rather than by what the widths can represent. The per-width ratios say where the
 * extra steps went: mostly to the largest widths steepens the slope, mostly to the smallest
 * flattens it. With few seeds the intervals are wide, so overlapping intervals alone would call
 * almost anything settled; a slope also counts as settled only if the extra steps no longer paid
 * off much at the largest width, where an unfinished optimisation shows first.
 */
public record SlopeCheck(SlopeFit early, SlopeFit late) {

    /**
     * A median MSE at the largest width that fell below this fraction of its earlier value (more
     * than halved) means those runs were still training: the slope may still move.
     */
    public static final double STILL_IMPROVING_RATIO = 0.5;

    /** What the longer reading did to the slope. */
    public enum Verdict {
        /** The intervals overlap and the largest width's median fell by less than half. */
        SETTLED,
        /** The intervals overlap but the largest width's median more than halved: not settled yet. */
        STILL_IMPROVING,
        /** The intervals are apart and the later slope is steeper: the slope at T was optimisation-limited. */
        STEEPENED,
        /** The intervals are apart and the later slope is flatter: the smaller widths gained more. */
        FLATTENED,
        /** One of the two readings has no fit (too few widths with a run that had not diverged). */
        NO_FIT
    }

    public SlopeCheck {
        if (!early.series().equals(late.series()) || early.measure() != late.measure() || early.steps() >= late.steps()) {
            throw new IllegalArgumentException("a check compares one series by one measure at an earlier and a "
                    + "later step count, got " + early.series().label() + " at " + early.steps() + " and "
                    + late.series().label() + " at " + late.steps());
        }
    }

    public Verdict verdict() {
        if (early.fit().isEmpty() || late.fit().isEmpty()) {
            return Verdict.NO_FIT;
        }
        PowerLawFit a = early.fit().get();
        PowerLawFit b = late.fit().get();
        if (a.slopeLow() <= b.slopeHigh() && b.slopeLow() <= a.slopeHigh()) {
            return medianRatioAt(largestWidth()) < STILL_IMPROVING_RATIO ? Verdict.STILL_IMPROVING : Verdict.SETTLED;
        }
        return b.slope() < a.slope() ? Verdict.STEEPENED : Verdict.FLATTENED;
    }

    /** Late slope minus early slope (negative: steeper with more steps); NaN without both fits. */
    public double slopeChange() {
        if (early.fit().isEmpty() || late.fit().isEmpty()) {
            return Double.NaN;
        }
        return late.fit().get().slope() - early.fit().get().slope();
    }

    /**
     * The largest width with a median at both readings (where every run diverged there is nothing
     * to compare), or the largest width of the series if no width has both.
     */
    public int largestWidth() {
        List<SlopeFit.WidthMedian> widths = late.widths();
        for (int i = widths.size() - 1; i >= 0; i--) {
            if (Double.isFinite(medianRatioAt(widths.get(i).width()))) {
                return widths.get(i).width();
            }
        }
        return widths.get(widths.size() - 1).width();
    }

    /** Median MSE at this width after the later reading over that after the earlier one; NaN if either is missing. */
    public double medianRatioAt(int width) {
        return late.medianAt(width) / early.medianAt(width);
    }
}
