package dev.ember.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** View operations: results share the input's storage; each records its PyTorch grad_fn. */
final class ViewOps {
    private ViewOps() {}

    private static Tensor make(Tensor t, int[] shape, int[] strides, int offset) {
        Tensor v = new Tensor(t.dataRef(), t.dtype(), shape, strides, offset);
        v.setViewBase(t);
        return v;
    }

    static int[] inferShape(int[] shape, int numel) {
        int[] out = shape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                if (infer >= 0) throw new IllegalArgumentException("only one dimension can be inferred");
                infer = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException("invalid shape dimension " + out[i]);
            } else {
                known *= out[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || numel % known != 0) {
                throw new IllegalArgumentException("shape '" + Shapes.str(shape) + "' is invalid for input of size " + numel);
            }
            out[infer] = (int) (numel / known);
        } else if (known != numel) {
            throw new IllegalArgumentException("shape '" + Shapes.str(shape) + "' is invalid for input of size " + numel);
        }
        return out;
    }

    /** Strides viewing {@code t} as {@code shape} without a copy, or null when impossible (ATen's computeStride). */
    static int[] viewStrides(int[] oldShape, int[] oldStrides, int[] newShape) {
        int n = Shapes.numel(oldShape);
        int[] newStrides = new int[newShape.length];
        if (n == 0) return Shapes.contiguousStrides(newShape);
        int viewD = newShape.length - 1;
        int chunkBase = oldStrides.length == 0 ? 1 : oldStrides[oldStrides.length - 1];
        long tensorNumel = 1, viewNumel = 1;
        for (int d = oldShape.length - 1; d >= 0; d--) {
            tensorNumel *= oldShape[d];
            if (d == 0 || (oldShape[d - 1] != 1 && oldStrides[d - 1] != tensorNumel * chunkBase)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    newStrides[viewD] = (int) (viewNumel * chunkBase);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) return null;
                if (d > 0) {
                    chunkBase = oldStrides[d - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        if (viewD != -1) return null;
        return newStrides;
    }

    static Tensor view(Tensor t, int[] shape) {
        int[] s = inferShape(shape, t.numel());
        int[] st = viewStrides(t.shapeRef(), t.stridesRef(), s);
        if (st == null) {
            throw new IllegalArgumentException("view size is not compatible with input tensor's size and stride (at least "
                    + "one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        }
        int[] in = t.sizes();
        return Autograd.recordStateless("ViewBackward0", make(t, s, st, t.storageOffset()),
                g -> new Tensor[] {g.reshape(in)}, t);
    }

    static Tensor reshape(Tensor t, int... shape) {
        int[] s = inferShape(shape, t.numel());
        int[] st = viewStrides(t.shapeRef(), t.stridesRef(), s);
        int[] in = t.sizes();
        if (st != null) {
            return Autograd.recordStateless("ReshapeAliasBackward0", make(t, s, st, t.storageOffset()),
                    g -> new Tensor[] {g.reshape(in)}, t);
        }
        Tensor copy;
        try (var scope = GradMode.noGrad()) {
            copy = t.contiguous();
        }
        return Autograd.recordStateless("UnsafeViewBackward0",
                make(copy, s, Shapes.contiguousStrides(s), copy.storageOffset()), g -> new Tensor[] {g.reshape(in)}, t);
    }

    static Tensor squeeze(Tensor t) {
        int[] shape = t.shapeRef(), strides = t.stridesRef();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < shape.length; i++) if (shape[i] != 1) keep.add(i);
        int[] s = keep.stream().mapToInt(i -> shape[i]).toArray();
        int[] st = keep.stream().mapToInt(i -> strides[i]).toArray();
        int[] in = t.sizes();
        return Autograd.recordStateless("SqueezeBackward0", make(t, s, st, t.storageOffset()),
                g -> new Tensor[] {g.reshape(in)}, t);
    }

    static Tensor squeeze(Tensor t, int dim) {
        int d = Shapes.wrapDim(dim, t.dim());
        int[] in = t.sizes();
        Tensor out;
        if (t.dim() == 0 || in[d] != 1) {
            out = make(t, in, t.strides(), t.storageOffset());
        } else {
            out = make(t, remove(in, d), remove(t.stridesRef(), d), t.storageOffset());
        }
        return Autograd.recordStateless("SqueezeBackward1", out, g -> new Tensor[] {g.reshape(in)}, t);
    }

    static Tensor unsqueeze(Tensor t, int dim) {
        int d = Shapes.wrapDim(dim, t.dim() + 1);
        int[] shape = t.shapeRef(), strides = t.stridesRef();
        int stride = d < shape.length ? strides[d] * Math.max(shape[d], 1) : 1;
        Tensor out = make(t, insert(shape, d, 1), insert(strides, d, stride), t.storageOffset());
        return Autograd.recordStateless("UnsqueezeBackward0", out, g -> new Tensor[] {g.squeeze(d)}, t);
    }

    static Tensor permute(Tensor t, int[] dims) {
        int r = t.dim();
        if (dims.length != r) {
            throw new IllegalArgumentException("permute(sparse_coo): number of dimensions in the tensor input does not "
                    + "match the length of the desired ordering of dimensions i.e. input.dim() = " + r
                    + " is not equal to len(dims) = " + dims.length);
        }
        int[] p = new int[r];
        boolean[] seen = new boolean[r];
        for (int i = 0; i < r; i++) {
            p[i] = Shapes.wrapDim(dims[i], r);
            if (seen[p[i]]) throw new IllegalArgumentException("permute(): duplicate dims are not allowed.");
            seen[p[i]] = true;
        }
        int[] s = new int[r], st = new int[r], inverse = new int[r];
        for (int i = 0; i < r; i++) {
            s[i] = t.shapeRef()[p[i]];
            st[i] = t.stridesRef()[p[i]];
            inverse[p[i]] = i;
        }
        return Autograd.recordStateless("PermuteBackward0", make(t, s, st, t.storageOffset()),
                g -> new Tensor[] {g.permute(inverse)}, t);
    }

    static Tensor transpose(Tensor t, int dim0, int dim1) {
        int r = t.dim();
        int a = Shapes.wrapDim(dim0, r), b = Shapes.wrapDim(dim1, r);
        int[] s = t.sizes(), st = t.strides();
        if (r > 0) {
            swap(s, a, b);
            swap(st, a, b);
        }
        return Autograd.recordStateless("TransposeBackward0", make(t, s, st, t.storageOffset()),
                g -> new Tensor[] {g.transpose(a, b)}, t);
    }

    static Tensor t(Tensor t) {
        if (t.dim() > 2) {
            throw new IllegalArgumentException("t() expects a tensor with <= 2 dimensions, but self is " + t.dim() + "D");
        }
        int[] s = t.sizes(), st = t.strides();
        if (s.length == 2) {
            swap(s, 0, 1);
            swap(st, 0, 1);
        }
        return Autograd.recordStateless("TBackward0", make(t, s, st, t.storageOffset()), g -> new Tensor[] {g.t()}, t);
    }

    /** A broadcast view without autograd (for internal use). */
    static Tensor expand(Tensor t, int[] shape) {
        return make(t, shape.clone(), Strided.expandStrides(t.shapeRef(), t.stridesRef(), shape), t.storageOffset());
    }

    static Tensor expandOp(Tensor t, int[] shape) {
        int[] target = shape.clone();
        int shift = target.length - t.dim();
        if (shift < 0) {
            throw new IllegalArgumentException("expand: the number of sizes provided (" + target.length
                    + ") must be greater or equal to the number of dimensions in the tensor (" + t.dim() + ")");
        }
        for (int i = 0; i < target.length; i++) if (target[i] == -1 && i >= shift) target[i] = t.shapeRef()[i - shift];
        int[] in = t.sizes();
        return Autograd.recordStateless("ExpandBackward0", expand(t, target),
                g -> new Tensor[] {MathOps.sumTo(g, in)}, t);
    }

    static Tensor select(Tensor t, int dim, int index) {
        if (t.dim() == 0) throw new IllegalArgumentException("select() cannot be applied to a 0-dim tensor.");
        int d = Shapes.wrapDim(dim, t.dim());
        int size = t.shapeRef()[d];
        if (index < -size || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is out of bounds for dimension " + d
                    + " with size " + size);
        }
        int i = index < 0 ? index + size : index;
        Tensor out = make(t, remove(t.shapeRef(), d), remove(t.stridesRef(), d),
                t.storageOffset() + i * t.stridesRef()[d]);
        int[] in = t.sizes();
        return Autograd.recordStateless("SelectBackward0", out, g -> {
            Tensor z = Tensor.zeros(g.dtype(), in);
            select(z, d, i).copy_(g);
            return new Tensor[] {z};
        }, t);
    }

    static Tensor slice(Tensor t, int dim, Integer start, Integer end, int step) {
        int d = Shapes.wrapDim(dim, t.dim());
        int size = t.shapeRef()[d];
        int s = clampBound(start == null ? 0 : start, size);
        int e = clampBound(end == null ? size : end, size);
        int len = e > s ? (e - s + step - 1) / step : 0;
        int[] shape = t.sizes(), strides = t.strides();
        shape[d] = len;
        strides[d] = strides[d] * step;
        Tensor out = make(t, shape, strides, t.storageOffset() + s * t.stridesRef()[d]);
        int[] in = t.sizes();
        return Autograd.recordStateless("SliceBackward0", out, g -> {
            Tensor z = Tensor.zeros(g.dtype(), in);
            slice(z, d, s, e, step).copy_(g);
            return new Tensor[] {z};
        }, t);
    }

    private static int clampBound(int b, int size) {
        if (b < 0) b += size;
        return Math.max(0, Math.min(b, size));
    }

    static Tensor index(Tensor t, Object[] indices) {
        int consumed = 0, ellipses = 0;
        for (Object o : indices) {
            if (o == Slice.ELLIPSIS) ellipses++;
            else if (o != Slice.NEW_AXIS) consumed++;
        }
        if (ellipses > 1) throw new IllegalArgumentException("an index can only have a single ellipsis ('...')");
        if (consumed > t.dim()) {
            throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + t.dim());
        }
        Tensor out = t;
        int dim = 0;
        for (Object o : indices) {
            if (o == Slice.ELLIPSIS) {
                dim += t.dim() - consumed;
            } else if (o == Slice.NEW_AXIS) {
                out = unsqueeze(out, dim++);
            } else if (o instanceof Integer i) {
                out = select(out, dim, i);
            } else if (o instanceof Slice sl) {
                // Python's multi-dim indexing skips a slice written as exactly 0:size (no node, no view)
                boolean whole = indices.length > 1 && (sl.start() == null || sl.start() == 0) && sl.end() != null
                        && sl.end() == out.size(dim) && sl.step() == 1;
                if (!whole) out = slice(out, dim, sl.start(), sl.end(), sl.step());
                dim++;
            } else {
                throw new IllegalArgumentException("unsupported index " + o + " (use Integer, Slice, Slice.ELLIPSIS or "
                        + "Slice.NEW_AXIS)");
            }
        }
        if (out != t) return out;
        return Autograd.recordStateless("AliasBackward0", make(t, t.sizes(), t.strides(), t.storageOffset()),
                g -> new Tensor[] {g}, t);
    }

    private static int[] remove(int[] a, int i) {
        int[] out = new int[a.length - 1];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(a, i + 1, out, i, a.length - i - 1);
        return out;
    }

    private static int[] insert(int[] a, int i, int v) {
        int[] out = Arrays.copyOf(a, a.length + 1);
        System.arraycopy(a, i, out, i + 1, a.length - i);
        out[i] = v;
        return out;
    }

    private static void swap(int[] a, int i, int j) {
        int x = a[i];
        a[i] = a[j];
        a[j] = x;
    }
}
