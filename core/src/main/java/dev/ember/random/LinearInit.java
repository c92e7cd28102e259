package dev.ember.random;

/**
 * The bounds {@code nn.Linear.reset_parameters()} passes to {@code uniform_}, computed with
 * torch's double arithmetic step by step (pytorch-semantics.md §13). Draw order: the weight
 * ({@code out × in}, row-major) with {@code uniform_(−w, w)}, then the bias ({@code out}) with
 * {@code uniform_(−b, b)}; a zero-element weight draws nothing, a bias with bound 0 still draws.
 */
public final class LinearInit {
    private LinearInit() {}

    /**
     * {@code kaiming_uniform_(w, a=sqrt(5))} bound for fan-in {@code fanIn}:
     * {@code gain = sqrt(2 / (1 + a·a))}, {@code bound = sqrt(3) · (gain / sqrt(fanIn))}.
     * Not the same double as {@code 1/sqrt(fanIn)} (fan-in 3: 0.5773502691896257 vs …258).
     */
    public static double kaimingUniformBound(long fanIn) {
        return kaimingUniformBound(fanIn, Math.sqrt(5.0));
    }

    /** {@code kaiming_uniform_(w, a)} bound with {@code mode='fan_in', nonlinearity='leaky_relu'}. */
    public static double kaimingUniformBound(long fanIn, double a) {
        double gain = Math.sqrt(2.0 / (1 + a * a));
        double std = gain / Math.sqrt((double) fanIn);
        return Math.sqrt(3.0) * std;
    }

    /** The Linear bias bound: {@code 1 / sqrt(fanIn)}, or 0 when {@code fanIn == 0}. */
    public static double linearBiasBound(long fanIn) {
        return fanIn > 0 ? 1 / Math.sqrt((double) fanIn) : 0.0;
    }

    /**
     * Fills a float32 Linear layer exactly as {@code nn.Linear(in, out)} does after the same
     * seed: {@code weight[out·in]} row-major, then {@code bias[out]} (pass {@code null} for
     * {@code bias=False}).
     */
    public static void resetParameters(Generator g, float[] weight, float[] bias, int in, int out) {
        if ((long) in * out != 0) {
            double w = kaimingUniformBound(in);
            RandomKernels.uniform(g, weight, 0, in * out, -w, w);
        }
        if (bias != null) {
            double b = linearBiasBound(in);
            RandomKernels.uniform(g, bias, 0, out, -b, b);
        }
    }
}
