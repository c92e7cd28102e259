package dev.ember.nn;

import dev.ember.nn.functional.F;
import dev.ember.tensor.Tensor;

/** {@code nn.ReLU(inplace=False)}: {@code max(0, x)}; gradient 0 at x = 0. */
public final class ReLU extends Module {
    private final boolean inplace;

    public ReLU() { this(false); }

    public ReLU(boolean inplace) { this.inplace = inplace; }

    public boolean inplace() { return inplace; }

    @Override
    public Tensor forward(Tensor input) { return inplace ? F.relu_(input) : F.relu(input); }

    @Override
    public String extraRepr() { return inplace ? "inplace=True" : ""; }
}
