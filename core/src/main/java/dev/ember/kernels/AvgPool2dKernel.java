package dev.ember.kernels;

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

    public static void forward(PoolGeometry g, Mode m, float[] in, int inOff, float[] out) {
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

    /** {@code gradIn} must be zero-filled. */
    public static void backward(PoolGeometry g, Mode m, float[] gradOut, float[] gradIn) {
        for (int p = 0; p < g.planes(); p++) {
            int ib = p * g.inPlane(), ob = p * g.outPlane();
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
