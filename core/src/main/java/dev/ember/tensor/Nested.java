package dev.ember.tensor;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/** Builds tensors from nested Java arrays, checking that every row has the same length. */
final class Nested {
    private Nested() {}

    static Tensor of(Object nested, DType dtype) {
        List<Integer> dims = new ArrayList<>();
        Object level = nested;
        while (level != null && level.getClass().isArray()) {
            int n = Array.getLength(level);
            dims.add(n);
            if (n == 0 || !level.getClass().getComponentType().isArray()) break;
            level = Array.get(level, 0);
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        Tensor out = Tensor.contiguous(dtype, shape);
        int[] pos = {0};
        fill(nested, 0, shape, out, pos);
        return out;
    }

    private static void fill(Object level, int depth, int[] shape, Tensor out, int[] pos) {
        int n = Array.getLength(level);
        if (n != shape[depth]) {
            throw new IllegalArgumentException("expected sequence of length " + shape[depth] + " at dim " + depth
                    + " (got " + n + ")");
        }
        if (depth == shape.length - 1) {
            for (int i = 0; i < n; i++) {
                Object v = Array.get(level, i);
                switch (v) {
                    case Long l -> out.setLongAt(pos[0]++, l);
                    case Boolean b -> out.setAt(pos[0]++, b ? 1 : 0);
                    case Number num -> out.setAt(pos[0]++, num.doubleValue());
                    default -> throw new IllegalArgumentException("unsupported element " + v);
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) fill(Array.get(level, i), depth + 1, shape, out, pos);
    }
}
