package dev.ember.kernels;

import static dev.ember.kernels.Simd.F;
import static dev.ember.kernels.Simd.I;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Max pooling over contiguous NCHW planes, as ATen's {@code cpu_max_pool}: each window is scanned
 * row-major from −∞ with the first in-bounds cell's index, replacing on {@code v > max || isNaN(v)};
 * so ties keep the first maximum and any NaN wins (the last NaN's index). Indices are flat within
 * the unpadded plane. Backward scatter-adds each output gradient to its saved index.
 *
 * <p>The forward runs in parallel over (plane, output row) pairs. Within a row, the output columns
 * whose windows lie inside the input (and, for the vector path, {@code dilationW = 1} and
 * {@code strideW ≤ 2}) are computed a vector of output cells at a time: each lane scans its own
 * window in the scalar order with the same compare, so values and indices equal the scalar twin's
 * bit for bit. Stride 2 de-interleaves two loads with a two-vector {@code selectFrom}. Border
 * columns use the scalar code. Backward is parallel over planes only, so no two threads ever add
 * into the same plane and each plane keeps its output-row-major scatter order.
 */
public final class MaxPool2dKernel {
    private MaxPool2dKernel() {}

    /** Lane i holds 2i: picks the even elements of a pair of vectors. */
    private static final FloatVector EVEN = FloatVector.fromArray(F, evens(F.length()), 0);
    /** Lane i holds 2i + 1: the odd elements. */
    private static final FloatVector ODD = EVEN.add(1f);
    private static final IntVector IOTA = IntVector.zero(I).addIndex(1);

    private static float[] evens(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = 2 * i;
        return a;
    }

    /** {@code indices} may be null when nobody needs them (no autograd, no return_indices). */
    public static void forward(PoolGeometry g, float[] in, int inOff, float[] out, long[] indices) {
        int units = g.planes() * g.outH();
        int rowCost = Math.max(1, g.kH() * g.inW());
        Parallel.forRangeBalanced(units, Math.max(1, ActivationKernels.GRAIN / rowCost), 1,
                (a, b) -> forwardRows(g, in, inOff, out, indices, a, b));
    }

    /** Output rows {@code [from, to)} counted over all planes (unit u = plane·outH + oh). */
    static void forwardRows(PoolGeometry g, float[] in, int inOff, float[] out, long[] indices, int from, int to) {
        int outH = g.outH(), outW = g.outW(), inW = g.inW();
        int sW = g.sW(), pW = g.pW(), kW = g.kW(), dW = g.dW();
        boolean vector = Simd.ENABLED && dW == 1 && (sW == 1 || sW == 2);
        // interior columns: window [ow·s − p, ow·s − p + k) inside [0, inW)
        int owLo = Math.min(outW, (pW + sW - 1) / sW);
        int owHi = inW - kW + pW < 0 ? owLo : Math.max(owLo, Math.min(outW, (inW - kW + pW) / sW + 1));
        int vl = F.length();
        boolean share = g.kH() == 3 && g.sH() == 2 && g.dH() == 1 && kW == 3 && sW == 2 && indices == null;
        float[][] carry = share ? new float[][] {new float[outW], new float[outW]} : null;
        int carryRow = -1, carryPlane = -1;
        for (int u = from; u < to; u++) {
            int p = u / outH, oh = u % outH;
            int ib = inOff + p * g.inPlane(), ob = p * g.outPlane() + oh * outW;
            int h0 = oh * g.sH() - g.pH();
            int h1 = Math.min(h0 + (g.kH() - 1) * g.dH() + 1, g.inH());
            while (h0 < 0) h0 += g.dH();
            int ow = 0;
            if (vector && owHi - owLo >= vl && indices == null && sW == 2 && (kW == 2 || kW == 3)) {
                for (; ow < owLo; ow++) cell(g, in, ib, out, indices, ob, h0, h1, ow);
                int rows = (h1 - h0 + g.dH() - 1) / g.dH(), step = g.dH() * inW;
                int at = ib + h0 * inW - pW;
                int end = owLo + (owHi - owLo) / vl * vl;
                // 3-row windows at row stride 2: this output row's last window row is the next one's
                // first, so its scan is kept (the same values the next row would compute)
                float[] carryIn = share && carryPlane == p && carryRow == h0 ? carry[0] : null;
                float[] carryOut = share && rows == 3 ? carry[1] : null;
                carryRow = -1;
                if (safe(g, in, ib, h1, end - vl)) {
                    span(in, at + 2 * ow, rows, step, kW, out, ob, ow, end, carryIn, carryOut);
                    ow = end;
                    if (ow < owHi && safe(g, in, ib, h1, owHi - vl)) {
                        span(in, at + 2 * (owHi - vl), rows, step, kW, out, ob, owHi - vl, owHi, carryIn, carryOut);
                        ow = owHi;
                    }
                    if (ow == owHi && carryOut != null) {
                        carry[1] = carry[0];
                        carry[0] = carryOut;
                        carryRow = h1 - 1;
                        carryPlane = p;
                    }
                }
            } else if (vector && owHi - owLo >= vl) {
                for (; ow < owLo; ow++) cell(g, in, ib, out, indices, ob, h0, h1, ow);
                // two independent output vectors per step hide the compare→blend latency chain
                for (; ow + 2 * vl <= owHi && safe(g, in, ib, h1, ow + vl); ow += 2 * vl) {
                    vectors(g, in, ib, out, indices, ob, h0, h1, ow, true);
                }
                for (; ow + vl <= owHi && safe(g, in, ib, h1, ow); ow += vl) {
                    vectors(g, in, ib, out, indices, ob, h0, h1, ow, false);
                }
                // the last interior cells: one more vector ending at owHi, overlapping cells already
                // written (each cell is recomputed to the same value and index)
                if (ow < owHi && safe(g, in, ib, h1, owHi - vl)) {
                    vectors(g, in, ib, out, indices, ob, h0, h1, owHi - vl, false);
                    ow = owHi;
                }
            }
            for (; ow < outW; ow++) cell(g, in, ib, out, indices, ob, h0, h1, ow);
        }
    }

    /** {@link #stride2Span}, through its NaN-free fast path when the span allows it. */
    private static void span(float[] in, int at, int rows, int step, int kW, float[] out, int ob, int ow, int owEnd,
                             float[] carryIn, float[] carryOut) {
        if (!stride2SpanNoNaN(in, at, rows, step, kW, out, ob, ow, owEnd, carryIn, carryOut)) {
            stride2Span(in, at, rows, step, kW, out, ob, ow, owEnd, carryIn, carryOut);
        }
    }

    /**
     * {@link #stride2Span} for spans without NaN: with no NaN, the scan's rule {@code v > max || isNaN(v)}
     * is {@code v > max}, one compare and one blend. Every value read is also summed, and a NaN sum
     * (a NaN read, or +inf and -inf together) returns false before anything is trusted: the caller
     * then computes the span again with the full rule, which overwrites whatever was written.
     */
    private static boolean stride2SpanNoNaN(float[] in, int at, int rows, int step, int kW, float[] out, int ob, int ow,
                                            int owEnd, float[] carryIn, float[] carryOut) {
        int vl = F.length();
        FloatVector sum = FloatVector.zero(F);
        if (kW == 2) {
            for (; ow < owEnd; ow += vl, at += 2 * vl) {
                FloatVector x0 = FloatVector.fromArray(F, in, at), x1 = FloatVector.fromArray(F, in, at + vl);
                FloatVector c0 = EVEN.selectFrom(x0, x1), c1 = ODD.selectFrom(x0, x1);
                FloatVector m = c0.blend(c1, c1.compare(VectorOperators.GT, c0));
                sum = sum.add(x0.add(x1));
                for (int h = 1, a = at + step; h < rows; h++, a += step) {
                    x0 = FloatVector.fromArray(F, in, a);
                    x1 = FloatVector.fromArray(F, in, a + vl);
                    c0 = EVEN.selectFrom(x0, x1);
                    c1 = ODD.selectFrom(x0, x1);
                    FloatVector r = c0.blend(c1, c1.compare(VectorOperators.GT, c0));
                    sum = sum.add(x0.add(x1));
                    m = m.blend(r, r.compare(VectorOperators.GT, m));
                }
                m.intoArray(out, ob + ow);
            }
        } else {
            // m starts as window row 0's scan (what a scan from -inf keeps): the carried one, or computed here
            for (; ow < owEnd; ow += vl, at += 2 * vl) {
                FloatVector m;
                if (carryIn != null) {
                    m = FloatVector.fromArray(F, carryIn, ow);
                    sum = sum.add(m);
                } else {
                    FloatVector x0 = FloatVector.fromArray(F, in, at), x1 = FloatVector.fromArray(F, in, at + vl);
                    FloatVector y0 = FloatVector.fromArray(F, in, at + 2), y1 = FloatVector.fromArray(F, in, at + 2 + vl);
                    FloatVector c0 = EVEN.selectFrom(x0, x1), c1 = ODD.selectFrom(x0, x1), c2 = EVEN.selectFrom(y0, y1);
                    m = c0.blend(c1, c1.compare(VectorOperators.GT, c0));
                    m = m.blend(c2, c2.compare(VectorOperators.GT, m));
                    sum = sum.add(x0.add(x1).add(c2));
                }
                for (int h = 1, a = at + step; h < rows; h++, a += step) {
                    FloatVector x0 = FloatVector.fromArray(F, in, a), x1 = FloatVector.fromArray(F, in, a + vl);
                    FloatVector y0 = FloatVector.fromArray(F, in, a + 2), y1 = FloatVector.fromArray(F, in, a + 2 + vl);
                    FloatVector c0 = EVEN.selectFrom(x0, x1), c1 = ODD.selectFrom(x0, x1), c2 = EVEN.selectFrom(y0, y1);
                    FloatVector r = c0.blend(c1, c1.compare(VectorOperators.GT, c0));
                    r = r.blend(c2, c2.compare(VectorOperators.GT, r));
                    sum = sum.add(x0.add(x1).add(c2));
                    m = m.blend(r, r.compare(VectorOperators.GT, m));
                    if (h == 2 && carryOut != null) r.intoArray(carryOut, ow);
                }
                m.intoArray(out, ob + ow);
            }
        }
        return !sum.test(VectorOperators.IS_NAN).anyTrue();
    }

    /**
     * The common case specialised: stride 2, window width 2 or 3, no indices. Output cells
     * {@code [ow, owEnd)} (a whole number of vectors) of one output row, whose first window row
     * starts at {@code at}; {@code rows} window rows, {@code step} apart. Each pair of loads feeds
     * window columns 0 and 1 through the even and odd lanes; the order of the merges is
     * {@link #vectors}'s. Starting from −∞ keeps the first row's scan (or −∞, the same value).
     */
    private static void stride2Span(float[] in, int at, int rows, int step, int kW, float[] out, int ob, int ow, int owEnd,
                                    float[] carryIn, float[] carryOut) {
        // written out in full: vectors passed between helper methods that HotSpot declines to
        // inline get boxed, which costs 3-4x here
        int vl = F.length();
        FloatVector minusInf = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        if (kW == 2) {
            for (; ow < owEnd; ow += vl, at += 2 * vl) {
                FloatVector m = minusInf;
                for (int h = 0, a = at; h < rows; h++, a += step) {
                    FloatVector x0 = FloatVector.fromArray(F, in, a), x1 = FloatVector.fromArray(F, in, a + vl);
                    FloatVector c0 = EVEN.selectFrom(x0, x1), c1 = ODD.selectFrom(x0, x1);
                    FloatVector r = c0.blend(c1, c1.compare(VectorOperators.GT, c0).or(c1.test(VectorOperators.IS_NAN)));
                    m = m.blend(r, r.compare(VectorOperators.GT, m).or(r.test(VectorOperators.IS_NAN)));
                }
                m.intoArray(out, ob + ow);
            }
        } else {
            int first = carryIn == null ? 0 : 1;
            for (; ow < owEnd; ow += vl, at += 2 * vl) {
                FloatVector m = minusInf;
                if (carryIn != null) {
                    FloatVector r = FloatVector.fromArray(F, carryIn, ow);
                    m = m.blend(r, r.compare(VectorOperators.GT, m).or(r.test(VectorOperators.IS_NAN)));
                }
                for (int h = first, a = at + first * step; h < rows; h++, a += step) {
                    FloatVector x0 = FloatVector.fromArray(F, in, a), x1 = FloatVector.fromArray(F, in, a + vl);
                    FloatVector y0 = FloatVector.fromArray(F, in, a + 2), y1 = FloatVector.fromArray(F, in, a + 2 + vl);
                    FloatVector c0 = EVEN.selectFrom(x0, x1), c1 = ODD.selectFrom(x0, x1), c2 = EVEN.selectFrom(y0, y1);
                    FloatVector r = c0.blend(c1, c1.compare(VectorOperators.GT, c0).or(c1.test(VectorOperators.IS_NAN)));
                    r = r.blend(c2, c2.compare(VectorOperators.GT, r).or(c2.test(VectorOperators.IS_NAN)));
                    m = m.blend(r, r.compare(VectorOperators.GT, m).or(r.test(VectorOperators.IS_NAN)));
                    if (h == 2 && carryOut != null) r.intoArray(carryOut, ow);
                }
                m.intoArray(out, ob + ow);
            }
        }
    }

    /** The stride-2 path loads one vector past its last cell: that must stay inside the array. */
    private static boolean safe(PoolGeometry g, float[] in, int ib, int h1, int ow) {
        return g.sW() == 1 || ib + (h1 - 1) * g.inW() + ow * g.sW() - g.pW() + g.kW() - 1 + 2 * F.length() <= in.length;
    }

    /** The input cells at window column j of one window row, for a vector of output cells. */
    private static FloatVector column(float[] in, int at, int sW) {
        if (sW == 1) return FloatVector.fromArray(F, in, at);
        return EVEN.selectFrom(FloatVector.fromArray(F, in, at), FloatVector.fromArray(F, in, at + F.length()));
    }

    /**
     * One (or, with {@code two}, two adjacent) vectors of interior output cells starting at {@code ow}.
     * Each window row is scanned on its own (from its first cell, which is what a scan from −∞
     * keeps), then the row results are merged in row order with the same rule
     * ({@code r > max || isNaN(r)}). Merging ordered partial scans this way gives exactly the
     * single row-major scan (first maximum, last NaN, first of ±0 and of all −∞), with shorter
     * dependency chains: the rows are independent of each other.
     */
    private static void vectors(PoolGeometry g, float[] in, int ib, float[] out, long[] indices, int ob,
                                int h0, int h1, int ow, boolean two) {
        int vl = F.length(), inW = g.inW(), sW = g.sW(), kW = g.kW();
        int w0 = ow * sW - g.pW(), w0b = w0 + vl * sW;
        IntVector colA = IOTA.mul(sW).add(w0), colB = colA.add(vl * sW);
        FloatVector maxA = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY), maxB = maxA;
        IntVector idxA = colA.add(h0 * inW), idxB = colB.add(h0 * inW);
        boolean firstRow = true;
        boolean idx = indices != null;
        for (int h = h0; h < h1; h += g.dH()) {
            int rowA = ib + h * inW + w0, rowB = ib + h * inW + w0b, hw = h * inW;
            FloatVector ra = column(in, rowA, sW), rb = two ? column(in, rowB, sW) : ra;
            IntVector ia = colA.add(hw), ib2 = colB.add(hw);
            for (int j = 1; j < kW; j++) {
                FloatVector a = column(in, rowA + j, sW);
                VectorMask<Float> ma = a.compare(VectorOperators.GT, ra).or(a.test(VectorOperators.IS_NAN));
                ra = ra.blend(a, ma);
                if (idx) ia = ia.blend(colA.add(hw + j), ma.cast(I));
                if (two) {
                    FloatVector b = column(in, rowB + j, sW);
                    VectorMask<Float> mb = b.compare(VectorOperators.GT, rb).or(b.test(VectorOperators.IS_NAN));
                    rb = rb.blend(b, mb);
                    if (idx) ib2 = ib2.blend(colB.add(hw + j), mb.cast(I));
                }
            }
            if (firstRow) {
                maxA = ra;
                idxA = ia;
                maxB = rb;
                idxB = ib2;
                firstRow = false;
            } else {
                VectorMask<Float> ma = ra.compare(VectorOperators.GT, maxA).or(ra.test(VectorOperators.IS_NAN));
                maxA = maxA.blend(ra, ma);
                if (idx) idxA = idxA.blend(ia, ma.cast(I));
                if (two) {
                    VectorMask<Float> mb = rb.compare(VectorOperators.GT, maxB).or(rb.test(VectorOperators.IS_NAN));
                    maxB = maxB.blend(rb, mb);
                    if (idx) idxB = idxB.blend(ib2, mb.cast(I));
                }
            }
        }
        maxA.intoArray(out, ob + ow);
        if (two) maxB.intoArray(out, ob + ow + vl);
        if (idx) {
            int half = vl / 2;
            ((LongVector) idxA.convertShape(VectorOperators.I2L, Simd.L, 0)).intoArray(indices, ob + ow);
            ((LongVector) idxA.convertShape(VectorOperators.I2L, Simd.L, 1)).intoArray(indices, ob + ow + half);
            if (two) {
                ((LongVector) idxB.convertShape(VectorOperators.I2L, Simd.L, 0)).intoArray(indices, ob + ow + vl);
                ((LongVector) idxB.convertShape(VectorOperators.I2L, Simd.L, 1)).intoArray(indices, ob + ow + vl + half);
            }
        }
    }

    /** One output cell, the scalar way (rows {@code [h0, h1)} already clipped). */
    private static void cell(PoolGeometry g, float[] in, int ib, float[] out, long[] indices, int ob,
                             int h0, int h1, int ow) {
        int w0 = ow * g.sW() - g.pW();
        int w1 = Math.min(w0 + (g.kW() - 1) * g.dW() + 1, g.inW());
        while (w0 < 0) w0 += g.dW();
        int maxIndex = h0 * g.inW() + w0;
        float max = Float.NEGATIVE_INFINITY;
        for (int h = h0; h < h1; h += g.dH()) {
            for (int w = w0; w < w1; w += g.dW()) {
                int idx = h * g.inW() + w;
                float v = in[ib + idx];
                if (v > max || Float.isNaN(v)) {
                    maxIndex = idx;
                    max = v;
                }
            }
        }
        out[ob + ow] = max;
        if (indices != null) indices[ob + ow] = maxIndex;
    }

    /** The scalar twin of {@link #forward(PoolGeometry, float[], int, float[], long[])}: ATen's loop as is. */
    public static void forwardScalar(PoolGeometry g, float[] in, int inOff, float[] out, long[] indices) {
        int inPlane = g.inPlane(), outPlane = g.outPlane();
        for (int p = 0; p < g.planes(); p++) {
            int ib = inOff + p * inPlane, ob = p * outPlane;
            for (int oh = 0; oh < g.outH(); oh++) {
                int h0 = oh * g.sH() - g.pH();
                int h1 = Math.min(h0 + (g.kH() - 1) * g.dH() + 1, g.inH());
                while (h0 < 0) h0 += g.dH();
                for (int ow = 0; ow < g.outW(); ow++) {
                    int w0 = ow * g.sW() - g.pW();
                    int w1 = Math.min(w0 + (g.kW() - 1) * g.dW() + 1, g.inW());
                    while (w0 < 0) w0 += g.dW();
                    int maxIndex = h0 * g.inW() + w0;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int h = h0; h < h1; h += g.dH()) {
                        for (int w = w0; w < w1; w += g.dW()) {
                            int idx = h * g.inW() + w;
                            float v = in[ib + idx];
                            if (v > max || Float.isNaN(v)) {
                                maxIndex = idx;
                                max = v;
                            }
                        }
                    }
                    out[ob + oh * g.outW() + ow] = max;
                    if (indices != null) indices[ob + oh * g.outW() + ow] = maxIndex;
                }
            }
        }
    }

    public static void forward(PoolGeometry g, double[] in, int inOff, double[] out, long[] indices) {
        int inPlane = g.inPlane(), outPlane = g.outPlane();
        for (int p = 0; p < g.planes(); p++) {
            int ib = inOff + p * inPlane, ob = p * outPlane;
            for (int oh = 0; oh < g.outH(); oh++) {
                int h0 = oh * g.sH() - g.pH();
                int h1 = Math.min(h0 + (g.kH() - 1) * g.dH() + 1, g.inH());
                while (h0 < 0) h0 += g.dH();
                for (int ow = 0; ow < g.outW(); ow++) {
                    int w0 = ow * g.sW() - g.pW();
                    int w1 = Math.min(w0 + (g.kW() - 1) * g.dW() + 1, g.inW());
                    while (w0 < 0) w0 += g.dW();
                    int maxIndex = h0 * g.inW() + w0;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int h = h0; h < h1; h += g.dH()) {
                        for (int w = w0; w < w1; w += g.dW()) {
                            int idx = h * g.inW() + w;
                            double v = in[ib + idx];
                            if (v > max || Double.isNaN(v)) {
                                maxIndex = idx;
                                max = v;
                            }
                        }
                    }
                    out[ob + oh * g.outW() + ow] = max;
                    if (indices != null) indices[ob + oh * g.outW() + ow] = maxIndex;
                }
            }
        }
    }

    /**
     * Each plane of {@code gradIn} is zero-filled here (by the thread that then scatters into it) and
     * receives {@code gradOut} at the saved indices in output row-major order; indices outside the
     * plane (degenerate windows) are dropped.
     */
    public static void backward(PoolGeometry g, float[] gradOut, long[] indices, float[] gradIn) {
        int grain = Math.max(1, ActivationKernels.GRAIN / Math.max(1, g.inPlane()));
        Parallel.forRange(g.planes(), grain, (a, b) -> backwardPlanes(g, gradOut, indices, gradIn, a, b));
    }

    static void backwardPlanes(PoolGeometry g, float[] gradOut, long[] indices, float[] gradIn, int from, int to) {
        int inPlane = g.inPlane(), outPlane = g.outPlane();
        for (int p = from; p < to; p++) {
            int ib = p * inPlane, ob = p * outPlane;
            java.util.Arrays.fill(gradIn, ib, ib + inPlane, 0f);
            for (int o = 0; o < outPlane; o++) {
                long idx = indices[ob + o];
                if (idx >= 0 && idx < inPlane) gradIn[ib + (int) idx] += gradOut[ob + o];
            }
        }
    }

    /** The scalar, single-threaded twin of the backward. */
    public static void backwardScalar(PoolGeometry g, float[] gradOut, long[] indices, float[] gradIn) {
        backwardPlanes(g, gradOut, indices, gradIn, 0, g.planes());
    }

    public static void backward(PoolGeometry g, double[] gradOut, long[] indices, double[] gradIn) {
        int inPlane = g.inPlane(), outPlane = g.outPlane();
        for (int p = 0; p < g.planes(); p++) {
            int ib = p * inPlane, ob = p * outPlane;
            for (int o = 0; o < outPlane; o++) {
                long idx = indices[ob + o];
                if (idx >= 0 && idx < inPlane) gradIn[ib + (int) idx] += gradOut[ob + o];
            }
        }
    }
}
