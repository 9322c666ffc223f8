package dev.polygate.report.jdk;

import dev.polygate.report.jdk.AccuracyRuns.Run;
import dev.polygate.report.jdk.AccuracyRuns.RunKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The same sweep run on two JDKs, run by run: runs are matched by their full identity
 * ({@link RunKey}), and compared bit for bit, because the question is whether the JDK changes
 * the computed numbers at all, not whether it changes them much.
 *
 * @param matched           runs present in both files
 * @param identicalFinalMse matched runs whose final MSE is the same double (or null on both sides)
 * @param identicalCurves   matched runs whose every curve entry is the same float (null = null)
 * @param maxRelativeDifference largest |B − A| / |A| of the final MSE over matched runs finite on
 *                          both sides (infinite if A is 0 and B is not); 0 if none differ
 * @param maxRelativeDifferenceRun the run where that largest difference occurs; null if none differ
 * @param finiteOnOneSideOnly matched runs whose final MSE is null (diverged) on exactly one side
 * @param onlyInA           runs of A with no match in B
 * @param onlyInB           runs of B with no match in A
 */
record AccuracyComparison(int matched, int identicalFinalMse, int identicalCurves, double maxRelativeDifference,
                          RunKey maxRelativeDifferenceRun, List<RunKey> finiteOnOneSideOnly, List<RunKey> onlyInA,
                          List<RunKey> onlyInB) {

    static AccuracyComparison of(AccuracyRuns a, AccuracyRuns b) {
        Map<RunKey, Run> bByKey = new LinkedHashMap<>();
        for (Run run : b.runs()) {
            bByKey.put(run.key(), run);
        }
        int matched = 0;
        int sameMse = 0;
        int sameCurve = 0;
        double maxRel = 0;
        RunKey maxRun = null;
        List<RunKey> oneSided = new ArrayList<>();
        List<RunKey> onlyA = new ArrayList<>();
        for (Run runA : a.runs()) {
            Run runB = bByKey.remove(runA.key());
            if (runB == null) {
                onlyA.add(runA.key());
                continue;
            }
            matched++;
            // Double.equals compares the bits (doubleToLongBits), so this is bit identity, with null = null.
            if (Objects.equals(runA.finalMse(), runB.finalMse())) {
                sameMse++;
            } else if (runA.finalMse() == null || runB.finalMse() == null) {
                oneSided.add(runA.key());
            } else {
                double rel = relativeDifference(runA.finalMse(), runB.finalMse());
                if (rel > maxRel || maxRun == null) {
                    maxRel = rel;
                    maxRun = runA.key();
                }
            }
            // Arrays.equals on float[] compares floatToIntBits: bit identity, with NaN (null in the file) = NaN.
            if (Arrays.equals(runA.curve(), runB.curve())) {
                sameCurve++;
            }
        }
        return new AccuracyComparison(matched, sameMse, sameCurve, maxRel, maxRun, List.copyOf(oneSided),
                List.copyOf(onlyA), List.copyOf(bByKey.keySet()));
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
