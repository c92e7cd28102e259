package dev.ember.random;

/**
 * The single-precision {@code log256_ps} and {@code sincos256_ps} of ATen's
 * {@code avx_mathfun.h} (Cephes-derived), evaluated one lane at a time with exactly the
 * roundings and fused multiply-adds of torch 1.13.1's AVX2 build. Only the float32
 * {@code randn} path uses them. Spec: pytorch-semantics.md §16.4 (a).
 *
 * <p>Constants are written as C writes them: a double literal converted to float.
 */
final class AvxMath {
    private AvxMath() {}

    private static final float SQRTHF = (float) 0.707106781186547524;
    private static final float P0 = (float) 7.0376836292E-2;
    private static final float P1 = (float) -1.1514610310E-1;
    private static final float P2 = (float) 1.1676998740E-1;
    private static final float P3 = (float) -1.2420140846E-1;
    private static final float P4 = (float) 1.4249322787E-1;
    private static final float P5 = (float) -1.6668057665E-1;
    private static final float P6 = (float) 2.0000714765E-1;
    private static final float P7 = (float) -2.4999993993E-1;
    private static final float P8 = (float) 3.3333331174E-1;
    private static final float Q1 = (float) -2.12194440E-4;
    private static final float Q2 = (float) 0.693359375;

    private static final float FOPI = (float) 1.27323954473516;
    private static final float DP1 = (float) -0.78515625;
    private static final float DP2 = (float) -2.4187564849853515625E-4;
    private static final float DP3 = (float) -3.77489497744594108E-8;
    private static final float S0 = (float) -1.9515295891E-4;
    private static final float S1 = (float) 8.3321608736E-3;
    private static final float S2 = (float) -1.6666654611E-1;
    private static final float C0 = (float) 2.443315711809948E-5;
    private static final float C1 = (float) -1.388731625493765E-3;
    private static final float C2 = (float) 4.166664568298827E-2;

    /** {@code (float)(2π)}, bits {@code 0x40C90FDB}. */
    static final float TWO_PI_F = (float) (2.0 * Math.PI);

    /** {@code log256_ps}, one lane. Inputs ≤ 0 give the all-ones NaN, as the AVX code does. */
    static float logA(float x) {
        boolean invalid = x <= 0f;
        x = x > Float.MIN_NORMAL ? x : Float.MIN_NORMAL; // _mm256_max_ps(x, min_norm_pos)
        int bits = Float.floatToRawIntBits(x);
        int ei = (bits >>> 23) - 0x7F;
        float m = Float.intBitsToFloat((bits & 0x807FFFFF) | 0x3F000000);
        float e = (float) ei + 1f;
        if (m < SQRTHF) {
            e = e - 1f;
            x = (m - 1f) + m;
        } else {
            x = m - 1f;
        }
        float z = x * x;
        float y = Math.fma(P0, x, P1);
        y = Math.fma(y, x, P2);
        y = Math.fma(y, x, P3);
        y = Math.fma(y, x, P4);
        y = Math.fma(y, x, P5);
        y = Math.fma(y, x, P6);
        y = Math.fma(y, x, P7);
        y = Math.fma(y, x, P8);
        y = y * x;
        y = Math.fma(y, z, e * Q1);
        y = Math.fma(-z, 0.5f, y);
        x = x + y;
        x = Math.fma(e, Q2, x);
        return invalid ? Float.intBitsToFloat(-1) : x;
    }

    /**
     * {@code sincos256_ps}, one lane, for finite {@code |x| < 2³¹/FOPI}. Returns the float bits
     * packed as {@code (sin << 32) | (cos & 0xFFFFFFFF)} so that the caller allocates nothing.
     */
    static long sincosA(float x) {
        int signSin = Float.floatToRawIntBits(x) & 0x80000000;
        x = Math.abs(x);
        int j = (int) (x * FOPI); // _mm256_cvttps_epi32: truncation
        j = (j + 1) & ~1;
        float y = (float) j;
        int swapSin = (j & 4) << 29;
        boolean polyDirect = (j & 2) == 0;
        int signCos = (~(j - 2) & 4) << 29;
        signSin ^= swapSin;

        x = Math.fma(y, DP1, x);
        x = Math.fma(y, DP2, x);
        x = Math.fma(y, DP3, x);
        float z = x * x;

        float c = Math.fma(Math.fma(C0, z, C1), z, C2);
        c = c * z;
        c = Math.fma(c, z, -(z * 0.5f));
        c = c + 1f;

        float s = Math.fma(Math.fma(S0, z, S1), z, S2);
        s = s * z;
        s = Math.fma(s, x, x);

        int sinBits = Float.floatToRawIntBits(polyDirect ? s : c) ^ signSin;
        int cosBits = Float.floatToRawIntBits(polyDirect ? c : s) ^ signCos;
        return ((long) sinBits << 32) | (cosBits & 0xFFFFFFFFL);
    }

    static float sinOf(long sincos) {
        return Float.intBitsToFloat((int) (sincos >>> 32));
    }

    static float cosOf(long sincos) {
        return Float.intBitsToFloat((int) sincos);
    }

    /**
     * {@code normal_fill_16_AVX2}: Box–Muller on 16 float uniforms at {@code d[o..o+16)},
     * pairing slot j with slot j+8, in place.
     */
    static void transform16(float[] d, int o, float mean, float std) {
        for (int j = 0; j < 8; j++) {
            float u1 = 1f - d[o + j];
            float u2 = d[o + j + 8];
            float radius = (float) Math.sqrt(-2f * logA(u1));
            float theta = TWO_PI_F * u2;
            long sc = sincosA(theta);
            d[o + j] = Math.fma(radius * cosOf(sc), std, mean);
            d[o + j + 8] = Math.fma(radius * sinOf(sc), std, mean);
        }
    }
}
