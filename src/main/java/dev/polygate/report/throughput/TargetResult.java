package dev.polygate.report.throughput;

import java.util.List;

/**
 * One project target and the checks that decide it. Met if every check is met, missed if any is
 * not, not measured if the JMH results hold nothing it applies to.
 *
 * @param name           short name, e.g. "relu training step"
 * @param requirement    the target in words
 * @param checks         one per measured case the target covers
 * @param notMeasuredWhy what is missing when there are no checks
 */
public record TargetResult(String name, String requirement, List<TargetCheck> checks, String notMeasuredWhy) {

    public enum Status {
        MET("met"),
        MISSED("missed"),
        NOT_MEASURED("not measured");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public TargetResult {
        checks = List.copyOf(checks);
    }

    public Status status() {
        if (checks.isEmpty()) {
            return Status.NOT_MEASURED;
        }
        return checks.stream().allMatch(TargetCheck::met) ? Status.MET : Status.MISSED;
    }
}
