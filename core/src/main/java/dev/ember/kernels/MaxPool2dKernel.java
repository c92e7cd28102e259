package dev.ember.kernels;

/**
 * Max pooling over contiguous NCHW planes, as ATen's {@code cpu_max_pool}: each window is scanned
 * row-major from −∞ with the first in-bounds cell's index, replacing on {@code v > max || isNaN(v)};
 * so ties keep the first maximum and any NaN wins (the last NaN's index). Indices are flat within
 * the unpadded plane. Backward scatter-adds each output gradient to its saved index.
 */
public final class MaxPool2dKernel {
    private MaxPool2dKernel() {}

    public static void forward(PoolGeometry g, float[] in, int inOff, float[] out, long[] indices) {
        forwardPlanes(g, in, inOff, out, indices, 0, g.planes());
    }

    public static void forwardPlanes(PoolGeometry g, float[] in, int inOff, float[] out, long[] indices,
                                     int planeFrom, int planeTo) {
        int inPlane = g.inPlane(), outPlane = g.outPlane();
        for (int p = planeFrom; p < planeTo; p++) {
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
                    indices[ob + oh * g.outW() + ow] = maxIndex;
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
                    indices[ob + oh * g.outW() + ow] = maxIndex;
                }
            }
        }
    }

    /** {@code gradIn} must be zero-filled; indices outside the plane (degenerate windows) are dropped. */
    public static void backward(PoolGeometry g, float[] gradOut, long[] indices, float[] gradIn) {
        int inPlane = g.inPlane(), outPlane = g.outPlane();
        for (int p = 0; p < g.planes(); p++) {
            int ib = p * inPlane, ob = p * outPlane;
            for (int o = 0; o < outPlane; o++) {
                long idx = indices[ob + o];
                if (idx >= 0 && idx < inPlane) gradIn[ib + (int) idx] += gradOut[ob + o];
            }
        }
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
