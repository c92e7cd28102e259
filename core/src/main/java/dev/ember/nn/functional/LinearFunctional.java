package dev.ember.nn.functional;

import dev.ember.kernels.Gemm;
import dev.ember.tensor.Autograd;
import dev.ember.tensor.DType;
import dev.ember.tensor.GradMode;
import dev.ember.tensor.Tensor;

/**
 * {@code F.linear(x, W, b) = x·Wᵀ + b} over the last dim of any input of rank ≥ 1. Each output is the
 * fused-multiply-add dot product over k ascending, then the bias added (PyTorch's order for small
 * shapes). The grad_fn name follows 1.13.1's dispatch (addmm, matmul + add, views).
 */
public final class LinearFunctional {
    private LinearFunctional() {}

    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        if (x.dim() == 0) {
            throw new IllegalArgumentException("both arguments to matmul need to be at least 1D, but they are 0D and "
                    + weight.dim() + "D");
        }
        int in = weight.size(1), outF = weight.size(0);
        int k = x.size(-1);
        int rows = rowsOf(x);
        if (k != in) {
            throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + rows + "x" + k + " and "
                    + in + "x" + outF + ")");
        }
        if (x.dtype() != weight.dtype() || (bias != null && bias.dtype() != x.dtype())) {
            throw new IllegalArgumentException("mat1 and mat2 must have the same dtype");
        }
        if (!x.isFloatingPoint()) {
            throw new IllegalArgumentException("\"addmm_impl_cpu_\" not implemented for '" + x.dtype().scalarTypeName() + "'");
        }
        Tensor x2 = Pooling.offsetFree(x.detach().contiguous());
        Tensor w = Pooling.offsetFree(weight.detach().contiguous());
        Tensor b = bias == null ? null : Pooling.offsetFree(bias.detach().contiguous());
        int[] outShape = x.sizes();
        outShape[outShape.length - 1] = outF;
        Tensor out = Tensor.uninitialized(x.dtype(), outShape);
        if (x.dtype() == DType.FLOAT32) {
            if (Gemm.packs(rows, outF, in)) {
                // the weight's GEMM panels are kept with its storage until it is written (as ONNX
                // Runtime prepacks its initializers); the product is the same bit for bit
                Gemm.PackedB packed = w.derived(Gemm.PackedB.class, t -> Gemm.packNT(t.floatsForReading(), 0, outF, in));
                Gemm.matmulNT(x2.floatsForReading(), 0, packed, out.floatStorage(), rows);
            } else {
                Gemm.matmulNT(x2.floatsForReading(), 0, w.floatsForReading(), 0, out.floatStorage(), rows, outF, in);
            }
            if (b != null) Gemm.addBias(out.floatStorage(), 0, b.floatsForReading(), 0, rows, outF);
        } else {
            Gemm.matmulNT(x2.doublesForReading(), 0, w.doublesForReading(), 0, out.doubleStorage(), rows, outF, in);
            if (b != null) addBias(out.doubleStorage(), b.doubleStorage(), rows, outF);
        }
        int[] xShape = x.sizes();
        int[] wShape = weight.sizes();
        return Autograd.recordSaving(gradFnName(x, bias != null), out, new Tensor[] {x, weight}, grad -> {
            Tensor gx = null, gw = null, gb = null;
            if (grad.dtype() == DType.FLOAT32) {
                Tensor g = Pooling.offsetFree(grad.detach().contiguous());
                float[] gs = g.floatStorage();
                if (x.requiresGrad()) {
                    gx = Tensor.uninitialized(DType.FLOAT32, xShape);   // (rows×in) = g (rows×out) · W (out×in)
                    Gemm.gemm(rows, in, outF, gs, 0, outF, 1, w.floatsForReading(), 0, in, 1, gx.floatStorage(), 0, in);
                }
                if (weight.requiresGrad()) {
                    gw = Tensor.uninitialized(DType.FLOAT32, wShape);   // (out×in) = gᵀ (out×rows) · x (rows×in)
                    Gemm.gemm(outF, in, rows, gs, 0, 1, outF, x2.floatsForReading(), 0, in, 1, gw.floatStorage(), 0, in);
                }
                if (bias != null && bias.requiresGrad()) {
                    gb = Tensor.uninitialized(DType.FLOAT32, outF);
                    Gemm.columnSums(gs, 0, rows, outF, gb.floatStorage());
                }
                return new Tensor[] {gx, gw, gb};
            }
            Tensor g2 = grad.reshape(rows, outF);
            try (var s = GradMode.noGrad()) {
                Tensor xm = x2.reshape(rows, in);
                if (x.requiresGrad()) gx = g2.mm(w).reshape(xShape);
                if (weight.requiresGrad()) gw = g2.t().mm(xm);
                if (bias != null && bias.requiresGrad()) gb = g2.sum(0, false);
            }
            return new Tensor[] {gx, gw, gb};
        }, x, weight, bias);
    }

    private static int rowsOf(Tensor x) {
        long r = 1;
        for (int d = 0; d < x.dim() - 1; d++) r *= x.size(d);
        return (int) r;
    }

    private static void addBias(double[] out, double[] b, int rows, int n) {
        for (int i = 0; i < rows; i++) for (int j = 0; j < n; j++) out[i * n + j] += b[j];
    }

    /** 1.13.1's grad_fn of {@code F.linear}'s output (§9 of the semantics notes). */
    static String gradFnName(Tensor x, boolean hasBias) {
        if (x.dim() == 1) return hasBias ? "AddBackward0" : "SqueezeBackward3";
        if (x.dim() == 2) return hasBias ? "AddmmBackward0" : "MmBackward0";
        if (!hasBias) return "UnsafeViewBackward0";
        return x.dim() == 3 && x.isContiguous() ? "ViewBackward0" : "AddBackward0";
    }
}
