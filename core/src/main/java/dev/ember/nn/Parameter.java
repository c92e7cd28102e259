package dev.ember.nn;

import dev.ember.tensor.Tensor;

/** A tensor that is a module's learnable state: it requires grad and prints as PyTorch's Parameter. */
public final class Parameter extends Tensor {
    /** Wraps {@code data}'s storage (not copied), requiring grad. */
    public Parameter(Tensor data) {
        this(data, true);
    }

    public Parameter(Tensor data, boolean requiresGrad) {
        super(data);
        if (requiresGrad) requiresGrad_(true);
    }

    @Override
    public String toString() { return "Parameter containing:\n" + super.toString(); }
}
