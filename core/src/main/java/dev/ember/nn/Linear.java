package dev.ember.nn;

import dev.ember.nn.functional.F;
import dev.ember.tensor.DType;
import dev.ember.tensor.Tensor;

/**
 * {@code nn.Linear(in_features, out_features, bias=True)}: {@code y = x·Wᵀ + b} over the last dim;
 * {@code weight} is (out, in). Initialised as PyTorch does: kaiming-uniform with a = √5 for the
 * weight, then the bias uniform in ±1/√in, both from the default generator.
 */
public final class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;

    public Linear(int inFeatures, int outFeatures) { this(inFeatures, outFeatures, true); }

    public Linear(int inFeatures, int outFeatures, boolean bias) { this(inFeatures, outFeatures, bias, DType.FLOAT32); }

    public Linear(int inFeatures, int outFeatures, boolean bias, DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("Linear: dtype must be floating point, but got " + dtype.torchName());
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        registerParameter("weight", new Parameter(Tensor.empty(dtype, outFeatures, inFeatures)));
        registerParameter("bias", bias ? new Parameter(Tensor.empty(dtype, outFeatures)) : null);
        resetParameters();
    }

    /** PyTorch's {@code reset_parameters}: draws the weight, then the bias, from the default generator. */
    public void resetParameters() {
        Init.kaimingUniform_(weight(), Math.sqrt(5));
        if (bias() != null) {
            int fanIn = Init.fanInAndFanOut(weight())[0];
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            Init.uniform_(bias(), -bound, bound);
        }
    }

    public Parameter weight() { return parameter("weight"); }

    /** The bias, or null for {@code bias=False}. */
    public Parameter bias() { return parameter("bias"); }

    public int inFeatures() { return inFeatures; }

    public int outFeatures() { return outFeatures; }

    @Override
    public Tensor forward(Tensor input) { return F.linear(input, weight(), bias()); }

    @Override
    public String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + (bias() != null ? "True" : "False");
    }
}
