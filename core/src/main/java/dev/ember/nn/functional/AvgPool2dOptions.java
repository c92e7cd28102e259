package dev.ember.nn.functional;

/**
 * {@code nn.AvgPool2d}'s arguments with PyTorch's names and defaults: {@code stride=None} (null,
 * meaning the kernel size), {@code padding=0}, {@code ceil_mode=False},
 * {@code count_include_pad=True}, {@code divisor_override=None} (null).
 */
public record AvgPool2dOptions(IntArg kernelSize, IntArg stride, IntArg padding, boolean ceilMode,
                               boolean countIncludePad, Integer divisorOverride) {

    public AvgPool2dOptions {
        java.util.Objects.requireNonNull(kernelSize, "kernel_size");
        java.util.Objects.requireNonNull(padding, "padding");
    }

    public static AvgPool2dOptions of(int... kernelSize) { return of(IntArg.ints(kernelSize)); }

    public static AvgPool2dOptions of(IntArg kernelSize) {
        return new AvgPool2dOptions(kernelSize, null, IntArg.of(0), false, true, null);
    }

    public AvgPool2dOptions stride(int... s) { return stride(IntArg.ints(s)); }

    public AvgPool2dOptions stride(IntArg s) {
        return new AvgPool2dOptions(kernelSize, s, padding, ceilMode, countIncludePad, divisorOverride);
    }

    public AvgPool2dOptions padding(int... p) { return padding(IntArg.ints(p)); }

    public AvgPool2dOptions padding(IntArg p) {
        return new AvgPool2dOptions(kernelSize, stride, p, ceilMode, countIncludePad, divisorOverride);
    }

    public AvgPool2dOptions ceilMode(boolean c) {
        return new AvgPool2dOptions(kernelSize, stride, padding, c, countIncludePad, divisorOverride);
    }

    public AvgPool2dOptions countIncludePad(boolean c) {
        return new AvgPool2dOptions(kernelSize, stride, padding, ceilMode, c, divisorOverride);
    }

    public AvgPool2dOptions divisorOverride(Integer d) {
        return new AvgPool2dOptions(kernelSize, stride, padding, ceilMode, countIncludePad, d);
    }

    public IntArg effectiveStride() { return stride == null ? kernelSize : stride; }
}
