package dev.polygate.report.scaling;

import dev.polygate.report.stats.PowerLawFit;

/**
 * Whether a slope is an optimisation artefact: the same runs read at T and at factor × T steps.
 * If more training moves the slope beyond its interval, the slope at T was set by how far the
 * optimiser got rather than by what the widths can represent. The per-width ratios say where the
 * extra steps went: mostly to the largest widths steepens the slope, mostly to the smallest
 * flattens it.
 */
public record SlopeCheck(SlopeFit early, SlopeFit late) {

    /** What the longer reading did to the slope. */
    public enum Verdict {
        /** The two 95 % intervals overlap: more steps did not move the slope measurably. */
        SETTLED,
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
            return Verdict.SETTLED;
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

    /** Median MSE at this width after the later reading over that after the earlier one; NaN if either is missing. */
    public double medianRatioAt(int width) {
        return late.medianAt(width) / early.medianAt(width);
    }
}
