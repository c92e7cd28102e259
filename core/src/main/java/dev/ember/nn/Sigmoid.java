package dev.ember.nn;

import dev.ember.nn.functional.F;
import dev.ember.tensor.Tensor;

/** {@code nn.Sigmoid}: {@code 1 / (1 + e^−x)}; gradient {@code y·(1 − y)}. */
public final class Sigmoid extends Module {
    @Override
    public Tensor forward(Tensor input) { return F.sigmoid(input); }
}
