package dev.ember.random;

import dev.ember.kernels.Simd;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise random fills, bit-compatible with torch 1.13.1's CPU kernels
 * (pytorch-semantics.md §16.2, §16.3, §16.5, §16.6). All of them are serial: element i of the
 * fill gets the i-th value of the stream, so a caller passes the target's elements in
 * <em>memory order</em> — a contiguous (or dense but permuted) tensor as a range
 * {@code [off, off+n)} of its storage, any other tensor as its storage offsets sorted
 * by address. Each fill takes the generator's lock once.
 *
 * <p>Normal fills are in {@link NormalKernels}.
 */
public final class RandomKernels {
    private RandomKernels() {}

    // ---------------------------------------------------------------- uniform_

    /**
     * {@code uniform_(from, to)} on float32: {@code fma(u, (float)to − (float)from, (float)from)}
     * in float, with {@code u = (random32() & 0xFFFFFF)·2⁻²⁴}. {@code rand} is {@code (0, 1)}.
     */
    public static void uniform(Generator g, float[] a, int off, int n, double from, double to) {
        checkUniform(from, to, Float.MAX_VALUE, "float");
        float f = (float) from;
        float range = (float) to - f;
        synchronized (g) {
            for (int i = off, end = off + n; i < end; i++) {
                a[i] = Math.fma(g.nextFloat01(), range, f);
            }
        }
    }

    /** float32 {@code uniform_} into {@code a[offsets[0..n)]}, in that order. */
    public static void uniform(Generator g, float[] a, int[] offsets, int n, double from, double to) {
        checkUniform(from, to, Float.MAX_VALUE, "float");
        float f = (float) from;
        float range = (float) to - f;
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                a[offsets[i]] = Math.fma(g.nextFloat01(), range, f);
            }
        }
    }

    /**
     * {@code uniform_(from, to)} on float64: {@code fma(u, to − from, from)} in double, with
     * {@code u = (random64() & (2⁵³−1))·2⁻⁵³} (two 32-bit draws per element).
     */
    public static void uniform(Generator g, double[] a, int off, int n, double from, double to) {
        checkUniform(from, to, Double.MAX_VALUE, "double");
        double range = to - from;
        synchronized (g) {
            for (int i = off, end = off + n; i < end; i++) {
                a[i] = Math.fma(g.nextDouble01(), range, from);
            }
        }
    }

    /** float64 {@code uniform_} into {@code a[offsets[0..n)]}, in that order. */
    public static void uniform(Generator g, double[] a, int[] offsets, int n, double from, double to) {
        checkUniform(from, to, Double.MAX_VALUE, "double");
        double range = to - from;
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                a[offsets[i]] = Math.fma(g.nextDouble01(), range, from);
            }
        }
    }

    private static void checkUniform(double from, double to, double max, String type) {
        if (!(from <= to)) {
            throw new IllegalArgumentException(
                    "uniform_ expects to return a [from, to) range, but found from=" + from + " > to=" + to);
        }
        if (to - from > max) {
            throw new IllegalArgumentException("uniform_ expects to-from <= std::numeric_limits<" + type
                    + ">::max(), but found to=" + to + " and from=" + from
                    + " which result in to-from to exceed the limit");
        }
    }

    // ---------------------------------------------------------------- randint / random_(from, to)

    /**
     * {@code randint(low, high)} / {@code random_(low, high)} on int64: with
     * {@code range = high − low} (unsigned), each element is {@code low + random32() mod range},
     * or {@code low + random64() mod range} when {@code range ≥ 2³²} (unsigned arithmetic,
     * wrapping as in C).
     */
    public static void randint(Generator g, long[] a, int off, int n, long low, long high) {
        long range = checkRange(low, high);
        synchronized (g) {
            for (int i = off, end = off + n; i < end; i++) {
                a[i] = nextInt(g, range, low);
            }
        }
    }

    /** int64 {@code randint} into {@code a[offsets[0..n)]}, in that order. */
    public static void randint(Generator g, long[] a, int[] offsets, int n, long low, long high) {
        long range = checkRange(low, high);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                a[offsets[i]] = nextInt(g, range, low);
            }
        }
    }

    /** {@code randint} with a float32 result: the int64 value rounded to float. */
    public static void randint(Generator g, float[] a, int off, int n, long low, long high) {
        long range = checkRange(low, high);
        synchronized (g) {
            for (int i = off, end = off + n; i < end; i++) {
                a[i] = (float) nextInt(g, range, low);
            }
        }
    }

    /** float32 {@code randint} into {@code a[offsets[0..n)]}, in that order. */
    public static void randint(Generator g, float[] a, int[] offsets, int n, long low, long high) {
        long range = checkRange(low, high);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                a[offsets[i]] = (float) nextInt(g, range, low);
            }
        }
    }

    /** {@code randint} with a float64 result: the int64 value rounded to double. */
    public static void randint(Generator g, double[] a, int off, int n, long low, long high) {
        long range = checkRange(low, high);
        synchronized (g) {
            for (int i = off, end = off + n; i < end; i++) {
                a[i] = (double) nextInt(g, range, low);
            }
        }
    }

    /** float64 {@code randint} into {@code a[offsets[0..n)]}, in that order. */
    public static void randint(Generator g, double[] a, int[] offsets, int n, long low, long high) {
        long range = checkRange(low, high);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                a[offsets[i]] = (double) nextInt(g, range, low);
            }
        }
    }

    // transformation::uniform_int_from_to: (int64)((val % range) + base), in uint64.
    private static long nextInt(Generator g, long range, long low) {
        if (Long.compareUnsigned(range, 1L << 32) >= 0) {
            return Long.remainderUnsigned(g.nextLong(), range) + low;
        }
        return (g.nextInt() & 0xFFFFFFFFL) % range + low;
    }

    private static long checkRange(long low, long high) {
        if (low >= high) {
            throw new IllegalArgumentException(
                    "random_ expects 'from' to be less than 'to', but got from=" + low + " >= to=" + high);
        }
        return high - low;
    }

    // ---------------------------------------------------------------- bernoulli_(p)

    /**
     * {@code bernoulli_(p)} with a scalar probability (the non-MKL CPU kernel torch 1.13.1 uses
     * when built without MKL, as the Debian build is): element = 1 if
     * {@code (random64() & (2⁵³−1))·2⁻⁵³ < p}, else 0. {@code Dropout(p)} in training draws its
     * mask with {@code bernoulli_(1 − p)}.
     */
    public static void bernoulli(Generator g, float[] a, int off, int n, double p) {
        checkP(p);
        synchronized (g) {
            for (int i = off, end = off + n; i < end; i++) {
                a[i] = g.nextDouble01() < p ? 1f : 0f;
            }
        }
    }

    /** float32 {@code bernoulli_(p)} into {@code a[offsets[0..n)]}, in that order. */
    public static void bernoulli(Generator g, float[] a, int[] offsets, int n, double p) {
        checkP(p);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                a[offsets[i]] = g.nextDouble01() < p ? 1f : 0f;
            }
        }
    }

    /** float64 {@code bernoulli_(p)}. */
    public static void bernoulli(Generator g, double[] a, int off, int n, double p) {
        checkP(p);
        synchronized (g) {
            for (int i = off, end = off + n; i < end; i++) {
                a[i] = g.nextDouble01() < p ? 1.0 : 0.0;
            }
        }
    }

    /** float64 {@code bernoulli_(p)} into {@code a[offsets[0..n)]}, in that order. */
    public static void bernoulli(Generator g, double[] a, int[] offsets, int n, double p) {
        checkP(p);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                a[offsets[i]] = g.nextDouble01() < p ? 1.0 : 0.0;
            }
        }
    }

    private static void checkP(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("bernoulli_ expects p to be in [0, 1], but got p=" + p);
        }
    }

    // ---------------------------------------------------------------- RReLU (training)

    /**
     * RReLU training forward ({@code _rrelu_with_noise_train}) on float32, over
     * {@code n} elements in <em>row-major (logical) order</em>: torch runs it on
     * {@code input.contiguous()}, so a non-contiguous input is visited in logical order, not
     * memory order. For each {@code x ≤ 0} (including ±0) one
     * {@code u = (random64() & (2⁵³−1))·2⁻⁵³} is drawn and
     * {@code r = (float)(u·(hi − lo) + lo)} in double, not fused, with
     * {@code lo = (double)(float)lower}, {@code hi = (double)(float)upper}; then
     * {@code noise = r}, {@code out = x·r}. Positives and NaN draw nothing: noise 1, out x.
     * {@code out} may alias {@code x} (in-place {@code rrelu_}).
     */
    public static void rreluNoise(Generator g, float[] x, int xOff, float[] noise, int noiseOff,
                                  float[] out, int outOff, int n, double lower, double upper) {
        if (!Simd.ENABLED || n < 4 * Simd.F.length()) {
            rreluNoiseScalar(g, x, xOff, noise, noiseOff, out, outOff, n, lower, upper);
            return;
        }
        VectorSpecies<Float> f = Simd.F;
        int vl = f.length();
        double lo = (float) lower;
        double hi = (float) upper;
        float[] draws = new float[RRELU_CHUNK + vl];
        FloatVector one = FloatVector.broadcast(f, 1f);
        synchronized (g) {
            for (int c0 = 0; c0 < n; c0 += RRELU_CHUNK) {
                int c1 = Math.min(n, c0 + RRELU_CHUNK);
                int count = 0, i = c0;
                for (; i + vl <= c1; i += vl) {
                    count += FloatVector.fromArray(f, x, xOff + i).compare(VectorOperators.LE, 0f).trueCount();
                }
                for (; i < c1; i++) if (x[xOff + i] <= 0f) count++;
                for (int k = 0; k < count; k++) draws[k] = (float) (g.nextDouble01() * (hi - lo) + lo);
                int k = 0;
                for (i = c0; i + vl <= c1; i += vl) {
                    FloatVector v = FloatVector.fromArray(f, x, xOff + i);
                    VectorMask<Float> m = v.compare(VectorOperators.LE, 0f);
                    FloatVector r = one.blend(FloatVector.fromArray(f, draws, k).expand(m), m);
                    r.intoArray(noise, noiseOff + i);
                    v.mul(r).intoArray(out, outOff + i);
                    k += m.trueCount();
                }
                for (; i < c1; i++) {
                    float v = x[xOff + i];
                    if (v <= 0f) {
                        float r = draws[k++];
                        out[outOff + i] = v * r;
                        noise[noiseOff + i] = r;
                    } else {
                        noise[noiseOff + i] = 1f;
                        out[outOff + i] = v;
                    }
                }
            }
        }
    }

    /** Elements per chunk of the vector RReLU: count the draws, make them in a tight loop, spread them. */
    static final int RRELU_CHUNK = 1 << 14;

    /**
     * The scalar twin of {@link #rreluNoise(Generator, float[], int, float[], int, float[], int, int, double, double)}:
     * one element at a time. The vector version makes the same draws in the same order (counted per
     * chunk, drawn in a branch-free loop, spread with a lane expand), so noise, output and the
     * generator's state afterwards are identical; {@code x·1 = x} for the positives and NaN.
     */
    public static void rreluNoiseScalar(Generator g, float[] x, int xOff, float[] noise, int noiseOff,
                                        float[] out, int outOff, int n, double lower, double upper) {
        double lo = (float) lower;
        double hi = (float) upper;
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                float v = x[xOff + i];
                if (v <= 0f) {
                    float r = (float) (g.nextDouble01() * (hi - lo) + lo);
                    out[outOff + i] = v * r;
                    noise[noiseOff + i] = r;
                } else {
                    noise[noiseOff + i] = 1f;
                    out[outOff + i] = v;
                }
            }
        }
    }

    /** RReLU training forward on float64; as the float32 version with {@code lo = lower}, {@code hi = upper}. */
    public static void rreluNoise(Generator g, double[] x, int xOff, double[] noise, int noiseOff,
                                  double[] out, int outOff, int n, double lower, double upper) {
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                double v = x[xOff + i];
                if (v <= 0.0) {
                    double r = g.nextDouble01() * (upper - lower) + lower;
                    out[outOff + i] = v * r;
                    noise[noiseOff + i] = r;
                } else {
                    noise[noiseOff + i] = 1.0;
                    out[outOff + i] = v;
                }
            }
        }
    }
}
