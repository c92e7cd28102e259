package dev.ember.kernels;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Intra-op parallelism like ATen's {@code parallel_for}: a range is cut into contiguous chunks (one
 * per thread, or up to {@value #BALANCE} per thread with {@link #forRangeBalanced}), claimed by the
 * calling thread and a team of worker threads. One thread, a range under the grain size, a call
 * from inside a chunk, or a call while another thread's op holds the team runs inline (the split
 * never changes a result).
 * The thread count is {@code torch.set_num_threads}'s: see {@code Ember.setNumThreads}.
 *
 * <p>Workers spin for a short while after each op before they park, as OpenMP's do: waking a
 * parked thread takes tens of microseconds on a VM, as long as a whole small op.
 */
public final class Parallel {
    private Parallel() {}

    /** A piece of work over {@code [from, to)}. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /** How long an idle worker spins before it parks. */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(Long.getLong("ember.spin.us", 50));

    private static volatile int threads = defaultThreads();
    private static volatile Team team;

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
        Team old = team;
        team = null;
        if (old != null) old.close();
    }

    private static Team team(int n) {
        Team t = team;
        if (t != null && t.workers.length == n - 1) return t;
        synchronized (Parallel.class) {
            t = team;
            if (t == null || t.workers.length != n - 1) {
                if (t != null) t.close();
                t = new Team(n - 1);
                team = t;
            }
            return t;
        }
    }

    /**
     * Runs {@code body} over {@code [0, n)} in chunks of at least {@code grain} (rounded to
     * multiples of {@code align}); returns when every chunk is done and rethrows the first failure.
     */
    public static void forRange(int n, int grain, int align, Range body) { split(n, grain, align, 1, body); }

    /**
     * {@link #forRange(int, int, int, Range)} in up to {@value #BALANCE} chunks per thread, for
     * work whose chunks cost nothing to set up (elementwise ops, pooling rows). Whoever is faster
     * claims more of them. On this VM the other core is sometimes several times slower to write a
     * fresh output array that the calling thread has just zeroed (when the host puts the two vCPUs
     * far apart): with one chunk each, a small pool then took 3x as long as usual, with four about
     * 1.5x.
     */
    public static void forRangeBalanced(int n, int grain, int align, Range body) {
        split(n, grain, align, BALANCE, body);
    }

    static final int BALANCE = 4;

    private static void split(int n, int grain, int align, int perThread, Range body) {
        int t = threads;
        long chunks = t == 1 ? 1 : Math.min((long) t * perThread, n / (long) Math.max(grain, 1));
        if (chunks <= 1 || Team.inChunk()) {
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
        Team team = team(t);
        if (!team.run(body, bounds)) body.run(0, n); // the team is busy with another thread's op
    }

    /** {@link #forRange(int, int, int, Range)} without alignment. */
    public static void forRange(int n, int grain, Range body) { forRange(n, grain, 1, body); }

    /**
     * One op's chunks, claimed one at a time by whoever is free: the caller first, then any worker
     * that wakes in time. A worker the OS has not scheduled yet therefore never holds up the op; the
     * caller runs its chunks. Which thread runs a chunk never changes what the chunk computes. The
     * body is dropped when the op is done, so that a reference to the job left in a parked worker's
     * frame keeps none of the op's arrays alive.
     */
    private static final class Job {
        final long generation;
        final int[] bounds;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        private Range body;

        Job(long generation, Range body, int[] bounds) {
            this.generation = generation;
            this.body = body;
            this.bounds = bounds;
        }

        int chunks() { return bounds.length - 1; }

        /** Claims and runs chunks until none is left. */
        void runChunks() {
            for (int i = next.getAndIncrement(); i < chunks(); i = next.getAndIncrement()) {
                try {
                    if (bounds[i] < bounds[i + 1]) body.run(bounds[i], bounds[i + 1]);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
                done.incrementAndGet();
            }
        }
    }

    /** A fixed set of worker threads serving one op at a time. */
    private static final class Team {
        private static final ThreadLocal<Boolean> IN_CHUNK = ThreadLocal.withInitial(() -> false);

        final Worker[] workers;
        /** Held by the thread whose op the team runs; held for good once the team is closed. */
        final AtomicBoolean busy = new AtomicBoolean();
        /** The op being run, or null, so that no finished op's arrays stay reachable from here. */
        volatile Job job;
        volatile boolean closed;
        private long generation;

        Team(int n) {
            workers = new Worker[n];
            for (int i = 0; i < n; i++) {
                workers[i] = new Worker(this, i);
                workers[i].start();
            }
        }

        static boolean inChunk() { return IN_CHUNK.get(); }

        /** Runs the job with the caller as chunk 0; false (nothing run) when the team is taken. */
        boolean run(Range body, int[] bounds) {
            if (!busy.compareAndSet(false, true)) return false;
            Job j = new Job(++generation, body, bounds);
            try {
                job = j;
                for (int i = 0; i < Math.min(workers.length, j.chunks() - 1); i++) {
                    if (workers[i].parked) LockSupport.unpark(workers[i]);
                }
                IN_CHUNK.set(true);
                try {
                    j.runChunks();
                } finally {
                    IN_CHUNK.set(false);
                }
                // a worker is still inside a chunk; if it was descheduled, yield this core to it
                for (int spins = 0; j.done.get() < j.chunks(); spins++) {
                    if (spins < 256) Thread.onSpinWait();
                    else Thread.yield();
                }
            } finally {
                job = null;
                j.body = null; // every chunk is done: no worker reads it any more
                busy.set(false);
            }
            Throwable failure = j.failure.get();
            if (failure instanceof RuntimeException r) throw r;
            if (failure instanceof Error e) throw e;
            if (failure != null) throw new RuntimeException(failure);
            return true;
        }

        void close() {
            while (!busy.compareAndSet(false, true)) Thread.onSpinWait(); // let a running op finish
            closed = true;
            for (Worker w : workers) LockSupport.unpark(w);
        }
    }

    private static final class Worker extends Thread {
        final Team team;
        final int index;
        volatile boolean parked;

        Worker(Team team, int index) {
            super("ember-intra-op-" + index);
            this.team = team;
            this.index = index;
            setDaemon(true);
        }

        @Override
        public void run() {
            Team.IN_CHUNK.set(true);
            long seen = 0;
            while (seen >= 0) seen = runNext(seen);
        }

        /** Helps with the next job after generation {@code seen}; −1 once the team closes. */
        private long runNext(long seen) {
            Job j = next(seen);
            if (j == null) return -1;
            j.runChunks();
            return j.generation;
        }

        /** The next job after generation {@code seen}: spins a while, then parks; null once the team closes. */
        private Job next(long seen) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            for (int spins = 1; ; spins++) {
                Job j = team.job;
                if (j != null && j.generation != seen) return j;
                if (team.closed) return null;
                if (System.nanoTime() < spinUntil) {
                    // now and then let a thread that shares this CPU run (the op's caller, say)
                    if ((spins & 63) == 0) Thread.yield();
                    else Thread.onSpinWait();
                    continue;
                }
                parked = true;
                j = team.job; // the dispatcher unparks only a worker it sees parked: look again first
                if ((j == null || j.generation == seen) && !team.closed) LockSupport.park(this);
                parked = false;
                Thread.interrupted(); // an interrupt would otherwise make every later park return at once
                spinUntil = System.nanoTime() + SPIN_NANOS;
            }
        }
    }
}
