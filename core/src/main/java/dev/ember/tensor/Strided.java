package dev.ember.tensor;

/** Loops over the storage offsets of strided tensors in logical (row-major) order. */
final class Strided {
    private Strided() {}

    interface OffsetConsumer {
        void accept(int offset);
    }

    interface OffsetPairConsumer {
        void accept(int a, int b);
    }

    static void forEach(int[] shape, int[] strides, int offset, OffsetConsumer c) {
        int rank = shape.length;
        int n = Shapes.numel(shape);
        if (n == 0) return;
        if (rank == 0) {
            c.accept(offset);
            return;
        }
        int[] idx = new int[rank];
        int last = rank - 1;
        int inner = shape[last], innerStride = strides[last];
        int base = offset;
        for (int done = 0; done < n; done += inner) {
            for (int j = 0, o = base; j < inner; j++, o += innerStride) c.accept(o);
            for (int d = last - 1; d >= 0; d--) {
                idx[d]++;
                base += strides[d];
                if (idx[d] < shape[d]) break;
                base -= strides[d] * shape[d];
                idx[d] = 0;
            }
        }
    }

    /** Walks two tensors of the same logical shape (strides may be 0 for broadcast dims). */
    static void forEach(int[] shape, int[] stridesA, int offsetA, int[] stridesB, int offsetB, OffsetPairConsumer c) {
        int rank = shape.length;
        int n = Shapes.numel(shape);
        if (n == 0) return;
        if (rank == 0) {
            c.accept(offsetA, offsetB);
            return;
        }
        int[] idx = new int[rank];
        int last = rank - 1;
        int inner = shape[last], sa = stridesA[last], sb = stridesB[last];
        int baseA = offsetA, baseB = offsetB;
        for (int done = 0; done < n; done += inner) {
            for (int j = 0, a = baseA, b = baseB; j < inner; j++, a += sa, b += sb) c.accept(a, b);
            for (int d = last - 1; d >= 0; d--) {
                idx[d]++;
                baseA += stridesA[d];
                baseB += stridesB[d];
                if (idx[d] < shape[d]) break;
                baseA -= stridesA[d] * shape[d];
                baseB -= stridesB[d] * shape[d];
                idx[d] = 0;
            }
        }
    }

    /** Strides that view a tensor of {@code shape}/{@code strides} as {@code target} (broadcast dims get 0). */
    static int[] expandStrides(int[] shape, int[] strides, int[] target) {
        int[] out = new int[target.length];
        int shift = target.length - shape.length;
        for (int i = 0; i < target.length; i++) {
            int j = i - shift;
            if (j < 0) out[i] = 0;
            else if (shape[j] == target[i]) out[i] = strides[j];
            else if (shape[j] == 1) out[i] = 0;
            else throw new IllegalArgumentException("The expanded size of the tensor (" + target[i]
                    + ") must match the existing size (" + shape[j] + ") at non-singleton dimension " + i
                    + ".  Target sizes: " + Shapes.str(target) + ".  Tensor sizes: " + Shapes.str(shape));
        }
        return out;
    }
}
