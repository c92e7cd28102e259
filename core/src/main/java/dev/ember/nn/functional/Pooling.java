package dev.ember.nn.functional;

import dev.ember.kernels.AvgPool2dKernel;
import dev.ember.kernels.MaxPool2dKernel;
import dev.ember.kernels.MaxUnpool2dKernel;
import dev.ember.kernels.PoolGeometry;
import dev.ember.tensor.Autograd;
import dev.ember.tensor.DType;
import dev.ember.tensor.PyRepr;
import dev.ember.tensor.Shapes;
import dev.ember.tensor.Tensor;

/**
 * Functional 2-d pooling: argument normalisation and validation in PyTorch 1.13.1's order and
 * words, output shapes, and the autograd record around the kernels.
 */
public final class Pooling {
    private Pooling() {}

    // ---------------------------------------------------------------- max_pool2d

    public static PoolResult maxPool2dWithIndices(Tensor input, MaxPool2dOptions o) { return maxPool2d(input, o, true); }

    /** Values only; indices are computed only when autograd records the op (backward needs them). */
    public static Tensor maxPool2d(Tensor input, MaxPool2dOptions o) { return maxPool2d(input, o, false).values(); }

    private static PoolResult maxPool2d(Tensor input, MaxPool2dOptions o, boolean returnIndices) {
        int[] k = pair(o.kernelSize(), "max_pool2d: kernel_size must either be a single int, or a tuple of two ints");
        int[] s = pairOrKernel(o.stride(), k, "max_pool2d: stride must either be omitted, a single int, or a tuple of two ints");
        int[] p = pair(o.padding(), "max_pool2d: padding must be either be a single int, or a tuple of two ints");
        int[] d = pair(o.dilation(), "max_pool2d: dilation must be either a single int, or a tuple of two ints");
        if (input.dim() != 3 && input.dim() != 4) {
            throw new IllegalArgumentException("non-empty 3D or 4D (batch mode) tensor expected for input, but got "
                    + input.dim() + "-D input of shape " + input.shape());
        }
        PoolGeometry g = geometry(input, k, s, p, d, o.ceilMode(), true);
        if (!input.isFloatingPoint()) {
            throw new IllegalArgumentException("\"max_pool2d\" not implemented for '" + input.dtype().scalarTypeName() + "'");
        }
        int[] outShape = outShape(input, g);
        Tensor x = input.detach().contiguous();
        Tensor out = Tensor.uninitialized(input.dtype(), outShape);
        boolean recording = Autograd.isRecording(input);
        Tensor indices = returnIndices || recording ? Tensor.uninitialized(DType.INT64, outShape) : null;
        long[] idx = indices == null ? null : indices.longStorage();
        if (input.dtype() == DType.FLOAT32) {
            MaxPool2dKernel.forward(g, x.floatStorage(), x.storageOffset(), out.floatStorage(), idx);
        } else {
            MaxPool2dKernel.forward(g, x.doubleStorage(), x.storageOffset(), out.doubleStorage(), idx);
        }
        if (recording) {
            int[] inShape = input.sizes();
            Tensor saved = indices;
            Autograd.recordSaving("MaxPool2DWithIndicesBackward0", out, new Tensor[] {input, saved}, grad -> {
                Tensor go = offsetFree(grad.contiguous());
                Tensor gi = gradBuffer(grad.dtype(), inShape);
                if (grad.dtype() == DType.FLOAT32) {
                    MaxPool2dKernel.backward(g, go.floatStorage(), idx, gi.floatStorage());
                } else {
                    MaxPool2dKernel.backward(g, go.doubleStorage(), idx, gi.doubleStorage());
                }
                return new Tensor[] {gi};
            }, input);
        }
        return new PoolResult(out, indices);
    }

    // ---------------------------------------------------------------- avg_pool2d

    public static Tensor avgPool2d(Tensor input, AvgPool2dOptions o) {
        int[] k = pair(o.kernelSize(), "avg_pool2d: kernel_size must either be a single int, or a tuple of two ints");
        int[] s = pairOrKernel(o.stride(), k, "avg_pool2d: stride must either be omitted, a single int, or a tuple of two ints");
        int[] p = pair(o.padding(), "avg_pool2d: padding must either be a single int, or a tuple of two ints");
        if (o.divisorOverride() != null && o.divisorOverride() == 0) {
            throw new IllegalArgumentException("divisor must be not zero");
        }
        if (input.dim() == 0) {
            throw new IllegalArgumentException("Dimension specified as -3 but tensor has no dimensions");
        }
        if (input.dim() < 3) {
            int r = input.dim();
            throw new IllegalArgumentException("Dimension out of range (expected to be in range of [" + (-r) + ", "
                    + (r - 1) + "], but got -3)");
        }
        PoolGeometry g = geometry(input, k, s, p, new int[] {1, 1}, o.ceilMode(), false);
        if (input.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("\"avg_pool2d\" not implemented for 'Bool'");
        }
        AvgPool2dKernel.Mode mode = new AvgPool2dKernel.Mode(o.countIncludePad(), o.divisorOverride());
        int[] outShape = outShape(input, g);
        Tensor x = input.detach().contiguous();
        Tensor out = Tensor.uninitialized(input.dtype(), outShape);
        switch (input.dtype()) {
            case FLOAT32 -> AvgPool2dKernel.forward(g, mode, x.floatStorage(), x.storageOffset(), out.floatStorage());
            case FLOAT64 -> AvgPool2dKernel.forward(g, mode, x.doubleStorage(), x.storageOffset(), out.doubleStorage());
            default -> AvgPool2dKernel.forward(g, mode, x.longStorage(), x.storageOffset(), out.longStorage());
        }
        int[] inShape = input.sizes();
        return Autograd.record("AvgPool2DBackward0", out, grad -> {
            Tensor go = offsetFree(grad.contiguous());
            Tensor gi = gradBuffer(grad.dtype(), inShape);
            if (grad.dtype() == DType.FLOAT32) AvgPool2dKernel.backward(g, mode, go.floatStorage(), gi.floatStorage());
            else AvgPool2dKernel.backward(g, mode, go.doubleStorage(), gi.doubleStorage());
            return new Tensor[] {gi};
        }, input);
    }

    // ---------------------------------------------------------------- max_unpool2d

    /** {@code F.max_unpool2d}; {@code outputSize} may be null, or hold 2 or 4 entries (only the last 2 count). */
    public static Tensor maxUnpool2d(Tensor input, Tensor indices, MaxUnpool2dOptions o, int[] outputSize) {
        int[] k = tupleOf(o.kernelSize());
        int[] s = tupleOf(o.effectiveStride());
        int[] p = tupleOf(o.padding());
        int[] size = unpoolOutputSize(input, k, s, p, outputSize);
        // ATen's order: indices dtype, output_size length, rank, indices shape, empty non-batch dims
        if (indices.dtype() != DType.INT64) {
            throw new IllegalArgumentException("elements in indices should be type int64 but got: "
                    + indices.dtype().scalarTypeName());
        }
        if (size.length != 2) {
            throw new IllegalArgumentException("There should be exactly two elements (height, width) in output_size, but got "
                    + size.length + " elements.");
        }
        if (input.dim() != 3 && input.dim() != 4) {
            throw new IllegalArgumentException("Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with "
                    + input.dim() + " dimensions.");
        }
        if (!indices.shape().equals(input.shape())) {
            throw new IllegalArgumentException("Expected shape of indices to be same as that of the input tensor ("
                    + Shapes.str(input.sizes()) + ") but got indices tensor with shape: " + Shapes.str(indices.sizes()));
        }
        for (int i = 1; i < input.dim(); i++) { // dim 0 (N, or C of a 3-d input) may be empty
            if (input.size(i) == 0) {
                throw new IllegalArgumentException("max_unpooling2d_forward_out_cpu(): Expected input to have non-zero size "
                        + "for non-batch dimensions, but got " + Shapes.str(input.sizes()) + " with dimension " + i
                        + " being empty.");
            }
        }
        if (!input.isFloatingPoint()) {
            throw new IllegalArgumentException("\"max_unpool2d\" not implemented for '" + input.dtype().scalarTypeName() + "'");
        }
        if (size[0] < 0 || size[1] < 0) {
            // torch computes numel of the negative size and fails there
            throw new IllegalArgumentException("numel: integer multiplication overflow (max_unpool2d output size "
                    + Shapes.str(size) + " is negative)");
        }
        int[] outShape = input.sizes();
        outShape[outShape.length - 2] = size[0];
        outShape[outShape.length - 1] = size[1];
        int outPlane = Shapes.numel(size);
        Tensor out = gradBuffer(input.dtype(), outShape); // float planes are zero-filled by the kernel
        if (out.numel() == 0 && outPlane == 0) return recordUnpool(out, input, indices, 0, 0, 0);
        int planes = input.dim() == 4 ? input.size(0) * input.size(1) : input.size(0);
        int inPlane = input.size(-1) * input.size(-2);
        Tensor x = offsetFree(input.detach().contiguous());
        Tensor idx = offsetFree(indices.contiguous());
        int bad = input.dtype() == DType.FLOAT32
                ? MaxUnpool2dKernel.forwardChecked(x.floatStorage(), 0, idx.longStorage(), 0, out.floatStorage(), planes,
                        inPlane, outPlane)
                : MaxUnpool2dKernel.firstInvalidIndex(idx.longStorage(), 0, idx.numel(), outPlane);
        if (bad != -1) {
            throw new IllegalArgumentException("Found an invalid max index: " + idx.longStorage()[bad]
                    + " (output volumes are of size "
                    + size[0] + "x" + size[1]);
        }
        if (input.dtype() != DType.FLOAT32) {
            MaxUnpool2dKernel.forward(x.doubleStorage(), 0, idx.longStorage(), 0, out.doubleStorage(), planes, inPlane,
                    outPlane);
        }
        return recordUnpool(out, input, idx, planes, inPlane, outPlane);
    }

    private static Tensor recordUnpool(Tensor out, Tensor input, Tensor idx, int planes, int inPlane, int outPlane) {
        int[] inShape = input.sizes();
        return Autograd.recordSaving("MaxUnpool2DBackward0", out, new Tensor[] {idx}, grad -> {
            Tensor go = offsetFree(grad.contiguous());
            Tensor gi = Tensor.uninitialized(grad.dtype(), inShape);
            if (grad.dtype() == DType.FLOAT32) {
                MaxUnpool2dKernel.backward(go.floatStorage(), idx.longStorage(), 0, gi.floatStorage(), planes, inPlane,
                        outPlane);
            } else {
                MaxUnpool2dKernel.backward(go.doubleStorage(), idx.longStorage(), 0, gi.doubleStorage(), planes, inPlane,
                        outPlane);
            }
            return new Tensor[] {gi, null};
        }, input, idx);
    }

    /** PyTorch's {@code _unpool_output_size}, with its ValueError texts. */
    static int[] unpoolOutputSize(Tensor input, int[] k, int[] s, int[] p, int[] outputSize) {
        if (s.length < k.length || p.length < k.length) {
            throw new IllegalArgumentException("tuple index out of range: max_unpool2d got kernel_size "
                    + PyRepr.tuple(k) + ", stride " + PyRepr.tuple(s) + " and padding " + PyRepr.tuple(p));
        }
        if (input.dim() < k.length) {
            throw new IllegalArgumentException("max_unpool2d: input of shape " + input.shape()
                    + " has fewer dimensions than the kernel (" + k.length + ")");
        }
        int[] def = new int[k.length];
        for (int d = 0; d < k.length; d++) {
            long v = (long) (input.size(input.dim() - k.length + d) - 1) * s[d] + k[d] - 2L * p[d];
            def[d] = (int) Math.max(Math.min(v, Integer.MAX_VALUE), Integer.MIN_VALUE);
        }
        if (outputSize == null) return def;
        int[] os = outputSize;
        if (os.length == k.length + 2) os = java.util.Arrays.copyOfRange(os, 2, os.length);
        if (os.length != k.length) {
            throw new IllegalArgumentException("output_size should be a sequence containing " + k.length + " or "
                    + (k.length + 2) + " elements, but it has a length of '" + os.length + "'");
        }
        for (int d = 0; d < k.length; d++) {
            long min = (long) def[d] - s[d], max = (long) def[d] + s[d];
            if (!(min < os[d] && os[d] < max)) {
                throw new IllegalArgumentException("invalid output_size \"" + Shapes.str(os) + "\" (dim " + d
                        + " must be between " + min + " and " + max + ")");
            }
        }
        return os;
    }

    // ---------------------------------------------------------------- shared

    /** The (kH, kW)-style pair of an argument, or the message as an error when it has neither 1 nor 2 values. */
    static int[] pair(IntArg a, String message) {
        int[] v = a == null ? null : a.expand(2);
        if (v == null) throw new IllegalArgumentException(message);
        return v;
    }

    static int[] pairOrKernel(IntArg stride, int[] kernel, String message) {
        if (stride == null || stride.length() == 0) return kernel.clone();
        return pair(stride, message);
    }

    /** {@code _pair(x)}: an int repeats, a sequence becomes a tuple of its own length. */
    static int[] tupleOf(IntArg a) {
        return a.form() == IntArg.Form.INT ? new int[] {a.values()[0], a.values()[0]} : a.values();
    }

    /** The 1.13.1 checks of {@code pooling_output_shape} (H then W) and {@code pool2d_shape_check}. */
    private static PoolGeometry geometry(Tensor input, int[] k, int[] s, int[] p, int[] d, boolean ceil, boolean max) {
        int r = input.dim();
        int inH = input.size(r - 2), inW = input.size(r - 1);
        long outH = outputSize(inH, k[0], p[0], s[0], d[0], ceil);
        long outW = outputSize(inW, k[1], p[1], s[1], d[1], ceil);
        if (k[0] <= 0 || k[1] <= 0) {
            throw new IllegalArgumentException("kernel size should be greater than zero, but got kH: " + k[0] + " kW: " + k[1]);
        }
        if (s[0] <= 0 || s[1] <= 0) {
            throw new IllegalArgumentException("stride should be greater than zero, but got dH: " + s[0] + " dW: " + s[1]);
        }
        if (max && (d[0] <= 0 || d[1] <= 0)) {
            throw new IllegalArgumentException("dilation should be greater than zero, but got dilationH: " + d[0]
                    + " dilationW: " + d[1]);
        }
        if (r != 3 && r != 4) throw new IllegalArgumentException(badRank(input));
        boolean nonEmpty = r == 3 ? input.size(0) != 0 && inH != 0 && inW != 0 : input.size(1) != 0 && inH != 0 && inW != 0;
        if (!nonEmpty) throw new IllegalArgumentException(badRank(input));
        int planes0 = input.size(r - 3);
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException("Given input size: (" + planes0 + "x" + inH + "x" + inW
                    + "). Calculated output size: (" + planes0 + "x" + outH + "x" + outW + "). Output size is too small");
        }
        int planes = r == 4 ? Math.multiplyExact(input.size(0), planes0) : planes0;
        return new PoolGeometry(planes, inH, inW, (int) outH, (int) outW, k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1]);
    }

    private static long outputSize(int in, int k, int pad, int stride, int dilation, boolean ceil) {
        if (stride == 0) throw new IllegalArgumentException("stride should not be zero");
        if (pad < 0) throw new IllegalArgumentException("pad must be non-negative, but got pad: " + pad);
        if (pad > k / 2) {
            throw new IllegalArgumentException("pad should be at most half of kernel size, but got pad=" + pad
                    + " and kernel_size=" + k);
        }
        return PoolGeometry.outputSize(in, k, pad, stride, dilation, ceil);
    }

    private static String badRank(Tensor input) {
        return "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:"
                + Shapes.str(input.sizes());
    }

    private static int[] outShape(Tensor input, PoolGeometry g) {
        int[] s = input.sizes();
        s[s.length - 2] = g.outH();
        s[s.length - 1] = g.outW();
        return s;
    }

    /** float32: unspecified contents (the float kernels zero each plane themselves); other dtypes: zeros. */
    static Tensor gradBuffer(DType dtype, int[] shape) {
        return dtype == DType.FLOAT32 ? Tensor.uninitialized(dtype, shape) : Tensor.zeros(dtype, shape);
    }

    /** A contiguous tensor whose storage starts at its first element (a copy only when it does not). */
    static Tensor offsetFree(Tensor t) {
        return t.storageOffset() == 0 && t.isContiguous() ? t : t.detach().clone();
    }

}
