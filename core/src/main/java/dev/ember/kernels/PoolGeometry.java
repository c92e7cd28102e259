package dev.ember.kernels;

/**
 * The shape of a 2-d pooling over {@code planes} independent (n, c) planes of {@code inH × inW}
 * cells, producing {@code outH × outW} cells per plane. Windows start at {@code o·stride − pad}
 * and step by {@code dilation}.
 */
public record PoolGeometry(int planes, int inH, int inW, int outH, int outW,
                           int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW) {

    public int inPlane() { return inH * inW; }

    public int outPlane() { return outH * outW; }

    /**
     * PyTorch's {@code pooling_output_shape}: floor or ceil of the span over the stride, plus one; in
     * ceil mode the last window must start inside the input or the left padding.
     */
    public static long outputSize(long in, long k, long pad, long stride, long dilation, boolean ceilMode) {
        long span = in + 2 * pad - dilation * (k - 1) - 1 + (ceilMode ? stride - 1 : 0);
        long out = Math.floorDiv(span, stride) + 1;
        if (ceilMode && (out - 1) * stride >= in + pad) out--;
        return out;
    }
}
