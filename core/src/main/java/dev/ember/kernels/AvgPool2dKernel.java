package dev.ember.kernels;

import static dev.ember.kernels.Simd.F;

import jdk.incubator.vector.FloatVector;

/**
 * Average pooling over contiguous NCHW planes, as ATen's {@code cpu_avg_pool}: the window is clipped
 * to the padded border to count {@code poolSize} and to the input to sum (in the tensor's own type,
 * row-major), then divided by {@code divisorOverride}, {@code poolSize} (count_include_pad) or the
 * clipped cell count, added to +0 as ATen does (so a zero result is never −0). Backward spreads {@code gradOut / divisor} over the same clipped window.
 */
public final class AvgPool2dKernel {
    private AvgPool2dKernel() {}

    /** Everything the forward and backward need besides the geometry. */
    public record Mode(boolean countIncludePad, Integer divisorOverride) {}

    /** The divisor of output cell (oh, ow), or 0 for an empty window. */
    static int divisor(PoolGeometry g, Mode m, int oh, int ow) {
        int h0 = oh * g.sH() - g.pH(), w0 = ow * g.sW() - g.pW();
        int h1 = Math.min(h0 + g.kH(), g.inH() + g.pH()), w1 = Math.min(w0 + g.kW(), g.inW() + g.pW());
        int poolSize = (h1 - h0) * (w1 - w0);
        h0 = Math.max(h0, 0);
        w0 = Math.max(w0, 0);
        h1 = Math.min(h1, g.inH());
        w1 = Math.min(w1, g.inW());
        if (h0 >= h1 || w0 >= w1) return 0;
        if (m.divisorOverride() != null) return m.divisorOverride();
        return m.countIncludePad() ? poolSize : (h1 - h0) * (w1 - w0);
    }

    /** Lane i holds 2i: picks the even elements of a pair of vectors. */
    private static final FloatVector EVEN = FloatVector.fromArray(F, evens(F.length()), 0);

    private static float[] evens(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = 2 * i;
        return a;
    }

    /**
     * Parallel over (plane, output row) pairs. Interior output columns (window inside the input's
     * columns, stride ≤ 2) run a vector of cells at a time: each lane sums its window in the scalar
     * row-major order, from +0 in float, and divides by the row's common divisor, so results equal
     * the scalar twin's bit for bit.
     */
    public static void forward(PoolGeometry g, Mode m, float[] in, int inOff, float[] out) {
        int units = g.planes() * g.outH();
        int rowCost = Math.max(1, g.kH() * g.inW());
        Parallel.forRangeBalanced(units, Math.max(1, ActivationKernels.GRAIN / rowCost), 1,
                (a, b) -> forwardRows(g, m, in, inOff, out, a, b));
    }

    static void forwardRows(PoolGeometry g, Mode m, float[] in, int inOff, float[] out, int from, int to) {
        int outH = g.outH(), outW = g.outW(), inW = g.inW(), sW = g.sW(), pW = g.pW(), kW = g.kW();
        boolean vector = Simd.ENABLED && (sW == 1 || sW == 2);
        int owLo = Math.min(outW, (pW + sW - 1) / sW);
        int owHi = inW - kW + pW < 0 ? owLo : Math.max(owLo, Math.min(outW, (inW - kW + pW) / sW + 1));
        int vl = F.length();
        for (int u = from; u < to; u++) {
            int p = u / outH, oh = u % outH;
            int ib = inOff + p * g.inPlane(), ob = p * g.outPlane() + oh * outW;
            int h0 = Math.max(oh * g.sH() - g.pH(), 0), h1 = Math.min(oh * g.sH() - g.pH() + g.kH(), g.inH());
            int ow = 0;
            int div = owLo < owHi ? divisor(g, m, oh, owLo) : 0;
            if (vector && owHi - owLo >= vl && div != 0) {
                for (; ow < owLo; ow++) cell(g, m, in, ib, out, ob, oh, h0, h1, ow);
                float divf = div;
                // two independent sums per step hide the add latency chain
                for (; ow + 2 * vl <= owHi && safe(g, in, ib, h1, ow + vl); ow += 2 * vl) {
                    vectors(g, in, ib, out, ob, h0, h1, ow, divf, true);
                }
                for (; ow + vl <= owHi && safe(g, in, ib, h1, ow); ow += vl) vectors(g, in, ib, out, ob, h0, h1, ow, divf, false);
                // one more vector ending at owHi, recomputing (identically) cells already written
                if (ow < owHi && safe(g, in, ib, h1, owHi - vl)) {
                    vectors(g, in, ib, out, ob, h0, h1, owHi - vl, divf, false);
                    ow = owHi;
                }
            }
            for (; ow < outW; ow++) cell(g, m, in, ib, out, ob, oh, h0, h1, ow);
        }
    }

    /** The stride-2 path loads one vector past its last cell: that must stay inside the array. */
    private static boolean safe(PoolGeometry g, float[] in, int ib, int h1, int ow) {
        return g.sW() == 1 || ib + (h1 - 1) * g.inW() + ow * g.sW() - g.pW() + g.kW() - 1 + 2 * F.length() <= in.length;
    }

    private static FloatVector column(float[] in, int at, int sW) {
        if (sW == 1) return FloatVector.fromArray(F, in, at);
        return EVEN.selectFrom(FloatVector.fromArray(F, in, at), FloatVector.fromArray(F, in, at + F.length()));
    }

    /** One (or two adjacent) vectors of interior output cells from {@code ow}: row-major float sums from +0. */
    private static void vectors(PoolGeometry g, float[] in, int ib, float[] out, int ob, int h0, int h1, int ow,
                                float divf, boolean two) {
        int vl = F.length(), inW = g.inW(), sW = g.sW(), kW = g.kW();
        int w0 = ow * sW - g.pW(), w0b = w0 + vl * sW;
        FloatVector zero = FloatVector.zero(F), sumA = zero, sumB = zero;
        for (int h = h0; h < h1; h++) {
            int rowA = ib + h * inW + w0, rowB = ib + h * inW + w0b;
            for (int j = 0; j < kW; j++) {
                sumA = sumA.add(column(in, rowA + j, sW));
                if (two) sumB = sumB.add(column(in, rowB + j, sW));
            }
        }
        zero.add(sumA.div(divf)).intoArray(out, ob + ow);
        if (two) zero.add(sumB.div(divf)).intoArray(out, ob + ow + vl);
    }

    private static void cell(PoolGeometry g, Mode m, float[] in, int ib, float[] out, int ob, int oh,
                             int h0, int h1, int ow) {
        int w0 = Math.max(ow * g.sW() - g.pW(), 0), w1 = Math.min(ow * g.sW() - g.pW() + g.kW(), g.inW());
        int div = divisor(g, m, oh, ow);
        if (div == 0) {
            out[ob + ow] = 0;
            return;
        }
        float sum = 0;
        for (int h = h0; h < h1; h++) {
            for (int w = w0; w < w1; w++) sum += in[ib + h * g.inW() + w];
        }
        out[ob + ow] = 0f + sum / div;
    }

    /** The scalar twin: ATen's loop as is. */
    public static void forwardScalar(PoolGeometry g, Mode m, float[] in, int inOff, float[] out) {
        forwardPlanes(g, m, in, inOff, out, 0, g.planes());
    }

    public static void forwardPlanes(PoolGeometry g, Mode m, float[] in, int inOff, float[] out, int from, int to) {
        for (int p = from; p < to; p++) {
            int ib = inOff + p * g.inPlane(), ob = p * g.outPlane();
            for (int oh = 0; oh < g.outH(); oh++) {
                int h0 = Math.max(oh * g.sH() - g.pH(), 0), h1 = Math.min(oh * g.sH() - g.pH() + g.kH(), g.inH());
                for (int ow = 0; ow < g.outW(); ow++) {
                    int w0 = Math.max(ow * g.sW() - g.pW(), 0), w1 = Math.min(ow * g.sW() - g.pW() + g.kW(), g.inW());
                    int div = divisor(g, m, oh, ow);
                    if (div == 0) {
                        out[ob + oh * g.outW() + ow] = 0;
                        continue;
                    }
                    float sum = 0;
                    for (int h = h0; h < h1; h++) {
                        for (int w = w0; w < w1; w++) sum += in[ib + h * g.inW() + w];
                    }
                    out[ob + oh * g.outW() + ow] = 0f + sum / div;
                }
            }
        }
    }

    public static void forward(PoolGeometry g, Mode m, double[] in, int inOff, double[] out) {
        for (int p = 0; p < g.planes(); p++) {
            int ib = inOff + p * g.inPlane(), ob = p * g.outPlane();
            for (int oh = 0; oh < g.outH(); oh++) {
                int h0 = Math.max(oh * g.sH() - g.pH(), 0), h1 = Math.min(oh * g.sH() - g.pH() + g.kH(), g.inH());
                for (int ow = 0; ow < g.outW(); ow++) {
                    int w0 = Math.max(ow * g.sW() - g.pW(), 0), w1 = Math.min(ow * g.sW() - g.pW() + g.kW(), g.inW());
                    int div = divisor(g, m, oh, ow);
                    if (div == 0) {
                        out[ob + oh * g.outW() + ow] = 0;
                        continue;
                    }
                    double sum = 0;
                    for (int h = h0; h < h1; h++) {
                        for (int w = w0; w < w1; w++) sum += in[ib + h * g.inW() + w];
                    }
                    out[ob + oh * g.outW() + ow] = 0.0 + sum / div;
                }
            }
        }
    }

    /** int64 input: integer sum, division truncating toward zero. */
    public static void forward(PoolGeometry g, Mode m, long[] in, int inOff, long[] out) {
        for (int p = 0; p < g.planes(); p++) {
            int ib = inOff + p * g.inPlane(), ob = p * g.outPlane();
            for (int oh = 0; oh < g.outH(); oh++) {
                int h0 = Math.max(oh * g.sH() - g.pH(), 0), h1 = Math.min(oh * g.sH() - g.pH() + g.kH(), g.inH());
                for (int ow = 0; ow < g.outW(); ow++) {
                    int w0 = Math.max(ow * g.sW() - g.pW(), 0), w1 = Math.min(ow * g.sW() - g.pW() + g.kW(), g.inW());
                    int div = divisor(g, m, oh, ow);
                    long sum = 0;
                    for (int h = h0; h < h1; h++) {
                        for (int w = w0; w < w1; w++) sum += in[ib + h * g.inW() + w];
                    }
                    out[ob + oh * g.outW() + ow] = div == 0 ? 0 : sum / div;
                }
            }
        }
    }

    /**
     * Each plane of {@code gradIn} is zero-filled here, then receives {@code gradOut / divisor} over
     * every clipped window. Parallel over planes only, each plane in output row-major
     * order as the scalar twin, so results are bit-identical for any thread count.
     */
    public static void backward(PoolGeometry g, Mode m, float[] gradOut, float[] gradIn) {
        int grain = Math.max(1, ActivationKernels.GRAIN / Math.max(1, g.inPlane()));
        Parallel.forRange(g.planes(), grain, (a, b) -> backwardPlanes(g, m, gradOut, gradIn, a, b));
    }

    /** The scalar, single-threaded twin of the backward. */
    public static void backwardScalar(PoolGeometry g, Mode m, float[] gradOut, float[] gradIn) {
        backwardPlanesScalar(g, m, gradOut, gradIn, 0, g.planes());
    }

    /** Lane 2t ← lane t of the first vector, lane 2t+1 ← lane t of the second (low and high halves). */
    private static final FloatVector ODD = EVEN.add(1f);
    private static final FloatVector INTERLEAVE_LO = interleave(0), INTERLEAVE_HI = interleave(F.length() / 2);

    private static FloatVector interleave(int first) {
        int n = F.length();
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (i % 2 == 0) ? first + i / 2 : n + first + i / 2;
        return FloatVector.fromArray(F, a, 0);
    }

    /**
     * Per plane, per output row: first the left border cells, then, for window rows and for window
     * columns j from last to first, a vector of output cells at a time adds its deltas to the cells
     * {@code ow·s − p + j} (stride 2: read the pair of vectors, update the even lanes, write both
     * back), then the remaining cells. An input cell gets its contributions from one output row in
     * ascending ow (larger j ⇔ smaller ow), and output rows in order: the scalar order exactly.
     */
    static void backwardPlanes(PoolGeometry g, Mode m, float[] gradOut, float[] gradIn, int from, int to) {
        int outW = g.outW(), inW = g.inW(), sW = g.sW(), pW = g.pW(), kW = g.kW(), vl = F.length();
        boolean vector = Simd.ENABLED && (sW == 1 || sW == 2);
        int owLo = Math.min(outW, (pW + sW - 1) / sW);
        int owHi = inW - kW + pW < 0 ? owLo : Math.max(owLo, Math.min(outW, (inW - kW + pW) / sW + 1));
        // vector steps must keep the whole pair (2·vl cells from ow·s − p + j) inside the row
        int owVec = owLo;
        while (owVec + vl <= owHi && owVec * sW - pW + kW - 1 + sW * vl <= inW) owVec += vl;
        boolean vec = vector && owVec > owLo;
        for (int p = from; p < to; p++) {
            int ib = p * g.inPlane(), ob = p * g.outPlane();
            java.util.Arrays.fill(gradIn, ib, ib + g.inPlane(), 0f);
            for (int oh = 0; oh < g.outH(); oh++) {
                int h0 = Math.max(oh * g.sH() - g.pH(), 0), h1 = Math.min(oh * g.sH() - g.pH() + g.kH(), g.inH());
                int orow = ob + oh * outW;
                if (!vec) {
                    for (int ow = 0; ow < outW; ow++) backCell(g, m, gradOut, gradIn, ib, orow, oh, h0, h1, ow);
                    continue;
                }
                for (int ow = 0; ow < owLo; ow++) backCell(g, m, gradOut, gradIn, ib, orow, oh, h0, h1, ow);
                int div = divisor(g, m, oh, owLo);
                if (div == 0) continue; // no input row in this window: nothing to add anywhere
                FloatVector divv = FloatVector.broadcast(F, (float) div);
                for (int h = h0; h < h1; h++) {
                    int row = ib + h * inW;
                    for (int j = kW - 1; j >= 0; j--) {
                        for (int ow = owLo; ow < owVec; ow += vl) {
                            FloatVector d = FloatVector.fromArray(F, gradOut, orow + ow).div(divv);
                            int at = row + ow * sW - pW + j;
                            if (sW == 1) {
                                FloatVector.fromArray(F, gradIn, at).add(d).intoArray(gradIn, at);
                            } else {
                                FloatVector lo = FloatVector.fromArray(F, gradIn, at);
                                FloatVector hi = FloatVector.fromArray(F, gradIn, at + vl);
                                FloatVector even = EVEN.selectFrom(lo, hi).add(d), odd = ODD.selectFrom(lo, hi);
                                INTERLEAVE_LO.selectFrom(even, odd).intoArray(gradIn, at);
                                INTERLEAVE_HI.selectFrom(even, odd).intoArray(gradIn, at + vl);
                            }
                        }
                    }
                }
                for (int ow = owVec; ow < outW; ow++) backCell(g, m, gradOut, gradIn, ib, orow, oh, h0, h1, ow);
            }
        }
    }

    private static void backCell(PoolGeometry g, Mode m, float[] gradOut, float[] gradIn, int ib, int orow, int oh,
                                 int h0, int h1, int ow) {
        int w0 = Math.max(ow * g.sW() - g.pW(), 0), w1 = Math.min(ow * g.sW() - g.pW() + g.kW(), g.inW());
        int div = divisor(g, m, oh, ow);
        if (div == 0) return;
        float delta = gradOut[orow + ow] / div;
        for (int h = h0; h < h1; h++) {
            for (int w = w0; w < w1; w++) gradIn[ib + h * g.inW() + w] += delta;
        }
    }

    /** The scalar twin's body: ATen's loop as is (each plane zero-filled first). */
    static void backwardPlanesScalar(PoolGeometry g, Mode m, float[] gradOut, float[] gradIn, int from, int to) {
        for (int p = from; p < to; p++) {
            int ib = p * g.inPlane(), ob = p * g.outPlane();
            java.util.Arrays.fill(gradIn, ib, ib + g.inPlane(), 0f);
            for (int oh = 0; oh < g.outH(); oh++) {
                int h0 = Math.max(oh * g.sH() - g.pH(), 0), h1 = Math.min(oh * g.sH() - g.pH() + g.kH(), g.inH());
                for (int ow = 0; ow < g.outW(); ow++) {
                    int w0 = Math.max(ow * g.sW() - g.pW(), 0), w1 = Math.min(ow * g.sW() - g.pW() + g.kW(), g.inW());
                    int div = divisor(g, m, oh, ow);
                    if (div == 0) continue;
                    float delta = gradOut[ob + oh * g.outW() + ow] / div;
                    for (int h = h0; h < h1; h++) {
                        for (int w = w0; w < w1; w++) gradIn[ib + h * g.inW() + w] += delta;
                    }
                }
            }
        }
    }

    public static void backward(PoolGeometry g, Mode m, double[] gradOut, double[] gradIn) {
        for (int p = 0; p < g.planes(); p++) {
            int ib = p * g.inPlane(), ob = p * g.outPlane();
            for (int oh = 0; oh < g.outH(); oh++) {
                int h0 = Math.max(oh * g.sH() - g.pH(), 0), h1 = Math.min(oh * g.sH() - g.pH() + g.kH(), g.inH());
                for (int ow = 0; ow < g.outW(); ow++) {
                    int w0 = Math.max(ow * g.sW() - g.pW(), 0), w1 = Math.min(ow * g.sW() - g.pW() + g.kW(), g.inW());
                    int div = divisor(g, m, oh, ow);
                    if (div == 0) continue;
                    double delta = gradOut[ob + oh * g.outW() + ow] / div;
                    for (int h = h0; h < h1; h++) {
                        for (int w = w0; w < w1; w++) gradIn[ib + h * g.inW() + w] += delta;
                    }
                }
            }
        }
    }
}
