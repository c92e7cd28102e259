package dev.ember.nn.functional;

/**
 * {@code nn.MaxPool2d}'s arguments with PyTorch's names and defaults: {@code stride=None} (null,
 * meaning the kernel size), {@code padding=0}, {@code dilation=1}, {@code return_indices=False},
 * {@code ceil_mode=False}. Withers return modified copies:
 * {@code MaxPool2dOptions.of(3).stride(2).padding(1)}.
 */
public record MaxPool2dOptions(IntArg kernelSize, IntArg stride, IntArg padding, IntArg dilation,
                               boolean returnIndices, boolean ceilMode) {

    public MaxPool2dOptions {
        java.util.Objects.requireNonNull(kernelSize, "kernel_size");
        java.util.Objects.requireNonNull(padding, "padding");
        java.util.Objects.requireNonNull(dilation, "dilation");
    }

    /** One int is {@code kernel_size=k}; two are the tuple {@code (kH, kW)}. */
    public static MaxPool2dOptions of(int... kernelSize) { return of(IntArg.ints(kernelSize)); }

    public static MaxPool2dOptions of(IntArg kernelSize) {
        return new MaxPool2dOptions(kernelSize, null, IntArg.of(0), IntArg.of(1), false, false);
    }

    public MaxPool2dOptions stride(int... s) { return stride(IntArg.ints(s)); }

    public MaxPool2dOptions stride(IntArg s) {
        return new MaxPool2dOptions(kernelSize, s, padding, dilation, returnIndices, ceilMode);
    }

    public MaxPool2dOptions padding(int... p) { return padding(IntArg.ints(p)); }

    public MaxPool2dOptions padding(IntArg p) {
        return new MaxPool2dOptions(kernelSize, stride, p, dilation, returnIndices, ceilMode);
    }

    public MaxPool2dOptions dilation(int... d) { return dilation(IntArg.ints(d)); }

    public MaxPool2dOptions dilation(IntArg d) {
        return new MaxPool2dOptions(kernelSize, stride, padding, d, returnIndices, ceilMode);
    }

    public MaxPool2dOptions returnIndices(boolean r) {
        return new MaxPool2dOptions(kernelSize, stride, padding, dilation, r, ceilMode);
    }

    public MaxPool2dOptions ceilMode(boolean c) {
        return new MaxPool2dOptions(kernelSize, stride, padding, dilation, returnIndices, c);
    }

    /** The stride as stored by the module: the kernel_size object when none was given. */
    public IntArg effectiveStride() { return stride == null ? kernelSize : stride; }
}
