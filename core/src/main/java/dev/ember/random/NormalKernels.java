package dev.ember.random;

/**
 * {@code normal_(mean, std)} / {@code randn} fills, bit-compatible with torch 1.13.1's CPU
 * kernel (pytorch-semantics.md §16.4). torch picks one of three paths per call:
 * <ul>
 *   <li>(a) float32, contiguous, n ≥ 16: n float uniforms, Box–Muller on blocks of 16 with
 *       the AVX single-precision log/sincos, the last partial block redrawn (16 fresh uniforms
 *       over slots n−16..n−1);</li>
 *   <li>(b) float64, contiguous, n ≥ 16: the same block scheme in double with libm;</li>
 *   <li>(c) anything else (n &lt; 16, or a non-contiguous target): scalar Box–Muller in double
 *       with the generator's one-value cache, element by element in memory order.</li>
 * </ul>
 * The {@code normal} methods take a contiguous range and choose (a)/(b) or (c) as torch does;
 * the {@code normalSerial} methods always take path (c) and are what a non-contiguous tensor
 * uses (either over a dense range in memory order, or over explicit storage offsets).
 * Each fill holds the generator's lock once.
 *
 * <p>Float32 results are bit-exact. Float64 results of (b) and (c) go through libm's
 * {@code log/sin/cos}; Ember uses a pure-Java reproduction of glibc 2.36's ({@link Libm#DEFAULT}),
 * so they are bit-exact with torch on x86-64 glibc too; see {@link Libm}.
 */
public final class NormalKernels {
    private NormalKernels() {}

    /** Fill size from which contiguous tensors take the block paths (a)/(b). */
    public static final int BLOCK = 16;

    /** Contiguous float32 fill: path (a) if {@code n ≥ 16}, else (c). mean/std are cast to float in (a). */
    public static void normal(Generator g, float[] a, int off, int n, double mean, double std) {
        normal(g, a, off, n, mean, std, Libm.DEFAULT);
    }

    static void normal(Generator g, float[] a, int off, int n, double mean, double std, Libm m) {
        checkStd(std);
        if (n >= BLOCK) {
            fillBlocks(g, a, off, n, (float) mean, (float) std);
        } else {
            normalSerial(g, a, off, n, mean, std, m);
        }
    }

    /** Contiguous float64 fill: path (b) if {@code n ≥ 16}, else (c). */
    public static void normal(Generator g, double[] a, int off, int n, double mean, double std) {
        normal(g, a, off, n, mean, std, Libm.DEFAULT);
    }

    static void normal(Generator g, double[] a, int off, int n, double mean, double std, Libm m) {
        checkStd(std);
        if (n >= BLOCK) {
            fillBlocks(g, a, off, n, mean, std, m);
        } else {
            normalSerial(g, a, off, n, mean, std, m);
        }
    }

    /** Path (c) over {@code a[off..off+n)} in index order (a dense non-contiguous tensor in memory order). */
    public static void normalSerial(Generator g, float[] a, int off, int n, double mean, double std) {
        normalSerial(g, a, off, n, mean, std, Libm.DEFAULT);
    }

    static void normalSerial(Generator g, float[] a, int off, int n, double mean, double std, Libm m) {
        checkStd(std);
        synchronized (g) {
            for (int i = off, end = off + n; i < end; i++) {
                a[i] = (float) Math.fma(g.nextNormal(m), std, mean);
            }
        }
    }

    /** Path (c) over {@code a[off..off+n)} in index order. */
    public static void normalSerial(Generator g, double[] a, int off, int n, double mean, double std) {
        normalSerial(g, a, off, n, mean, std, Libm.DEFAULT);
    }

    static void normalSerial(Generator g, double[] a, int off, int n, double mean, double std, Libm m) {
        checkStd(std);
        synchronized (g) {
            for (int i = off, end = off + n; i < end; i++) {
                a[i] = Math.fma(g.nextNormal(m), std, mean);
            }
        }
    }

    /** Path (c) into {@code a[offsets[0]], …, a[offsets[n-1]]}, in that order (the tensor's memory order). */
    public static void normalSerial(Generator g, float[] a, int[] offsets, int n, double mean, double std) {
        checkStd(std);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                a[offsets[i]] = (float) Math.fma(g.nextNormal(Libm.DEFAULT), std, mean);
            }
        }
    }

    /** Path (c) into {@code a[offsets[0]], …, a[offsets[n-1]]}, in that order. */
    public static void normalSerial(Generator g, double[] a, int[] offsets, int n, double mean, double std) {
        checkStd(std);
        synchronized (g) {
            for (int i = 0; i < n; i++) {
                a[offsets[i]] = Math.fma(g.nextNormal(Libm.DEFAULT), std, mean);
            }
        }
    }

    // path (a): normal_fill_AVX2
    private static void fillBlocks(Generator g, float[] a, int off, int n, float mean, float std) {
        synchronized (g) {
            for (int i = off, end = off + n; i < end; i++) {
                a[i] = g.nextFloat01();
            }
            for (int i = 0; i + BLOCK <= n; i += BLOCK) {
                AvxMath.transform16(a, off + i, mean, std);
            }
            if (n % BLOCK != 0) {
                int t = off + n - BLOCK;
                for (int j = 0; j < BLOCK; j++) {
                    a[t + j] = g.nextFloat01();
                }
                AvxMath.transform16(a, t, mean, std);
            }
        }
    }

    // path (b): normal_fill<double>
    private static void fillBlocks(Generator g, double[] a, int off, int n, double mean, double std, Libm m) {
        synchronized (g) {
            for (int i = off, end = off + n; i < end; i++) {
                a[i] = g.nextDouble01();
            }
            for (int i = 0; i + BLOCK <= n; i += BLOCK) {
                transform16(a, off + i, mean, std, m);
            }
            if (n % BLOCK != 0) {
                int t = off + n - BLOCK;
                for (int j = 0; j < BLOCK; j++) {
                    a[t + j] = g.nextDouble01();
                }
                transform16(a, t, mean, std, m);
            }
        }
    }

    // normal_fill_16<double>
    private static void transform16(double[] d, int o, double mean, double std, Libm m) {
        for (int j = 0; j < 8; j++) {
            double u1 = 1.0 - d[o + j];
            double u2 = d[o + j + 8];
            double radius = Math.sqrt(-2.0 * m.log(u1));
            double theta = 2.0 * Math.PI * u2;
            d[o + j] = Math.fma(radius * m.cos(theta), std, mean);
            d[o + j + 8] = Math.fma(radius * m.sin(theta), std, mean);
        }
    }

    private static void checkStd(double std) {
        if (!(std >= 0.0)) {
            throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + std);
        }
    }
}
