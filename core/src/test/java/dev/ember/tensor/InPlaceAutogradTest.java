package dev.ember.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** In-place ops in the graph, against torch 1.13.1 (snippets in comments). */
class InPlaceAutogradTest {

    @Test
    void fillAndZeroCutTheGradientToTheOverwrittenValues() {
        // x = torch.ones(3, requires_grad=True); y = x*2; y.fill_(1); y.grad_fn -> FillBackward2; x.grad -> zeros
        Tensor x = Tensor.ones(3).requiresGrad_();
        Tensor y = x.mul(2);
        y.fill_(1);
        assertThat(y.gradFn().name()).isEqualTo("FillBackward2");
        y.sum().backward();
        assertThat(x.grad().toFloatArray()).containsExactly(0f, 0f, 0f);
        Tensor z = Tensor.ones(3).requiresGrad_().mul(2);
        z.zero_();
        assertThat(z.gradFn().name()).isEqualTo("ZeroBackward0");
    }

    @Test
    void copyRoutesTheGradientToTheSource() {
        // y = x*2; y.copy_(s*3); y.grad_fn -> CopyBackwards; y.sum().backward(): x.grad 0, s.grad [9.]
        Tensor x = Tensor.ones(3).requiresGrad_();
        Tensor s = Tensor.ones(1).requiresGrad_();
        Tensor y = x.mul(2);
        y.copy_(s.mul(3));
        assertThat(y.gradFn().name()).isEqualTo("CopyBackwards");
        y.sum().backward();
        assertThat(x.grad().toFloatArray()).containsExactly(0f, 0f, 0f);
        assertThat(s.grad().toFloatArray()).containsExactly(9f);
    }

    @Test
    void inPlaceOnAViewOfALeafIsRefused() {
        // x[0].fill_(1) -> "a view of a leaf Variable that requires grad is being used in an in-place operation."
        Tensor x = Tensor.ones(3).requiresGrad_();
        assertThatThrownBy(() -> x.select(0, 0).fill_(1))
                .hasMessage("a view of a leaf Variable that requires grad is being used in an in-place operation.");
        try (var scope = GradMode.noGrad()) {
            x.select(0, 0).fill_(5);
        }
        assertThat(x.toFloatArray()).containsExactly(5f, 1f, 1f);
    }

    @Test
    void inPlaceOnAViewOfANonLeafIsRefusedRatherThanGivingAWrongGradient() {
        Tensor y = Tensor.ones(3).requiresGrad_().mul(2);
        assertThatThrownBy(() -> y.select(0, 0).fill_(5)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("CopySlices");
    }

    @Test
    void modifyingASavedTensorInPlaceMakesBackwardFail() {
        // a = torch.ones(3, requires_grad=True)*1; b = a.sigmoid(); b._version -> 0; b.mul_(2) -> 1;
        // b.sum().backward() -> "one of the variables needed for gradient computation has been modified by an
        // inplace operation: [torch.FloatTensor [3]], which is output 0 of SigmoidBackward0, is at version 1;
        // expected version 0 instead. ..."
        Tensor a = Tensor.ones(3).requiresGrad_().mul(1);
        Tensor b = dev.ember.nn.functional.F.sigmoid(a);
        assertThat(b.version()).isZero();
        try (var scope = GradMode.noGrad()) {
            b.fill_(2);
        }
        assertThat(b.version()).isEqualTo(1);
        assertThatThrownBy(() -> b.sum().backward())
                .hasMessageContaining("one of the variables needed for gradient computation has been modified by an "
                        + "inplace operation: [torch.FloatTensor [3]]")
                .hasMessageContaining("is at version 1; expected version 0 instead");
    }

    @Test
    void viewsAndDetachedTensorsShareTheVersionCounter() {
        Tensor x = Tensor.zeros(2, 3);
        Tensor row = x.select(0, 1), flat = x.detach().view(6);
        row.fill_(1);
        assertThat(x.version()).isEqualTo(1);
        assertThat(flat.version()).isEqualTo(1);
        flat.uniform_(0, 1);
        assertThat(row.version()).isEqualTo(2);
    }
}
