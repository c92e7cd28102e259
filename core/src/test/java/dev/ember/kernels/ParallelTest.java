package dev.ember.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Intra-op parallelism: every element once, failures rethrown, nesting and concurrent callers, no leaks. */
class ParallelTest {
    final int before = Parallel.threads();

    @AfterEach
    void restore() { Parallel.setThreads(before); }

    /** Runs a range and checks that each index was visited exactly once. */
    static void coversOnce(int n, int grain) { coversOnce(n, grain, true); }

    /** With {@code countChunks}, also the number of chunks (not while another thread changes the thread count). */
    static void coversOnce(int n, int grain, boolean countChunks) {
        for (boolean balanced : new boolean[] {false, true}) {
            AtomicIntegerArray hits = new AtomicIntegerArray(n);
            java.util.Set<Integer> starts = java.util.concurrent.ConcurrentHashMap.newKeySet();
            Parallel.Range body = (a, b) -> {
                starts.add(a);
                assertThat(a % 4).as("chunk start %d aligned", a).isZero();
                for (int i = a; i < b; i++) hits.incrementAndGet(i);
            };
            if (balanced) Parallel.forRangeBalanced(n, grain, 4, body);
            else Parallel.forRange(n, grain, 4, body);
            for (int i = 0; i < n; i++) assertThat(hits.get(i)).as("index %d of %d", i, n).isEqualTo(1);
            if (!countChunks) continue;
            int most = Parallel.threads() * (balanced ? Parallel.BALANCE : 1);
            assertThat(starts.size()).as("chunks of %d", n).isLessThanOrEqualTo(most);
            if (n >= 65536 && Parallel.threads() > 1) assertThat(starts.size()).isEqualTo(most);
        }
    }

    @Test
    void everyIndexRunsOnceAtEveryThreadCount() {
        for (int t = 1; t <= 4; t++) {
            Parallel.setThreads(t);
            for (int n : new int[] {0, 1, 7, 100, 1001, 65536}) {
                for (int i = 0; i < 20; i++) coversOnce(n, 1);
            }
        }
    }

    @Test
    void aWorkersFailureIsRethrownAndTheTeamStaysUsable() {
        Parallel.setThreads(3);
        for (int round = 0; round < 5; round++) {
            assertThatThrownBy(() -> Parallel.forRange(300, 1, (a, b) -> {
                if (a > 0) throw new IllegalStateException("chunk " + a);
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("chunk ");
            assertThatThrownBy(() -> Parallel.forRange(300, 1, (a, b) -> {
                if (a == 0) throw new AssertionError("caller's chunk");
            })).isInstanceOf(AssertionError.class);
            coversOnce(300, 1);
        }
    }

    @Test
    void nestedRangesRunInline() {
        Parallel.setThreads(2);
        AtomicIntegerArray hits = new AtomicIntegerArray(64 * 64);
        Parallel.forRange(64, 1, (a, b) -> {
            for (int i = a; i < b; i++) {
                int row = i;
                Parallel.forRange(64, 1, (c, d) -> {
                    for (int j = c; j < d; j++) hits.incrementAndGet(row * 64 + j);
                });
            }
        });
        for (int i = 0; i < hits.length(); i++) assertThat(hits.get(i)).isEqualTo(1);
    }

    @Test
    void concurrentCallersAndThreadCountChanges() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) coversOnce(5000, 16, false);
                }));
            }
            for (int i = 0; i < 50; i++) Parallel.setThreads(1 + i % 3);
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFinishedOpLeavesNothingReachable() throws Exception {
        Parallel.setThreads(2);
        WeakReference<float[]> ref = runOnAFreshArray();
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(ref.get()).as("the array that the last op's body captured").isNull();
    }

    private static WeakReference<float[]> runOnAFreshArray() {
        float[] arr = new float[1 << 20];
        Parallel.forRange(arr.length, 1, (a, b) -> {
            for (int i = a; i < b; i++) arr[i] = i;
        });
        return new WeakReference<>(arr);
    }
}
