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
}
