package dev.ember.nn;

import dev.ember.nn.functional.F;
import dev.ember.nn.functional.MaxPool2dOptions;
import dev.ember.nn.functional.PoolResult;
import dev.ember.tensor.Tensor;

/** {@code nn.MaxPool2d}: 2-d max pooling over (C, H, W) or (N, C, H, W) input. */
public final class MaxPool2d extends Module {
    private final MaxPool2dOptions options;

    public MaxPool2d(int kernelSize) { this(MaxPool2dOptions.of(kernelSize)); }

    public MaxPool2d(MaxPool2dOptions options) { this.options = options; }

    public MaxPool2dOptions options() { return options; }

    /** The pooled values (with {@code return_indices} use {@link #forwardWithIndices}). */
    @Override
    public Tensor forward(Tensor input) { return F.maxPool2d(input, options); }

    /** {@code (values, indices)}, as PyTorch returns with {@code return_indices=True}. */
    public PoolResult forwardWithIndices(Tensor input) { return F.maxPool2dWithIndices(input, options); }

    @Override
    public String extraRepr() {
        return "kernel_size=" + options.kernelSize() + ", stride=" + options.effectiveStride() + ", padding="
                + options.padding() + ", dilation=" + options.dilation() + ", ceil_mode="
                + (options.ceilMode() ? "True" : "False");
    }
}
