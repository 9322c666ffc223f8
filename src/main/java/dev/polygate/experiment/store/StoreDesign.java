package dev.polygate.experiment.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polygate.experiment.Design;
import java.util.List;

/**
 * A design as its store holds it: the design, its JSON and id ({@link DesignJson}), and the block
 * its runs' loss curves are thinned to ({@link dev.polygate.train.LossCurve}).
 *
 * @param curveBlock steps per stored block: 1 keeps full curves
 */
public record StoreDesign(Design design, ObjectNode json, String id, int curveBlock) {
    /** Curves are thinned to about this many blocks, unless full curves are asked for. */
    public static final int CURVE_BLOCKS = 100;

    /** The design with curves thinned to about {@value #CURVE_BLOCKS} blocks, or in full. */
    public static StoreDesign of(Design design, boolean fullCurves) {
        return new StoreDesign(design, DesignJson.of(design), DesignJson.id(design),
                fullCurves ? 1 : defaultBlock(design.readSteps()));
    }

    /**
     * The block: a divisor of every step the report reads, so each of those steps is a stored point
     * (and the lowest loss up to it exact), of at most max(readSteps) / {@value #CURVE_BLOCKS} steps;
     * the largest "round" one (1, 2, 5 × a power of ten, or 25 × one) if any divides, so points fall
     * on round steps (the charts label those), else the largest divisor. 3000 steps: blocks of 25;
     * readings at 10 000 and 40 000: blocks of 250.
     */
    static int defaultBlock(List<Integer> readSteps) {
        int gcd = 0;
        int max = 1;
        for (int step : readSteps) {
            gcd = gcd(gcd, step);
            max = Math.max(max, step);
        }
        int limit = Math.min(gcd, Math.max(1, max / CURVE_BLOCKS));
        int roundest = 1;
        int largest = 1;
        for (int b = 2; b <= limit; b++) {
            if (gcd % b == 0) {
                largest = b;
                if (isRound(b)) {
                    roundest = b;
                }
            }
        }
        return roundest > 1 ? roundest : largest;
    }

    /** 1, 2, 2.5 or 5 times a power of ten. */
    private static boolean isRound(int b) {
        while (b % 10 == 0) {
            b /= 10;
        }
        return b == 1 || b == 2 || b == 5 || b == 25;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** The command that trains the design and names its store. */
    public String command() {
        return design.command();
    }

    /** "full curves" or "curves in blocks of 30 steps", for messages. */
    public String curveText() {
        return curveBlock == 1 ? "full curves" : "curves in blocks of " + curveBlock + " steps";
    }
}
