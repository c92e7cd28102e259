package dev.ember.nn;

import dev.ember.nn.functional.F;
import dev.ember.nn.functional.IntArg;
import dev.ember.nn.functional.MaxUnpool2dOptions;
import dev.ember.tensor.Tensor;

/** {@code nn.MaxUnpool2d}: puts each value back at its max-pooling index, zeros elsewhere. */
public final class MaxUnpool2d extends Module {
    private final MaxUnpool2dOptions options;

    public MaxUnpool2d(int kernelSize) { this(MaxUnpool2dOptions.of(kernelSize)); }

    /** Stores the arguments as PyTorch does: each becomes a tuple ({@code _pair}). */
    public MaxUnpool2d(MaxUnpool2dOptions options) {
        this.options = new MaxUnpool2dOptions(pair(options.kernelSize()), pair(options.effectiveStride()),
                pair(options.padding()));
    }

    private static IntArg pair(IntArg a) {
        return a.form() == IntArg.Form.INT ? IntArg.tuple(a.values()[0], a.values()[0]) : IntArg.tuple(a.values());
    }

    public MaxUnpool2dOptions options() { return options; }

    public Tensor forward(Tensor input, Tensor indices) { return F.maxUnpool2d(input, indices, options); }

    /** {@code outputSize}: 2 entries (H, W) or 4 (N, C, H, W; only the last two are used). */
    public Tensor forward(Tensor input, Tensor indices, int[] outputSize) {
        return F.maxUnpool2d(input, indices, options, outputSize);
    }

    @Override
    public String extraRepr() {
        return "kernel_size=" + options.kernelSize() + ", stride=" + options.stride() + ", padding=" + options.padding();
    }
}
