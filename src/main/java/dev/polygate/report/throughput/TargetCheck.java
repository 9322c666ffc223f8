package dev.polygate.report.throughput;

/**
 * One measured number against a project target: the median (with its interval) and the limit it
 * must stay below or reach. Met or missed is decided on the median; when the interval contains
 * the limit the verdict is within measurement noise and the report says so.
 */
public record TargetCheck(String subject, Quantity quantity, double value, double low, double high, double limit,
                          boolean atMost) {

    /** What the number is, so the report prints it in the right unit. */
    public enum Quantity {
        NANOSECONDS,
        SPEED_UP,
        FRACTION_OF_ROOF
    }

    public boolean met() {
        return atMost ? value <= limit : value >= limit;
    }

    /** Whether the interval reaches across the limit: a rerun could turn the verdict. */
    public boolean withinNoise() {
        return low <= limit && limit <= high;
    }

    /** How far the median is from the limit, always ≥ 0 (the margin when met, the shortfall when missed). */
    public double distance() {
        return Math.abs(value - limit);
    }
}
