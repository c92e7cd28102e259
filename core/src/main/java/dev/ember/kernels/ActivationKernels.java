package dev.ember.kernels;

/**
 * Elementwise activations on contiguous arrays, forward next to backward, with ATen's comparisons:
 * ReLU maps {@code x < 0} to +0 and its backward tests the output ({@code y <= 0 → 0}); the leaky
 * family tests {@code x > 0}, so x = 0, −0 and NaN take the slope branch in backward.
 */
public final class ActivationKernels {
    private ActivationKernels() {}

    // ReLU --------------------------------------------------------------------------------------
    public static void relu(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            y[yOff + i] = v < 0 ? 0f : v;
        }
    }

    public static void relu(double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            double v = x[xOff + i];
            y[yOff + i] = v < 0 ? 0.0 : v;
        }
    }

    public static void relu(long[] x, int xOff, long[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Math.max(x[xOff + i], 0L);
    }

    public static void reluBackward(float[] g, float[] y, int yOff, float[] gx, int n) {
        for (int i = 0; i < n; i++) gx[i] = y[yOff + i] <= 0 ? 0f : g[i];
    }

    public static void reluBackward(double[] g, double[] y, int yOff, double[] gx, int n) {
        for (int i = 0; i < n; i++) gx[i] = y[yOff + i] <= 0 ? 0.0 : g[i];
    }

    // LeakyReLU (also RReLU in eval mode) ---------------------------------------------------------
    public static void leakyRelu(float[] x, int xOff, float[] y, int yOff, int n, float slope) {
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            y[yOff + i] = v > 0 ? v : v * slope;
        }
    }

    public static void leakyRelu(double[] x, int xOff, double[] y, int yOff, int n, double slope) {
        for (int i = 0; i < n; i++) {
            double v = x[xOff + i];
            y[yOff + i] = v > 0 ? v : v * slope;
        }
    }

    /** {@code x} is the input (or, for the in-place variant, the output: same sign for a positive slope). */
    public static void leakyReluBackward(float[] g, float[] x, int xOff, float[] gx, int n, float slope) {
        for (int i = 0; i < n; i++) gx[i] = x[xOff + i] > 0 ? g[i] : g[i] * slope;
    }

    public static void leakyReluBackward(double[] g, double[] x, int xOff, double[] gx, int n, double slope) {
        for (int i = 0; i < n; i++) gx[i] = x[xOff + i] > 0 ? g[i] : g[i] * slope;
    }

    // PReLU: weight w[c] for channel c = (i / inner) % channels -----------------------------------
    public static void prelu(float[] x, int xOff, float[] w, float[] y, int n, int channels, int inner) {
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            y[i] = v > 0 ? v : w[(i / inner) % channels] * v;
        }
    }

    public static void prelu(double[] x, int xOff, double[] w, double[] y, int n, int channels, int inner) {
        for (int i = 0; i < n; i++) {
            double v = x[xOff + i];
            y[i] = v > 0 ? v : w[(i / inner) % channels] * v;
        }
    }

    /** Input gradient into {@code gx} and weight gradient accumulated (in double, then rounded) into {@code gw}. */
    public static void preluBackward(float[] g, float[] x, int xOff, float[] w, float[] gx, float[] gw,
                                     int n, int channels, int inner) {
        double[] acc = new double[channels];
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            int c = (i / inner) % channels;
            if (v > 0) {
                gx[i] = g[i];
            } else {
                gx[i] = w[c] * g[i];
                acc[c] += v * g[i];
            }
        }
        for (int c = 0; c < channels; c++) gw[c] = (float) acc[c];
    }

    public static void preluBackward(double[] g, double[] x, int xOff, double[] w, double[] gx, double[] gw,
                                     int n, int channels, int inner) {
        for (int c = 0; c < channels; c++) gw[c] = 0;
        for (int i = 0; i < n; i++) {
            double v = x[xOff + i];
            int c = (i / inner) % channels;
            if (v > 0) {
                gx[i] = g[i];
            } else {
                gx[i] = w[c] * g[i];
                gw[c] += v * g[i];
            }
        }
    }

    // Sigmoid and Tanh --------------------------------------------------------------------------
    public static void sigmoid(float[] x, int xOff, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = (float) (1.0 / (1.0 + Math.exp(-(double) x[xOff + i])));
    }

    public static void sigmoid(double[] x, int xOff, double[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = 1.0 / (1.0 + Math.exp(-x[xOff + i]));
    }

    /** ATen's order, {@code (g·(1−y))·y}, which makes it bit-exact given the same forward. */
    public static void sigmoidBackward(float[] g, float[] y, float[] gx, int n) {
        for (int i = 0; i < n; i++) gx[i] = (g[i] * (1f - y[i])) * y[i];
    }

    public static void sigmoidBackward(double[] g, double[] y, double[] gx, int n) {
        for (int i = 0; i < n; i++) gx[i] = (g[i] * (1.0 - y[i])) * y[i];
    }

    public static void tanh(float[] x, int xOff, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = (float) Math.tanh(x[xOff + i]);
    }

    public static void tanh(double[] x, int xOff, double[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = Math.tanh(x[xOff + i]);
    }

    /** ATen's {@code g · fma(−y, y, 1)}; plain {@code g·(1−y·y)} differs in most last bits. */
    public static void tanhBackward(float[] g, float[] y, float[] gx, int n) {
        for (int i = 0; i < n; i++) gx[i] = g[i] * Math.fma(-y[i], y[i], 1f);
    }

    public static void tanhBackward(double[] g, double[] y, double[] gx, int n) {
        for (int i = 0; i < n; i++) gx[i] = g[i] * Math.fma(-y[i], y[i], 1.0);
    }

    // Gradient times saved noise (RReLU training) --------------------------------------------------
    public static void mul(float[] a, float[] b, float[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = a[i] * b[i];
    }

    public static void mul(double[] a, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = a[i] * b[i];
    }
}
