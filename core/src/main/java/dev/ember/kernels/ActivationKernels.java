package dev.ember.kernels;

import static dev.ember.kernels.Simd.F;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Elementwise activations on contiguous arrays, forward next to backward, with ATen's comparisons:
 * ReLU maps {@code x < 0} to +0 and its backward tests the output ({@code y <= 0 → 0}); the leaky
 * family tests {@code x > 0}, so x = 0, −0 and NaN take the slope branch in backward.
 *
 * <p>Every float kernel has a Vector API body and a scalar twin ({@code …Scalar}) that tests
 * compare it with: bit for bit for the ReLU family and the sigmoid/tanh backward formulas (each
 * lane does the twin's exact arithmetic), within a few ulp for the sigmoid and tanh forward (the
 * vector {@code exp}/{@code tanh} are not {@link Math}'s) and the PReLU weight gradient (a sum in
 * another order). Large arrays are split over {@link Parallel} in contiguous chunks.
 */
public final class ActivationKernels {
    private ActivationKernels() {}

    /** Elements per parallel chunk, at least: 256 KiB of floats. */
    static final int GRAIN = 1 << 16;

    // ReLU --------------------------------------------------------------------------------------
    public static void relu(float[] x, int xOff, float[] y, int yOff, int n) {
        Parallel.forRangeBalanced(n, GRAIN, 64, (a, b) -> reluRange(x, xOff + a, y, yOff + a, b - a));
    }

    static void reluRange(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        if (Simd.ENABLED) {
            FloatVector zero = FloatVector.zero(F);
            for (int bound = F.loopBound(n); i < bound; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, xOff + i);
                v.blend(zero, v.compare(VectorOperators.LT, 0f)).intoArray(y, yOff + i);
            }
        }
        reluScalar(x, xOff + i, y, yOff + i, n - i);
    }

    public static void reluScalar(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            y[yOff + i] = v < 0 ? 0f : v;
        }
    }

    public static void relu(double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            double v = x[xOff + i];
            y[yOff + i] = v < 0 ? 0.0 : v;
        }
    }

    public static void relu(long[] x, int xOff, long[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Math.max(x[xOff + i], 0L);
    }

    public static void reluBackward(float[] g, float[] y, int yOff, float[] gx, int n) {
        Parallel.forRangeBalanced(n, GRAIN, 64, (a, b) -> reluBackwardRange(g, a, y, yOff + a, gx, b - a));
    }

    static void reluBackwardRange(float[] g, int gOff, float[] y, int yOff, float[] gx, int n) {
        int i = 0;
        if (Simd.ENABLED) {
            FloatVector zero = FloatVector.zero(F);
            for (int bound = F.loopBound(n); i < bound; i += F.length()) {
                FloatVector yv = FloatVector.fromArray(F, y, yOff + i);
                FloatVector.fromArray(F, g, gOff + i).blend(zero, yv.compare(VectorOperators.LE, 0f))
                        .intoArray(gx, gOff + i);
            }
        }
        for (; i < n; i++) gx[gOff + i] = y[yOff + i] <= 0 ? 0f : g[gOff + i];
    }

    public static void reluBackwardScalar(float[] g, float[] y, int yOff, float[] gx, int n) {
        for (int i = 0; i < n; i++) gx[i] = y[yOff + i] <= 0 ? 0f : g[i];
    }

    public static void reluBackward(double[] g, double[] y, int yOff, double[] gx, int n) {
        for (int i = 0; i < n; i++) gx[i] = y[yOff + i] <= 0 ? 0.0 : g[i];
    }

    // LeakyReLU (also RReLU in eval mode) ---------------------------------------------------------
    public static void leakyRelu(float[] x, int xOff, float[] y, int yOff, int n, float slope) {
        Parallel.forRangeBalanced(n, GRAIN, 64, (a, b) -> leakyRange(x, xOff + a, y, yOff + a, b - a, slope));
    }

    static void leakyRange(float[] x, int xOff, float[] y, int yOff, int n, float slope) {
        int i = 0;
        if (Simd.ENABLED) {
            for (int bound = F.loopBound(n); i < bound; i += F.length()) {
                FloatVector v = FloatVector.fromArray(F, x, xOff + i);
                v.mul(slope).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, yOff + i);
            }
        }
        leakyReluScalar(x, xOff + i, y, yOff + i, n - i, slope);
    }

    public static void leakyReluScalar(float[] x, int xOff, float[] y, int yOff, int n, float slope) {
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            y[yOff + i] = v > 0 ? v : v * slope;
        }
    }

    public static void leakyRelu(double[] x, int xOff, double[] y, int yOff, int n, double slope) {
        for (int i = 0; i < n; i++) {
            double v = x[xOff + i];
            y[yOff + i] = v > 0 ? v : v * slope;
        }
    }

    /** {@code x} is the input (or, for the in-place variant, the output: same sign for a positive slope). */
    public static void leakyReluBackward(float[] g, float[] x, int xOff, float[] gx, int n, float slope) {
        Parallel.forRangeBalanced(n, GRAIN, 64, (a, b) -> leakyBackwardRange(g, a, x, xOff + a, gx, b - a, slope));
    }

    static void leakyBackwardRange(float[] g, int gOff, float[] x, int xOff, float[] gx, int n, float slope) {
        int i = 0;
        if (Simd.ENABLED) {
            for (int bound = F.loopBound(n); i < bound; i += F.length()) {
                FloatVector gv = FloatVector.fromArray(F, g, gOff + i);
                VectorMask<Float> pos = FloatVector.fromArray(F, x, xOff + i).compare(VectorOperators.GT, 0f);
                gv.mul(slope).blend(gv, pos).intoArray(gx, gOff + i);
            }
        }
        for (; i < n; i++) gx[gOff + i] = x[xOff + i] > 0 ? g[gOff + i] : g[gOff + i] * slope;
    }

    public static void leakyReluBackwardScalar(float[] g, float[] x, int xOff, float[] gx, int n, float slope) {
        for (int i = 0; i < n; i++) gx[i] = x[xOff + i] > 0 ? g[i] : g[i] * slope;
    }

    public static void leakyReluBackward(double[] g, double[] x, int xOff, double[] gx, int n, double slope) {
        for (int i = 0; i < n; i++) gx[i] = x[xOff + i] > 0 ? g[i] : g[i] * slope;
    }

    // PReLU: weight w[c] for channel c = (i / inner) % channels -----------------------------------
    public static void prelu(float[] x, int xOff, float[] w, float[] y, int n, int channels, int inner) {
        Parallel.forRangeBalanced(n, GRAIN, 64, (a, b) -> {
            for (int i = a; i < b; ) {
                int seg = i / inner, end = (int) Math.min(b, (long) (seg + 1) * inner);
                leakyRange(x, xOff + i, y, i, end - i, w[seg % channels]);
                i = end;
            }
        });
    }

    public static void preluScalar(float[] x, int xOff, float[] w, float[] y, int n, int channels, int inner) {
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            y[i] = v > 0 ? v : w[(i / inner) % channels] * v;
        }
    }

    public static void prelu(double[] x, int xOff, double[] w, double[] y, int n, int channels, int inner) {
        for (int i = 0; i < n; i++) {
            double v = x[xOff + i];
            y[i] = v > 0 ? v : w[(i / inner) % channels] * v;
        }
    }

    /** Elements per partial sum of the PReLU weight gradient; fixed, so results do not depend on threads. */
    static final int PRELU_BLOCK = 1 << 14;

    /**
     * Input gradient into {@code gx} and weight gradient into {@code gw}: per block of at most
     * {@link #PRELU_BLOCK} elements of one channel segment a double sum of the float products
     * {@code x·g} (where x ≤ 0), then the blocks added in order, rounded to float once.
     */
    public static void preluBackward(float[] g, float[] x, int xOff, float[] w, float[] gx, float[] gw,
                                     int n, int channels, int inner) {
        if (n == 0) {
            java.util.Arrays.fill(gw, 0, channels, 0f);
            return;
        }
        int segments = n / inner;
        int perSeg = (inner + PRELU_BLOCK - 1) / PRELU_BLOCK;
        int units = segments * perSeg;
        double[] partial = new double[units];
        Parallel.forRange(units, Math.max(1, GRAIN / Math.min(inner, PRELU_BLOCK)), (a, b) -> {
            for (int u = a; u < b; u++) {
                int seg = u / perSeg, blk = u % perSeg;
                int from = seg * inner + blk * PRELU_BLOCK, to = Math.min(from + PRELU_BLOCK, (seg + 1) * inner);
                partial[u] = preluBackwardRange(g, x, xOff, w[seg % channels], gx, from, to);
            }
        });
        double[] acc = new double[channels];
        for (int u = 0; u < units; u++) acc[(u / perSeg) % channels] += partial[u];
        for (int c = 0; c < channels; c++) gw[c] = (float) acc[c];
    }

    static double preluBackwardRange(float[] g, float[] x, int xOff, float wc, float[] gx, int from, int to) {
        int i = from;
        double sum = 0;
        if (Simd.ENABLED && Simd.D.length() * 2 == F.length()) {
            DoubleVector acc0 = DoubleVector.zero(Simd.D), acc1 = DoubleVector.zero(Simd.D);
            FloatVector zero = FloatVector.zero(F);
            for (int bound = from + F.loopBound(to - from); i < bound; i += F.length()) {
                FloatVector gv = FloatVector.fromArray(F, g, i);
                FloatVector xv = FloatVector.fromArray(F, x, xOff + i);
                VectorMask<Float> pos = xv.compare(VectorOperators.GT, 0f);
                gv.mul(wc).blend(gv, pos).intoArray(gx, i);
                FloatVector prod = xv.mul(gv).blend(zero, pos);
                acc0 = acc0.add((DoubleVector) prod.convertShape(VectorOperators.F2D, Simd.D, 0));
                acc1 = acc1.add((DoubleVector) prod.convertShape(VectorOperators.F2D, Simd.D, 1));
            }
            sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        }
        for (; i < to; i++) {
            float v = x[xOff + i];
            if (v > 0) {
                gx[i] = g[i];
            } else {
                gx[i] = wc * g[i];
                sum += v * g[i];
            }
        }
        return sum;
    }

    /** The scalar twin: one pass in element order, a double accumulator per channel. */
    public static void preluBackwardScalar(float[] g, float[] x, int xOff, float[] w, float[] gx, float[] gw,
                                           int n, int channels, int inner) {
        double[] acc = new double[channels];
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            int c = (i / inner) % channels;
            if (v > 0) {
                gx[i] = g[i];
            } else {
                gx[i] = w[c] * g[i];
                acc[c] += v * g[i];
            }
        }
        for (int c = 0; c < channels; c++) gw[c] = (float) acc[c];
    }

    public static void preluBackward(double[] g, double[] x, int xOff, double[] w, double[] gx, double[] gw,
                                     int n, int channels, int inner) {
        for (int c = 0; c < channels; c++) gw[c] = 0;
        for (int i = 0; i < n; i++) {
            double v = x[xOff + i];
            int c = (i / inner) % channels;
            if (v > 0) {
                gx[i] = g[i];
            } else {
                gx[i] = w[c] * g[i];
                gw[c] += v * g[i];
            }
        }
    }

    // Sigmoid and Tanh --------------------------------------------------------------------------
    /** Sigmoid in float lanes, {@code 1/(1+e^(−x))} with an inline exp (within 1–2 ulp of the twin). */
    public static void sigmoid(float[] x, int xOff, float[] y, int n) {
        Parallel.forRangeBalanced(n, GRAIN / 4, 64, (a, b) -> {
            int i = a;
            if (Simd.ENABLED) {
                // e^(−x) inline, as in tanh: the Vector API's EXP gives other last bits in the
                // interpreter (Math.exp) than compiled (a math library), so results depended on JIT state
                FloatVector one = FloatVector.broadcast(F, 1f);
                FloatVector magic = FloatVector.broadcast(F, ROUND_MAGIC), log2e = FloatVector.broadcast(F, LOG2E);
                FloatVector ln2Hi = FloatVector.broadcast(F, -LN2_HI), ln2Lo = FloatVector.broadcast(F, -LN2_LO);
                FloatVector c7 = FloatVector.broadcast(F, 1f / 5040), c6 = FloatVector.broadcast(F, 1f / 720);
                FloatVector c5 = FloatVector.broadcast(F, 1f / 120), c4 = FloatVector.broadcast(F, 1f / 24);
                FloatVector c3 = FloatVector.broadcast(F, 1f / 6), c2 = FloatVector.broadcast(F, 0.5f);
                IntVector exponentBias = IntVector.broadcast(Simd.I, 126 - Float.floatToRawIntBits(ROUND_MAGIC));
                for (int bound = a + F.loopBound(b - a); i < bound; i += F.length()) {
                    // below −86.6, 1/(1+e^t) is 1 anyway; above 88.73, e^t = ∞ and the result 0, as in torch
                    FloatVector t = FloatVector.fromArray(F, x, xOff + i).neg().max(-86.6f).min(88.8f);
                    FloatVector kMagic = t.fma(log2e, magic);
                    FloatVector k = kMagic.sub(magic);
                    FloatVector r = k.fma(ln2Lo, k.fma(ln2Hi, t));
                    FloatVector p = c7.fma(r, c6).fma(r, c5).fma(r, c4).fma(r, c3).fma(r, c2);
                    FloatVector expr = r.mul(r).fma(p, r).add(one);
                    // 2^(k−1)·2: k reaches 128 just below the overflow threshold, where 2^k alone is ∞
                    FloatVector pow2km1 = kMagic.reinterpretAsInts().add(exponentBias).lanewise(VectorOperators.LSHL, 23)
                            .reinterpretAsFloats();
                    FloatVector e = expr.mul(pow2km1).mul(2f);
                    one.div(one.add(e)).intoArray(y, i);
                }
            }
            for (; i < b; i++) y[i] = (float) (1.0 / (1.0 + Math.exp(-(double) x[xOff + i])));
        });
    }

    public static void sigmoidScalar(float[] x, int xOff, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = (float) (1.0 / (1.0 + Math.exp(-(double) x[xOff + i])));
    }

    public static void sigmoid(double[] x, int xOff, double[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = 1.0 / (1.0 + Math.exp(-x[xOff + i]));
    }

    /** ATen's order, {@code (g·(1−y))·y}, which makes it bit-exact given the same forward. */
    public static void sigmoidBackward(float[] g, float[] y, float[] gx, int n) {
        Parallel.forRangeBalanced(n, GRAIN, 64, (a, b) -> {
            int i = a;
            if (Simd.ENABLED) {
                for (int bound = a + F.loopBound(b - a); i < bound; i += F.length()) {
                    FloatVector yv = FloatVector.fromArray(F, y, i);
                    FloatVector.fromArray(F, g, i).mul(yv.neg().add(1f)).mul(yv).intoArray(gx, i);
                }
            }
            for (; i < b; i++) gx[i] = (g[i] * (1f - y[i])) * y[i];
        });
    }

    public static void sigmoidBackwardScalar(float[] g, float[] y, float[] gx, int n) {
        for (int i = 0; i < n; i++) gx[i] = (g[i] * (1f - y[i])) * y[i];
    }

    public static void sigmoidBackward(double[] g, double[] y, double[] gx, int n) {
        for (int i = 0; i < n; i++) gx[i] = (g[i] * (1.0 - y[i])) * y[i];
    }

    /**
     * Tanh in float lanes, within 2 ulp of the twin over every float (checked exhaustively):
     * {@code tanh(a) = m/(m + 2)} with {@code m = expm1(2a)}, {@code a = min(|x|, 40)}, and the sign
     * put back last (so −0 stays −0; NaN stays NaN; ±∞ give ±1). {@code expm1} is computed inline:
     * {@code 2a = k·ln2 + r} (Cody–Waite), {@code expm1(r)} by its Taylor polynomial to r⁷ (|r| ≤ ln2/2),
     * then {@code 2^k·expm1(r) + (2^k − 1)}, exact in relative terms for small a, where k = 0. About
     * 1.5× faster here than the Vector API's TANH, which calls out to a math library.
     */
    public static void tanh(float[] x, int xOff, float[] y, int n) {
        Parallel.forRangeBalanced(n, GRAIN / 4, 64, (a, b) -> {
            int i = a;
            if (Simd.ENABLED) {
                FloatVector magic = FloatVector.broadcast(F, ROUND_MAGIC), log2e = FloatVector.broadcast(F, LOG2E);
                FloatVector ln2Hi = FloatVector.broadcast(F, -LN2_HI), ln2Lo = FloatVector.broadcast(F, -LN2_LO);
                FloatVector c7 = FloatVector.broadcast(F, 1f / 5040), c6 = FloatVector.broadcast(F, 1f / 720);
                FloatVector c5 = FloatVector.broadcast(F, 1f / 120), c4 = FloatVector.broadcast(F, 1f / 24);
                FloatVector c3 = FloatVector.broadcast(F, 1f / 6), c2 = FloatVector.broadcast(F, 0.5f);
                FloatVector one = FloatVector.broadcast(F, 1f), two = FloatVector.broadcast(F, 2f);
                IntVector exponentBias = IntVector.broadcast(Simd.I, 127 - Float.floatToRawIntBits(ROUND_MAGIC));
                for (int bound = a + F.loopBound(b - a); i < bound; i += F.length()) {
                    FloatVector v = FloatVector.fromArray(F, x, xOff + i);
                    FloatVector abs = v.abs().min(40f); // tanh(40) is 1 in float; e^80 still fits
                    FloatVector t = abs.add(abs);
                    FloatVector kMagic = t.fma(log2e, magic); // k = round(t/ln2) in the low mantissa bits
                    FloatVector k = kMagic.sub(magic);
                    FloatVector r = k.fma(ln2Lo, k.fma(ln2Hi, t));
                    FloatVector p = c7.fma(r, c6).fma(r, c5).fma(r, c4).fma(r, c3).fma(r, c2);
                    FloatVector expm1r = r.mul(r).fma(p, r);
                    FloatVector pow2k = kMagic.reinterpretAsInts().add(exponentBias).lanewise(VectorOperators.LSHL, 23)
                            .reinterpretAsFloats();
                    FloatVector m = pow2k.fma(expm1r, pow2k.sub(one));
                    FloatVector th = m.div(m.add(two));
                    IntVector sign = v.reinterpretAsInts().and(Integer.MIN_VALUE);
                    th.reinterpretAsInts().or(sign).reinterpretAsFloats().intoArray(y, i);
                }
            }
            for (; i < b; i++) y[i] = (float) Math.tanh(x[xOff + i]);
        });
    }

    /** 1.5·2²³: adding it rounds a float in [0, 2²²) to an integer, left in the low mantissa bits. */
    private static final float ROUND_MAGIC = 12582912f;
    private static final float LOG2E = 1.44269504088896341f;
    /** ln 2 split so that k·LN2_HI is exact for the k that occur (|k| < 2⁹). */
    private static final float LN2_HI = 0.693145751953125f, LN2_LO = 1.428606765330187045e-06f;

    public static void tanhScalar(float[] x, int xOff, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = (float) Math.tanh(x[xOff + i]);
    }

    public static void tanh(double[] x, int xOff, double[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = Math.tanh(x[xOff + i]);
    }

    /** ATen's {@code g · fma(−y, y, 1)}; plain {@code g·(1−y·y)} differs in most last bits. */
    public static void tanhBackward(float[] g, float[] y, float[] gx, int n) {
        Parallel.forRangeBalanced(n, GRAIN, 64, (a, b) -> {
            int i = a;
            if (Simd.ENABLED) {
                FloatVector one = FloatVector.broadcast(F, 1f);
                for (int bound = a + F.loopBound(b - a); i < bound; i += F.length()) {
                    FloatVector yv = FloatVector.fromArray(F, y, i);
                    FloatVector.fromArray(F, g, i).mul(yv.neg().fma(yv, one)).intoArray(gx, i);
                }
            }
            for (; i < b; i++) gx[i] = g[i] * Math.fma(-y[i], y[i], 1f);
        });
    }

    public static void tanhBackwardScalar(float[] g, float[] y, float[] gx, int n) {
        for (int i = 0; i < n; i++) gx[i] = g[i] * Math.fma(-y[i], y[i], 1f);
    }

    public static void tanhBackward(double[] g, double[] y, double[] gx, int n) {
        for (int i = 0; i < n; i++) gx[i] = g[i] * Math.fma(-y[i], y[i], 1.0);
    }

    // Gradient times saved noise (RReLU training) --------------------------------------------------
    public static void mul(float[] a, float[] b, float[] out, int n) {
        Parallel.forRangeBalanced(n, GRAIN, 64, (lo, hi) -> {
            int i = lo;
            if (Simd.ENABLED) {
                for (int bound = lo + F.loopBound(hi - lo); i < bound; i += F.length()) {
                    FloatVector.fromArray(F, a, i).mul(FloatVector.fromArray(F, b, i)).intoArray(out, i);
                }
            }
            for (; i < hi; i++) out[i] = a[i] * b[i];
        });
    }

    public static void mulScalar(float[] a, float[] b, float[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = a[i] * b[i];
    }

    public static void mul(double[] a, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = a[i] * b[i];
    }
}
