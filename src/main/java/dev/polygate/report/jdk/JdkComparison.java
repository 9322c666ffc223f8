package dev.polygate.report.jdk;

import dev.polygate.report.NumberText;

/**
 * Two JDKs compared, everything computed and nothing written yet.
 *
 * @param a        the first JDK (the baseline of every ratio)
 * @param b        the second JDK
 * @param speed    the benchmarks both measured
 * @param accuracy the accuracy sweeps, run by run
 */
public record JdkComparison(JdkSide a, JdkSide b, SpeedComparison speed, AccuracyComparison accuracy) {

    /** One line for a terminal: what was compared and what came out. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%d benchmarks: %d B faster, %d B slower, %d no clear difference, geometric mean B/A %s; "
                        + "accuracy: %d runs matched, %d bit-identical final MSE, %d bit-identical curves",
                speed.rows().size(), speed.count(SpeedRow.Difference.B_FASTER),
                speed.count(SpeedRow.Difference.B_SLOWER), speed.count(SpeedRow.Difference.NONE),
                NumberText.decimals3(speed.geometricMeanRatio()), accuracy.matched(), accuracy.identicalFinalMse(),
                accuracy.identicalCurves());
    }
}
