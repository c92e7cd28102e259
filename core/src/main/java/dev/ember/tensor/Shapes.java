package dev.ember.tensor;

import java.util.StringJoiner;

/** Shape arithmetic shared by tensors and ops: element counts, strides, broadcasting, dim wrapping. */
public final class Shapes {
    /** Java arrays hold at most this many elements. */
    public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private Shapes() {}

    /** Element count; refuses negative dimensions and counts a Java array cannot hold. */
    public static int numel(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(
                        "Trying to create tensor with negative dimension " + d + ": " + str(shape));
            }
            n *= d;
            if (n > MAX_ELEMENTS) {
                throw new IllegalArgumentException("tensor of shape " + str(shape)
                        + " has more elements than a Java array can hold (" + MAX_ELEMENTS + ")");
            }
        }
        return (int) n;
    }

    public static int[] contiguousStrides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= Math.max(shape[i], 1);
        }
        return s;
    }

    /** Wraps a possibly negative dim into [0, rank), with PyTorch's IndexError text. */
    public static int wrapDim(int dim, int rank) {
        int r = Math.max(rank, 1);
        if (dim < -r || dim >= r) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of ["
                    + (-r) + ", " + (r - 1) + "], but got " + dim + ")");
        }
        return dim < 0 ? dim + r : dim;
    }

    public static int[] broadcast(int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = n - 1; i >= 0; i--) { // trailing dims first, as ATen's infer_size reports them
            int da = i - (n - a.length) >= 0 ? a[i - (n - a.length)] : 1;
            int db = i - (n - b.length) >= 0 ? b[i - (n - b.length)] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("The size of tensor a (" + da + ") must match the size of tensor b ("
                        + db + ") at non-singleton dimension " + i);
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** {@code [1, 3, 512, 512]}, as PyTorch prints a size list. */
    public static String str(int[] shape) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (int d : shape) j.add(Integer.toString(d));
        return j.toString();
    }

}
