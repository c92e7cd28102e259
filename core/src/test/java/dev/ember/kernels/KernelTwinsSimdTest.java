package dev.ember.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.Ember;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every Vector API kernel against its scalar twin (principle 6), at the width this JVM was given by
 * {@code -Dember.vector.bits} (the build runs this class at 128, 256 and 512 bits and at the
 * preferred width), over awkward tail sizes and offsets, special values (±0, ±inf, NaN, ties), and
 * with 1, 2 and 3 threads. Bit-equal where the order is defined: pooling, unpooling, the ReLU
 * family, the sigmoid/tanh backward formulas, and the GEMM paths that keep each output's chain.
 */
class KernelTwinsSimdTest {
    static final int[] SIZES = {0, 1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 63, 64, 65, 100, 127, 129, 255,
        257, 1000, 4099, 70_001, 140_037};
    static final float[] SPECIALS = {Float.NEGATIVE_INFINITY, -1f, -0f, 0f, 1f, Float.POSITIVE_INFINITY, Float.NaN,
        Float.MIN_VALUE, -Float.MIN_VALUE, 3e38f, -3e38f, 0.5f, -0.5f};

    @BeforeAll
    static void logSpecies() {
        System.out.println("KernelTwinsSimdTest: vectors " + Simd.describe() + ", ember.vector.bits="
                + System.getProperty("ember.vector.bits", "(preferred)"));
    }

    @AfterEach
    void restoreThreads() { Ember.setNumThreads(Runtime.getRuntime().availableProcessors()); }

    static float[] data(SplittableRandom r, int n, boolean ties) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(20);
            if (pick == 0) a[i] = SPECIALS[r.nextInt(SPECIALS.length)];
            else if (ties) a[i] = r.nextInt(5) - 2;
            else a[i] = (float) (r.nextGaussian() * 3);
        }
        return a;
    }

    /** What an uninitialised output may hold: kernels must not read it. */
    static float[] garbage(int n) {
        float[] a = new float[n];
        Arrays.fill(a, Float.NaN);
        return a;
    }

    static int[] bits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) b[i] = Float.floatToIntBits(a[i]); // NaNs canonical, ±0 distinct
        return b;
    }

    static void assertBitEqual(String what, float[] got, float[] want) {
        int[] g = bits(got), w = bits(want);
        if (!Arrays.equals(g, w)) {
            int i = Arrays.mismatch(g, w);
            throw new AssertionError(what + ": differs at " + i + " of " + got.length + ": got " + got[i] + " want " + want[i]);
        }
    }

    static void assertClose(String what, float[] got, float[] want, double rtol, double atol) {
        for (int i = 0; i < got.length; i++) {
            float a = got[i], b = want[i];
            if (Float.floatToIntBits(a) == Float.floatToIntBits(b)) continue;
            if (Float.isNaN(a) || Float.isNaN(b) || Float.isInfinite(a) || Float.isInfinite(b)
                    || !(Math.abs(a - b) <= atol + rtol * Math.abs(b))) {
                throw new AssertionError(what + ": differs at " + i + ": got " + a + " want " + b);
            }
        }
    }

    /** Runs {@code check} with 1, 2 and 3 threads. */
    static void eachThreadCount(Runnable check) {
        for (int t : new int[] {1, 2, 3}) {
            Ember.setNumThreads(t);
            check.run();
        }
    }

    // ---------------------------------------------------------------- elementwise

    @Test
    void reluFamilyIsBitEqualToItsTwins() {
        SplittableRandom r = new SplittableRandom(1);
        for (int n : SIZES) {
            for (int off : new int[] {0, 3}) {
                float[] x = data(r, n + off, false), g = data(r, n, false);
                float[] y = new float[n + 1], want = new float[n + 1];
                eachThreadCount(() -> {
                    ActivationKernels.relu(x, off, y, 1, n);
                    ActivationKernels.reluScalar(x, off, want, 1, n);
                    assertBitEqual("relu n=" + n, y, want);
                    ActivationKernels.leakyRelu(x, off, y, 1, n, 0.01f);
                    ActivationKernels.leakyReluScalar(x, off, want, 1, n, 0.01f);
                    assertBitEqual("leaky n=" + n, y, want);
                    ActivationKernels.leakyRelu(x, off, y, 1, n, -2.5f);
                    ActivationKernels.leakyReluScalar(x, off, want, 1, n, -2.5f);
                    assertBitEqual("leaky negative slope n=" + n, y, want);
                    float[] gx = new float[n], gxw = new float[n];
                    ActivationKernels.reluBackward(g, x, off, gx, n);
                    ActivationKernels.reluBackwardScalar(g, x, off, gxw, n);
                    assertBitEqual("relu backward n=" + n, gx, gxw);
                    ActivationKernels.leakyReluBackward(g, x, off, gx, n, 0.2f);
                    ActivationKernels.leakyReluBackwardScalar(g, x, off, gxw, n, 0.2f);
                    assertBitEqual("leaky backward n=" + n, gx, gxw);
                    ActivationKernels.mul(g, Arrays.copyOfRange(x, off, off + n), gx, n);
                    ActivationKernels.mulScalar(g, Arrays.copyOfRange(x, off, off + n), gxw, n);
                    assertBitEqual("mul n=" + n, gx, gxw);
                });
            }
        }
    }

    @Test
    void preluIsBitEqualAndItsWeightGradientClose() {
        SplittableRandom r = new SplittableRandom(2);
        int[][] shapes = {{1, 1, 1}, {2, 3, 5}, {2, 64, 17}, {1, 3, 33}, {3, 7, 129}, {2, 5, 16_411}, {1, 1, 70_001},
            {4, 1, 0}};
        for (int[] s : shapes) {
            for (boolean shared : new boolean[] {false, true}) {
                int n = s[0] * s[1] * s[2];
                int channels = shared ? 1 : s[1], inner = shared ? Math.max(n, 1) : Math.max(s[2], 1);
                float[] w = data(r, channels, false), x = data(r, n + 2, false), g = data(r, n, false);
                eachThreadCount(() -> {
                    float[] y = new float[n], yw = new float[n];
                    ActivationKernels.prelu(x, 2, w, y, n, channels, inner);
                    ActivationKernels.preluScalar(x, 2, w, yw, n, channels, inner);
                    assertBitEqual("prelu " + Arrays.toString(s), y, yw);
                    float[] gx = new float[n], gxw = new float[n], gw = new float[channels], gww = new float[channels];
                    ActivationKernels.preluBackward(g, x, 2, w, gx, gw, n, channels, inner);
                    ActivationKernels.preluBackwardScalar(g, x, 2, w, gxw, gww, n, channels, inner);
                    assertBitEqual("prelu backward input " + Arrays.toString(s), gx, gxw);
                    assertClose("prelu backward weight " + Arrays.toString(s), gw, gww, 1e-5, 1e-4);
                });
            }
        }
    }

    @Test
    void sigmoidAndTanhAreCloseAndTheirBackwardsBitEqual() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n : SIZES) {
            float[] x = data(r, n + 1, false), g = data(r, n, false);
            eachThreadCount(() -> {
                float[] y = new float[n], yw = new float[n];
                ActivationKernels.sigmoid(x, 1, y, n);
                ActivationKernels.sigmoidScalar(x, 1, yw, n);
                assertClose("sigmoid n=" + n, y, yw, 1e-6, 1e-7);
                float[] gx = new float[n], gxw = new float[n];
                ActivationKernels.sigmoidBackward(g, yw, gx, n);
                ActivationKernels.sigmoidBackwardScalar(g, yw, gxw, n);
                assertBitEqual("sigmoid backward n=" + n, gx, gxw);
                ActivationKernels.tanh(x, 1, y, n);
                ActivationKernels.tanhScalar(x, 1, yw, n);
                assertClose("tanh n=" + n, y, yw, 1e-6, 1e-7);
                ActivationKernels.tanhBackward(g, yw, gx, n);
                ActivationKernels.tanhBackwardScalar(g, yw, gxw, n);
                assertBitEqual("tanh backward n=" + n, gx, gxw);
            });
        }
    }

    /** The vector tanh against Math.tanh over a sweep of all float bit patterns: at most 2 ulp. */
    @Test
    void tanhIsWithinTwoUlpOverTheWholeFloatRange() {
        int n = 1 << 16, filled = 0;
        float[] x = new float[n], y = new float[n];
        long worst = 0, step = 0;
        float worstAt = 0;
        for (long bits = 0; bits < (1L << 32) || filled > 0; bits += 983 + step++ % 7) { // about 4.4M floats
            if (bits < (1L << 32)) x[filled++] = Float.intBitsToFloat((int) bits);
            if (filled < n && bits < (1L << 32)) continue;
            ActivationKernels.tanh(x, 0, y, filled);
            for (int i = 0; i < filled; i++) {
                float want = (float) Math.tanh(x[i]);
                if (Float.isNaN(want)) {
                    assertThat(Float.isNaN(y[i])).as("tanh(%s)", x[i]).isTrue();
                    continue;
                }
                long d = Math.abs((long) Float.floatToRawIntBits(y[i]) - Float.floatToRawIntBits(want));
                if (d > worst) {
                    worst = d;
                    worstAt = x[i];
                }
            }
            filled = 0;
        }
        assertThat(worst).as("worst ulp error, at x = %s", worstAt).isLessThanOrEqualTo(2);
        float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f, 9f, 9.1f, -9.1f, 40f, 41f, 88f, 1e30f,
            Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 0.17328f, 0.3466f, -0.5f};
        float[] got = new float[special.length + 15], in = Arrays.copyOf(special, special.length + 15);
        ActivationKernels.tanh(in, 0, got, in.length);
        for (int i = 0; i < special.length; i++) {
            float want = (float) Math.tanh(special[i]);
            if (Float.isNaN(want)) assertThat(Float.isNaN(got[i])).isTrue();
            else assertThat(Math.abs(Float.floatToRawIntBits(got[i]) - Float.floatToRawIntBits(want)))
                    .as("tanh(%s) = %s, want %s", special[i], got[i], want).isLessThanOrEqualTo(2);
        }
        assertThat(Float.floatToRawIntBits(got[1])).as("tanh(-0) keeps the sign").isEqualTo(Float.floatToRawIntBits(-0f));
        assertThat(got[12]).isEqualTo(1f);
        assertThat(got[14]).isEqualTo(-1f);
    }

    @Test
    void rreluTrainingNoiseMatchesTheTwinDrawForDraw() {
        SplittableRandom r = new SplittableRandom(10);
        for (int n : SIZES) {
            float[] x = data(r, n + 2, r.nextBoolean());
            float[] noise = garbage(n), out = garbage(n + 1), wantNoise = new float[n], wantOut = new float[n + 1];
            dev.ember.random.Generator g = new dev.ember.random.Generator(n), h = new dev.ember.random.Generator(n);
            dev.ember.random.RandomKernels.rreluNoise(g, x, 2, noise, 0, out, 1, n, 1.0 / 8, 1.0 / 3);
            dev.ember.random.RandomKernels.rreluNoiseScalar(h, x, 2, wantNoise, 0, wantOut, 1, n, 1.0 / 8, 1.0 / 3);
            assertBitEqual("rrelu noise n=" + n, noise, wantNoise);
            out[0] = wantOut[0];
            assertBitEqual("rrelu out n=" + n, out, wantOut);
            assertThat(g.getState()).as("generator state after n=" + n).isEqualTo(h.getState());
            float[] inPlace = Arrays.copyOfRange(x, 2, n + 2), inPlaceNoise = new float[n];
            dev.ember.random.RandomKernels.rreluNoise(new dev.ember.random.Generator(n), inPlace, 0, inPlaceNoise, 0,
                    inPlace, 0, n, 1.0 / 8, 1.0 / 3);
            assertBitEqual("rrelu in place n=" + n, inPlace, Arrays.copyOfRange(wantOut, 1, n + 1));
        }
    }

    // ---------------------------------------------------------------- pooling

    /** Geometries: the bench shapes in small, every kernel/stride/pad/dilation mix, awkward widths. */
    static List<PoolGeometry> geometries(boolean dilation) {
        SplittableRandom r = new SplittableRandom(4);
        List<PoolGeometry> out = new ArrayList<>();
        int[][] fixed = { // inH, inW, k, s, p, d
            {8, 8, 2, 2, 0, 1}, {9, 9, 3, 2, 1, 1}, {14, 112, 2, 2, 0, 1}, {7, 112, 3, 2, 1, 1}, {4, 67, 2, 2, 0, 1},
            {5, 67, 3, 2, 1, 1}, {6, 40, 3, 1, 1, 1}, {3, 35, 2, 1, 0, 1}, {5, 50, 4, 3, 2, 1}, {1, 1, 1, 1, 0, 1},
            {2, 130, 5, 2, 2, 1}, {3, 33, 1, 2, 0, 1}, {7, 67, 3, 2, 0, 1}};
        for (int[] f : fixed) for (boolean ceil : new boolean[] {false, true}) out.add(geometry(3, f, ceil));
        // height and width differing in kernel, padding and dilation (the stride-2 paths take any height)
        int[][] mixed = { // inH, inW, kH, kW, sH, sW, pH, pW, dH, dW
            {11, 70, 3, 3, 2, 2, 1, 1, dilation ? 2 : 1, 1}, {9, 67, 2, 3, 1, 2, 0, 1, 1, 1},
            {10, 99, 4, 2, 3, 2, 2, 0, dilation ? 3 : 1, 1}, {3, 64, 1, 3, 1, 2, 0, 0, 1, 1}};
        for (int[] f : mixed) {
            int outH = (int) PoolGeometry.outputSize(f[0], f[2], f[6], f[4], f[8], false);
            int outW = (int) PoolGeometry.outputSize(f[1], f[3], f[7], f[5], f[9], false);
            out.add(new PoolGeometry(2, f[0], f[1], outH, outW, f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]));
        }
        for (int i = 0; i < 60; i++) {
            int k = 1 + r.nextInt(4), s = 1 + r.nextInt(3), p = r.nextInt(k / 2 + 1), d = dilation ? 1 + r.nextInt(2) : 1;
            int inH = 1 + r.nextInt(9), inW = 1 + r.nextInt(80);
            int[] f = {inH, inW, k, s, p, d};
            boolean ceil = r.nextBoolean();
            if (PoolGeometry.outputSize(inH, k, p, s, d, ceil) < 1 || PoolGeometry.outputSize(inW, k, p, s, d, ceil) < 1) {
                continue;
            }
            out.add(geometry(1 + r.nextInt(4), f, ceil));
        }
        return out;
    }

    static PoolGeometry geometry(int planes, int[] f, boolean ceil) {
        int outH = (int) PoolGeometry.outputSize(f[0], f[2], f[4], f[3], f[5], ceil);
        int outW = (int) PoolGeometry.outputSize(f[1], f[2], f[4], f[3], f[5], ceil);
        return new PoolGeometry(planes, f[0], f[1], outH, outW, f[2], f[2], f[3], f[3], f[4], f[4], f[5], f[5]);
    }

    @Test
    void maxPoolForwardAndBackwardAreBitEqualToTheTwin() {
        SplittableRandom r = new SplittableRandom(5);
        for (PoolGeometry g : geometries(true)) {
            // 0, 1: specials everywhere; 2: no NaN (the NaN-free fast path, with infinities); 3: no NaN, no
            // infinity, no huge value (the fast path almost everywhere), then three NaNs
            for (int mode = 0; mode < 4; mode++) {
                int off = r.nextInt(3);
                float[] in = data(r, off + g.planes() * g.inPlane(), mode > 0);
                for (int i = 0; mode >= 2 && i < in.length; i++) {
                    if (Float.isNaN(in[i]) || mode == 3 && Math.abs(in[i]) > 1e30f) in[i] = r.nextBoolean() ? -0f : 0f;
                }
                if (mode == 3) for (int i = 0; i < 3; i++) in[r.nextInt(in.length)] = Float.NaN;
                int outN = g.planes() * g.outPlane();
                float[] gradOut = data(r, outN, false);
                float[] wantOut = new float[outN];
                long[] wantIdx = new long[outN];
                MaxPool2dKernel.forwardScalar(g, in, off, wantOut, wantIdx);
                float[] wantGrad = new float[g.planes() * g.inPlane()];
                MaxPool2dKernel.backwardScalar(g, gradOut, wantIdx, wantGrad);
                eachThreadCount(() -> {
                    float[] out = new float[outN];
                    long[] idx = new long[outN];
                    MaxPool2dKernel.forward(g, in, off, out, idx);
                    assertBitEqual("max pool values " + g, out, wantOut);
                    assertThat(idx).as("max pool indices " + g).containsExactly(wantIdx);
                    float[] out2 = new float[outN];
                    MaxPool2dKernel.forward(g, in, off, out2, null);
                    assertBitEqual("max pool values without indices " + g, out2, wantOut);
                    float[] grad = garbage(g.planes() * g.inPlane()); // the kernel zero-fills each plane itself
                    MaxPool2dKernel.backward(g, gradOut, idx, grad);
                    assertBitEqual("max pool backward " + g, grad, wantGrad);
                });
            }
        }
    }

    @Test
    void avgPoolForwardAndBackwardAreBitEqualToTheTwin() {
        SplittableRandom r = new SplittableRandom(6);
        AvgPool2dKernel.Mode[] modes = {new AvgPool2dKernel.Mode(true, null), new AvgPool2dKernel.Mode(false, null),
            new AvgPool2dKernel.Mode(true, 3), new AvgPool2dKernel.Mode(false, -7)};
        for (PoolGeometry g : geometries(false)) {
            for (AvgPool2dKernel.Mode m : modes) {
                int off = r.nextInt(3);
                float[] in = data(r, off + g.planes() * g.inPlane(), r.nextBoolean());
                int outN = g.planes() * g.outPlane();
                float[] gradOut = data(r, outN, false);
                float[] want = new float[outN];
                AvgPool2dKernel.forwardScalar(g, m, in, off, want);
                float[] wantGrad = new float[g.planes() * g.inPlane()];
                AvgPool2dKernel.backwardScalar(g, m, gradOut, wantGrad);
                eachThreadCount(() -> {
                    float[] out = new float[outN];
                    AvgPool2dKernel.forward(g, m, in, off, out);
                    assertBitEqual("avg pool " + g + " " + m, out, want);
                    float[] grad = garbage(g.planes() * g.inPlane());
                    AvgPool2dKernel.backward(g, m, gradOut, grad);
                    assertBitEqual("avg pool backward " + g + " " + m, grad, wantGrad);
                });
            }
        }
    }

    @Test
    void maxUnpoolKeepsTheLastWriteAndGathersLikeTheTwin() {
        SplittableRandom r = new SplittableRandom(7);
        for (int[] s : new int[][] {{1, 4, 16}, {5, 9, 25}, {64, 28 * 28, 56 * 56}, {3, 17, 17}}) {
            int planes = s[0], inPlane = s[1], outPlane = s[2];
            float[] in = data(r, planes * inPlane + 1, false);
            long[] idx = new long[planes * inPlane];
            for (int i = 0; i < idx.length; i++) idx[i] = r.nextInt(Math.min(outPlane, inPlane)); // many duplicates
            float[] want = new float[planes * outPlane];
            MaxUnpool2dKernel.forwardScalar(in, 1, idx, 0, want, planes, inPlane, outPlane);
            float[] gradOut = data(r, planes * outPlane, false);
            float[] wantGrad = new float[planes * inPlane];
            MaxUnpool2dKernel.backwardScalar(gradOut, idx, 0, wantGrad, planes, inPlane, outPlane);
            eachThreadCount(() -> {
                float[] out = garbage(planes * outPlane);
                assertThat(MaxUnpool2dKernel.forwardChecked(in, 1, idx, 0, out, planes, inPlane, outPlane)).isEqualTo(-1);
                assertBitEqual("unpool", out, want);
                float[] out2 = garbage(planes * outPlane);
                MaxUnpool2dKernel.forward(in, 1, idx, 0, out2, planes, inPlane, outPlane);
                assertBitEqual("unpool unchecked", out2, want);
                float[] grad = new float[planes * inPlane];
                MaxUnpool2dKernel.backward(gradOut, idx, 0, grad, planes, inPlane, outPlane);
                assertBitEqual("unpool backward", grad, wantGrad);
            });
        }
        long[] bad = {0, 1, 2, 3, 0, 1, -1, 99};
        assertThat(MaxUnpool2dKernel.forwardChecked(new float[8], 0, bad, 0, new float[8], 2, 4, 4)).isEqualTo(6);
        assertThat(MaxUnpool2dKernel.firstInvalidIndex(bad, 0, 8, 4)).isEqualTo(6);
    }

    // ---------------------------------------------------------------- GEMM

    @Test
    void gemmMatchesTheFmaChainTwin() {
        SplittableRandom r = new SplittableRandom(8);
        int[][] mnk = {{1, 4, 3}, {1, 1, 1}, {2, 5, 7}, {1, 100, 300}, {3, 33, 65}, {7, 129, 17}, {8, 8, 8},
            {9, 33, 257}, {13, 70, 600}, {64, 33, 17}, {97, 130, 300}, {200, 260, 513}, {6, 64, 0}, {5, 1000, 40},
            {256, 64, 128}, {9, 2100, 40}, {20, 2053, 300}, {100, 2100, 300}, {200, 70, 300},
            {1, 2100, 40}, {1, 300, 513}, {1, 260, 257}, {1, 64, 1024}};
        for (int[] d : mnk) {
            int m = d[0], n = d[1], k = d[2];
            // x·Wᵀ (Linear forward), g·W (input grad), gᵀ·x (weight grad)
            float[] x = data2(r, m * k + 1), w = data2(r, n * k + 2), gmat = data2(r, m * n);
            check("NT " + Arrays.toString(d), m, n, k, x, 1, k, 1, w, 2, 1, k, m >= Gemm.SMALL_M);
            if (Gemm.packs(m, n, k)) checkPrepacked("NT prepacked " + Arrays.toString(d), m, n, k, x, w);
            check("NN " + Arrays.toString(d), m, k, n, gmat, 0, n, 1, w, 2, k, 1, true);
            check("TN " + Arrays.toString(d), n, k, m, gmat, 0, 1, n, x, 1, k, 1, true);
        }
    }

    static float[] data2(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextGaussian();
        return a;
    }

    static void check(String what, int m, int n, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff,
                      int bRs, int bCs, boolean exact) {
        float[] want = new float[m * n + 3];
        Gemm.gemmScalar(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, want, 3, n);
        eachThreadCount(() -> {
            float[] c = new float[m * n + 3];
            Arrays.fill(c, Float.NaN); // every output must be written, none read first
            c[0] = c[1] = c[2] = 0;
            Gemm.gemm(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, 3, n);
            if (exact || !Simd.ENABLED) assertBitEqual("gemm " + what, c, want);
            else assertClose("gemm " + what, c, want, 1e-5, 1e-5 * Math.max(k, 1));
        });
    }

    /** The Linear weight packed once ({@code Gemm.packNT}) gives the twin's products bit for bit. */
    static void checkPrepacked(String what, int m, int n, int k, float[] x, float[] w) {
        float[] want = new float[m * n];
        Gemm.gemmScalar(m, n, k, x, 1, k, 1, w, 2, 1, k, want, 0, n);
        eachThreadCount(() -> {
            Gemm.PackedB packed = Gemm.packNT(w, 2, n, k);
            float[] c = new float[m * n];
            Arrays.fill(c, Float.NaN);
            Gemm.matmulNT(x, 1, packed, c, m);
            assertBitEqual("gemm " + what, c, want);
        });
    }

    @Test
    void biasAndColumnSumsAreBitEqualToPlainLoops() {
        SplittableRandom r = new SplittableRandom(9);
        for (int[] d : new int[][] {{1, 1}, {3, 17}, {33, 65}, {256, 1024}, {5, 3}}) {
            int rows = d[0], n = d[1];
            float[] c = data(r, rows * n, false), bias = data(r, n + 1, false);
            float[] want = c.clone();
            for (int i = 0; i < rows; i++) for (int j = 0; j < n; j++) want[i * n + j] += bias[1 + j];
            Supplier<float[]> sums = () -> {
                float[] s = new float[n];
                for (int j = 0; j < n; j++) {
                    float acc = 0f;
                    for (int i = 0; i < rows; i++) acc += c[i * n + j];
                    s[j] = acc;
                }
                return s;
            };
            float[] wantSums = sums.get();
            eachThreadCount(() -> {
                float[] got = c.clone();
                Gemm.addBias(got, 0, bias, 1, rows, n);
                assertBitEqual("bias", got, want);
                float[] s = new float[n];
                Gemm.columnSums(c, 0, rows, n, s);
                assertBitEqual("column sums", s, wantSums);
            });
        }
    }
}
