package dev.ember.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.nn.functional.F;
import org.junit.jupiter.api.Test;

/**
 * The autograd engine's contract, each behaviour checked against torch 1.13.1 (snippets in the
 * comments; gradient values follow from calculus).
 */
class AutogradTest {

    private static final String SECOND_TIME = "Trying to backward through the graph a second time";
    private static final String LEAF_IN_PLACE = "a leaf Variable that requires grad is being used in an in-place operation.";

    private static Tensor leaf(double... v) { return Tensor.of(v).requiresGrad_(); }

    @Test
    void gradAccumulatesInPlaceAcrossBackwardCalls() {
        // x = torch.ones(2, requires_grad=True); (x*2).sum().backward(); g = x.grad
        // (x*3).sum().backward(); g is x.grad -> True; g -> tensor([5., 5.])
        Tensor x = leaf(1, 1);
        x.mul(2).sum().backward();
        Tensor g = x.grad();
        assertThat(g.toDoubleArray()).containsExactly(2, 2);
        x.mul(3).sum().backward();
        assertThat(x.grad()).isSameAs(g);
        assertThat(g.toDoubleArray()).containsExactly(5, 5);
    }

    @Test
    void aGraphWithSavedTensorsCannotBeRunTwiceUnlessRetained() {
        // y = x.exp().sum(); y.backward(); y.backward() -> RuntimeError: Trying to backward through the graph a second time
        Tensor x = leaf(0, 1);
        Tensor y = x.exp().sum();
        y.backward();
        assertThatThrownBy(y::backward).isInstanceOf(IllegalStateException.class).hasMessageContaining(SECOND_TIME);
        // (x*2) and (x/2) save their operands too
        Tensor m = x.mul(2).sum();
        m.backward();
        assertThatThrownBy(m::backward).hasMessageContaining(SECOND_TIME);
        Tensor d = x.div(2).sum();
        d.backward();
        assertThatThrownBy(d::backward).hasMessageContaining(SECOND_TIME);
        Tensor r = F.relu(x).sum();
        r.backward();
        assertThatThrownBy(r::backward).hasMessageContaining(SECOND_TIME);
    }

    @Test
    void retainGraphAllowsASecondBackward() {
        // y = x.exp().sum(); y.backward(retain_graph=True); y.backward() -> x.grad == 2·exp(x)
        Tensor x = leaf(0, 1);
        Tensor y = x.exp().sum();
        y.backward(Tensor.scalar(1, DType.FLOAT64), true);
        y.backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(2, 2 * Math.E);
    }

    @Test
    void aGraphOfStatelessNodesMayBeRunTwice() {
        // y = (x+x).sum(); y.backward(); y.backward(); x.grad -> tensor([4., 4.])   (also sub, neg, mean, view, expand, select, slice)
        Tensor x = leaf(1, 1);
        Tensor y = x.add(x).sum();
        y.backward();
        y.backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(4, 4);
        Tensor z = x.sub(x.neg()).mean().add(x.view(2, 1).expand(2, 3).sum()).add(x.select(0, 0)).add(x.slice(0, 1, 2, 1).sum());
        z.backward();
        assertThatCode(z::backward).doesNotThrowAnyException();
        // each pass adds d/dx = [1 + 3 + 1, 1 + 3 + 1] = [5, 5]
        assertThat(x.grad().toDoubleArray()).containsExactly(14, 14);
    }

    @Test
    void noGradRecordsNothingAndScopesNest() {
        // with torch.no_grad(): z = x*2  -> z.requires_grad False, z.grad_fn None, z.is_leaf True
        Tensor x = leaf(1, 2);
        Tensor z;
        try (var s = GradMode.noGrad()) {
            z = x.mul(2);
            assertThat(GradMode.isEnabled()).isFalse();
            try (var e = GradMode.enableGrad()) {
                assertThat(x.mul(2).requiresGrad()).isTrue();
            }
            assertThat(GradMode.isEnabled()).isFalse();
            x.fill_(3); // allowed on a leaf when grad mode is off
        }
        assertThat(GradMode.isEnabled()).isTrue();
        assertThat(z.requiresGrad()).isFalse();
        assertThat(z.gradFn()).isNull();
        assertThat(z.isLeaf()).isTrue();
        assertThat(x.toDoubleArray()).containsExactly(3, 3);
    }

    @Test
    void detachSharesStorageOutsideTheGraph() {
        // d = x.detach(): requires_grad False, is_leaf True, same data_ptr
        Tensor x = leaf(1, 2);
        Tensor h = x.mul(2);
        Tensor d = h.detach();
        assertThat(d.requiresGrad()).isFalse();
        assertThat(d.isLeaf()).isTrue();
        assertThat(d.sharesStorageWith(h)).isTrue();
        Tensor y = h.mul(d).sum();
        y.backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(4, 8); // d counts as a constant: 2·d
    }

    @Test
    void leavesAndNonLeaves() {
        // x.is_leaf True; (x*2).is_leaf False; torch.ones(2).is_leaf True; a non-leaf's grad stays None
        Tensor x = leaf(1, 2);
        Tensor h = x.mul(2);
        assertThat(x.isLeaf()).isTrue();
        assertThat(h.isLeaf()).isFalse();
        assertThat(Tensor.ones(2).isLeaf()).isTrue();
        h.sum().backward();
        assertThat(h.grad()).isNull();
        assertThat(x.grad().toDoubleArray()).containsExactly(2, 2);
        assertThatThrownBy(() -> h.requiresGrad_(false))
                .hasMessageContaining("you can only change requires_grad flags of leaf variables");
        assertThatThrownBy(() -> Tensor.of(1L, 2L).requiresGrad_())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("only Tensors of floating point dtype can require gradients");
    }

    @Test
    void retainGradKeepsANonLeafGradAndReplacesIt() {
        // h = x*2; h.retain_grad(); (h*h).sum().backward(retain_graph=True) -> h.grad [4., 4.]
        // g = h.grad; (h*h).sum().backward() -> h.grad [8., 8.], g is h.grad False, g still [4., 4.]
        Tensor x = leaf(1, 1);
        Tensor h = x.mul(2).retainGrad();
        Tensor y = h.mul(h).sum();
        y.backward(Tensor.scalar(1, DType.FLOAT64), true);
        assertThat(h.grad().toDoubleArray()).containsExactly(4, 4);
        Tensor g = h.grad();
        y.backward();
        assertThat(h.grad().toDoubleArray()).containsExactly(8, 8);
        assertThat(h.grad()).isNotSameAs(g);
        assertThat(g.toDoubleArray()).containsExactly(4, 4);
        assertThat(x.grad().toDoubleArray()).containsExactly(16, 16);
        // torch.ones(2).retain_grad() -> can't retain_grad on Tensor that has requires_grad=False
        assertThatThrownBy(() -> Tensor.ones(2).retainGrad())
                .hasMessage("can't retain_grad on Tensor that has requires_grad=False");
    }

    @Test
    void inPlaceOpsOnALeafThatRequiresGradThrow() {
        // x.fill_(1), x.zero_(), x.copy_(z), torch.relu_(x), x.unsqueeze_(0) -> RuntimeError: a leaf Variable that requires grad ...
        Tensor x = Tensor.ones(2).requiresGrad_();
        assertThatThrownBy(() -> x.fill_(1)).hasMessage(LEAF_IN_PLACE);
        assertThatThrownBy(x::zero_).hasMessage(LEAF_IN_PLACE);
        assertThatThrownBy(() -> x.copy_(Tensor.zeros(2))).hasMessage(LEAF_IN_PLACE);
        assertThatThrownBy(() -> F.relu_(x)).hasMessage(LEAF_IN_PLACE);
        assertThatThrownBy(() -> F.leakyRelu_(x, 0.1)).hasMessage(LEAF_IN_PLACE);
        assertThatThrownBy(() -> x.unsqueeze_(0)).hasMessage(LEAF_IN_PLACE);
        assertThat(x.sizes()).containsExactly(2);
    }

    @Test
    void inPlaceOpsOnANonLeafAreRecorded() {
        // h = x*1; torch.relu_(h); h.grad_fn -> ReluBackward0; h.sum().backward(); x.grad -> [0., 1.]
        Tensor x = leaf(-1, 2);
        Tensor h = x.mul(1);
        F.relu_(h);
        assertThat(h.gradFn().name()).isEqualTo("ReluBackward0");
        h.sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(0, 1);
        // h = x*3; h.unsqueeze_(0) -> grad_fn UnsqueezeBackward1, shape [1, 2]; (h*h).sum().backward(); x.grad -> [-18., 36.]
        Tensor y = leaf(-1, 2);
        Tensor k = y.mul(3);
        k.unsqueeze_(0);
        assertThat(k.gradFn().name()).isEqualTo("UnsqueezeBackward1");
        assertThat(k.sizes()).containsExactly(1, 2);
        k.mul(k).sum().backward();
        assertThat(y.grad().toDoubleArray()).containsExactly(-18, 36);
        // UnsqueezeBackward1 saves no tensors: y = x+x; y.unsqueeze_(0); s = y.sum(); s.backward(); s.backward() -> x.grad [4., 4.]
        Tensor z = leaf(1, 1);
        Tensor u = z.add(z);
        u.unsqueeze_(0);
        Tensor s = u.sum();
        s.backward();
        s.backward();
        assertThat(z.grad().toDoubleArray()).containsExactly(4, 4);
    }

    @Test
    void backwardErrors() {
        Tensor x = leaf(1, 2);
        // (x*2).backward() -> grad can be implicitly created only for scalar outputs
        assertThatThrownBy(() -> x.mul(2).backward())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("grad can be implicitly created only for scalar outputs");
        // (x*2).backward(torch.ones(3)) -> Mismatch in shape: ...
        assertThatThrownBy(() -> x.mul(2).backward(Tensor.ones(DType.FLOAT64, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Mismatch in shape: grad_output[0] has a shape of torch.Size([3]) and output[0] has a shape "
                        + "of torch.Size([2]).");
        // torch.ones(2).sum().backward() -> element 0 of tensors does not require grad and does not have a grad_fn
        assertThatThrownBy(() -> Tensor.ones(2).sum().backward())
                .hasMessage("element 0 of tensors does not require grad and does not have a grad_fn");
    }

    @Test
    void explicitGradientAndDtypeOfTheLeafGrad() {
        // x = torch.ones(2, dtype=torch.float64, requires_grad=True); (x.float()*x.float()).backward(torch.tensor([1., 3.]))
        // x.grad -> tensor([2., 6.], dtype=torch.float64)
        Tensor x = leaf(1, 1);
        Tensor f = x.toFloat32();
        f.mul(f).backward(Tensor.of(1f, 3f));
        assertThat(x.grad().dtype()).isEqualTo(DType.FLOAT64);
        assertThat(x.grad().toDoubleArray()).containsExactly(2, 6);
    }

    @Test
    void aLeafRootAccumulatesItsOwnGradient() {
        Tensor x = leaf(1, 2);
        x.backward(Tensor.of(3.0, 4.0));
        x.backward(Tensor.of(1.0, 1.0));
        assertThat(x.grad().toDoubleArray()).containsExactly(4, 5);
    }

    @Test
    void diamondGraphsSumBothPaths() {
        // y = x*x + x.exp() + x; dy/dx = 2x + e^x + 1
        Tensor x = leaf(0.5, -1);
        Tensor y = x.mul(x).add(x.exp()).add(x).sum();
        y.backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(2 * 0.5 + Math.exp(0.5) + 1, -2 + Math.exp(-1) + 1);
    }
}
