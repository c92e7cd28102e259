package dev.ember.nn;

import dev.ember.random.Generator;
import dev.ember.tensor.GradMode;
import dev.ember.tensor.Tensor;

/**
 * {@code torch.nn.init}: in-place initialisers with PyTorch 1.13.1's gain and fan rules, drawing from
 * the default generator (or the one given) in the same order as PyTorch.
 */
public final class Init {
    private Init() {}

    /** Fan-in or fan-out, as the {@code mode} argument of the kaiming initialisers. */
    public enum FanMode { FAN_IN, FAN_OUT }

    public static Tensor uniform_(Tensor t, double a, double b) { return uniform_(t, a, b, Generator.defaultGenerator()); }

    public static Tensor uniform_(Tensor t, double a, double b, Generator g) {
        try (var s = GradMode.noGrad()) {
            t.uniform_(a, b, g);
        }
        return t;
    }

    public static Tensor normal_(Tensor t, double mean, double std) {
        return normal_(t, mean, std, Generator.defaultGenerator());
    }

    public static Tensor normal_(Tensor t, double mean, double std, Generator g) {
        try (var s = GradMode.noGrad()) {
            t.normal_(mean, std, g);
        }
        return t;
    }

    public static Tensor constant_(Tensor t, double value) {
        try (var s = GradMode.noGrad()) {
            t.fill_(value);
        }
        return t;
    }

    public static Tensor zeros_(Tensor t) { return constant_(t, 0); }

    public static Tensor ones_(Tensor t) { return constant_(t, 1); }

    /**
     * {@code calculate_gain}: linear/conv/sigmoid 1, tanh 5/3, relu √2, leaky_relu √(2/(1+slope²))
     * (slope 0.01 when {@code param} is null), selu 3/4.
     */
    public static double calculateGain(String nonlinearity, Double param) {
        return switch (nonlinearity) {
            case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d",
                 "sigmoid" -> 1;
            case "tanh" -> 5.0 / 3;
            case "relu" -> Math.sqrt(2.0);
            case "leaky_relu" -> {
                double slope = param == null ? 0.01 : param;
                yield Math.sqrt(2.0 / (1 + slope * slope));
            }
            case "selu" -> 3.0 / 4;
            default -> throw new IllegalArgumentException("Unsupported nonlinearity " + nonlinearity);
        };
    }

    /** {@code _calculate_fan_in_and_fan_out}: {fan_in, fan_out} of a tensor of rank ≥ 2. */
    public static int[] fanInAndFanOut(Tensor t) {
        if (t.dim() < 2) {
            throw new IllegalArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 "
                    + "dimensions");
        }
        int receptive = 1;
        for (int d = 2; d < t.dim(); d++) receptive *= t.size(d);
        return new int[] {t.size(1) * receptive, t.size(0) * receptive};
    }

    /** {@code kaiming_uniform_(t, a, mode='fan_in', nonlinearity='leaky_relu')}; a no-op on empty tensors. */
    public static Tensor kaimingUniform_(Tensor t, double a) { return kaimingUniform_(t, a, FanMode.FAN_IN, "leaky_relu"); }

    public static Tensor kaimingUniform_(Tensor t, double a, FanMode mode, String nonlinearity) {
        if (t.numel() == 0) return t;
        double std = calculateGain(nonlinearity, a) / Math.sqrt(fan(t, mode));
        double bound = Math.sqrt(3.0) * std;
        return uniform_(t, -bound, bound);
    }

    public static Tensor kaimingNormal_(Tensor t, double a) { return kaimingNormal_(t, a, FanMode.FAN_IN, "leaky_relu"); }

    public static Tensor kaimingNormal_(Tensor t, double a, FanMode mode, String nonlinearity) {
        if (t.numel() == 0) return t;
        double std = calculateGain(nonlinearity, a) / Math.sqrt(fan(t, mode));
        return normal_(t, 0, std);
    }

    public static Tensor xavierUniform_(Tensor t) { return xavierUniform_(t, 1.0); }

    public static Tensor xavierUniform_(Tensor t, double gain) {
        int[] f = fanInAndFanOut(t);
        double std = gain * Math.sqrt(2.0 / (double) (f[0] + f[1]));
        double a = Math.sqrt(3.0) * std;
        return uniform_(t, -a, a);
    }

    public static Tensor xavierNormal_(Tensor t) { return xavierNormal_(t, 1.0); }

    public static Tensor xavierNormal_(Tensor t, double gain) {
        int[] f = fanInAndFanOut(t);
        double std = gain * Math.sqrt(2.0 / (double) (f[0] + f[1]));
        return normal_(t, 0, std);
    }

    private static int fan(Tensor t, FanMode mode) {
        int[] f = fanInAndFanOut(t);
        return mode == FanMode.FAN_IN ? f[0] : f[1];
    }
}
