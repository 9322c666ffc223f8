package dev.polygate.report.jdk;

import dev.polygate.experiment.SweepResult;
import dev.polygate.model.RunSpec;
import dev.polygate.train.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The same sweep run on two JDKs, run by run: runs are matched by their full identity
 * ({@link RunSpec}), and compared bit for bit, because the question is whether the JDK changes
 * the computed numbers at all, not whether it changes them much.
 *
 * @param matched           runs present in both files
 * @param identicalFinalMse matched runs whose final MSE is the same double (or NaN, null in the
 *                          file, on both sides)
 * @param identicalCurves   matched runs whose every curve entry is the same float (NaN = NaN)
 * @param maxRelativeDifference largest |B − A| / |A| of the final MSE over matched runs finite on
 *                          both sides (infinite if A is 0 and B is not); 0 if none differ
 * @param maxRelativeDifferenceRun the run where that largest difference occurs; null if none differ
 * @param finiteOnOneSideOnly matched runs whose final MSE is NaN (null in the file: diverged) on exactly one side
 * @param onlyInA           runs of A with no match in B
 * @param onlyInB           runs of B with no match in A
 */
record AccuracyComparison(int matched, int identicalFinalMse, int identicalCurves, double maxRelativeDifference,
                          RunSpec maxRelativeDifferenceRun, List<RunSpec> finiteOnOneSideOnly, List<RunSpec> onlyInA,
                          List<RunSpec> onlyInB) {

    static AccuracyComparison of(SweepResult a, SweepResult b) {
        Map<RunSpec, TrainingResult> bByKey = new LinkedHashMap<>();
        for (TrainingResult run : b.runs()) {
            bByKey.put(run.spec(), run);
        }
        int matched = 0;
        int sameMse = 0;
        int sameCurve = 0;
        double maxRel = 0;
        RunSpec maxRun = null;
        List<RunSpec> oneSided = new ArrayList<>();
        List<RunSpec> onlyA = new ArrayList<>();
        for (TrainingResult runA : a.runs()) {
            TrainingResult runB = bByKey.remove(runA.spec());
            if (runB == null) {
                onlyA.add(runA.spec());
                continue;
            }
            matched++;
            // Double.compare is 0 for the same bits only (and for NaN = NaN: the reader's null), so this is bit identity.
            if (Double.compare(runA.finalMse(), runB.finalMse()) == 0) {
                sameMse++;
            } else if (Double.isNaN(runA.finalMse()) || Double.isNaN(runB.finalMse())) {
                oneSided.add(runA.spec());
            } else {
                double rel = relativeDifference(runA.finalMse(), runB.finalMse());
                if (rel > maxRel || maxRun == null) {
                    maxRel = rel;
                    maxRun = runA.spec();
                }
            }
            // The digest of the full curve's float bits: bit identity even where the stores keep thinned curves.
            if (runA.curve().sha256().equals(runB.curve().sha256())) {
                sameCurve++;
            }
        }
        return new AccuracyComparison(matched, sameMse, sameCurve, maxRel, maxRun, List.copyOf(oneSided),
                List.copyOf(onlyA), List.copyOf(bByKey.keySet()));
    }

    /** A run's identity as the report names it: {@code relu gated w10 d1 x^3 lr0.01 1000 samples 3000 steps seed 2}. */
    static String label(RunSpec run) {
        return String.format(Locale.ROOT, "%s %s w%d d%d %s lr%s %d samples %d steps seed %d",
                run.model().activation().cliName(), run.model().kind().cliName(), run.model().width(),
                run.model().depth(), run.target().text(), run.lr(), run.samples(), run.steps(), run.seed());
    }

    /** |b − a| / |a|: how far B's value is from A's, relative to A's. */
    static double relativeDifference(double a, double b) {
        if (a == b) {
            return 0;
        }
        return a == 0 ? Double.POSITIVE_INFINITY : Math.abs(b - a) / Math.abs(a);
    }

    /** Whether every matched run agrees to the bit in final MSE and curve (and there is at least one). */
    boolean allIdentical() {
        return matched > 0 && identicalFinalMse == matched && identicalCurves == matched;
    }
}
