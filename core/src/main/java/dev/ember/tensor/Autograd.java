package dev.ember.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The autograd engine: ops record a {@link Node} next to their forward computation, and
 * {@link #backward} runs the recorded backward functions in reverse topological order,
 * accumulating into the leaves' {@code grad}.
 */
public final class Autograd {
    private Autograd() {}

    /**
     * Records {@code out} as the result of an op named {@code name} over {@code inputs}, when grad mode
     * is on and some input requires grad. The backward reads the inputs: modifying one in place before
     * backward makes backward fail, as in PyTorch.
     */
    public static Tensor record(String name, Tensor out, Node.Backward backward, Tensor... inputs) {
        return recordSaving(name, out, inputs, backward, inputs);
    }

    /** As {@link #record(String, Tensor, Node.Backward, Tensor...)}, naming exactly the tensors backward reads. */
    public static Tensor recordSaving(String name, Tensor out, Tensor[] saved, Node.Backward backward, Tensor... inputs) {
        if (!GradMode.isEnabled() || !anyRequiresGrad(inputs)) return out;
        out.setGradFn(new Node(name, inputs, backward, saved.clone()));
        return out;
    }

    /** As {@link #record(String, Tensor, Node.Backward, Tensor...)} for ops whose backward reads no tensor. */
    public static Tensor recordStateless(String name, Tensor out, Node.Backward backward, Tensor... inputs) {
        if (!GradMode.isEnabled() || !anyRequiresGrad(inputs)) return out;
        out.setGradFn(new Node(name, inputs, backward, null));
        return out;
    }

    /**
     * Records an in-place op on {@code self} whose backward reads {@code self}'s new values: its history
     * becomes {@code name} over its previous history. Call {@link #checkInPlace} before modifying the
     * data and {@link #markModified} after.
     */
    public static Tensor recordInPlace(String name, Tensor self, Node.Backward backward) {
        if (!GradMode.isEnabled() || !self.requiresGrad()) return self;
        self.setGradFn(new Node(name, new Tensor[] {self}, backward, new Tensor[] {self}));
        return self;
    }

    /** As {@link #recordInPlace(String, Tensor, Node.Backward)} for in-place ops whose backward reads nothing. */
    static Tensor recordInPlaceStateless(String name, Tensor self, Node.Backward backward) {
        if (!GradMode.isEnabled() || !self.requiresGrad()) return self;
        self.setGradFn(new Node(name, new Tensor[] {self}, backward, null));
        return self;
    }

    /** Bumps the version of {@code t}'s storage after an in-place write ({@code tensor._version}). */
    public static void markModified(Tensor t) { t.bumpVersion(); }

    /**
     * Refuses in-place modification of a leaf that requires grad, or of a view of one, as PyTorch does.
     * In-place ops on a view of a non-leaf that requires grad are refused too: PyTorch rewrites the
     * base's history there ({@code CopySlices}), which Ember does not, and a silently wrong gradient is
     * worse than an error.
     */
    public static void checkInPlace(Tensor self) {
        if (!GradMode.isEnabled()) return;
        if (self.requiresGrad() && self.isLeaf()) {
            throw new IllegalStateException("a leaf Variable that requires grad is being used in an in-place operation.");
        }
        Tensor base = self.viewBase();
        if (base != null && base.requiresGrad()) {
            if (base.isLeaf()) {
                throw new IllegalStateException("a view of a leaf Variable that requires grad is being used in an "
                        + "in-place operation.");
            }
            throw new UnsupportedOperationException("in-place operation on a view of a tensor that requires grad is not "
                    + "supported by Ember (PyTorch would rebase the view's history with CopySlices); use an "
                    + "out-of-place operation instead");
        }
    }

    /** True when grad mode is on and one of the tensors requires grad: the op will be recorded. */
    public static boolean isRecording(Tensor... inputs) {
        return GradMode.isEnabled() && anyRequiresGrad(inputs);
    }

    private static boolean anyRequiresGrad(Tensor[] inputs) {
        for (Tensor t : inputs) if (t != null && t.requiresGrad()) return true;
        return false;
    }

    static void backward(Tensor root, Tensor gradient, boolean retainGraph) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("element 0 of tensors does not require grad and does not have a grad_fn");
        }
        if (gradient == null) {
            if (root.numel() != 1) {
                throw new IllegalArgumentException("grad can be implicitly created only for scalar outputs");
            }
            gradient = Tensor.onesLike(root);
        } else if (!gradient.shape().equals(root.shape())) {
            throw new IllegalArgumentException("Mismatch in shape: grad_output[0] has a shape of " + gradient.shape()
                    + " and output[0] has a shape of " + root.shape() + ".");
        }
        Set<Object> handedOut = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        handedOut.add(gradient.dataRef()); // the caller's gradient is never taken over
        try (var scope = GradMode.noGrad()) {
            if (root.gradFn() == null) {
                accumulate(root, gradient, true, handedOut);
                return;
            }
            List<Node> order = topologicalOrder(root.gradFn());
            Map<Node, Tensor> pending = new IdentityHashMap<>();
            pending.put(root.gradFn(), gradient);
            for (Node node : order) {
                Tensor g = pending.remove(node);
                if (g == null) continue;
                if (node.retained != null) accumulate(node.retained, g, false, handedOut);
                Tensor[] grads = node.apply(g);
                if (!retainGraph) node.release();
                blockShared(node, grads, handedOut);
                for (int i = 0; i < node.producers.length; i++) {
                    if (!node.inputNeedsGrad[i] || grads[i] == null) continue;
                    if (node.producers[i] != null) pending.merge(node.producers[i], grads[i], Tensor::add);
                    else accumulate(node.leaves[i], grads[i], true, handedOut);
                }
            }
        }
    }

    /**
     * Adds {@code g} to {@code t.grad}. A leaf's existing grad is updated in place, as PyTorch's
     * AccumulateGrad does ({@code grad += new_grad}), so references to it see the sum; a retained
     * non-leaf grad is replaced by {@code grad + new_grad}. A first gradient is taken over without a
     * copy (PyTorch steals it too) when nothing else can see its storage: a dense tensor over its
     * whole array, not the caller's gradient, not yet handed to another tensor in this pass.
     */
    private static void accumulate(Tensor t, Tensor g, boolean inPlace, Set<Object> handedOut) {
        if (g.dtype() != t.dtype()) g = g.to(t.dtype());
        Tensor current = t.grad();
        if (current == null) {
            boolean takeOver = g.storageOffset() == 0 && g.isContiguous() && g.numel() > 0
                    && g.numel() == java.lang.reflect.Array.getLength(g.dataRef()) && handedOut.add(g.dataRef());
            t.setGrad(takeOver ? g.detach() : g.detach().clone());
        }
        else if (inPlace) current.copy_(current.add(g));
        else t.setGrad(current.add(g));
    }

    /**
     * A gradient object (or storage) that one backward returns for several inputs (AddBackward's
     * {@code g, g}) goes to several places, so none of them may take it over.
     */
    private static void blockShared(Node node, Tensor[] grads, Set<Object> handedOut) {
        for (int i = 0; i < grads.length; i++) {
            if (grads[i] == null || !node.inputNeedsGrad[i]) continue;
            for (int j = i + 1; j < grads.length; j++) {
                if (grads[j] != null && node.inputNeedsGrad[j] && grads[j].dataRef() == grads[i].dataRef()) {
                    handedOut.add(grads[i].dataRef());
                }
            }
        }
    }

    /** Nodes reachable from {@code root}, each after every node that feeds gradient into it. */
    private static List<Node> topologicalOrder(Node root) {
        Map<Node, Integer> dependents = new IdentityHashMap<>();
        Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        seen.add(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            for (Node p : n.producers) {
                if (p == null) continue;
                dependents.merge(p, 1, Integer::sum);
                if (seen.add(p)) stack.push(p);
            }
        }
        List<Node> order = new ArrayList<>(seen.size());
        ArrayDeque<Node> ready = new ArrayDeque<>();
        ready.add(root);
        while (!ready.isEmpty()) {
            Node n = ready.poll();
            order.add(n);
            for (Node p : n.producers) {
                if (p == null) continue;
                if (dependents.merge(p, -1, Integer::sum) == 0) ready.add(p);
            }
        }
        return order;
    }
}
