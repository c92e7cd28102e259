package dev.ember.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Intra-op parallelism like ATen's {@code parallel_for}: a range is cut into at most
 * {@link #threads()} contiguous chunks; the calling thread runs the first chunk and pool workers the
 * rest. One thread (or a range under the grain size, or a call from inside the pool) runs inline.
 * The thread count is {@code torch.set_num_threads}'s: see {@code Ember.setNumThreads}.
 */
public final class Parallel {
    private Parallel() {}

    /** A piece of work over {@code [from, to)}. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    private static volatile int threads = defaultThreads();
    private static volatile ForkJoinPool pool;

    private static int defaultThreads() {
        String p = System.getProperty("ember.threads");
        if (p != null && !p.isBlank()) return Math.max(1, Integer.parseInt(p.trim()));
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public static int threads() { return threads; }

    /** Sets the number of threads ops may use (the caller counts as one). */
    public static synchronized void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("Number of threads must be positive, but got " + n);
        if (n == threads) return;
        threads = n;
        ForkJoinPool old = pool;
        pool = null;
        if (old != null) old.shutdown();
    }

    private static ForkJoinPool pool(int n) {
        ForkJoinPool p = pool;
        if (p != null && p.getParallelism() == n - 1) return p;
        synchronized (Parallel.class) {
            p = pool;
            if (p == null || p.getParallelism() != n - 1) {
                if (p != null) p.shutdown();
                ForkJoinPool.ForkJoinWorkerThreadFactory f = fj -> {
                    ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(fj);
                    t.setName("ember-intra-op-" + t.getPoolIndex());
                    t.setDaemon(true);
                    return t;
                };
                p = new ForkJoinPool(n - 1, f, null, false);
                pool = p;
            }
            return p;
        }
    }

    /**
     * Runs {@code body} over {@code [0, n)} in chunks of at least {@code grain} (rounded to
     * multiples of {@code align}); returns when every chunk is done and rethrows the first failure.
     */
    public static void forRange(int n, int grain, int align, Range body) {
        int t = threads;
        long chunks = Math.min(t, n / (long) Math.max(grain, 1));
        if (chunks <= 1 || insidePool()) {
            if (n > 0) body.run(0, n);
            return;
        }
        int c = (int) chunks;
        int[] bounds = new int[c + 1];
        for (int i = 1; i < c; i++) {
            long b = (long) n * i / c;
            if (align > 1) b = b / align * align;
            bounds[i] = (int) Math.max(b, bounds[i - 1]);
        }
        bounds[c] = n;
        ForkJoinPool p = pool(t);
        @SuppressWarnings("unchecked")
        ForkJoinTask<Void>[] tasks = new ForkJoinTask[c - 1];
        for (int i = 1; i < c; i++) {
            int from = bounds[i], to = bounds[i + 1];
            ForkJoinTask<Void> task = ForkJoinTask.adapt(() -> {
                if (from < to) body.run(from, to);
            }, null);
            try {
                tasks[i - 1] = p.submit(task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // setThreads replaced the pool meanwhile: run this chunk here
                task.invoke();
                tasks[i - 1] = task;
            }
        }
        Throwable failure = null;
        try {
            if (bounds[1] > 0) body.run(0, bounds[1]);
        } catch (Throwable e) {
            failure = e;
        }
        for (ForkJoinTask<Void> task : tasks) {
            try {
                task.join();
            } catch (Throwable e) {
                if (failure == null) failure = e;
            }
        }
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof Error e) throw e;
        if (failure != null) throw new RuntimeException(failure);
    }

    /** {@link #forRange(int, int, int, Range)} without alignment. */
    public static void forRange(int n, int grain, Range body) { forRange(n, grain, 1, body); }

    private static boolean insidePool() {
        return Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() == pool;
    }
}
