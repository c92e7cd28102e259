package dev.ember.kernels;

/**
 * Matrix products on plain arrays: {@code C[m×n] = A[m×k] · B[n×k]ᵀ}, both operands row-major,
 * each output the fused-multiply-add sum over k in ascending order.
 */
public final class Gemm {
    private Gemm() {}

    public static void matmulNT(float[] a, int aOff, float[] b, int bOff, float[] c, int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * k;
            for (int j = 0; j < n; j++) {
                int bj = bOff + j * k;
                float acc = 0f;
                for (int p = 0; p < k; p++) acc = Math.fma(a[ai + p], b[bj + p], acc);
                c[i * n + j] = acc;
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
}
