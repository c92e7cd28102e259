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
        Parallel.forRange(units, Math.max(1, ActivationKernels.GRAIN / rowCost),
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
        for (int u = from; u < to; u++) {
            int p = u / outH, oh = u % outH;
            int ib = inOff + p * g.inPlane(), ob = p * g.outPlane() + oh * outW;
            int h0 = oh * g.sH() - g.pH();
            int h1 = Math.min(h0 + (g.kH() - 1) * g.dH() + 1, g.inH());
            while (h0 < 0) h0 += g.dH();
            int ow = 0;
            if (vector) {
                for (; ow < owLo; ow++) cell(g, in, ib, out, indices, ob, h0, h1, ow);
                IntVector col0 = IOTA.mul(sW);
                for (; ow + vl <= owHi; ow += vl) {
                    int w0 = ow * sW - pW;
                    // the stride-2 path reads one vector past its last cell: stay inside the array
                    if (sW == 2 && ib + (h1 - 1) * inW + w0 + kW - 1 + 2 * vl > in.length) break;
                    IntVector col = col0.add(w0);
                    FloatVector max = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
                    IntVector idx = col.add(h0 * inW);
                    for (int h = h0; h < h1; h += g.dH()) {
                        int rowBase = ib + h * inW + w0;
                        for (int j = 0; j < kW; j++) {
                            FloatVector v;
                            if (sW == 1) {
                                v = FloatVector.fromArray(F, in, rowBase + j);
                            } else {
                                FloatVector lo = FloatVector.fromArray(F, in, rowBase + j);
                                FloatVector hi = FloatVector.fromArray(F, in, rowBase + j + vl);
                                v = EVEN.selectFrom(lo, hi);
                            }
                            VectorMask<Float> m = v.compare(VectorOperators.GT, max).or(v.test(VectorOperators.IS_NAN));
                            max = max.blend(v, m);
                            if (indices != null) idx = idx.blend(col.add(h * inW + j), m.cast(I));
                        }
                    }
                    max.intoArray(out, ob + ow);
                    if (indices != null) {
                        int half = vl / 2;
                        ((LongVector) idx.convertShape(VectorOperators.I2L, Simd.L, 0)).intoArray(indices, ob + ow);
                        ((LongVector) idx.convertShape(VectorOperators.I2L, Simd.L, 1)).intoArray(indices, ob + ow + half);
                    }
                }
            }
            for (; ow < outW; ow++) cell(g, in, ib, out, indices, ob, h0, h1, ow);
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

    /** {@code gradIn} must be zero-filled; indices outside the plane (degenerate windows) are dropped. */
    public static void backward(PoolGeometry g, float[] gradOut, long[] indices, float[] gradIn) {
        int grain = Math.max(1, ActivationKernels.GRAIN / Math.max(1, g.inPlane()));
        Parallel.forRange(g.planes(), grain, (a, b) -> backwardPlanes(g, gradOut, indices, gradIn, a, b));
    }

    static void backwardPlanes(PoolGeometry g, float[] gradOut, long[] indices, float[] gradIn, int from, int to) {
        int inPlane = g.inPlane(), outPlane = g.outPlane();
        for (int p = from; p < to; p++) {
            int ib = p * inPlane, ob = p * outPlane;
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
