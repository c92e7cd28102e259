package dev.ember.nn;

import dev.ember.tensor.GradMode;
import dev.ember.tensor.Tensor;

/** {@code torch.nn.init}: in-place initialisers with PyTorch's gain and fan rules. */
public final class Init {
    private Init() {}

    private static final java.util.SplittableRandom TEMPORARY = new java.util.SplittableRandom(0);

    /** Fills {@code t} with uniform values in [a, b) from the default generator. */
    public static Tensor uniform_(Tensor t, double a, double b) {
        try (var s = GradMode.noGrad()) {
            Tensor d = t.detach();
            float[] v = new float[d.numel()];
            for (int i = 0; i < v.length; i++) v[i] = (float) (a + (b - a) * TEMPORARY.nextDouble());
            d.copy_(Tensor.wrap(v, d.sizes()));
        }
        return t;
    }

    /** Kaiming-uniform with leaky-ReLU gain for slope {@code a}, fan-in mode. */
    public static Tensor kaimingUniform_(Tensor t, double a) {
        if (t.numel() == 0) return t;
        int fanIn = t.dim() < 2 ? 0 : t.numel() / t.size(0);
        double gain = Math.sqrt(2.0 / (1 + a * a));
        double std = gain / Math.sqrt(fanIn);
        double bound = Math.sqrt(3.0) * std;
        return uniform_(t, -bound, bound);
    }
}
