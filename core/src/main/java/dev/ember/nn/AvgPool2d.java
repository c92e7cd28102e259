package dev.ember.nn;

import dev.ember.nn.functional.AvgPool2dOptions;
import dev.ember.nn.functional.F;
import dev.ember.tensor.Tensor;

/** {@code nn.AvgPool2d}: 2-d average pooling over (C, H, W) or (N, C, H, W) input. */
public final class AvgPool2d extends Module {
    private final AvgPool2dOptions options;

    public AvgPool2d(int kernelSize) { this(AvgPool2dOptions.of(kernelSize)); }

    public AvgPool2d(AvgPool2dOptions options) { this.options = options; }

    public AvgPool2dOptions options() { return options; }

    @Override
    public Tensor forward(Tensor input) { return F.avgPool2d(input, options); }

    /** PyTorch prints only kernel_size, stride and padding for AvgPool2d. */
    @Override
    public String extraRepr() {
        return "kernel_size=" + options.kernelSize() + ", stride=" + options.effectiveStride() + ", padding="
                + options.padding();
    }
}
