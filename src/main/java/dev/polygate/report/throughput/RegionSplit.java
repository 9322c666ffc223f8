package dev.polygate.report.throughput;

import dev.polygate.report.jmh.JmhResult;
import dev.polygate.report.stats.Stats;
import dev.polygate.report.throughput.BenchmarkFlops.Known;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a training step's time went on N threads, from its parallel regions' own clocks
 * ({@code dev.polygate.kernel.RegionTimes}, which TrainingStepBenchmark.step writes as JMH event
 * counters; {@code dev.polygate.bench.RegionCounters}), set against the same step on one thread.
 *
 * <p>On N threads the step's time T_N is its serial part S (outside every region: Adam, the loss
 * sum, the loop, all on the caller) plus its regions, each the caller's part (waking the workers and
 * its own share) plus its wait for the last worker: T_N = S + Cc + W. All threads' shares together
 * take C = Cc + Cw (Cw: the workers'). On one thread the same regions took C₁ = T₁ − S: the serial
 * part is the same code on the same thread. Against the ideal T₁/N, the loss T_N − T₁/N splits
 * exactly into three:
 * <ul>
 * <li>serial: S·(1 − 1/N), the work no other thread shares;</li>
 * <li>slower work: (C − C₁)/N, the shares taking longer together than the regions on one thread
 *     (the cores computing more slowly while all run: shared caches, memory, or the host);</li>
 * <li>hand-over and imbalance: T_N − S − C/N, the regions' wall time above an even share of their
 *     work: waking and waiting, and threads whose shares end at different times.</li>
 * </ul>
 *
 * <p>Per measurement iteration the counters divide by its step count; each quantity is the median
 * over forks of each fork's median over its iterations, as for the times. The one-thread time is
 * the pair's median. Times in ns per step.
 *
 * @param pair           the step on N threads and on one
 * @param serialNs       S: the N-thread step's time outside its regions
 * @param callerShareNs  Cc: the caller's part of the regions
 * @param callerWaitNs   W: the caller's waits for the workers
 * @param workerShareNs  Cw: the workers' shares, summed over the N − 1 workers
 * @param workerStartNs  the wait from a region's start to a worker's start of its share, per region and worker
 * @param regionsPerStep the parallel regions of one step
 */
record RegionSplit(ThreadSpeedUp pair, double serialNs, double callerShareNs, double callerWaitNs,
                   double workerShareNs, double workerStartNs, double regionsPerStep) {

    /** The counters TrainingStepBenchmark.step writes (dev.polygate.bench.RegionCounters). */
    static final String STEPS = "steps";
    static final String REGIONS = "regions";
    static final String CALLER_SHARE = "callerShareNanos";
    static final String CALLER_WAIT = "callerWaitNanos";
    static final String WORKER_SHARE = "workerShareNanos";
    static final String WORKER_START = "workerStartNanos";
    private static final List<String> COUNTERS = List.of(STEPS, REGIONS, CALLER_SHARE, CALLER_WAIT, WORKER_SHARE,
            WORKER_START);

    /** One per multi-thread step pair whose N-thread result carries the region counters, in the pairs' order. */
    static List<RegionSplit> all(List<ThreadSpeedUp> pairs) {
        List<RegionSplit> out = new ArrayList<>();
        for (ThreadSpeedUp pair : pairs) {
            of(pair).ifPresent(out::add);
        }
        return out;
    }

    /** The split of a step pair; empty for forward or backward, or without the counters (JSON from before them). */
    static Optional<RegionSplit> of(ThreadSpeedUp pair) {
        JmhResult r = pair.split().result();
        if (pair.part() != Known.STEP || !r.events().keySet().containsAll(COUNTERS)) {
            return Optional.empty();
        }
        int forks = r.forks().size();
        double[] serial = new double[forks];
        double[] callerShare = new double[forks];
        double[] callerWait = new double[forks];
        double[] workerShare = new double[forks];
        double[] workerStart = new double[forks];
        double[] regions = new double[forks];
        int workers = pair.threads() - 1;
        for (int f = 0; f < forks; f++) {
            double[] time = r.forks().get(f);
            double[] steps = r.events().get(STEPS).get(f);
            List<double[]> perIteration = new ArrayList<>();
            for (int i = 0; i < time.length; i++) {
                double n = steps[i];
                double regionCount = count(r, REGIONS, f, i);
                if (n == 0 || regionCount == 0) {
                    continue;   // an iteration without a timed region says nothing about them
                }
                double cs = count(r, CALLER_SHARE, f, i) / n;
                double cw = count(r, CALLER_WAIT, f, i) / n;
                perIteration.add(new double[] {time[i] - cs - cw, cs, cw, count(r, WORKER_SHARE, f, i) / n,
                        count(r, WORKER_START, f, i) / (regionCount * workers), regionCount / n});
            }
            if (perIteration.isEmpty()) {
                return Optional.empty();
            }
            serial[f] = column(perIteration, 0);
            callerShare[f] = column(perIteration, 1);
            callerWait[f] = column(perIteration, 2);
            workerShare[f] = column(perIteration, 3);
            workerStart[f] = column(perIteration, 4);
            regions[f] = column(perIteration, 5);
        }
        return Optional.of(new RegionSplit(pair, Stats.median(serial), Stats.median(callerShare),
                Stats.median(callerWait), Stats.median(workerShare), Stats.median(workerStart), Stats.median(regions)));
    }

    private static double count(JmhResult r, String counter, int fork, int iteration) {
        return r.events().get(counter).get(fork)[iteration];
    }

    /** The median of one column over a fork's iterations. */
    private static double column(List<double[]> rows, int c) {
        return Stats.median(rows.stream().mapToDouble(row -> row[c]).toArray());
    }

    int threads() {
        return pair.threads();
    }

    /** T_N: the N-thread step's median time. */
    double stepNs() {
        return pair.split().nsPerOp();
    }

    /** T₁/N: what perfect scaling would give. */
    double idealNs() {
        return pair.oneThread().nsPerOp() / threads();
    }

    /** C = Cc + Cw: every thread's share together. */
    double sharesNs() {
        return callerShareNs + workerShareNs;
    }

    /** C₁ = T₁ − S: the regions' work on one thread. */
    double oneThreadRegionsNs() {
        return pair.oneThread().nsPerOp() - serialNs;
    }

    /** C / C₁: above 1, the threads' shares took longer together than the same work on one thread. */
    double workRatio() {
        return sharesNs() / oneThreadRegionsNs();
    }

    /** S·(1 − 1/N). */
    double serialLossNs() {
        return serialNs * (1 - 1.0 / threads());
    }

    /** (C − C₁)/N. */
    double slowerWorkLossNs() {
        return (sharesNs() - oneThreadRegionsNs()) / threads();
    }

    /** T_N − S − C/N. */
    double handOverLossNs() {
        return stepNs() - serialNs - sharesNs() / threads();
    }

    /** T_N − T₁/N: the sum of the three losses. */
    double lossNs() {
        return stepNs() - idealNs();
    }
}
