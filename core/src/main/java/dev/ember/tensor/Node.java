package dev.ember.tensor;

/**
 * One recorded operation of the autograd graph: PyTorch's {@code grad_fn}. It knows where the
 * gradient of each input goes (another node, or a leaf tensor that accumulates it) and how to map
 * the gradient of its output to the gradients of its inputs.
 */
public final class Node {
    /** Maps the gradient of the output to one gradient per input (null where an input gets none). */
    @FunctionalInterface
    public interface Backward {
        Tensor[] apply(Tensor gradOutput);
    }

    private final String name;
    final Node[] producers;
    final Tensor[] leaves;
    final boolean[] inputNeedsGrad;
    private Backward backward;
    private final Tensor[] saved;
    private final int[] savedVersions;
    Tensor retained;

    /** {@code saved}: the tensors the backward reads (checked for in-place changes), or null when it saves none. */
    Node(String name, Tensor[] inputs, Backward backward, Tensor[] saved) {
        this.name = name;
        this.producers = new Node[inputs.length];
        this.leaves = new Tensor[inputs.length];
        this.inputNeedsGrad = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Tensor in = inputs[i];
            if (in == null || !in.requiresGrad()) continue;
            inputNeedsGrad[i] = true;
            if (in.gradFn() != null) producers[i] = in.gradFn();
            else leaves[i] = in;
        }
        this.backward = backward;
        this.saved = saved;
        this.savedVersions = new int[saved == null ? 0 : saved.length];
        for (int i = 0; i < savedVersions.length; i++) savedVersions[i] = saved[i] == null ? 0 : saved[i].version();
    }

    /** PyTorch's name for this backward function, e.g. {@code AddmmBackward0}. */
    public String name() { return name; }

    /** Whether the gradient of input {@code i} is needed (ops may skip computing the others). */
    public boolean needsInputGrad(int i) { return inputNeedsGrad[i]; }

    Tensor[] apply(Tensor gradOutput) {
        if (backward == null) {
            throw new IllegalStateException("Trying to backward through the graph a second time (or directly access "
                    + "saved tensors after they have already been freed). Saved intermediate values of the graph are "
                    + "freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to "
                    + "backward through the graph a second time or if you need to access saved tensors after calling "
                    + "backward. (node " + name + ")");
        }
        for (int i = 0; i < savedVersions.length; i++) {
            Tensor t = saved[i];
            if (t != null && t.version() != savedVersions[i]) {
                throw new IllegalStateException("one of the variables needed for gradient computation has been modified "
                        + "by an inplace operation: [torch." + t.dtype().scalarTypeName() + "Tensor "
                        + Shapes.str(t.sizes()) + "], which is saved by " + name + ", is at version " + t.version()
                        + "; expected version " + savedVersions[i] + " instead.");
            }
        }
        return backward.apply(gradOutput);
    }

    void release() {
        if (saved != null) backward = null;
    }

    @Override
    public String toString() { return "<" + name + ">"; }
}
