package dev.ember.bench;

import dev.ember.Ember;
import dev.ember.kernels.Parallel;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The two ceilings the targets are stated against, measured in the same harness and run:
 * a plain copy of a large float array (memory bandwidth, counted as bytes read + bytes written)
 * and a register-blocked FMA loop with no memory traffic (FMA peak); plus the copy into a freshly
 * allocated array, which is what a Java op returning a new tensor can at best do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Baselines {
    /** As large as one 32×64×112×112 tensor. */
    public static final int COPY_FLOATS = 32 * 64 * 112 * 112;
    /** Iterations of the FMA loop per thread and call. */
    public static final int FMA_ITERS = 1 << 22;
    /** Independent accumulators: enough to cover FMA latency × throughput. */
    public static final int FMA_CHAINS = 12;
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Param({"1"})
    public int threads;

    private float[] src, dst;

    @Setup
    public void setup() {
        Ember.setNumThreads(threads);
        src = EmberOps.randomInput(COPY_FLOATS).floatStorage();
        dst = new float[COPY_FLOATS];
    }

    /** Copy bytes per call (read + write). */
    public static double copyBytes() { return 8.0 * COPY_FLOATS; }

    /** Flops per call at {@code threads} threads. */
    public static double fmaFlops(int threads) { return 2.0 * FMA_CHAINS * S.length() * (double) FMA_ITERS * threads; }

    @Benchmark
    public float[] copy() {
        Parallel.forRange(COPY_FLOATS, 1 << 16, 16, (a, b) -> System.arraycopy(src, a, dst, a, b - a));
        return dst;
    }

    /**
     * The same copy into a new array: the floor for any op that returns a fresh tensor, since the
     * JVM zeroes every new array (in the allocating thread) before the op can write it.
     */
    @Benchmark
    public float[] freshCopy() {
        float[] d = new float[COPY_FLOATS];
        Parallel.forRange(COPY_FLOATS, 1 << 16, 16, (a, b) -> System.arraycopy(src, a, d, a, b - a));
        return d;
    }

    @Benchmark
    public float fma() {
        float[] out = new float[threads];
        Parallel.forRange(threads, 1, (a, b) -> {
            for (int t = a; t < b; t++) out[t] = fmaLoop(FMA_ITERS, t + 1);
        });
        float s = 0;
        for (float v : out) s += v;
        return s;
    }

    static float fmaLoop(int iters, float seed) {
        FloatVector m = FloatVector.broadcast(S, 0.999999f), a = FloatVector.broadcast(S, 1e-7f);
        FloatVector c0 = FloatVector.broadcast(S, seed), c1 = c0.add(1), c2 = c0.add(2), c3 = c0.add(3), c4 = c0.add(4),
                c5 = c0.add(5), c6 = c0.add(6), c7 = c0.add(7), c8 = c0.add(8), c9 = c0.add(9), c10 = c0.add(10),
                c11 = c0.add(11);
        for (int i = 0; i < iters; i++) {
            c0 = c0.fma(m, a);
            c1 = c1.fma(m, a);
            c2 = c2.fma(m, a);
            c3 = c3.fma(m, a);
            c4 = c4.fma(m, a);
            c5 = c5.fma(m, a);
            c6 = c6.fma(m, a);
            c7 = c7.fma(m, a);
            c8 = c8.fma(m, a);
            c9 = c9.fma(m, a);
            c10 = c10.fma(m, a);
            c11 = c11.fma(m, a);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
