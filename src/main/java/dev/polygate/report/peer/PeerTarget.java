package dev.polygate.report.peer;

import dev.polygate.report.format.NumberText;
import dev.polygate.report.stats.HodgesLehmannRatio;

/**
 * The speed target a case is judged against (issue 9): at the study's size, 1000×10×1, polygate's
 * step at least 100× as fast as PyTorch's; at 4096×256×2 on one thread, at least as fast. Other
 * shapes, and 4096×256×2 with several PyTorch threads, have none.
 *
 * @param factor the least time ratio PyTorch ÷ polygate that meets it; NaN where there is none
 * @param note   why there is none, or "" where there is one
 */
record PeerTarget(double factor, String note) {
    static final String STUDY_SHAPE = "1000x10x1";
    static final double STUDY_FACTOR = 100;
    static final String LARGE_SHAPE = "4096x256x2";
    static final double LARGE_FACTOR = 1;

    /** What a case is held to; torchThreads: the PyTorch threads of the run. */
    static PeerTarget of(PeerCase c, int torchThreads) {
        if (c.shape().equals(STUDY_SHAPE)) {
            return new PeerTarget(STUDY_FACTOR, "");
        }
        if (c.shape().equals(LARGE_SHAPE)) {
            return torchThreads == 1 ? new PeerTarget(LARGE_FACTOR, "")
                    : new PeerTarget(Double.NaN, "none (its target is for one PyTorch thread; this run had " + torchThreads + ")");
        }
        return new PeerTarget(Double.NaN, "none (targets are set for " + STUDY_SHAPE + " and " + LARGE_SHAPE + ")");
    }

    boolean exists() {
        return !Double.isNaN(factor);
    }

    /** Met where the ratio's estimate reaches the factor; the interval says how sure that is. */
    boolean met(HodgesLehmannRatio ratio) {
        return exists() && ratio.ratio() >= factor;
    }

    /** "≥ 100×", or the note. */
    String text() {
        return exists() ? "≥ " + NumberText.ratio(factor) + "×" : note;
    }

    /**
     * "met (interval above)", "met, but the interval reaches 87.1×", "missed: 23.4×, 4.27× short",
     * "missed, though the interval reaches 104×"; the note where there is no target.
     */
    String verdict(HodgesLehmannRatio ratio) {
        if (!exists()) {
            return "—";
        }
        if (met(ratio)) {
            return ratio.low() >= factor ? "met (interval above " + text() + ")"
                    : "met, but the interval reaches down to " + NumberText.ratio(ratio.low()) + "×";
        }
        String missed = "missed: " + NumberText.ratio(ratio.ratio()) + "×, " + NumberText.ratio(factor / ratio.ratio())
                + "× short";
        return ratio.high() >= factor ? missed + " (the interval reaches " + NumberText.ratio(ratio.high()) + "×)" : missed;
    }
}
