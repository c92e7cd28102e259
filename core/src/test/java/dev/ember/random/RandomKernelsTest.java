package dev.ember.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Kernel behaviour beyond the torch tables: variants agree, edge values, validation, accuracy of AvxMath. */
class RandomKernelsTest {

    private static int[] reversedOffsets(int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = n - 1 - i;
        }
        return o;
    }

    private static float[] reversed(float[] a) {
        float[] r = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    @Test
    void offsetVariantsFillInTheGivenOrder() {
        int n = 37;
        int[] off = reversedOffsets(n);

        float[] a = new float[n];
        float[] b = new float[n];
        RandomKernels.uniform(new Generator(1), a, 0, n, -2, 3);
        RandomKernels.uniform(new Generator(1), b, off, n, -2, 3);
        assertThat(b).containsExactly(reversed(a));

        RandomKernels.randint(new Generator(2), a, 0, n, -5, 9);
        RandomKernels.randint(new Generator(2), b, off, n, -5, 9);
        assertThat(b).containsExactly(reversed(a));

        RandomKernels.bernoulli(new Generator(3), a, 0, n, 0.4);
        RandomKernels.bernoulli(new Generator(3), b, off, n, 0.4);
        assertThat(b).containsExactly(reversed(a));

        // a non-contiguous normal fill is path (c) whatever n is
        NormalKernels.normalSerial(new Generator(4), a, 0, n, 1, 2);
        NormalKernels.normalSerial(new Generator(4), b, off, n, 1, 2);
        assertThat(b).containsExactly(reversed(a));
        float[] c = new float[n];
        NormalKernels.normal(new Generator(4), c, 0, n, 1, 2); // contiguous: path (a), different values
        assertThat(c).isNotEqualTo(a);

        double[] d = new double[n];
        double[] e = new double[n];
        RandomKernels.uniform(new Generator(5), d, 0, n, 0, 1);
        RandomKernels.uniform(new Generator(5), e, off, n, 0, 1);
        for (int i = 0; i < n; i++) {
            assertThat(e[i]).isEqualTo(d[n - 1 - i]);
        }
        NormalKernels.normalSerial(new Generator(6), d, 0, n, 0, 1);
        NormalKernels.normalSerial(new Generator(6), e, off, n, 0, 1);
        for (int i = 0; i < n; i++) {
            assertThat(e[i]).isEqualTo(d[n - 1 - i]);
        }
        long[] k = new long[n];
        long[] l = new long[n];
        RandomKernels.randint(new Generator(7), k, 0, n, 0, 1L << 50);
        RandomKernels.randint(new Generator(7), l, off, n, 0, 1L << 50);
        for (int i = 0; i < n; i++) {
            assertThat(l[i]).isEqualTo(k[n - 1 - i]);
        }
    }

    @Test
    void fillsRespectOffsetAndLength() {
        float[] a = new float[40];
        Arrays.fill(a, 99f);
        NormalKernels.normal(new Generator(0), a, 5, 30, 0, 1);
        float[] ref = new float[30];
        NormalKernels.normal(new Generator(0), ref, 0, 30, 0, 1);
        assertThat(Arrays.copyOfRange(a, 5, 35)).containsExactly(ref);
        assertThat(a[4]).isEqualTo(99f);
        assertThat(a[35]).isEqualTo(99f);
    }

    @Test
    void uniformNeedsTheFusedMultiplyAdd() {
        // §16.3: plain u*range+from differs in a large share of elements for [2, 7.3)
        int n = 10_000;
        float[] a = new float[n];
        RandomKernels.uniform(new Generator(0), a, 0, n, 2, 7.3);
        Generator g = new Generator(0);
        int differ = 0;
        for (int i = 0; i < n; i++) {
            float u = (g.random32() & 0xFFFFFF) * 0x1p-24f;
            float plain = u * (7.3f - 2f) + 2f;
            assertThat(a[i]).isEqualTo(Math.fma(u, 7.3f - 2f, 2f));
            if (plain != a[i]) {
                differ++;
            }
        }
        assertThat(differ).isGreaterThan(n / 10);
    }

    @Test
    void randintUsesUnsignedArithmetic() {
        // full int64 range: range = 2^64 - 1 (unsigned), random64 % range + low, wrapping
        long[] a = new long[50];
        RandomKernels.randint(new Generator(9), a, 0, 50, Long.MIN_VALUE, Long.MAX_VALUE);
        Generator g = new Generator(9);
        for (long v : a) {
            long r = g.random64();
            assertThat(v).isEqualTo(Long.remainderUnsigned(r, -1L) + Long.MIN_VALUE);
        }
        // range just below 2^32 uses one unsigned 32-bit draw
        RandomKernels.randint(new Generator(9), a, 0, 50, -3, (1L << 32) - 4);
        g = new Generator(9);
        for (long v : a) {
            assertThat(v).isEqualTo(Integer.toUnsignedLong(g.random32()) % ((1L << 32) - 1) - 3);
        }
        // range exactly 2^32 switches to random64
        RandomKernels.randint(new Generator(9), a, 0, 50, -3, (1L << 32) - 3);
        g = new Generator(9);
        for (long v : a) {
            assertThat(v).isEqualTo((g.random64() & 0xFFFFFFFFL) - 3);
        }
        assertThatThrownBy(() -> RandomKernels.randint(new Generator(), new long[1], 0, 1, 5, 5))
                .hasMessageContaining("random_ expects 'from' to be less than 'to', but got from=5 >= to=5");
    }

    @Test
    void bernoulliEdges() {
        float[] a = new float[1000];
        RandomKernels.bernoulli(new Generator(0), a, 0, 1000, 0);
        for (float v : a) {
            assertThat(v).isZero();
        }
        RandomKernels.bernoulli(new Generator(0), a, 0, 1000, 1);
        for (float v : a) {
            assertThat(v).isEqualTo(1f);
        }
        assertThatThrownBy(() -> RandomKernels.bernoulli(new Generator(), a, 0, 1, 1.5))
                .hasMessageContaining("bernoulli_ expects p to be in [0, 1], but got p=1.5");
        assertThatThrownBy(() -> RandomKernels.bernoulli(new Generator(), a, 0, 1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> RandomKernels.uniform(new Generator(), new float[1], 0, 1, 2, 1))
                .hasMessageContaining("uniform_ expects to return a [from, to) range, but found from=2.0 > to=1.0");
        assertThatThrownBy(() -> RandomKernels.uniform(new Generator(), new float[1], 0, 1, -3e38, 3e38))
                .hasMessageContaining("to-from <= std::numeric_limits<float>::max()");
        assertThatThrownBy(() -> NormalKernels.normal(new Generator(), new float[1], 0, 1, 0, -1))
                .hasMessageContaining("normal expects std >= 0.0, but found std -1.0");
        // uniform_(x, x) is allowed and gives x
        float[] a = new float[3];
        RandomKernels.uniform(new Generator(), a, 0, 3, 0.5, 0.5);
        assertThat(a).containsOnly(0.5f);
    }

    @Test
    void normalWithZeroStdGivesTheMean() {
        float[] a = new float[40];
        NormalKernels.normal(new Generator(0), a, 0, 40, 3.5, 0);
        assertThat(a).containsOnly(3.5f);
        double[] d = new double[5];
        NormalKernels.normal(new Generator(0), d, 0, 5, -2, 0);
        assertThat(d).containsOnly(-2.0);
    }

    @Test
    void rreluInPlaceAndSpecialInputs() {
        float[] x = {-1f, Float.NaN, 0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 3f};
        float[] copy = x.clone();
        float[] noise = new float[x.length];
        float[] out = new float[x.length];
        RandomKernels.rreluNoise(new Generator(1), copy, 0, noise, 0, out, 0, x.length, 0.125, 1.0 / 3);
        float[] noise2 = new float[x.length];
        RandomKernels.rreluNoise(new Generator(1), x, 0, noise2, 0, x, 0, x.length, 0.125, 1.0 / 3); // in place
        assertThat(x).containsExactly(out);
        assertThat(noise2).containsExactly(noise);
        assertThat(noise[1]).isEqualTo(1f); // NaN draws nothing
        assertThat(out[1]).isNaN();
        assertThat(noise[4]).isEqualTo(1f);
        assertThat(noise[6]).isEqualTo(1f);
        assertThat(noise[2]).isBetween(0.125f, 1f / 3); // +0 draws
        assertThat(noise[3]).isBetween(0.125f, 1f / 3); // -0 draws
        assertThat(Float.floatToRawIntBits(out[3])).isEqualTo(Float.floatToRawIntBits(-0f));
        assertThat(out[5]).isEqualTo(Float.NEGATIVE_INFINITY);
        // four draws of random64 were consumed (the four x <= 0 elements, excluding NaN and +inf)
        Generator g = new Generator(1);
        for (int i = 0; i < 4; i++) {
            g.random64();
        }
        Generator h = new Generator(1);
        RandomKernels.rreluNoise(h, copy.clone(), 0, new float[7], 0, new float[7], 0, 7, 0.125, 1.0 / 3);
        assertThat(h.random32()).isEqualTo(g.random32());
    }

    @Test
    void logAIsAGoodLogOverAllFloat32Uniforms() {
        // every u1 = 1 - k·2^-24 the float32 path can see; the AVX log is within a few ulp
        long worst = 0;
        for (int k = 0; k < (1 << 24); k += 7) {
            float u1 = 1f - k * 0x1p-24f;
            float got = AvxMath.logA(u1);
            float ref = (float) Math.log(u1);
            long d = Math.abs((long) Float.floatToRawIntBits(got) - Float.floatToRawIntBits(ref));
            worst = Math.max(worst, d);
        }
        assertThat(worst).isLessThanOrEqualTo(4);
        assertThat(AvxMath.logA(1f)).isZero();
        assertThat(Float.floatToRawIntBits(AvxMath.logA(0f))).isEqualTo(-1);
    }

    @Test
    void sincosAIsAGoodSinCosOnTheBoxMullerRange() {
        double worst = 0;
        for (int k = 0; k < (1 << 24); k += 13) {
            float theta = AvxMath.TWO_PI_F * (k * 0x1p-24f);
            long sc = AvxMath.sincosA(theta);
            worst = Math.max(worst, Math.abs(AvxMath.sinOf(sc) - Math.sin(theta)));
            worst = Math.max(worst, Math.abs(AvxMath.cosOf(sc) - Math.cos(theta)));
        }
        assertThat(worst).isLessThan(2e-7);
    }

    @Test
    void floatPathAIsReasonablyFast() {
        int n = 1 << 20;
        float[] a = new float[n];
        Generator g = new Generator(0);
        for (int i = 0; i < 5; i++) {
            NormalKernels.normal(g, a, 0, n, 0, 1); // warm-up
        }
        long t0 = System.nanoTime();
        int reps = 10;
        for (int i = 0; i < reps; i++) {
            NormalKernels.normal(g, a, 0, n, 0, 1);
        }
        double nsPerElement = (System.nanoTime() - t0) / (double) reps / n;
        System.out.printf("float32 randn path (a): %.2f ns/element%n", nsPerElement);
        assertThat(nsPerElement).isLessThan(200); // loose: shared CI machines
    }
}
