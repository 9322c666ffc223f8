package dev.polygate.experiment.store;

import dev.polygate.kernel.FlopCount;
import dev.polygate.model.RunSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shard i of N of a grid ({@code --shard i/N}, 1 ≤ i ≤ N): a deterministic share of its runs,
 * balanced by cost rather than by count. A run's cost is its FLOPs per training step times its
 * steps ({@link FlopCount#trainingStep}); runs are dealt out longest first, each to the shard with
 * the least cost so far (the lowest-numbered on a tie) — the LPT rule, whose largest shard is at
 * most 4/3 of the best possible. Every shard computes the same deal from the grid alone, so N jobs
 * given 1/N … N/N train every run exactly once.
 */
public record Shard(int index, int count) {
    public static final int MAX_COUNT = 100_000;

    public Shard {
        if (count < 1 || count > MAX_COUNT || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/N with 1 <= i <= N <= " + MAX_COUNT + ", got " + index + "/"
                    + count);
        }
    }

    /**
     * Reads "i/N".
     *
     * @throws IllegalArgumentException naming the form when it is not i/N with 1 ≤ i ≤ N
     */
    public static Shard parse(String text) {
        String[] parts = text.split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // fall through to the one message
        }
        throw new IllegalArgumentException("a shard is i/N with 1 <= i <= N <= " + MAX_COUNT + " (e.g. 2/8), got '"
                + text + "'");
    }

    /** Training cost of a run: FLOPs per step × steps. */
    public static double cost(RunSpec run) {
        return (double) FlopCount.trainingStep(run.model(), run.samples()) * run.steps();
    }

    /** This shard's runs, in the order of {@code runs}. */
    public List<RunSpec> select(List<RunSpec> runs) {
        int[] shardOf = deal(runs, count);
        List<RunSpec> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (shardOf[i] == index - 1) {
                out.add(runs.get(i));
            }
        }
        return out;
    }

    /** The shard (0-based) of every run: longest first (grid order on ties), each to the least-loaded shard. */
    static int[] deal(List<RunSpec> runs, int count) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            order.add(i);
        }
        double[] costs = runs.stream().mapToDouble(Shard::cost).toArray();
        order.sort(Comparator.comparingDouble((Integer i) -> -costs[i]).thenComparingInt(i -> i));
        double[] load = new double[count];
        int[] shardOf = new int[runs.size()];
        for (int i : order) {
            int least = 0;
            for (int s = 1; s < count; s++) {
                if (load[s] < load[least]) {
                    least = s;
                }
            }
            shardOf[i] = least;
            load[least] += costs[i];
        }
        return shardOf;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
