package dev.ember.tensor;

import java.util.Arrays;

/** A tensor shape; prints as PyTorch prints {@code torch.Size}. */
public record Size(int[] dims) {
    public Size {
        dims = dims.clone();
    }

    public static Size of(int... dims) { return new Size(dims); }

    public int get(int i) { return dims[i]; }

    public int rank() { return dims.length; }

    @Override
    public int[] dims() { return dims.clone(); }

    public long numel() { return Shapes.numel(dims); }

    @Override
    public boolean equals(Object o) { return o instanceof Size s && Arrays.equals(dims, s.dims); }

    @Override
    public int hashCode() { return Arrays.hashCode(dims); }

    @Override
    public String toString() { return "torch.Size(" + Shapes.str(dims) + ")"; }
}
