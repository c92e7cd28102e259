package dev.ember.nn;

import dev.ember.nn.functional.F;
import dev.ember.tensor.PyRepr;
import dev.ember.tensor.Tensor;

/**
 * {@code nn.LeakyReLU(negative_slope=0.01, inplace=False)}: {@code x > 0 ? x : slope·x}. The slope is
 * kept as given (an Integer prints as {@code 1}, a Double as {@code 1.0}) because the repr echoes it.
 */
public final class LeakyReLU extends Module {
    private final Number negativeSlope;
    private final boolean inplace;

    public LeakyReLU() { this(0.01, false); }

    public LeakyReLU(double negativeSlope) { this(negativeSlope, false); }

    public LeakyReLU(Number negativeSlope, boolean inplace) {
        this.negativeSlope = negativeSlope;
        this.inplace = inplace;
    }

    public double negativeSlope() { return negativeSlope.doubleValue(); }

    @Override
    public Tensor forward(Tensor input) {
        return inplace ? F.leakyRelu_(input, negativeSlope()) : F.leakyRelu(input, negativeSlope());
    }

    @Override
    public String extraRepr() {
        return "negative_slope=" + PyRepr.number(negativeSlope) + (inplace ? ", inplace=True" : "");
    }
}
