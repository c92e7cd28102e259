package dev.ember.nn.functional;

/**
 * {@code nn.MaxUnpool2d}'s arguments: {@code kernel_size}, {@code stride=None} (the kernel size),
 * {@code padding=0}. PyTorch stores them as 2-tuples, so they print as {@code (2, 2)}.
 */
public record MaxUnpool2dOptions(IntArg kernelSize, IntArg stride, IntArg padding) {

    public MaxUnpool2dOptions {
        java.util.Objects.requireNonNull(kernelSize, "kernel_size");
        java.util.Objects.requireNonNull(padding, "padding");
    }

    public static MaxUnpool2dOptions of(int... kernelSize) { return of(IntArg.ints(kernelSize)); }

    public static MaxUnpool2dOptions of(IntArg kernelSize) { return new MaxUnpool2dOptions(kernelSize, null, IntArg.of(0)); }

    public MaxUnpool2dOptions stride(int... s) { return stride(IntArg.ints(s)); }

    public MaxUnpool2dOptions stride(IntArg s) { return new MaxUnpool2dOptions(kernelSize, s, padding); }

    public MaxUnpool2dOptions padding(int... p) { return padding(IntArg.ints(p)); }

    public MaxUnpool2dOptions padding(IntArg p) { return new MaxUnpool2dOptions(kernelSize, stride, p); }

    /**
     * PyTorch's {@code stride if stride is not None else kernel_size}: only a missing stride (or an empty
     * sequence) means the kernel size; an explicit 0 is kept, as in 1.13.1.
     */
    public IntArg effectiveStride() {
        return stride == null || stride.length() == 0 ? kernelSize : stride;
    }
}
