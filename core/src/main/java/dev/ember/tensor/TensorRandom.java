package dev.ember.tensor;

import dev.ember.random.Generator;
import dev.ember.random.NormalKernels;
import dev.ember.random.RandomKernels;
import java.util.Arrays;

/**
 * Random fills of tensors, drawing from a {@link Generator} exactly as PyTorch 1.13.1's CPU kernels
 * do: contiguous tensors fill their storage range (so {@code randn} takes the vectorised path for
 * 16+ float elements), any other view fills its elements in memory (storage) order.
 */
final class TensorRandom {
    private TensorRandom() {}

    static Tensor uniform_(Tensor t, double from, double to, Generator g) {
        if (!(from <= to)) {
            throw new IllegalArgumentException("uniform_ expects to return a [from, to) range, but found from=" + from
                    + " > to=" + to);
        }
        requireFloat(t, "check_uniform_bounds");
        Autograd.checkInPlace(t);
        if (t.numel() == 0) return t;
        if (t.dtype() == DType.FLOAT32) {
            if (t.isContiguous()) RandomKernels.uniform(g, t.rawFloats(), t.storageOffset(), t.numel(), from, to);
            else RandomKernels.uniform(g, t.rawFloats(), memoryOrder(t), t.numel(), from, to);
        } else {
            if (t.isContiguous()) RandomKernels.uniform(g, t.rawDoubles(), t.storageOffset(), t.numel(), from, to);
            else RandomKernels.uniform(g, t.rawDoubles(), memoryOrder(t), t.numel(), from, to);
        }
        Autograd.markModified(t);
        return t;
    }

    static Tensor normal_(Tensor t, double mean, double std, Generator g) {
        if (!(std >= 0)) throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + std);
        requireFloat(t, "normal_kernel_cpu");
        Autograd.checkInPlace(t);
        if (t.numel() == 0) return t;
        if (t.dtype() == DType.FLOAT32) {
            if (t.isContiguous()) NormalKernels.normal(g, t.rawFloats(), t.storageOffset(), t.numel(), mean, std);
            else NormalKernels.normalSerial(g, t.rawFloats(), memoryOrder(t), t.numel(), mean, std);
        } else {
            if (t.isContiguous()) NormalKernels.normal(g, t.rawDoubles(), t.storageOffset(), t.numel(), mean, std);
            else NormalKernels.normalSerial(g, t.rawDoubles(), memoryOrder(t), t.numel(), mean, std);
        }
        Autograd.markModified(t);
        return t;
    }

    static Tensor randint_(Tensor t, long low, long high, Generator g) {
        if (low >= high) {
            throw new IllegalArgumentException("random_ expects 'from' to be less than 'to', but got from=" + low
                    + " >= to=" + high);
        }
        Autograd.checkInPlace(t);
        if (t.numel() == 0) return t;
        int[] order = t.isContiguous() ? null : memoryOrder(t);
        int off = t.storageOffset(), n = t.numel();
        switch (t.dtype()) {
            case INT64 -> {
                if (order == null) RandomKernels.randint(g, t.longStorage(), off, n, low, high);
                else RandomKernels.randint(g, t.longStorage(), order, n, low, high);
            }
            case FLOAT32 -> {
                if (order == null) RandomKernels.randint(g, t.rawFloats(), off, n, low, high);
                else RandomKernels.randint(g, t.rawFloats(), order, n, low, high);
            }
            case FLOAT64 -> {
                if (order == null) RandomKernels.randint(g, t.rawDoubles(), off, n, low, high);
                else RandomKernels.randint(g, t.rawDoubles(), order, n, low, high);
            }
            case BOOL -> throw new IllegalArgumentException("\"random_from_to_cpu\" not implemented for 'Bool'");
        }
        Autograd.markModified(t);
        return t;
    }

    static Tensor bernoulli_(Tensor t, double p, Generator g) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("bernoulli_ expects p to be in [0, 1], but got p=" + p);
        requireFloat(t, "bernoulli_scalar_cpu_");
        Autograd.checkInPlace(t);
        if (t.numel() == 0) return t;
        if (t.dtype() == DType.FLOAT32) {
            if (t.isContiguous()) RandomKernels.bernoulli(g, t.rawFloats(), t.storageOffset(), t.numel(), p);
            else RandomKernels.bernoulli(g, t.rawFloats(), memoryOrder(t), t.numel(), p);
        } else {
            if (t.isContiguous()) RandomKernels.bernoulli(g, t.rawDoubles(), t.storageOffset(), t.numel(), p);
            else RandomKernels.bernoulli(g, t.rawDoubles(), memoryOrder(t), t.numel(), p);
        }
        Autograd.markModified(t);
        return t;
    }

    /** Storage offsets of the elements, ascending: the order PyTorch's serial kernels visit them. */
    static int[] memoryOrder(Tensor t) {
        int[] offs = new int[t.numel()];
        int[] k = {0};
        t.forEachOffset(o -> offs[k[0]++] = o);
        Arrays.sort(offs);
        return offs;
    }

    private static void requireFloat(Tensor t, String kernel) {
        if (!t.isFloatingPoint()) {
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + t.dtype().scalarTypeName() + "'");
        }
    }
}
