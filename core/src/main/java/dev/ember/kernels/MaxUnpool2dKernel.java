package dev.ember.kernels;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Max unpooling over contiguous planes: each output plane is zero-filled (here, for float) and each input value is
 * written at its index (row-major, so a repeated index keeps the last value). Backward gathers.
 * Both run in parallel over planes only: each plane is written by one thread in the scalar order,
 * so "last write wins" holds exactly as in the single-threaded loop.
 */
public final class MaxUnpool2dKernel {
    private MaxUnpool2dKernel() {}

    /**
     * The position (relative to {@code off}) of the first index outside {@code [0, outPlane)}, or −1 when
     * all are valid. (A position, because −1 is itself an invalid index.)
     */
    public static int firstInvalidIndex(long[] indices, int off, int n, int outPlane) {
        for (int i = 0; i < n; i++) {
            long idx = indices[off + i];
            if (idx < 0 || idx >= outPlane) return i;
        }
        return -1;
    }

    private static int grain(int inPlane) { return Math.max(1, ActivationKernels.GRAIN / Math.max(1, inPlane)); }

    /**
     * Checks and writes in one pass, in parallel over planes. Returns −1, or the position of the first
     * invalid index in row-major order (the output is then partly written and must be dropped), as
     * {@link #firstInvalidIndex} would have found it.
     */
    public static int forwardChecked(float[] in, int inOff, long[] indices, int idxOff, float[] out,
                                      int planes, int inPlane, int outPlane) {
        // per plane: position (within the plane) of its first bad index + 1, 0 when none
        AtomicLongArray badAt = new AtomicLongArray(planes);
        Parallel.forRange(planes, grain(inPlane), (a, b) -> {
            for (int p = a; p < b; p++) {
                int ib = inOff + p * inPlane, xb = idxOff + p * inPlane, ob = p * outPlane;
                java.util.Arrays.fill(out, ob, ob + outPlane, 0f);
                for (int i = 0; i < inPlane; i++) {
                    long idx = indices[xb + i];
                    if (idx < 0 || idx >= outPlane) {
                        badAt.set(p, i + 1L);
                        break;
                    }
                    out[ob + (int) idx] = in[ib + i];
                }
            }
        });
        for (int p = 0; p < planes; p++) {
            long at = badAt.get(p);
            if (at != 0) return p * inPlane + (int) (at - 1);
        }
        return -1;
    }

    public static void forward(float[] in, int inOff, long[] indices, int idxOff, float[] out,
                               int planes, int inPlane, int outPlane) {
        Parallel.forRange(planes, grain(inPlane), (a, b) -> {
            for (int p = a; p < b; p++) {
                int ib = inOff + p * inPlane, xb = idxOff + p * inPlane, ob = p * outPlane;
                java.util.Arrays.fill(out, ob, ob + outPlane, 0f);
                for (int i = 0; i < inPlane; i++) out[ob + (int) indices[xb + i]] = in[ib + i];
            }
        });
    }

    /** The scalar, single-threaded twin. */
    public static void forwardScalar(float[] in, int inOff, long[] indices, int idxOff, float[] out,
                                     int planes, int inPlane, int outPlane) {
        for (int p = 0; p < planes; p++) {
            int ib = inOff + p * inPlane, xb = idxOff + p * inPlane, ob = p * outPlane;
            java.util.Arrays.fill(out, ob, ob + outPlane, 0f);
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
        Parallel.forRange(planes, grain(inPlane), (a, b) -> {
            for (int p = a; p < b; p++) {
                int xb = idxOff + p * inPlane, ob = p * outPlane, ib = p * inPlane;
                for (int i = 0; i < inPlane; i++) gradIn[ib + i] = gradOut[ob + (int) indices[xb + i]];
            }
        });
    }

    public static void backwardScalar(float[] gradOut, long[] indices, int idxOff, float[] gradIn,
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
