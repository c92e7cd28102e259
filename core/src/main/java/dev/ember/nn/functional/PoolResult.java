package dev.ember.nn.functional;

import dev.ember.tensor.Tensor;

/** Max pooling's {@code (values, indices)} pair; indices are int64, flat within each (n, c) plane. */
public record PoolResult(Tensor values, Tensor indices) {}
