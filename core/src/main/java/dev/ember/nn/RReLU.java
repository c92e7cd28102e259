package dev.ember.nn;

import dev.ember.nn.functional.F;
import dev.ember.tensor.PyRepr;
import dev.ember.tensor.Tensor;

/**
 * {@code nn.RReLU(lower=1/8, upper=1/3, inplace=False)}: in training each element ≤ 0 gets a random
 * slope drawn uniformly from [lower, upper) (from the default generator, reused by backward); in
 * eval mode the slope is {@code (lower + upper) / 2}.
 */
public final class RReLU extends Module {
    private final Number lower;
    private final Number upper;
    private final boolean inplace;

    public RReLU() { this(1.0 / 8, 1.0 / 3, false); }

    public RReLU(double lower, double upper) { this(lower, upper, false); }

    public RReLU(Number lower, Number upper, boolean inplace) {
        this.lower = lower;
        this.upper = upper;
        this.inplace = inplace;
    }

    public double lower() { return lower.doubleValue(); }

    public double upper() { return upper.doubleValue(); }

    @Override
    public Tensor forward(Tensor input) {
        return inplace ? F.rrelu_(input, lower(), upper(), isTraining()) : F.rrelu(input, lower(), upper(), isTraining());
    }

    @Override
    public String extraRepr() {
        return "lower=" + PyRepr.number(lower) + ", upper=" + PyRepr.number(upper) + (inplace ? ", inplace=True" : "");
    }
}
