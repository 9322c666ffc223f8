package dev.polygate.report.jdk;

import dev.polygate.report.format.NumberText;
import java.util.Optional;

/**
 * Two JDKs compared, everything computed and nothing written yet.
 *
 * @param a           the first JDK (the baseline of every ratio)
 * @param b           the second JDK
 * @param speed       the benchmarks both measured
 * @param accuracy    the accuracy sweeps, run by run
 * @param aa          whether this is an A/A run: both sides ran the same java executable and VM
 *                    version, so every difference it calls is a false positive
 * @param calibration for an A/B run, the A/A run's false-positive count to print beside its verdicts
 */
public record JdkComparison(JdkSide a, JdkSide b, SpeedComparison speed, AccuracyComparison accuracy, boolean aa,
                            Optional<Calibration> calibration) {

    /** Differences called: in an A/A run, the false ones. */
    long called() {
        return speed.count(SpeedRow.Difference.B_FASTER) + speed.count(SpeedRow.Difference.B_SLOWER);
    }

    JdkComparison withCalibration(Calibration c) {
        return new JdkComparison(a, b, speed, accuracy, aa, Optional.of(c));
    }

    /** One line for a terminal: what was compared and what came out. */
    public String summary() {
        String kind = aa ? "A/A calibration, " + called() + (called() == 1 ? " false difference; " : " false differences; ")
                : "";
        return kind + String.format(java.util.Locale.ROOT,
                "%d benchmarks: %d B faster, %d B slower, %d no clear difference, geometric mean B/A %s; "
                        + "accuracy: %d runs matched, %d bit-identical final MSE, %d bit-identical curves",
                speed.rows().size(), speed.count(SpeedRow.Difference.B_FASTER),
                speed.count(SpeedRow.Difference.B_SLOWER), speed.count(SpeedRow.Difference.NONE),
                NumberText.decimals3(speed.geometricMeanRatio()), accuracy.matched(), accuracy.identicalFinalMse(),
                accuracy.identicalCurves());
    }
}
