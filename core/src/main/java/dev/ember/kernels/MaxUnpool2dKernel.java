package dev.ember.kernels;

/**
 * Max unpooling over contiguous planes: the output plane is zero-filled and each input value is
 * written at its index (row-major, so a repeated index keeps the last value). Backward gathers.
 */
public final class MaxUnpool2dKernel {
    private MaxUnpool2dKernel() {}

    /**
     * The position (relative to {@code off}) of the first index outside {@code [0, outPlane)}, or −1 when
     * all are valid; checked before any write. (A position, because −1 is itself an invalid index.)
     */
    public static int firstInvalidIndex(long[] indices, int off, int n, int outPlane) {
        for (int i = 0; i < n; i++) {
            long idx = indices[off + i];
            if (idx < 0 || idx >= outPlane) return i;
        }
        return -1;
    }

    public static void forward(float[] in, int inOff, long[] indices, int idxOff, float[] out,
                               int planes, int inPlane, int outPlane) {
        for (int p = 0; p < planes; p++) {
            int ib = inOff + p * inPlane, xb = idxOff + p * inPlane, ob = p * outPlane;
            for (int i = 0; i < inPlane; i++) out[ob + (int) indices[xb + i]] = in[ib + i];
        }
    }

    public static void forward(double[] in, int inOff, long[] indices, int idxOff, double[] out,
                               int planes, int inPlane, int outPlane) {
        for (int p = 0; p < planes; p++) {
            int ib = inOff + p * inPlane, xb = idxOff + p * inPlane, ob = p * outPlane;
            for (int i = 0; i < inPlane; i++) out[ob + (int) indices[xb + i]] = in[ib + i];
        }
    }

    public static void backward(float[] gradOut, long[] indices, int idxOff, float[] gradIn,
                                int planes, int inPlane, int outPlane) {
        for (int p = 0; p < planes; p++) {
            int xb = idxOff + p * inPlane, ob = p * outPlane, ib = p * inPlane;
            for (int i = 0; i < inPlane; i++) gradIn[ib + i] = gradOut[ob + (int) indices[xb + i]];
        }
    }

    public static void backward(double[] gradOut, long[] indices, int idxOff, double[] gradIn,
                                int planes, int inPlane, int outPlane) {
        for (int p = 0; p < planes; p++) {
            int xb = idxOff + p * inPlane, ob = p * outPlane, ib = p * inPlane;
            for (int i = 0; i < inPlane; i++) gradIn[ib + i] = gradOut[ob + (int) indices[xb + i]];
        }
    }
}
