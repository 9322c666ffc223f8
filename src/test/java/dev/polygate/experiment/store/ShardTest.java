package dev.polygate.experiment.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygate.experiment.ScalingDesign;
import dev.polygate.model.RunSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardTest {
    @Test
    void shardsCoverTheGridOnceAndBalanceCostNotCount() {
        // The scaling grid: widths 4..256, so costs differ by ~100x between runs.
        List<RunSpec> runs = ScalingDesign.defaults().grid().runs();
        double largest = runs.stream().mapToDouble(Shard::cost).max().orElseThrow();
        double total = runs.stream().mapToDouble(Shard::cost).sum();
        for (int n : new int[] {1, 2, 3, 7, 64, runs.size() + 5}) {
            Set<String> seen = new HashSet<>();
            int count = 0;
            for (int i = 1; i <= n; i++) {
                List<RunSpec> share = new Shard(i, n).select(runs);
                double cost = share.stream().mapToDouble(Shard::cost).sum();
                // LPT: no shard exceeds the ideal share by more than one run.
                assertTrue(cost <= total / n + largest, n + " shards, shard " + i);
                share.forEach(r -> seen.add(r.id()));
                count += share.size();
            }
            assertEquals(runs.size(), count, "each run once");
            assertEquals(runs.size(), seen.size());
        }
        List<RunSpec> a = new Shard(1, 3).select(runs);
        List<RunSpec> b = new Shard(2, 3).select(runs);
        double ca = a.stream().mapToDouble(Shard::cost).sum();
        double cb = b.stream().mapToDouble(Shard::cost).sum();
        assertTrue(Math.abs(ca - cb) / Math.max(ca, cb) < 0.05, "balanced by cost: " + ca + " vs " + cb);
    }

    @Test
    void theDealIsTheSameEveryTime() {
        List<RunSpec> runs = ScalingDesign.defaults().grid().runs();
        assertEquals(new Shard(2, 5).select(runs), new Shard(2, 5).select(runs));
    }

    @Test
    void onlyIOverNWithIInOneToNParses() {
        assertEquals(new Shard(2, 8), Shard.parse("2/8"));
        for (String bad : new String[] {"0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/2/3", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().contains("i/N"), e.getMessage());
        }
    }
}
