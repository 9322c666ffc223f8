package dev.polygate.train;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A run's training-loss curve: the MSE after t Adam steps for t = 0 … {@link #length()} − 1 (steps + 1
 * values; fewer when the run diverged, the last then being its first non-finite loss). It is held
 * either in full or thinned to blocks of {@link #block()} steps, which is how run stores keep long
 * curves small while keeping what the reports read:
 *
 * <ul>
 * <li>the <b>points</b>: the loss at every step that is a multiple of the block (0, B, 2B, …) and at
 *     the last step, exactly;</li>
 * <li>per <b>block</b> j, the steps (jB, min((j+1)B, last)]: the lowest and highest finite loss, so a
 *     one-step Adam spike between points still shows (NaN if the block holds no finite loss).</li>
 * </ul>
 *
 * The lowest loss up to any point and the loss at any point are therefore exact; the loss at a step
 * between points is not kept. A full curve is the case B = 1. {@link #sha256()} is the SHA-256 of
 * the full curve's float bits (big-endian, in step order), kept through thinning, so two thinned
 * curves are bit-for-bit the same run only if their digests agree.
 */
public final class LossCurve {
    private final int length;
    private final int block;
    private final float[] points;
    /* Per block: null when block == 1, where a block is one step and its low and high are the next point. */
    private final float[] low;
    private final float[] high;
    private final String sha256;

    private LossCurve(int length, int block, float[] points, float[] low, float[] high, String sha256) {
        this.length = length;
        this.block = block;
        this.points = points;
        this.low = low;
        this.high = high;
        this.sha256 = sha256;
    }

    /** The whole curve, {@code losses[t]} after t steps; the array is not copied and must not change. */
    public static LossCurve full(float[] losses) {
        return new LossCurve(losses.length, 1, losses, null, null, digest(losses));
    }

    /** The curve of a run that produced none (it threw before its first loss). */
    public static LossCurve empty() {
        return full(new float[0]);
    }

    /**
     * A thinned curve as a store holds it: {@code points.length} must be the number of points of a
     * curve of {@code length} values in blocks of {@code block}, and {@code low}, {@code high} one
     * shorter (empty for a curve of at most one value).
     *
     * @throws IllegalArgumentException if the shapes disagree or the digest is not 64 hex digits
     */
    public static LossCurve thinned(int length, int block, float[] points, float[] low, float[] high, String sha256) {
        if (length < 0 || block < 1) {
            throw new IllegalArgumentException("a curve needs length >= 0 and block >= 1, got length " + length
                    + ", block " + block);
        }
        int expected = pointCount(length, block);
        if (points.length != expected) {
            throw new IllegalArgumentException("a curve of " + length + " values in blocks of " + block + " has "
                    + expected + " points, got " + points.length);
        }
        int blocks = Math.max(0, expected - 1);
        if (low.length != blocks || high.length != blocks) {
            throw new IllegalArgumentException("a curve of " + expected + " points has " + blocks
                    + " blocks, got " + low.length + " low and " + high.length + " high values");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a curve's sha256 must be 64 lower-case hex digits, got " + sha256);
        }
        return block == 1 ? new LossCurve(length, 1, points.clone(), null, null, sha256)
                : new LossCurve(length, block, points.clone(), low.clone(), high.clone(), sha256);
    }

    /** Points of a curve of {@code length} values in blocks of {@code block}: 0, B, 2B, … and the last step. */
    static int pointCount(int length, int block) {
        if (length == 0) {
            return 0;
        }
        int last = length - 1;
        return last / block + 1 + (last % block == 0 ? 0 : 1);
    }

    /**
     * This full curve in blocks of {@code block} steps.
     *
     * @throws IllegalStateException if this curve is already thinned (its steps between points are gone)
     */
    public LossCurve thin(int block) {
        if (block < 1) {
            throw new IllegalArgumentException("block must be at least 1, got " + block);
        }
        if (this.block != 1) {
            throw new IllegalStateException("only a full curve can be thinned; this one has blocks of " + this.block);
        }
        if (block == 1) {
            return this;
        }
        int count = pointCount(length, block);
        float[] at = new float[count];
        float[] lo = new float[Math.max(0, count - 1)];
        float[] hi = new float[lo.length];
        for (int j = 0; j < count; j++) {
            at[j] = points[step(j, block, length)];
        }
        for (int j = 0; j < lo.length; j++) {
            float min = Float.NaN;
            float max = Float.NaN;
            // Block j: steps (jB, min((j+1)B, last)]; NaN-skipping so a diverged run's last loss leaves
            // the block's finite range intact.
            for (int t = j * block + 1; t <= step(j + 1, block, length); t++) {
                float v = points[t];
                if (Float.isFinite(v)) {
                    min = Float.isNaN(min) ? v : Math.min(min, v);
                    max = Float.isNaN(max) ? v : Math.max(max, v);
                }
            }
            lo[j] = min;
            hi[j] = max;
        }
        return new LossCurve(length, block, at, lo, hi, sha256);
    }

    /** The step of point j: jB, or the last step for the final point. */
    private static int step(int j, int block, int length) {
        return (int) Math.min((long) j * block, length - 1);
    }

    /** Values of the full curve: steps + 1, fewer if the run diverged, 0 if it failed. */
    public int length() {
        return length;
    }

    /** Steps per block: 1 for a full curve. */
    public int block() {
        return block;
    }

    public boolean isFull() {
        return block == 1;
    }

    /** Number of points: 0, B, 2B, … and the last step. */
    public int pointCount() {
        return points.length;
    }

    /** The step of point j. */
    public int pointStep(int j) {
        return step(j, block, length);
    }

    /** The loss at point j. */
    public float point(int j) {
        return points[j];
    }

    /** Blocks: one fewer than points (0 for a curve of at most one value). */
    public int blockCount() {
        return Math.max(0, points.length - 1);
    }

    /** The lowest finite loss over the steps of block j, (jB, min((j+1)B, last)]; NaN if it holds none. */
    public float blockLow(int j) {
        return low == null ? finiteOrNaN(points[j + 1]) : low[j];
    }

    /** The highest finite loss over the steps of block j; NaN if it holds none. */
    public float blockHigh(int j) {
        return high == null ? finiteOrNaN(points[j + 1]) : high[j];
    }

    private static float finiteOrNaN(float v) {
        return Float.isFinite(v) ? v : Float.NaN;
    }

    /** Whether the loss after {@code step} steps is kept: a multiple of the block, or the last step. */
    public boolean holds(int step) {
        return step >= 0 && step < length && (step % block == 0 || step == length - 1);
    }

    /**
     * The loss after {@code step} steps.
     *
     * @throws IllegalArgumentException if the curve does not hold that step ({@link #holds})
     */
    public float at(int step) {
        if (!holds(step)) {
            throw new IllegalArgumentException("the curve (" + length + " values in blocks of " + block
                    + ") does not hold step " + step);
        }
        return points[step == length - 1 ? points.length - 1 : step / block];
    }

    /**
     * The lowest loss from step 0 up to {@code step} inclusive, exact (non-finite losses skipped).
     *
     * @throws IllegalArgumentException if the curve does not hold that step
     */
    public float lowestUpTo(int step) {
        at(step);
        int blocks = step == length - 1 ? blockCount() : step / block;
        float lowest = finiteOrNaN(points[0]);
        for (int j = 0; j < blocks; j++) {
            float v = blockLow(j);
            if (!Float.isNaN(v)) {
                lowest = Float.isNaN(lowest) ? v : Math.min(lowest, v);
            }
        }
        return lowest;
    }

    /**
     * Every value of a full curve (a copy).
     *
     * @throws IllegalStateException if the curve is thinned
     */
    public float[] values() {
        if (block != 1) {
            throw new IllegalStateException("a thinned curve (blocks of " + block + ") keeps only its points");
        }
        return points.clone();
    }

    /** The points (a copy): every value when the curve is full. */
    public float[] points() {
        return points.clone();
    }

    /** SHA-256 of the full curve's float bits, 64 lower-case hex digits. */
    public String sha256() {
        return sha256;
    }

    private static String digest(float[] losses) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * losses.length);
        for (float v : losses) {
            bytes.putInt(Float.floatToRawIntBits(v));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Same length, blocks, points, block ranges (bit for bit, NaN = NaN) and digest. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LossCurve c)) {
            return false;
        }
        if (length != c.length || block != c.block || !sha256.equals(c.sha256) || !Arrays.equals(points, c.points)) {
            return false;
        }
        for (int j = 0; j < blockCount(); j++) {
            if (Float.compare(blockLow(j), c.blockLow(j)) != 0 || Float.compare(blockHigh(j), c.blockHigh(j)) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return sha256.hashCode() * 31 + block;
    }

    @Override
    public String toString() {
        return "LossCurve[" + length + " values, blocks of " + block + ", sha256 " + sha256.substring(0, 12) + "…]";
    }
}
