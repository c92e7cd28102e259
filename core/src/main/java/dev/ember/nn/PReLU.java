package dev.ember.nn;

import dev.ember.nn.functional.F;
import dev.ember.tensor.DType;
import dev.ember.tensor.Tensor;

/**
 * {@code nn.PReLU(num_parameters=1, init=0.25)}: {@code x > 0 ? x : w[c]·x} with a learnable slope per
 * channel (dim 1) or one shared slope. No random draws.
 */
public final class PReLU extends Module {
    private final int numParameters;

    public PReLU() { this(1, 0.25); }

    public PReLU(int numParameters) { this(numParameters, 0.25); }

    public PReLU(int numParameters, double init) { this(numParameters, init, DType.FLOAT32); }

    public PReLU(int numParameters, double init, DType dtype) {
        this.numParameters = numParameters;
        registerParameter("weight", new Parameter(Tensor.full(init, dtype, numParameters)));
    }

    public Parameter weight() { return parameter("weight"); }

    public int numParameters() { return numParameters; }

    @Override
    public Tensor forward(Tensor input) { return F.prelu(input, weight()); }

    @Override
    public String extraRepr() { return "num_parameters=" + numParameters; }
}
