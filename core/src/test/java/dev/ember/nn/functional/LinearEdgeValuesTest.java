package dev.ember.nn.functional;

import static dev.ember.TorchValues.assertFloats;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@code F.linear} forward, backward and grad_fn names against torch 1.13.1 (small shapes, where the
 * result is exact):
 * {@code W = torch.tensor([[1.,2.,3.],[-1.,0.5,2.]], requires_grad=True); b = torch.tensor([0.5,-1.], requires_grad=True)}.
 */
class LinearEdgeValuesTest {

    private static Tensor w() { return Tensor.of(new float[][] {{1, 2, 3}, {-1, 0.5f, 2}}).requiresGrad_(); }

    private static Tensor b() { return Tensor.of(0.5f, -1f).requiresGrad_(); }

    @Test
    void twoDimensionalInput() {
        // x = torch.tensor([[1.,2.,3.],[4.,5.,6.]], requires_grad=True); y = F.linear(x, W, b)
        // y.backward(torch.tensor([[1.,2.],[3.,4.]]))
        Tensor w = w(), b = b();
        Tensor x = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}}).requiresGrad_();
        Tensor y = F.linear(x, w, b);
        assertThat(y.gradFn().name()).isEqualTo("AddmmBackward0");
        y.backward(Tensor.of(new float[][] {{1, 2}, {3, 4}}));
        assertFloats(y, 14.5, 5, 32.5, 9.5);
        assertFloats(x.grad(), -1, 3, 7, -1, 8, 17);
        assertFloats(w.grad(), 13, 17, 21, 18, 24, 30);
        assertFloats(b.grad(), 4, 6);
        assertThat(F.linear(x, w, null).gradFn().name()).isEqualTo("MmBackward0");
    }

    @Test
    void oneDimensionalInput() {
        // x1 = torch.tensor([1.,-2.,3.], requires_grad=True); y = F.linear(x1, W, b); y.backward(torch.tensor([1.,2.]))
        Tensor w = w(), b = b();
        Tensor x = Tensor.of(1f, -2f, 3f).requiresGrad_();
        Tensor y = F.linear(x, w, b);
        assertThat(y.sizes()).containsExactly(2);
        assertThat(y.gradFn().name()).isEqualTo("AddBackward0");
        y.backward(Tensor.of(1f, 2f));
        assertFloats(y, 6.5, 3.0);
        assertFloats(x.grad(), -1, 3, 7);
        assertFloats(w.grad(), 1, -2, 3, 2, -4, 6);
        assertFloats(b.grad(), 1, 2);
        // F.linear(x1, W) -> [6., 4.], SqueezeBackward3
        Tensor nb = F.linear(x, w, null);
        assertFloats(nb, 6, 4);
        assertThat(nb.gradFn().name()).isEqualTo("SqueezeBackward3");
    }

    @Test
    void threeDimensionalInputAndGradFnNames() {
        // x3 = torch.arange(12.).reshape(2,2,3).requires_grad_(); F.linear(x3, W, b)
        // -> [[[8.5,3.5],[26.5,8.]],[[44.5,12.5],[62.5,17.]]], ViewBackward0; no bias: UnsafeViewBackward0;
        // F.linear(x3.transpose(0,1), W, b): AddBackward0
        Tensor x3 = Tensor.arange(12.0).reshape(2, 2, 3).requiresGrad_();
        Tensor y = F.linear(x3, w(), b());
        assertThat(y.sizes()).containsExactly(2, 2, 2);
        assertFloats(y, 8.5, 3.5, 26.5, 8, 44.5, 12.5, 62.5, 17);
        assertThat(y.gradFn().name()).isEqualTo("ViewBackward0");
        assertThat(F.linear(x3, w(), null).gradFn().name()).isEqualTo("UnsafeViewBackward0");
        assertThat(F.linear(x3.transpose(0, 1), w(), b()).gradFn().name()).isEqualTo("AddBackward0");
        assertThat(F.linear(x3.reshape(1, 2, 2, 3), w(), b()).gradFn().name()).isEqualTo("AddBackward0");
    }

    @Test
    void emptyBatchAndZeroInFeatures() {
        // x0 = torch.zeros(0,3, requires_grad=True); y = F.linear(x0, W, b); y.sum().backward()
        // -> y.shape (0, 2); W.grad zeros(2,3); b.grad zeros(2)
        Tensor w = w(), b = b();
        Tensor y = F.linear(Tensor.zeros(0, 3).requiresGrad_(), w, b);
        assertThat(y.sizes()).containsExactly(0, 2);
        y.sum().backward();
        assertFloats(w.grad(), 0, 0, 0, 0, 0, 0);
        assertFloats(b.grad(), 0, 0);
        // F.linear(torch.zeros(3,0), torch.zeros(2,0), b) -> the bias broadcast over 3 rows
        assertFloats(F.linear(Tensor.zeros(3, 0), Tensor.zeros(2, 0), b.detach()), 0.5, -1, 0.5, -1, 0.5, -1);
    }
}
