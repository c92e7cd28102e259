package dev.ember.nn;

import dev.ember.nn.functional.F;
import dev.ember.tensor.Tensor;

/** {@code nn.Tanh}; gradient {@code 1 − y²}. */
public final class Tanh extends Module {
    @Override
    public Tensor forward(Tensor input) { return F.tanh(input); }
}
