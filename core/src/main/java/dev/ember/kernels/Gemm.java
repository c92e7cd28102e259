package dev.ember.kernels;

import static dev.ember.kernels.Simd.F;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Matrix products on plain arrays. The general entry is {@link #gemm}: {@code C[m×n] = A[m×k]·B[k×n]}
 * where A and B are read through row and column strides (so either may be a transpose) and C is
 * row-major. Every output is the fused-multiply-add chain over k in ascending order starting from
 * +0, exactly as {@link #gemmScalar}, in every path but one:
 *
 * <ul>
 *   <li>packed, blocked GEMM (BLIS-style: KC×NC panels of B, MC×KC panels of A, a 6×(2 vectors)
 *       register-blocked micro-kernel) for {@code m ≥ 8}: bit-identical to the twin, since each
 *       lane is one output's chain and k-blocks continue the chain through C;</li>
 *   <li>"axpy" rows for small m when B's rows are contiguous ({@code dX = g·W}): bit-identical;</li>
 *   <li>dot products for small m when B's columns are contiguous ({@code y = x·Wᵀ} for one row):
 *       the chain is split over vector lanes and summed at the end, so it differs from the twin
 *       by rounding only (tests use a tolerance there, as PyTorch's own GEMMs do).</li>
 * </ul>
 *
 * Work is split over {@link Parallel} by columns of C (or rows when C is narrow); the split never
 * changes any output's chain, so results do not depend on the thread count.
 */
public final class Gemm {
    private Gemm() {}

    static final int MR = 6;
    static final int KC = Integer.getInteger("ember.gemm.kc", 256);
    static final int MC = Integer.getInteger("ember.gemm.mc", 96);
    static final int NC = Integer.getInteger("ember.gemm.nc", 2048);
    /** Below this many rows of C, the unpacked paths are used. */
    static final int SMALL_M = 8;

    static int nr() { return 2 * F.length(); }

    /** {@code C[m×n] = A[m×k] · B[n×k]ᵀ} with both operands row-major (Linear's forward). */
    public static void matmulNT(float[] a, int aOff, float[] b, int bOff, float[] c, int m, int n, int k) {
        gemm(m, n, k, a, aOff, k, 1, b, bOff, 1, k, c, 0, n);
    }

    /**
     * {@code W[n×k]ᵀ} (row-major W, as a Linear weight) packed once into the B panels that
     * {@link #packed} would build on every call: for each KC-block of k, all {@code roundUp(n, nr)}
     * columns in panels of nr. Products with it equal {@link #matmulNT} bit for bit.
     */
    public record PackedB(float[] panels, int n, int k, int nr) {}

    /** Whether {@link #matmulNT} would take the packed path for {@code m} rows (so a {@link PackedB} pays). */
    public static boolean packs(int m) { return Simd.ENABLED && m >= SMALL_M; }

    /** The smallest weight (n·k) whose one-row products read it packed (see {@link #gemvPacked}). */
    static final long GEMV_PACKED_MIN = 1 << 16;

    /**
     * Whether a {@link PackedB} of an n×k weight pays for products with m rows: batches of
     * {@link #SMALL_M} rows and more, and one row against a large weight, which then streams the
     * panels in order instead of n separate rows.
     */
    public static boolean packs(int m, int n, int k) {
        return packs(m) || Simd.ENABLED && m == 1 && (long) n * k >= GEMV_PACKED_MIN;
    }

    public static PackedB packNT(float[] w, int wOff, int n, int k) {
        int nr = nr(), width = roundUp(n, nr);
        float[] panels = new float[k * width];
        Parallel.forRange(width / nr, Math.max(1, (1 << 16) / Math.max(1, k * nr)), (p0, p1) -> {
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc), j0 = p0 * nr, j1 = Math.min(n, p1 * nr);
                float[] bp = new float[kc * (p1 - p0) * nr];
                if (j1 > j0) packB(w, wOff + pc + j0 * k, 1, k, kc, j1 - j0, nr, bp);
                System.arraycopy(bp, 0, panels, pc * width + j0 * kc, bp.length);
            }
        });
        return new PackedB(panels, n, k, nr);
    }

    /** {@code C[m×n] = A[m×k] · Wᵀ} with W packed by {@link #packNT}; needs {@link #packs}(m). */
    public static void matmulNT(float[] a, int aOff, PackedB w, float[] c, int m) {
        if (w.nr() != nr() || !packs(m, w.n(), w.k())) {
            throw new IllegalStateException("packed for another vector width or batch");
        }
        if (m == 1) {
            gemvPacked(a, aOff, w, c);
            return;
        }
        splitPacked(m, w.n(), w.k(), a, aOff, w.k(), 1, null, 0, 0, 0, c, 0, w.n(), w);
    }

    /** C = A·B with A(i,p) = a[aOff + i·aRs + p·aCs], B(p,j) = b[bOff + p·bRs + j·bCs], C(i,j) = c[cOff + i·ldc + j]. */
    public static void gemm(int m, int n, int k, float[] a, int aOff, int aRs, int aCs,
                            float[] b, int bOff, int bRs, int bCs, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) return;
        if (k == 0) {
            for (int i = 0; i < m; i++) java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            return;
        }
        if (!Simd.ENABLED) {
            long work = (long) m * n * k;
            int grainCols = (int) Math.max(1, (1L << 16) * n / Math.max(1, work));
            Parallel.forRange(n, grainCols, (j0, j1) -> gemmScalarRange(m, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs,
                    c, cOff, ldc, j0, j1));
            return;
        }
        if (m < SMALL_M && bCs == 1) {
            int grain = Math.max(F.length(), (int) Math.min(n, (1L << 16) / Math.max(1, (long) k * m)));
            Parallel.forRange(n, grain, 2 * F.length(), (j0, j1) -> axpyRows(m, k, a, aOff, aRs, aCs, b, bOff + j0, bRs,
                    c, cOff + j0, ldc, j1 - j0));
            return;
        }
        if (m < SMALL_M && bRs == 1) {
            int grain = Math.max(8, (int) Math.min(n, (1L << 16) / Math.max(1, (long) k * m)));
            Parallel.forRange(n, grain, 8, (j0, j1) -> dotRows(m, k, a, aOff, aRs, aCs, b, bOff + j0 * bCs, bCs,
                    c, cOff + j0, ldc, j1 - j0));
            return;
        }
        splitPacked(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, null);
    }

    /** {@link #packed} over the threads: by columns of C when it is wide enough, else by rows. */
    private static void splitPacked(int m, int n, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff,
                                    int bRs, int bCs, float[] c, int cOff, int ldc, PackedB pre) {
        int nr = nr();
        long flops = 2L * m * n * k;
        int threads = Parallel.threads();
        if (flops < (1L << 18) || threads == 1) {
            packed(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, pre, 0);
        } else if (n >= 2 * nr * threads) {
            Parallel.forRange(n, nr, nr, (j0, j1) -> packed(m, j1 - j0, k, a, aOff, aRs, aCs,
                    b, bOff + j0 * bCs, bRs, bCs, c, cOff + j0, ldc, pre, j0));
        } else {
            Parallel.forRange(m, MR, MR, (i0, i1) -> packed(i1 - i0, n, k, a, aOff + i0 * aRs, aRs, aCs,
                    b, bOff, bRs, bCs, c, cOff + i0 * ldc, ldc, pre, 0));
        }
    }

    // ---------------------------------------------------------------- the scalar twin

    /** The twin: for each output, {@code acc = fma(A(i,p), B(p,j), acc)} for p ascending from +0. */
    public static void gemmScalar(int m, int n, int k, float[] a, int aOff, int aRs, int aCs,
                                  float[] b, int bOff, int bRs, int bCs, float[] c, int cOff, int ldc) {
        gemmScalarRange(m, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, 0, n);
    }

    private static void gemmScalarRange(int m, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff,
                                        int bRs, int bCs, float[] c, int cOff, int ldc, int j0, int j1) {
        for (int i = 0; i < m; i++) {
            for (int j = j0; j < j1; j++) {
                float acc = 0f;
                int ai = aOff + i * aRs, bj = bOff + j * bCs;
                for (int p = 0; p < k; p++) acc = Math.fma(a[ai + p * aCs], b[bj + p * bRs], acc);
                c[cOff + i * ldc + j] = acc;
            }
        }
    }

    public static void matmulNT(double[] a, int aOff, double[] b, int bOff, double[] c, int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * k;
            for (int j = 0; j < n; j++) {
                int bj = bOff + j * k;
                double acc = 0;
                for (int p = 0; p < k; p++) acc = Math.fma(a[ai + p], b[bj + p], acc);
                c[i * n + j] = acc;
            }
        }
    }

    // ---------------------------------------------------------------- small m: axpy rows (exact)

    /**
     * B's rows contiguous (bCs = 1): C's row is swept once per four rows of B (four contiguous
     * streams), each output continuing its chain in p order through C.
     */
    static void axpyRows(int m, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs,
                         float[] c, int cOff, int ldc, int n) {
        int vl = F.length();
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * aRs, ci = cOff + i * ldc;
            int p0 = 0;
            for (; p0 + 4 <= k; p0 += 4) {
                boolean first = p0 == 0;
                float s0 = a[ai + p0 * aCs], s1 = a[ai + (p0 + 1) * aCs], s2 = a[ai + (p0 + 2) * aCs],
                        s3 = a[ai + (p0 + 3) * aCs];
                FloatVector a0 = FloatVector.broadcast(F, s0), a1 = FloatVector.broadcast(F, s1),
                        a2 = FloatVector.broadcast(F, s2), a3 = FloatVector.broadcast(F, s3);
                int b0 = bOff + p0 * bRs, b1 = b0 + bRs, b2 = b1 + bRs, b3 = b2 + bRs;
                int j = 0;
                for (; j + vl <= n; j += vl) {
                    FloatVector cv = first ? FloatVector.zero(F) : FloatVector.fromArray(F, c, ci + j);
                    cv = a0.fma(FloatVector.fromArray(F, b, b0 + j), cv);
                    cv = a1.fma(FloatVector.fromArray(F, b, b1 + j), cv);
                    cv = a2.fma(FloatVector.fromArray(F, b, b2 + j), cv);
                    cv = a3.fma(FloatVector.fromArray(F, b, b3 + j), cv);
                    cv.intoArray(c, ci + j);
                }
                for (; j < n; j++) {
                    float acc = first ? 0f : c[ci + j];
                    acc = Math.fma(s0, b[b0 + j], acc);
                    acc = Math.fma(s1, b[b1 + j], acc);
                    acc = Math.fma(s2, b[b2 + j], acc);
                    c[ci + j] = Math.fma(s3, b[b3 + j], acc);
                }
            }
            for (; p0 < k; p0++) {
                boolean first = p0 == 0;
                float s0 = a[ai + p0 * aCs];
                FloatVector a0 = FloatVector.broadcast(F, s0);
                int b0 = bOff + p0 * bRs, j = 0;
                for (; j + vl <= n; j += vl) {
                    FloatVector cv = first ? FloatVector.zero(F) : FloatVector.fromArray(F, c, ci + j);
                    a0.fma(FloatVector.fromArray(F, b, b0 + j), cv).intoArray(c, ci + j);
                }
                for (; j < n; j++) c[ci + j] = Math.fma(s0, b[b0 + j], first ? 0f : c[ci + j]);
            }
        }
    }

    // ---------------------------------------------------------------- small m: dot products (lane-split)

    /** B's columns contiguous (bRs = 1): four columns of B at a time against one row of A. */
    static void dotRows(int m, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bCs,
                        float[] c, int cOff, int ldc, int n) {
        int vl = F.length();
        if (aCs != 1 || k < 2 * vl) {
            gemmScalarRange(m, k, a, aOff, aRs, aCs, b, bOff, 1, bCs, c, cOff, ldc, 0, n);
            return;
        }
        int kv = F.loopBound(k);
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * aRs, ci = cOff + i * ldc;
            int j = 0;
            for (; j + 8 <= n; j += 8) dot8(a, ai, b, bOff + j * bCs, bCs, k, kv, c, ci + j);
            for (; j + 4 <= n; j += 4) {
                int b0 = bOff + j * bCs, b1 = b0 + bCs, b2 = b1 + bCs, b3 = b2 + bCs;
                FloatVector s0 = FloatVector.zero(F), s1 = s0, s2 = s0, s3 = s0;
                for (int p = 0; p < kv; p += vl) {
                    FloatVector av = FloatVector.fromArray(F, a, ai + p);
                    s0 = av.fma(FloatVector.fromArray(F, b, b0 + p), s0);
                    s1 = av.fma(FloatVector.fromArray(F, b, b1 + p), s1);
                    s2 = av.fma(FloatVector.fromArray(F, b, b2 + p), s2);
                    s3 = av.fma(FloatVector.fromArray(F, b, b3 + p), s3);
                }
                float r0 = s0.reduceLanes(VectorOperators.ADD), r1 = s1.reduceLanes(VectorOperators.ADD);
                float r2 = s2.reduceLanes(VectorOperators.ADD), r3 = s3.reduceLanes(VectorOperators.ADD);
                for (int p = kv; p < k; p++) {
                    float av = a[ai + p];
                    r0 = Math.fma(av, b[b0 + p], r0);
                    r1 = Math.fma(av, b[b1 + p], r1);
                    r2 = Math.fma(av, b[b2 + p], r2);
                    r3 = Math.fma(av, b[b3 + p], r3);
                }
                c[ci + j] = r0;
                c[ci + j + 1] = r1;
                c[ci + j + 2] = r2;
                c[ci + j + 3] = r3;
            }
            for (; j < n; j++) {
                int b0 = bOff + j * bCs;
                FloatVector s0 = FloatVector.zero(F);
                for (int p = 0; p < kv; p += vl) s0 = FloatVector.fromArray(F, a, ai + p).fma(FloatVector.fromArray(F, b, b0 + p), s0);
                float r0 = s0.reduceLanes(VectorOperators.ADD);
                for (int p = kv; p < k; p++) r0 = Math.fma(a[ai + p], b[b0 + p], r0);
                c[ci + j] = r0;
            }
        }
    }

    /**
     * Eight columns of B against one row of A: eight weight rows streamed at once keep more memory
     * requests in flight, which is what a one-row Linear (a matrix-vector product) is bound by.
     */
    private static void dot8(float[] a, int ai, float[] b, int b0, int bCs, int k, int kv, float[] c, int ci) {
        int vl = F.length();
        FloatVector s0 = FloatVector.zero(F), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
        for (int p = 0; p < kv; p += vl) {
            FloatVector av = FloatVector.fromArray(F, a, ai + p);
            int q = b0 + p;
            s0 = av.fma(FloatVector.fromArray(F, b, q), s0);
            s1 = av.fma(FloatVector.fromArray(F, b, q + bCs), s1);
            s2 = av.fma(FloatVector.fromArray(F, b, q + 2 * bCs), s2);
            s3 = av.fma(FloatVector.fromArray(F, b, q + 3 * bCs), s3);
            s4 = av.fma(FloatVector.fromArray(F, b, q + 4 * bCs), s4);
            s5 = av.fma(FloatVector.fromArray(F, b, q + 5 * bCs), s5);
            s6 = av.fma(FloatVector.fromArray(F, b, q + 6 * bCs), s6);
            s7 = av.fma(FloatVector.fromArray(F, b, q + 7 * bCs), s7);
        }
        // reduced one by one: an array of vectors would be allocated and boxed
        c[ci] = s0.reduceLanes(VectorOperators.ADD);
        c[ci + 1] = s1.reduceLanes(VectorOperators.ADD);
        c[ci + 2] = s2.reduceLanes(VectorOperators.ADD);
        c[ci + 3] = s3.reduceLanes(VectorOperators.ADD);
        c[ci + 4] = s4.reduceLanes(VectorOperators.ADD);
        c[ci + 5] = s5.reduceLanes(VectorOperators.ADD);
        c[ci + 6] = s6.reduceLanes(VectorOperators.ADD);
        c[ci + 7] = s7.reduceLanes(VectorOperators.ADD);
        for (int r = 0; r < 8 && kv < k; r++) {
            float acc = c[ci + r];
            for (int p = kv, q = b0 + r * bCs; p < k; p++) acc = Math.fma(a[ai + p], b[q + p], acc);
            c[ci + r] = acc;
        }
    }

    /**
     * One row times the packed weight: each output column is the FMA chain over k ascending from +0,
     * as in the twin. Four panels at a time (eight accumulators, enough to cover the FMA latency),
     * each read front to back: one memory stream per panel, where the row-major weight needs one
     * per output.
     */
    static void gemvPacked(float[] a, int aOff, PackedB w, float[] c) {
        int nr = w.nr(), panels = roundUp(w.n(), nr) / nr;
        Parallel.forRangeBalanced(panels, Math.max(1, (1 << 16) / Math.max(1, w.k() * nr)), 4,
                (q0, q1) -> gemvPanels(a, aOff, w, c, q0, q1));
    }

    private static void gemvPanels(float[] a, int aOff, PackedB w, float[] c, int q0, int q1) {
        int vl = F.length(), nr = w.nr(), n = w.n(), k = w.k(), width = roundUp(n, nr);
        float[] bp = w.panels();
        int q = q0;
        for (; q + 4 <= q1 && (q + 4) * nr <= n; q += 4) {
            FloatVector s0 = FloatVector.zero(F), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc), step = nr * kc;
                for (int p = 0, o = pc * width + q * step; p < kc; p++, o += nr) {
                    FloatVector av = FloatVector.broadcast(F, a[aOff + pc + p]);
                    s0 = av.fma(FloatVector.fromArray(F, bp, o), s0);
                    s1 = av.fma(FloatVector.fromArray(F, bp, o + vl), s1);
                    s2 = av.fma(FloatVector.fromArray(F, bp, o + step), s2);
                    s3 = av.fma(FloatVector.fromArray(F, bp, o + step + vl), s3);
                    s4 = av.fma(FloatVector.fromArray(F, bp, o + 2 * step), s4);
                    s5 = av.fma(FloatVector.fromArray(F, bp, o + 2 * step + vl), s5);
                    s6 = av.fma(FloatVector.fromArray(F, bp, o + 3 * step), s6);
                    s7 = av.fma(FloatVector.fromArray(F, bp, o + 3 * step + vl), s7);
                }
            }
            int j = q * nr;
            s0.intoArray(c, j);
            s1.intoArray(c, j + vl);
            s2.intoArray(c, j + nr);
            s3.intoArray(c, j + nr + vl);
            s4.intoArray(c, j + 2 * nr);
            s5.intoArray(c, j + 2 * nr + vl);
            s6.intoArray(c, j + 3 * nr);
            s7.intoArray(c, j + 3 * nr + vl);
        }
        // the rest one panel at a time; the last may be partial (its padding columns are zero)
        float[] tile = new float[nr];
        for (; q < q1; q++) {
            FloatVector s0 = FloatVector.zero(F), s1 = s0;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                for (int p = 0, o = pc * width + q * nr * kc; p < kc; p++, o += nr) {
                    FloatVector av = FloatVector.broadcast(F, a[aOff + pc + p]);
                    s0 = av.fma(FloatVector.fromArray(F, bp, o), s0);
                    s1 = av.fma(FloatVector.fromArray(F, bp, o + vl), s1);
                }
            }
            s0.intoArray(tile, 0);
            s1.intoArray(tile, vl);
            System.arraycopy(tile, 0, c, q * nr, Math.min(nr, n - q * nr));
        }
    }

    // ---------------------------------------------------------------- packed, blocked GEMM (exact)

    /**
     * With {@code pre} (then b is unused), B's panels come from it, starting at its column
     * {@code preCol} (a multiple of nr), instead of being packed here.
     */
    static void packed(int m, int n, int k, float[] a, int aOff, int aRs, int aCs,
                       float[] b, int bOff, int bRs, int bCs, float[] c, int cOff, int ldc, PackedB pre, int preCol) {
        int nr = nr();
        int ncMax = Math.min(NC, roundUp(n, nr));
        float[] bp = pre != null ? pre.panels() : new float[Math.min(KC, k) * ncMax];
        int preWidth = pre == null ? 0 : roundUp(pre.n(), nr);
        float[] ap = new float[Math.min(KC, k) * Math.min(MC, roundUp(m, MR))];
        float[] tile = new float[MR * nr];
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                boolean first = pc == 0;
                int bAt = 0;
                if (pre == null) packB(b, bOff + pc * bRs + jc * bCs, bRs, bCs, kc, nc, nr, bp);
                else bAt = pc * preWidth + (preCol + jc) * kc;
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    packA(a, aOff + ic * aRs + pc * aCs, aRs, aCs, mc, kc, ap);
                    for (int jr = 0; jr < nc; jr += nr) {
                        int nrr = Math.min(nr, nc - jr);
                        for (int ir = 0; ir < mc; ir += MR) {
                            int mr = Math.min(MR, mc - ir);
                            int cAt = cOff + (ic + ir) * ldc + jc + jr;
                            if (mr == MR && nrr == nr) {
                                kernel(ap, ir * kc, bp, bAt + jr * kc, kc, c, cAt, ldc, first);
                            } else {
                                if (!first) {
                                    for (int r = 0; r < mr; r++) System.arraycopy(c, cAt + r * ldc, tile, r * nr, nrr);
                                }
                                kernel(ap, ir * kc, bp, bAt + jr * kc, kc, tile, 0, nr, first);
                                for (int r = 0; r < mr; r++) System.arraycopy(tile, r * nr, c, cAt + r * ldc, nrr);
                            }
                        }
                    }
                }
            }
        }
    }

    private static int roundUp(int x, int to) { return (x + to - 1) / to * to; }

    /** Panels of nr columns: {@code bp[panel·kc·nr + p·nr + jj] = B(p, panel·nr + jj)}, zero beyond n. */
    static void packB(float[] b, int off, int bRs, int bCs, int kc, int nc, int nr, float[] bp) {
        for (int j0 = 0; j0 < nc; j0 += nr) {
            int w = Math.min(nr, nc - j0);
            int base = j0 * kc;
            if (bRs == 1 && w == nr && Simd.ENABLED && F.length() >= 4) {
                packBTransposed(b, off + j0 * bCs, bCs, kc, nr, bp, base);
            } else if (bCs == 1) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, off + p * bRs + j0, bp, base + p * nr, w);
                    if (w < nr) java.util.Arrays.fill(bp, base + p * nr + w, base + (p + 1) * nr, 0f);
                }
            } else {
                for (int jj = 0; jj < w; jj++) {
                    int src = off + (j0 + jj) * bCs;
                    for (int p = 0; p < kc; p++) bp[base + p * nr + jj] = b[src + p * bRs];
                }
                for (int jj = w; jj < nr; jj++) for (int p = 0; p < kc; p++) bp[base + p * nr + jj] = 0f;
            }
        }
    }

    /** Lane 2i ← lane i of the first vector, lane 2i+1 ← lane i of the second; the high halves likewise. */
    private static final FloatVector ZIP_LO = zip(0), ZIP_HI = zip(F.length() / 2);

    private static FloatVector zip(int first) {
        int n = F.length();
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (i % 2 == 0) ? first + i / 2 : n + first + i / 2;
        return FloatVector.fromArray(F, a, 0);
    }

    /**
     * One full panel of a transposed operand (B(p, j) = b[src + j·bCs + p]): vl×vl blocks are
     * transposed in registers by log2(vl) rounds of perfect shuffles (row i zipped with row
     * i + vl/2 into rows 2i, 2i+1), the last round storing straight into the panel.
     */
    static void packBTransposed(float[] b, int src, int bCs, int kc, int nr, float[] bp, int base) {
        int vl = F.length(), half = vl / 2, rounds = Integer.numberOfTrailingZeros(vl);
        float[] cur = new float[vl * vl], next = new float[vl * vl];
        int p = 0;
        for (; p + vl <= kc; p += vl) {
            for (int blk = 0; blk < nr / vl; blk++) {
                int rows = src + blk * vl * bCs + p;
                for (int r = 0; r < rounds; r++) {
                    boolean first = r == 0, last = r == rounds - 1;
                    for (int i = 0; i < half; i++) {
                        FloatVector x = first ? FloatVector.fromArray(F, b, rows + i * bCs) : FloatVector.fromArray(F, cur, i * vl);
                        FloatVector y = first ? FloatVector.fromArray(F, b, rows + (i + half) * bCs)
                                : FloatVector.fromArray(F, cur, (i + half) * vl);
                        FloatVector lo = ZIP_LO.selectFrom(x, y), hi = ZIP_HI.selectFrom(x, y);
                        if (last) {
                            lo.intoArray(bp, base + (p + 2 * i) * nr + blk * vl);
                            hi.intoArray(bp, base + (p + 2 * i + 1) * nr + blk * vl);
                        } else {
                            lo.intoArray(next, 2 * i * vl);
                            hi.intoArray(next, (2 * i + 1) * vl);
                        }
                    }
                    float[] t = cur;
                    cur = next;
                    next = t;
                }
            }
        }
        for (; p < kc; p++) {
            for (int jj = 0; jj < nr; jj++) bp[base + p * nr + jj] = b[src + jj * bCs + p];
        }
    }

    /** Panels of MR rows: {@code ap[panel·kc·MR + p·MR + ii] = A(panel·MR + ii, p)}, zero beyond m. */
    static void packA(float[] a, int off, int aRs, int aCs, int mc, int kc, float[] ap) {
        for (int i0 = 0; i0 < mc; i0 += MR) {
            int h = Math.min(MR, mc - i0);
            int base = i0 * kc;
            if (aRs == 1 && h == MR) { // a transposed operand (gᵀ in the weight gradient): rows of 6 are contiguous
                int src = off + i0;
                for (int p = 0; p < kc; p++) System.arraycopy(a, src + p * aCs, ap, base + p * MR, MR);
                continue;
            }
            for (int ii = 0; ii < h; ii++) {
                int src = off + (i0 + ii) * aRs;
                for (int p = 0; p < kc; p++) ap[base + p * MR + ii] = a[src + p * aCs];
            }
            for (int ii = h; ii < MR; ii++) for (int p = 0; p < kc; p++) ap[base + p * MR + ii] = 0f;
        }
    }

    /** The 6 × (2 vectors) micro-kernel; {@code first} starts the chains at +0, else continues C's. */
    static void kernel(float[] ap, int aO, float[] bp, int bO, int kc, float[] c, int cO, int ldc, boolean first) {
        int vl = F.length(), nr = 2 * vl;
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (first) {
            c00 = FloatVector.zero(F);
            c01 = c00; c10 = c00; c11 = c00; c20 = c00; c21 = c00;
            c30 = c00; c31 = c00; c40 = c00; c41 = c00; c50 = c00; c51 = c00;
        } else {
            c00 = FloatVector.fromArray(F, c, cO);
            c01 = FloatVector.fromArray(F, c, cO + vl);
            c10 = FloatVector.fromArray(F, c, cO + ldc);
            c11 = FloatVector.fromArray(F, c, cO + ldc + vl);
            c20 = FloatVector.fromArray(F, c, cO + 2 * ldc);
            c21 = FloatVector.fromArray(F, c, cO + 2 * ldc + vl);
            c30 = FloatVector.fromArray(F, c, cO + 3 * ldc);
            c31 = FloatVector.fromArray(F, c, cO + 3 * ldc + vl);
            c40 = FloatVector.fromArray(F, c, cO + 4 * ldc);
            c41 = FloatVector.fromArray(F, c, cO + 4 * ldc + vl);
            c50 = FloatVector.fromArray(F, c, cO + 5 * ldc);
            c51 = FloatVector.fromArray(F, c, cO + 5 * ldc + vl);
        }
        for (int p = 0; p < kc; p++) {
            int bo = bO + p * nr, ao = aO + p * MR;
            FloatVector b0 = FloatVector.fromArray(F, bp, bo);
            FloatVector b1 = FloatVector.fromArray(F, bp, bo + vl);
            FloatVector a0 = FloatVector.broadcast(F, ap[ao]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(F, ap[ao + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(F, ap[ao + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(F, ap[ao + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(F, ap[ao + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(F, ap[ao + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
        }
        c00.intoArray(c, cO);
        c01.intoArray(c, cO + vl);
        c10.intoArray(c, cO + ldc);
        c11.intoArray(c, cO + ldc + vl);
        c20.intoArray(c, cO + 2 * ldc);
        c21.intoArray(c, cO + 2 * ldc + vl);
        c30.intoArray(c, cO + 3 * ldc);
        c31.intoArray(c, cO + 3 * ldc + vl);
        c40.intoArray(c, cO + 4 * ldc);
        c41.intoArray(c, cO + 4 * ldc + vl);
        c50.intoArray(c, cO + 5 * ldc);
        c51.intoArray(c, cO + 5 * ldc + vl);
    }

    // ---------------------------------------------------------------- bias and its gradient

    /** {@code c[i·n + j] += bias[j]} for every row (the bias is added after the product, as PyTorch's addmm). */
    public static void addBias(float[] c, int cOff, float[] bias, int bOff, int rows, int n) {
        int vl = F.length();
        Parallel.forRange(rows, Math.max(1, (1 << 16) / Math.max(1, n)), (r0, r1) -> {
            for (int i = r0; i < r1; i++) {
                int ci = cOff + i * n, j = 0;
                if (Simd.ENABLED) {
                    for (; j + vl <= n; j += vl) {
                        FloatVector.fromArray(F, c, ci + j).add(FloatVector.fromArray(F, bias, bOff + j)).intoArray(c, ci + j);
                    }
                }
                for (; j < n; j++) c[ci + j] += bias[bOff + j];
            }
        });
    }

    /** {@code out[j] = Σ_i g[i·n + j]} over rows in ascending order, from +0 (vectors across columns: exact). */
    public static void columnSums(float[] g, int gOff, int rows, int n, float[] out) {
        int vl = F.length();
        Parallel.forRange(n, Math.max(vl, (int) Math.min(n, (1L << 16) / Math.max(1, rows))), vl, (j0, j1) -> {
            int j = j0;
            if (Simd.ENABLED) {
                for (; j + vl <= j1; j += vl) {
                    FloatVector s = FloatVector.zero(F);
                    for (int i = 0; i < rows; i++) s = s.add(FloatVector.fromArray(F, g, gOff + i * n + j));
                    s.intoArray(out, j);
                }
            }
            for (; j < j1; j++) {
                float s = 0f;
                for (int i = 0; i < rows; i++) s += g[gOff + i * n + j];
                out[j] = s;
            }
        });
    }
}
