package dev.polygate.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParallelForTest {

    /** The threads of the last region, by part. */
    private static Thread[] threadsOf(ParallelFor parallel) {
        Thread[] seen = new Thread[parallel.parts()];
        parallel.run((part, parts) -> seen[part] = Thread.currentThread());
        return seen;
    }

    @Test
    void sharesCutItemsIntoContiguousRangesThatCoverThemOnce() {
        for (int parts = 1; parts <= 17; parts++) {
            for (int count : new int[] {0, 1, 5, 16, 39, 1000}) {
                assertEquals(0, ParallelFor.shareStart(0, parts, count));
                assertEquals(count, ParallelFor.shareStart(parts, parts, count));
                for (int part = 0; part < parts; part++) {
                    int size = ParallelFor.shareStart(part + 1, parts, count) - ParallelFor.shareStart(part, parts, count);
                    assertTrue(size == count / parts || size == count / parts + 1, parts + " parts of " + count);
                }
            }
        }
        // In long: no overflow for a count near the int range.
        assertEquals(Integer.MAX_VALUE / 2, ParallelFor.shareStart(1, 2, Integer.MAX_VALUE - 1));
    }

    @Test
    void onePartRunsOnTheCallerWithoutThreads() {
        int before = Thread.activeCount();
        try (ParallelFor one = new ParallelFor(1)) {
            assertEquals(before, Thread.activeCount());
            int[] calls = new int[1];
            one.run((part, parts) -> {
                assertEquals(0, part);
                assertEquals(1, parts);
                calls[0]++;
            });
            assertEquals(1, calls[0]);
            assertSame(Thread.currentThread(), threadsOf(one)[0]);
        }
    }

    /** Every region runs each share once, share 0 on the caller, the others on their own thread; writes come back. */
    @Test
    void everyShareRunsOnceAndItsWritesReachTheCaller() {
        for (int parts : new int[] {2, 3, 5}) {
            try (ParallelFor parallel = new ParallelFor(parts)) {
                Thread[] threads = threadsOf(parallel);
                assertSame(Thread.currentThread(), threads[0]);
                assertEquals(parts, new HashSet<>(Arrays.asList(threads)).size(), "a thread per part");
                int count = 1001;
                int[] out = new int[count];
                // Many regions back to back and some after a pause: both the spinning and the parked hand-off.
                for (int region = 1; region <= 2000; region++) {
                    int value = region;
                    parallel.run((part, n) -> {
                        for (int i = ParallelFor.shareStart(part, n, count); i < ParallelFor.shareStart(part + 1, n, count); i++) {
                            out[i] += value;
                        }
                    });
                    if (region % 500 == 0) {
                        sleep(20);
                    }
                }
                int[] want = new int[count];
                Arrays.fill(want, 2000 * 2001 / 2);
                assertArrayEquals(want, out, parts + " parts");
            }
        }
    }

    /**
     * The region clocks add each region once, and what they add is bounded below by what the shares
     * did (a sleep lasts at least its time): a worker's long share shows as the caller's wait, a
     * caller's long share as the caller's part. Only lower bounds, so a busy machine cannot fail it.
     */
    @Test
    void regionTimesAccountForEachThreadsShareAndTheCallersWait() {
        try (ParallelFor one = new ParallelFor(1)) {
            one.run((part, parts) -> sleep(5));
            assertEquals(0, one.times().regions(), "one part: nothing is timed");
            assertEquals(0, one.times().callerShareNanos());
        }
        long ms = 1_000_000;
        try (ParallelFor parallel = new ParallelFor(3)) {
            RegionTimes t = parallel.times();
            parallel.run((part, parts) -> sleep(part == 0 ? 0 : 40));
            assertEquals(1, t.regions());
            assertTrue(t.callerShareNanos() + t.callerWaitNanos() >= 40 * ms, "the region lasts until the last worker ends");
            assertTrue(t.workerShareNanos() >= 2 * 40 * ms, "two workers' shares, summed: " + t.workerShareNanos());
            assertTrue(t.workerStartNanos() >= 0);
            long waitBefore = t.callerWaitNanos();
            long workerBefore = t.workerShareNanos();
            parallel.run((part, parts) -> sleep(part == 0 ? 30 : 0));
            assertEquals(2, t.regions());
            assertTrue(t.callerShareNanos() >= 30 * ms, "the caller's own share: " + t.callerShareNanos());
            assertTrue(t.callerWaitNanos() >= waitBefore && t.workerShareNanos() >= workerBefore, "totals only grow");
        }
    }

    @Test
    void aWorkersExceptionIsRethrownOnTheCallerAndTheThreadsCarryOn() {
        try (ParallelFor parallel = new ParallelFor(3)) {
            IllegalStateException boom = new IllegalStateException("boom in part 2");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> parallel.run((part, parts) -> {
                if (part == 2) {
                    throw boom;
                }
            }));
            assertSame(boom, thrown);
            // The lowest part's throwable, the others suppressed in it; an Error stays an Error.
            AssertionError first = new AssertionError("part 1");
            AssertionError rethrown = assertThrows(AssertionError.class, () -> parallel.run((part, parts) -> {
                if (part == 1) {
                    throw first;
                }
                if (part == 2) {
                    throw new IllegalArgumentException("part 2");
                }
            }));
            assertSame(first, rethrown);
            assertEquals("part 2", rethrown.getSuppressed()[0].getMessage());
            // The caller's own share fails the same way.
            assertThrows(ArithmeticException.class, () -> parallel.run((part, parts) -> {
                if (part == 0) {
                    throw new ArithmeticException("part 0");
                }
            }));
            // Nothing is left over: the next region runs clean on the same threads.
            int[] ran = new int[3];
            parallel.run((part, parts) -> ran[part]++);
            assertArrayEquals(new int[] {1, 1, 1}, ran);
        }
    }

    @Test
    void aShareCannotStartARegion() {
        try (ParallelFor parallel = new ParallelFor(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> parallel.run((part, parts) -> parallel.run((p, n) -> { })));
            assertTrue(e.getMessage().contains("cannot start another"), e.getMessage());
        }
    }

    @Test
    void closeEndsTheWorkersAndRefusesFurtherRegions() throws InterruptedException {
        ParallelFor parallel = new ParallelFor(4);
        Thread[] threads = threadsOf(parallel);
        Set<Thread> workers = new HashSet<>(Arrays.asList(threads).subList(1, 4));
        for (Thread worker : workers) {
            assertTrue(worker.isAlive());
            assertTrue(worker.isDaemon(), "a forgotten run cannot keep the JVM alive");
            assertNotSame(Thread.currentThread(), worker);
        }
        sleep(50);   // long enough for the workers to park
        parallel.close();
        for (Thread worker : workers) {
            assertFalse(worker.isAlive(), worker.getName() + " ended");
        }
        parallel.close();   // idempotent
        assertThrows(IllegalStateException.class, () -> parallel.run((part, parts) -> { }));
        assertThrows(IllegalArgumentException.class, () -> new ParallelFor(0));
    }

    /** VectorMlp owns its run's threads: they end when it is closed. */
    @Test
    void aClosedVectorMlpLeavesNoThreads() {
        var spec = new dev.polygate.model.ModelSpec(dev.polygate.model.Activation.RELU,
                dev.polygate.model.LayerKind.PLAIN, 4, 2);
        Thread[] workers;
        try (VectorMlp mlp = new VectorMlp(spec, new float[] {1, 2, 3}, new float[] {1, 4, 9}, 3)) {
            mlp.forwardLoss(new float[spec.layout().size()]);
            workers = liveWorkers();
            assertTrue(workers.length >= 2, "the run's workers are running");
        }
        for (Thread worker : workers) {
            assertFalse(worker.isAlive(), worker.getName() + " ended with its VectorMlp");
        }
    }

    static Thread[] liveWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("polygate-run-part-") && t.isAlive()).toArray(Thread[]::new);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
