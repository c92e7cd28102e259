package dev.ember.nn.functional;

import dev.ember.kernels.ActivationKernels;
import dev.ember.random.Generator;
import dev.ember.random.RandomKernels;
import dev.ember.tensor.Autograd;
import dev.ember.tensor.DType;
import dev.ember.tensor.Node;
import dev.ember.tensor.Tensor;

/**
 * Functional activations: ReLU, LeakyReLU, PReLU, RReLU, Sigmoid, Tanh; forward next to backward,
 * with PyTorch's grad_fn names and dtype rules.
 */
public final class Activations {
    private Activations() {}

    /** A dense copy of the input (or the input itself when already dense from offset 0). */
    private static Tensor dense(Tensor t) { return Pooling.offsetFree(t.detach().contiguous()); }

    private static void requireFloat(Tensor x, String kernel) {
        if (!x.isFloatingPoint()) {
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for '" + x.dtype().scalarTypeName() + "'");
        }
    }

    // ---------------------------------------------------------------- ReLU

    public static Tensor relu(Tensor x) {
        if (x.dtype() == DType.BOOL) throw new IllegalArgumentException("Boolean inputs not supported for relu");
        Tensor in = dense(x);
        Tensor out = Tensor.uninitializedLike(in);
        reluInto(in, out);
        return recordRelu(out, x);
    }

    /** In place, like {@code F.relu(x, inplace=True)}; returns {@code x}. */
    public static Tensor relu_(Tensor x) {
        if (x.dtype() == DType.BOOL) throw new IllegalArgumentException("Boolean inputs not supported for relu");
        Autograd.checkInPlace(x);
        Tensor in = dense(x);
        Tensor out = in.sharesStorageWith(x) ? in : Tensor.uninitializedLike(in);
        reluInto(in, out);
        if (out != in) x.detach().copy_(out);
        Autograd.markModified(x);
        Tensor y = x.detach();
        return Autograd.recordInPlace("ReluBackward0", x, g -> new Tensor[] {reluBackward(g, y)});
    }

    private static void reluInto(Tensor in, Tensor out) {
        int n = in.numel();
        switch (in.dtype()) {
            case FLOAT32 -> ActivationKernels.relu(in.floatStorage(), 0, out.floatStorage(), 0, n);
            case FLOAT64 -> ActivationKernels.relu(in.doubleStorage(), 0, out.doubleStorage(), 0, n);
            default -> ActivationKernels.relu(in.longStorage(), 0, out.longStorage(), 0, n);
        }
    }

    private static Tensor recordRelu(Tensor out, Tensor x) {
        return Autograd.recordSaving("ReluBackward0", out, new Tensor[] {out}, g -> new Tensor[] {reluBackward(g, out)}, x);
    }

    private static Tensor reluBackward(Tensor grad, Tensor y) {
        Tensor g = dense(grad), yd = dense(y);
        Tensor gx = Tensor.uninitializedLike(g);
        if (g.dtype() == DType.FLOAT32) ActivationKernels.reluBackward(g.floatStorage(), yd.floatStorage(), 0, gx.floatStorage(), g.numel());
        else ActivationKernels.reluBackward(g.doubleStorage(), yd.doubleStorage(), 0, gx.doubleStorage(), g.numel());
        return gx;
    }

    // ---------------------------------------------------------------- LeakyReLU

    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        requireFloat(x, "leaky_relu_cpu");
        Tensor in = dense(x);
        Tensor out = Tensor.uninitializedLike(in);
        leakyInto(in, out, negativeSlope);
        return Autograd.record("LeakyReluBackward0", out,
                g -> new Tensor[] {leakyBackward(g, in, negativeSlope)}, x);
    }

    /** In place; backward tests the output, and PyTorch refuses it for a negative slope. */
    public static Tensor leakyRelu_(Tensor x, double negativeSlope) {
        requireFloat(x, "leaky_relu_cpu");
        Autograd.checkInPlace(x);
        Tensor in = dense(x);
        Tensor out = in.sharesStorageWith(x) ? in : Tensor.uninitializedLike(in);
        leakyInto(in, out, negativeSlope);
        if (out != in) x.detach().copy_(out);
        Autograd.markModified(x);
        Tensor y = x.detach();
        return Autograd.recordInPlace("LeakyReluBackward1", x, g -> {
            if (negativeSlope < 0) {
                throw new IllegalStateException("In-place leakyReLu backward calculation is triggered with a negative "
                        + "slope which is not supported. This is caused by calling in-place forward function with a "
                        + "negative slope, please call out-of-place version instead. File an issue at "
                        + "https://github.com/pytorch/pytorch if you do require supporting in-place leakRelu backward "
                        + "calculation with negative slope");
            }
            return new Tensor[] {leakyBackward(g, y, negativeSlope)};
        });
    }

    private static void leakyInto(Tensor in, Tensor out, double slope) {
        if (in.dtype() == DType.FLOAT32) {
            ActivationKernels.leakyRelu(in.floatStorage(), 0, out.floatStorage(), 0, in.numel(), (float) slope);
        } else {
            ActivationKernels.leakyRelu(in.doubleStorage(), 0, out.doubleStorage(), 0, in.numel(), slope);
        }
    }

    static Tensor leakyBackward(Tensor grad, Tensor x, double slope) {
        Tensor g = dense(grad), xd = dense(x);
        Tensor gx = Tensor.uninitializedLike(g);
        if (g.dtype() == DType.FLOAT32) {
            ActivationKernels.leakyReluBackward(g.floatStorage(), xd.floatStorage(), 0, gx.floatStorage(), g.numel(),
                    (float) slope);
        } else {
            ActivationKernels.leakyReluBackward(g.doubleStorage(), xd.doubleStorage(), 0, gx.doubleStorage(), g.numel(),
                    slope);
        }
        return gx;
    }

    // ---------------------------------------------------------------- PReLU

    /** {@code F.prelu}: {@code weight[c]} scales the negative part of channel c (dim 1), or all when it has one value. */
    public static Tensor prelu(Tensor x, Tensor weight) {
        int params = weight.numel();
        if (x.dim() == 0 && params != 1) throw new IllegalArgumentException("Not allow zero-dim input tensor.");
        int channels = x.dim() >= 2 ? x.size(1) : 1;
        if (params != 1 && params != channels) {
            throw new IllegalArgumentException("Mismatch of parameter numbers and input channel size. Found parameter "
                    + "numbers = " + params + " and channel size = " + channels + ".");
        }
        if (x.dtype() != weight.dtype()) {
            throw new IllegalArgumentException("Found dtype " + weight.dtype().scalarTypeName() + " but expected "
                    + x.dtype().scalarTypeName());
        }
        requireFloat(x, "prelu_cpu");
        int inner = 1;
        if (params != 1) for (int d = 2; d < x.dim(); d++) inner *= x.size(d);
        int ch = params == 1 ? 1 : channels, in = params == 1 ? Math.max(x.numel(), 1) : inner;
        Tensor xd = dense(x), w = dense(weight);
        Tensor out = Tensor.uninitializedLike(xd);
        int n = xd.numel();
        if (x.dtype() == DType.FLOAT32) {
            ActivationKernels.prelu(xd.floatStorage(), 0, w.floatStorage(), out.floatStorage(), n, ch, in);
        } else {
            ActivationKernels.prelu(xd.doubleStorage(), 0, w.doubleStorage(), out.doubleStorage(), n, ch, in);
        }
        int[] wShape = weight.sizes();
        return Autograd.record("PreluBackward0", out, grad -> {
            Tensor g = dense(grad);
            Tensor gx = Tensor.uninitializedLike(g), gw = Tensor.zeros(g.dtype(), wShape);
            if (g.dtype() == DType.FLOAT32) {
                ActivationKernels.preluBackward(g.floatStorage(), xd.floatStorage(), 0, w.floatStorage(), gx.floatStorage(),
                        gw.floatStorage(), n, ch, in);
            } else {
                ActivationKernels.preluBackward(g.doubleStorage(), xd.doubleStorage(), 0, w.doubleStorage(),
                        gx.doubleStorage(), gw.doubleStorage(), n, ch, in);
            }
            return new Tensor[] {gx, gw};
        }, x, weight);
    }

    // ---------------------------------------------------------------- Sigmoid, Tanh

    public static Tensor sigmoid(Tensor x) {
        Tensor xd = dense(x.isFloatingPoint() ? x : x.detach().to(DType.FLOAT32));
        Tensor out = Tensor.uninitializedLike(xd);
        if (xd.dtype() == DType.FLOAT32) ActivationKernels.sigmoid(xd.floatStorage(), 0, out.floatStorage(), xd.numel());
        else ActivationKernels.sigmoid(xd.doubleStorage(), 0, out.doubleStorage(), xd.numel());
        return Autograd.recordSaving("SigmoidBackward0", out, new Tensor[] {out}, grad -> {
            Tensor g = dense(grad), gx = Tensor.uninitializedLike(g);
            if (g.dtype() == DType.FLOAT32) ActivationKernels.sigmoidBackward(g.floatStorage(), out.floatStorage(), gx.floatStorage(), g.numel());
            else ActivationKernels.sigmoidBackward(g.doubleStorage(), out.doubleStorage(), gx.doubleStorage(), g.numel());
            return new Tensor[] {gx};
        }, x);
    }

    public static Tensor tanh(Tensor x) {
        Tensor xd = dense(x.isFloatingPoint() ? x : x.detach().to(DType.FLOAT32));
        Tensor out = Tensor.uninitializedLike(xd);
        if (xd.dtype() == DType.FLOAT32) ActivationKernels.tanh(xd.floatStorage(), 0, out.floatStorage(), xd.numel());
        else ActivationKernels.tanh(xd.doubleStorage(), 0, out.doubleStorage(), xd.numel());
        return Autograd.recordSaving("TanhBackward0", out, new Tensor[] {out}, grad -> {
            Tensor g = dense(grad), gx = Tensor.uninitializedLike(g);
            if (g.dtype() == DType.FLOAT32) ActivationKernels.tanhBackward(g.floatStorage(), out.floatStorage(), gx.floatStorage(), g.numel());
            else ActivationKernels.tanhBackward(g.doubleStorage(), out.doubleStorage(), gx.doubleStorage(), g.numel());
            return new Tensor[] {gx};
        }, x);
    }

    // ---------------------------------------------------------------- RReLU (eval; training draws noise)

    /** RReLU's evaluation slope: {@code (lower + upper) / 2} in double. */
    public static double rreluEvalSlope(double lower, double upper) { return (lower + upper) / 2; }

    static void checkRreluBounds(double lower, double upper) {
        if (lower > upper) {
            throw new IllegalArgumentException("Lower bound should be less than or equal to the upper bound (lower="
                    + lower + ", upper=" + upper + ")");
        }
    }

    /** {@code F.rrelu(x, lower, upper, training=False)}: a leaky ReLU with the mean slope, recorded as RReLU. */
    public static Tensor rreluEval(Tensor x, double lower, double upper) {
        checkRreluBounds(lower, upper);
        requireFloat(x, "leaky_relu_cpu");
        double slope = rreluEvalSlope(lower, upper);
        Tensor in = dense(x);
        Tensor out = Tensor.uninitializedLike(in);
        leakyInto(in, out, slope);
        return Autograd.record("RreluWithNoiseBackward0", out, g -> new Tensor[] {leakyBackward(g, in, slope)}, x);
    }

    /** In-place eval RReLU: the in-place leaky ReLU with the mean slope, recorded as RReLU. */
    public static Tensor rreluEval_(Tensor x, double lower, double upper) {
        checkRreluBounds(lower, upper);
        requireFloat(x, "leaky_relu_cpu");
        return leakyRelu_(x, rreluEvalSlope(lower, upper));
    }

    /** Training RReLU: a slope per element ≤ 0 from the default generator; backward multiplies by it. */
    public static Tensor rreluTrain(Tensor x, double lower, double upper, boolean inplace) {
        checkRreluBounds(lower, upper);
        requireFloat(x, "rrelu_with_noise_out_cpu");
        if (inplace) Autograd.checkInPlace(x);
        Tensor in = dense(x);
        Tensor noise = Tensor.uninitializedLike(in);
        Tensor out = inplace && in.sharesStorageWith(x) ? in : Tensor.uninitializedLike(in);
        int n = in.numel();
        Generator g = Generator.defaultGenerator();
        if (in.dtype() == DType.FLOAT32) {
            RandomKernels.rreluNoise(g, in.floatStorage(), 0, noise.floatStorage(), 0, out.floatStorage(), 0, n, lower, upper);
        } else {
            RandomKernels.rreluNoise(g, in.doubleStorage(), 0, noise.doubleStorage(), 0, out.doubleStorage(), 0, n, lower,
                    upper);
        }
        Node.Backward backward = grad -> {
            Tensor gd = dense(grad), gx = Tensor.uninitializedLike(gd);
            if (gd.dtype() == DType.FLOAT32) ActivationKernels.mul(gd.floatStorage(), noise.floatStorage(), gx.floatStorage(), n);
            else ActivationKernels.mul(gd.doubleStorage(), noise.doubleStorage(), gx.doubleStorage(), n);
            return new Tensor[] {gx};
        };
        if (!inplace) return Autograd.record("RreluWithNoiseBackward0", out, backward, x);
        if (out != in) x.detach().copy_(out);
        Autograd.markModified(x);
        return Autograd.recordInPlace("RreluWithNoiseBackward1", x, backward);
    }
}
