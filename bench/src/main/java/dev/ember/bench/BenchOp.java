package dev.ember.bench;

import java.util.List;

/**
 * The benchmark set of the issue "Fast": each op with its input shape and the work one call does,
 * in logical bytes moved (pooling, elementwise) or floating-point operations (Linear). Every
 * harness (Ember, DJL, ONNX Runtime) looks the op up here by {@link #id}, so all columns time the
 * same thing.
 */
public enum BenchOp {
    MAXPOOL2_BIG("MaxPool2d(2,2)", Kind.POOL, new int[] {32, 64, 112, 112}, 2, 2, 0),
    MAXPOOL3_BIG("MaxPool2d(3,s2,p1)", Kind.POOL, new int[] {32, 64, 112, 112}, 3, 2, 1),
    MAXPOOL2_IMG("MaxPool2d(2,2)", Kind.POOL, new int[] {1, 3, 512, 512}, 2, 2, 0),
    MAXPOOL3_IMG("MaxPool2d(3,s2,p1)", Kind.POOL, new int[] {1, 3, 512, 512}, 3, 2, 1),
    MAXUNPOOL("MaxPool2d(2,2,idx)+MaxUnpool2d(2,2)", Kind.UNPOOL, new int[] {32, 64, 56, 56}, 2, 2, 0),
    AVGPOOL2_BIG("AvgPool2d(2,2)", Kind.POOL, new int[] {32, 64, 112, 112}, 2, 2, 0),
    AVGPOOL3_BIG("AvgPool2d(3,2,1,cip=False)", Kind.POOL, new int[] {32, 64, 112, 112}, 3, 2, 1),
    LINEAR_256("Linear 256x1024->1024", Kind.LINEAR, new int[] {256, 1024, 1024}, 0, 0, 0),
    LINEAR_4096("Linear 4096x4096->4096", Kind.LINEAR, new int[] {4096, 4096, 4096}, 0, 0, 0),
    LINEAR_1X4096("Linear 1x4096->4096", Kind.LINEAR, new int[] {1, 4096, 4096}, 0, 0, 0),
    LINEAR_1X3("Linear 1x3->4", Kind.LINEAR, new int[] {1, 3, 4}, 0, 0, 0),
    RELU("ReLU", Kind.ELEMENTWISE, new int[] {32, 64, 112, 112}, 0, 0, 0),
    LEAKYRELU("LeakyReLU", Kind.ELEMENTWISE, new int[] {32, 64, 112, 112}, 0, 0, 0),
    SIGMOID("Sigmoid", Kind.ELEMENTWISE, new int[] {32, 64, 112, 112}, 0, 0, 0),
    TANH("Tanh", Kind.ELEMENTWISE, new int[] {32, 64, 112, 112}, 0, 0, 0),
    PRELU("PReLU(64)", Kind.ELEMENTWISE, new int[] {32, 64, 112, 112}, 0, 0, 0),
    RRELU_EVAL("RReLU eval", Kind.ELEMENTWISE, new int[] {32, 64, 112, 112}, 0, 0, 0),
    RRELU_TRAIN("RReLU train", Kind.ELEMENTWISE, new int[] {32, 64, 112, 112}, 0, 0, 0);

    public enum Kind { POOL, UNPOOL, LINEAR, ELEMENTWISE }

    public final String label;
    public final Kind kind;
    /** Input shape (N, C, H, W); for Linear (rows, in, out). */
    public final int[] shape;
    public final int k, s, p;

    BenchOp(String label, Kind kind, int[] shape, int k, int s, int p) {
        this.label = label;
        this.kind = kind;
        this.shape = shape;
        this.k = k;
        this.s = s;
        this.p = p;
    }

    public String id() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static BenchOp of(String id) { return valueOf(id.toUpperCase(java.util.Locale.ROOT)); }

    public String shapeText() {
        if (kind == Kind.LINEAR) return shape[0] + "x" + shape[1] + "->" + shape[2];
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shape.length; i++) b.append(i == 0 ? "" : "x").append(shape[i]);
        return b.toString();
    }

    public long inputElements() {
        if (kind == Kind.LINEAR) return (long) shape[0] * shape[1];
        long n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    int outSize(int in) { return (in + 2 * p - k) / s + 1; }

    public long outputElements() {
        return switch (kind) {
            case POOL -> (long) shape[0] * shape[1] * outSize(shape[2]) * outSize(shape[3]);
            case UNPOOL, ELEMENTWISE -> inputElements();
            case LINEAR -> (long) shape[0] * shape[2];
        };
    }

    /** Whether the table reports GFLOP/s (Linear) rather than GB/s. */
    public boolean flopsBound() { return kind == Kind.LINEAR; }

    /**
     * Work of one call: for Linear 2·m·k·n flops forward (three such products with backward); for the
     * rest the logical bytes (float32 read once, written once; int64 indices where they are part of
     * the op's output): forward reads the input and writes the output; backward adds the gradient of
     * the output (written as ones, then read), the saved tensor read and the input gradient written.
     */
    public double work(boolean backward) {
        if (kind == Kind.LINEAR) {
            double f = 2.0 * shape[0] * shape[1] * shape[2];
            return backward ? 3 * f : f;
        }
        long in = inputElements(), out = outputElements();
        double fwd = switch (kind) {
            case POOL, ELEMENTWISE -> 4.0 * (in + out);
            case UNPOOL -> { // pool with indices (read in, write values + int64 indices), unpool (read both, write out)
                long pooled = in / 4;
                yield 4.0 * in + 12.0 * pooled + 12.0 * pooled + 4.0 * in;
            }
            case LINEAR -> 0;
        };
        if (!backward) return fwd;
        double bwd = 4.0 * out * 2 + 4.0 * in; // grad_out written and read, grad_in written
        bwd += kind == Kind.ELEMENTWISE ? 4.0 * in : 8.0 * out; // saved input/output, or saved indices
        return fwd + bwd;
    }

    public static List<BenchOp> all() { return List.of(values()); }
}
