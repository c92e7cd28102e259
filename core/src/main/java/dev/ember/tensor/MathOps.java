package dev.ember.tensor;

import dev.ember.kernels.Gemm;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * Elementwise arithmetic, reductions and matrix products, each forward next to its backward.
 * Float results are computed in double and rounded once, which for +, −, ×, ÷ and sqrt is exactly
 * the float32 operation.
 */
final class MathOps {
    private MathOps() {}

    enum Cmp { GT, LT, GE, LE, EQ, NE }

    // ---------------------------------------------------------------- binary elementwise

    static DType resultType(Tensor a, Tensor b) {
        if (a.dim() == 0 && b.dim() > 0 && category(a.dtype()) <= category(b.dtype())) return b.dtype();
        if (b.dim() == 0 && a.dim() > 0 && category(b.dtype()) <= category(a.dtype())) return a.dtype();
        return DType.promote(a.dtype(), b.dtype());
    }

    private static int category(DType t) {
        return switch (t) {
            case BOOL -> 0;
            case INT64 -> 1;
            case FLOAT32, FLOAT64 -> 2;
        };
    }

    private static Tensor zip(Tensor a, Tensor b, DType out, DoubleBinaryOperator f, LongBinaryOperator fl) {
        int[] shape = Shapes.broadcast(a.shapeRef(), b.shapeRef());
        Tensor r = Tensor.contiguous(out, shape);
        int[] sa = Strided.expandStrides(a.shapeRef(), a.stridesRef(), shape);
        int[] sb = Strided.expandStrides(b.shapeRef(), b.stridesRef(), shape);
        int[] k = {0};
        if (out == DType.INT64 && fl != null) {
            Strided.forEach(shape, sa, a.storageOffset(), sb, b.storageOffset(),
                    (i, j) -> r.setLongAt(k[0]++, fl.applyAsLong(a.getLongAt(i), b.getLongAt(j))));
        } else if (out == DType.FLOAT32) {
            float[] o = r.rawFloats();
            Strided.forEach(shape, sa, a.storageOffset(), sb, b.storageOffset(),
                    (i, j) -> o[k[0]++] = (float) f.applyAsDouble(a.getAt(i), b.getAt(j)));
        } else {
            Strided.forEach(shape, sa, a.storageOffset(), sb, b.storageOffset(),
                    (i, j) -> r.setAt(k[0]++, f.applyAsDouble(a.getAt(i), b.getAt(j))));
        }
        return r;
    }

    static Tensor add(Tensor a, Tensor b, double alpha) {
        DType t = resultType(a, b);
        Tensor out = zip(a, b, t, (x, y) -> x + alpha * y, (x, y) -> x + (long) alpha * y);
        int[] sa = a.sizes(), sb = b.sizes();
        return Autograd.recordStateless("AddBackward0", out,
                g -> new Tensor[] {sumTo(g, sa), sumTo(alpha == 1 ? g : g.mul(alpha), sb)}, a, b);
    }

    static Tensor sub(Tensor a, Tensor b) {
        if (a.dtype() == DType.BOOL && b.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with two bool tensors is not supported. "
                    + "Use the `^` or `logical_xor()` operator instead.");
        }
        if (a.dtype() == DType.BOOL || b.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with a bool tensor is not supported. "
                    + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
        Tensor out = zip(a, b, resultType(a, b), (x, y) -> x - y, (x, y) -> x - y);
        int[] sa = a.sizes(), sb = b.sizes();
        return Autograd.recordStateless("SubBackward0", out, g -> new Tensor[] {sumTo(g, sa), sumTo(g.neg(), sb)}, a, b);
    }

    static Tensor mul(Tensor a, Tensor b) {
        Tensor out = zip(a, b, resultType(a, b), (x, y) -> x * y, (x, y) -> x * y);
        int[] sa = a.sizes(), sb = b.sizes();
        return Autograd.record("MulBackward0", out, g -> new Tensor[] {
                a.requiresGrad() ? sumTo(g.mul(b.detach()), sa) : null,
                b.requiresGrad() ? sumTo(g.mul(a.detach()), sb) : null}, a, b);
    }

    static Tensor div(Tensor a, Tensor b) {
        DType t = resultType(a, b);
        if (!t.isFloatingPoint()) t = DType.FLOAT32;
        Tensor out = zip(a, b, t, (x, y) -> x / y, null);
        int[] sa = a.sizes(), sb = b.sizes();
        return Autograd.record("DivBackward0", out, g -> {
            Tensor bd = b.detach();
            Tensor gb = b.requiresGrad() ? sumTo(g.neg().mul(a.detach()).div(bd.mul(bd)), sb) : null;
            return new Tensor[] {sumTo(g.div(bd), sa), gb};
        }, a, b);
    }

    static Tensor compare(Tensor a, Tensor b, Cmp op) {
        DoubleBinaryOperator f = switch (op) {
            case GT -> (x, y) -> x > y ? 1 : 0;
            case LT -> (x, y) -> x < y ? 1 : 0;
            case GE -> (x, y) -> x >= y ? 1 : 0;
            case LE -> (x, y) -> x <= y ? 1 : 0;
            case EQ -> (x, y) -> x == y ? 1 : 0;
            case NE -> (x, y) -> x != y ? 1 : 0;
        };
        return zip(a, b, DType.BOOL, f, null);
    }

    // ---------------------------------------------------------------- unary elementwise

    static Tensor map(Tensor a, DType out, DoubleUnaryOperator f) {
        Tensor r = Tensor.contiguous(out, a.shapeRef());
        int[] k = {0};
        a.forEachOffset(i -> r.setAt(k[0]++, f.applyAsDouble(a.getAt(i))));
        return r;
    }

    private static DType floatResult(Tensor a) { return a.isFloatingPoint() ? a.dtype() : DType.FLOAT32; }

    static Tensor neg(Tensor a) {
        if (a.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("Negation, the `-` operator, on a bool tensor is not supported.");
        }
        Tensor out = a.dtype() == DType.INT64 ? zip(a, Tensor.scalar(0, DType.INT64), DType.INT64, null, (x, y) -> -x)
                : map(a, a.dtype(), x -> -x);
        return Autograd.recordStateless("NegBackward0", out, g -> new Tensor[] {g.neg()}, a);
    }

    static Tensor exp(Tensor a) {
        Tensor out = map(a, floatResult(a), Math::exp);
        return Autograd.recordSaving("ExpBackward0", out, new Tensor[] {out}, g -> new Tensor[] {g.mul(out.detach())}, a);
    }

    static Tensor log(Tensor a) {
        Tensor out = map(a, floatResult(a), Math::log);
        return Autograd.record("LogBackward0", out, g -> new Tensor[] {g.div(a.detach())}, a);
    }

    static Tensor sqrt(Tensor a) {
        Tensor out = map(a, floatResult(a), Math::sqrt);
        return Autograd.recordSaving("SqrtBackward0", out, new Tensor[] {out}, g -> new Tensor[] {g.div(out.detach().mul(2))}, a);
    }

    static Tensor abs(Tensor a) {
        Tensor out = map(a, a.dtype(), Math::abs);
        return Autograd.record("AbsBackward0", out,
                g -> new Tensor[] {g.mul(map(a, a.dtype(), x -> Double.isNaN(x) ? x : Math.signum(x)))}, a);
    }

    static Tensor pow(Tensor a, double e) {
        Tensor out = map(a, floatResult(a), x -> Math.pow(x, e));
        return Autograd.record("PowBackward0", out, g -> new Tensor[] {
                e == 0 ? Tensor.zerosLike(g) : g.mul(a.detach().pow(e - 1).mul(e))}, a);
    }

    static Tensor clamp(Tensor a, double min, double max) {
        Tensor out = map(a, a.dtype(), x -> Double.isNaN(x) ? x : Math.min(Math.max(x, min), max));
        return Autograd.record("ClampBackward1", out, g -> new Tensor[] {
                g.mul(map(a, g.dtype(), x -> x >= min && x <= max ? 1 : 0))}, a);
    }

    // ---------------------------------------------------------------- reductions

    static Tensor sum(Tensor a, int[] dims, boolean keepdim, String name) {
        DType t = a.isFloatingPoint() ? a.dtype() : DType.INT64;
        boolean[] reduce = reducedDims(a, dims);
        Tensor out = reduce(a, reduce, keepdim, t);
        int[] in = a.sizes();
        return Autograd.recordStateless(name, out, g -> new Tensor[] {unreduce(g, reduce, keepdim, in)}, a);
    }

    static Tensor mean(Tensor a, int[] dims, boolean keepdim, String name) {
        if (!a.isFloatingPoint()) {
            throw new IllegalArgumentException("mean(): could not infer output dtype. Input dtype must be either a floating "
                    + "point or complex dtype. Got: " + (a.dtype() == DType.INT64 ? "Long" : "Bool"));
        }
        boolean[] reduce = reducedDims(a, dims);
        long count = 1;
        for (int i = 0; i < reduce.length; i++) if (reduce[i]) count *= a.shapeRef()[i];
        Tensor sum = reduce(a, reduce, keepdim, a.dtype());
        long c = count;
        Tensor out = MathOps.map(sum, a.dtype(), x -> x / c);
        int[] in = a.sizes();
        return Autograd.recordStateless(name, out, g -> new Tensor[] {unreduce(g.div(c), reduce, keepdim, in)}, a);
    }

    private static boolean[] reducedDims(Tensor a, int[] dims) {
        boolean[] reduce = new boolean[a.dim()];
        for (int d : dims) {
            int w = Shapes.wrapDim(d, a.dim());
            if (a.dim() > 0) {
                if (reduce[w]) throw new IllegalArgumentException("dim " + w + " appears multiple times in the list of dims");
                reduce[w] = true;
            }
        }
        return reduce;
    }

    /** Sums over the flagged dims, accumulating in double (int64 in long). */
    private static Tensor reduce(Tensor a, boolean[] reduce, boolean keepdim, DType outType) {
        int[] shape = a.shapeRef();
        int[] kept = new int[shape.length];
        for (int i = 0; i < shape.length; i++) kept[i] = reduce[i] ? 1 : shape[i];
        Tensor acc = Tensor.contiguous(outType == DType.INT64 ? DType.INT64 : DType.FLOAT64, kept);
        int[] accStrides = acc.strides();
        for (int i = 0; i < shape.length; i++) if (reduce[i]) accStrides[i] = 0;
        if (outType == DType.INT64) {
            long[] s = acc.longStorage();
            Strided.forEach(shape, a.stridesRef(), a.storageOffset(), accStrides, 0, (i, j) -> s[j] += a.getLongAt(i));
        } else {
            double[] s = acc.rawDoubles();
            Strided.forEach(shape, a.stridesRef(), a.storageOffset(), accStrides, 0, (i, j) -> s[j] += a.getAt(i));
        }
        Tensor out;
        try (var scope = GradMode.noGrad()) {
            out = acc.to(outType);
        }
        if (!keepdim) out = out.detach().reshape(squeezed(kept, reduce));
        return out.detach();
    }

    private static int[] squeezed(int[] kept, boolean[] reduce) {
        int n = 0;
        for (boolean r : reduce) if (!r) n++;
        int[] out = new int[n];
        for (int i = 0, k = 0; i < kept.length; i++) if (!reduce[i]) out[k++] = kept[i];
        return out;
    }

    private static Tensor unreduce(Tensor g, boolean[] reduce, boolean keepdim, int[] inShape) {
        if (!keepdim) {
            int[] kept = new int[inShape.length];
            for (int i = 0; i < inShape.length; i++) kept[i] = reduce[i] ? 1 : inShape[i];
            g = g.reshape(kept);
        }
        return g.expand(inShape).contiguous();
    }

    /** Sums a broadcast gradient back to {@code shape}. */
    static Tensor sumTo(Tensor g, int[] shape) {
        int[] gs = g.shapeRef();
        if (java.util.Arrays.equals(gs, shape)) return g;
        int lead = gs.length - shape.length;
        boolean[] reduce = new boolean[gs.length];
        for (int i = 0; i < gs.length; i++) {
            reduce[i] = i < lead || (shape[i - lead] == 1 && gs[i] != 1);
        }
        Tensor r = reduce(g, reduce, true, g.dtype());
        return r.reshape(shape);
    }

    static Tensor extreme(Tensor a, boolean max) {
        if (a.numel() == 0) {
            throw new IllegalArgumentException((max ? "max" : "min") + "(): Expected reduction dim to be specified for "
                    + "input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
        }
        double[] v = a.toDoubleArray();
        double best = v[0];
        for (double x : v) {
            if (Double.isNaN(x)) {
                best = x;
                break;
            }
            if (max ? x > best : x < best) best = x;
        }
        return Tensor.scalar(best, a.dtype());
    }

    // ---------------------------------------------------------------- matrix products

    static Tensor mm(Tensor a, Tensor b) {
        if (a.dim() != 2) throw new IllegalArgumentException("self must be a matrix");
        if (b.dim() != 2) throw new IllegalArgumentException("mat2 must be a matrix");
        if (a.size(1) != b.size(0)) {
            throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + a.size(0) + "x" + a.size(1)
                    + " and " + b.size(0) + "x" + b.size(1) + ")");
        }
        if (a.dtype() != b.dtype()) throw new IllegalArgumentException("mat1 and mat2 must have the same dtype");
        Tensor out = matmul2d(a, b);
        return Autograd.record("MmBackward0", out, g -> new Tensor[] {
                a.requiresGrad() ? g.mm(b.detach().t()) : null,
                b.requiresGrad() ? a.detach().t().mm(g) : null}, a, b);
    }

    /** Plain product of two 2-D tensors of one floating dtype (no autograd). */
    static Tensor matmul2d(Tensor a, Tensor b) {
        int m = a.size(0), k = a.size(1), n = b.size(1);
        DType t = a.dtype();
        if (!t.isFloatingPoint()) {
            throw new IllegalArgumentException("\"addmm_impl_cpu_\" not implemented for '" + t.scalarTypeName() + "'");
        }
        Tensor ac = a.detach().contiguous(), bt = b.detach().t().contiguous();
        Tensor out = Tensor.contiguous(t, new int[] {m, n});
        if (t == DType.FLOAT32) {
            Gemm.matmulNT(ac.rawFloats(), ac.storageOffset(), bt.rawFloats(), bt.storageOffset(),
                    out.rawFloats(), m, n, k);
        } else {
            Gemm.matmulNT(ac.rawDoubles(), ac.storageOffset(), bt.rawDoubles(), bt.storageOffset(),
                    out.rawDoubles(), m, n, k);
        }
        return out;
    }


    /** Matrix times vector, {@code torch.mv} (grad_fn {@code MvBackward0}). */
    static Tensor mv(Tensor a, Tensor b) {
        if (a.size(1) != b.size(0)) {
            throw new IllegalArgumentException("size mismatch, got " + a.size(0) + ", " + a.size(0) + "x" + a.size(1)
                    + "," + b.size(0));
        }
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + a.dtype().scalarTypeName() + " but found "
                    + b.dtype().scalarTypeName());
        }
        Tensor out = matmul2d(a, b.detach().unsqueeze(1)).reshape(a.size(0));
        return Autograd.record("MvBackward0", out, g -> new Tensor[] {
                a.requiresGrad() ? g.unsqueeze(1).mm(b.detach().unsqueeze(0)) : null,
                b.requiresGrad() ? a.detach().t().mm(g.unsqueeze(1)).reshape(b.size(0)) : null}, a, b);
    }

    static Tensor matmul(Tensor a, Tensor b) {
        if (a.dim() == 0 || b.dim() == 0) {
            throw new IllegalArgumentException("both arguments to matmul need to be at least 1D, but they are "
                    + a.dim() + "D and " + b.dim() + "D");
        }
        if (a.dim() == 1 && b.dim() == 1) {
            if (a.size(0) != b.size(0)) {
                throw new IllegalArgumentException("inconsistent tensor size, expected tensor [" + a.size(0)
                        + "] and src [" + b.size(0) + "] to have the same number of elements, but got " + a.size(0)
                        + " and " + b.size(0) + " elements respectively");
            }
            Tensor out = matmul2d(a.detach().unsqueeze(0), b.detach().unsqueeze(1)).reshape();
            return Autograd.record("DotBackward0", out.detach(), g -> new Tensor[] {
                    b.detach().mul(g), a.detach().mul(g)}, a, b);
        }
        if (a.dim() == 2 && b.dim() == 2) return mm(a, b);
        if (a.dim() == 2 && b.dim() == 1) return mv(a, b);
        if (a.dim() == 1 && b.dim() == 2) {
            // torch: self.unsqueeze(0).mm(other).squeeze_(0), recorded as SqueezeBackward3
            Tensor prod = mm(a.unsqueeze(0), b);
            return Autograd.recordStateless("SqueezeBackward3", prod.detach().squeeze(0),
                    g -> new Tensor[] {g.unsqueeze(0)}, prod);
        }
        if (a.dim() == 1) return matmul(a.unsqueeze(0), b).squeeze(-2);
        if (b.dim() == 1) return matmul(a, b.unsqueeze(1)).squeeze(-1);
        if (b.dim() == 2) {
            // torch folds the batch dims into mm and unfolds with _unsafe_view (UnsafeViewBackward0)
            int[] s = a.sizes();
            Tensor flat = a.reshape(-1, s[s.length - 1]);
            s[s.length - 1] = b.size(1);
            Tensor prod = mm(flat, b);
            int[] prodShape = prod.sizes();
            return Autograd.recordStateless("UnsafeViewBackward0", prod.detach().view(s),
                    g -> new Tensor[] {g.reshape(prodShape)}, prod);
        }
        throw new UnsupportedOperationException("batched matmul with a batched right operand is not supported yet");
    }
}
