package dev.ember.nn.functional;

import dev.ember.tensor.Tensor;

/**
 * {@code torch.nn.functional} for Ember's layers: one entry point per op, delegating to the
 * pooling, activation and linear families.
 */
public final class F {
    private F() {}

    public static Tensor maxPool2d(Tensor input, MaxPool2dOptions options) { return Pooling.maxPool2d(input, options); }

    public static Tensor maxPool2d(Tensor input, int kernelSize) { return maxPool2d(input, MaxPool2dOptions.of(kernelSize)); }

    /** {@code F.max_pool2d(..., return_indices=True)}. */
    public static PoolResult maxPool2dWithIndices(Tensor input, MaxPool2dOptions options) {
        return Pooling.maxPool2dWithIndices(input, options);
    }

    public static Tensor avgPool2d(Tensor input, AvgPool2dOptions options) { return Pooling.avgPool2d(input, options); }

    public static Tensor avgPool2d(Tensor input, int kernelSize) { return avgPool2d(input, AvgPool2dOptions.of(kernelSize)); }

    public static Tensor maxUnpool2d(Tensor input, Tensor indices, MaxUnpool2dOptions options) {
        return Pooling.maxUnpool2d(input, indices, options, null);
    }

    public static Tensor maxUnpool2d(Tensor input, Tensor indices, MaxUnpool2dOptions options, int[] outputSize) {
        return Pooling.maxUnpool2d(input, indices, options, outputSize);
    }

    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        return LinearFunctional.linear(input, weight, bias);
    }

    public static Tensor relu(Tensor input) { return Activations.relu(input); }

    public static Tensor relu_(Tensor input) { return Activations.relu_(input); }

    public static Tensor leakyRelu(Tensor input) { return Activations.leakyRelu(input, 0.01); }

    public static Tensor leakyRelu(Tensor input, double negativeSlope) { return Activations.leakyRelu(input, negativeSlope); }

    public static Tensor leakyRelu_(Tensor input, double negativeSlope) { return Activations.leakyRelu_(input, negativeSlope); }

    public static Tensor prelu(Tensor input, Tensor weight) { return Activations.prelu(input, weight); }

    /** {@code F.rrelu}: random slopes in training (default generator), the mean slope in eval. */
    public static Tensor rrelu(Tensor input, double lower, double upper, boolean training) {
        return training ? Activations.rreluTrain(input, lower, upper, false) : Activations.rreluEval(input, lower, upper);
    }

    /** In place; see {@link #rrelu}. */
    public static Tensor rrelu_(Tensor input, double lower, double upper, boolean training) {
        return training ? Activations.rreluTrain(input, lower, upper, true) : Activations.rreluEval_(input, lower, upper);
    }

    public static Tensor sigmoid(Tensor input) { return Activations.sigmoid(input); }

    public static Tensor tanh(Tensor input) { return Activations.tanh(input); }
}
