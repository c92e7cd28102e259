package dev.ember.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The checker itself: it accepts correct gradients and pinpoints a wrong one. */
class GradCheckTest {

    /** y = x², but the recorded backward claims 3x (wrong everywhere except x = 0). */
    private static Tensor wrongSquare(Tensor x) {
        Tensor out = Tensor.wrap(x.detach().toDoubleArray(), x.sizes());
        double[] v = out.doubleStorage();
        for (int i = 0; i < v.length; i++) v[i] *= v[i];
        return Autograd.record("WrongBackward0", out, g -> new Tensor[] {g.mul(x.detach().mul(3))}, x);
    }

    @Test
    void acceptsACorrectGradient() {
        Tensor x = Tensor.of(new double[][] {{1, -2, 3}, {0.5, 4, -1}}).requiresGrad_();
        Tensor y = Tensor.of(2.0, -1.0, 0.25).requiresGrad_();
        assertThatCode(() -> GradCheck.check(in -> in[0].mul(in[1]).add(in[0].exp()), x, y)).doesNotThrowAnyException();
    }

    @Test
    void reportsTheWorstMismatchWithItsIndices() {
        Tensor x = Tensor.of(new double[][] {{0.0, 1.0}, {-2.0, 0.5}}).requiresGrad_();
        // analytical d/dx x² = 3x versus numerical 2x: |diff| = |x|, worst at x = -2, index [1, 0].
        assertThatThrownBy(() -> GradCheck.check(in -> wrongSquare(in[0]), x))
                .isInstanceOf(GradCheck.GradCheckError.class)
                .hasMessageContaining("with respect to input 0")
                .hasMessageContaining("3 of 16 entries differ")
                .hasMessageContaining("worst at input index [1, 0], output index [1, 0]")
                .hasMessageContaining("analytical -6.0");
    }

    @Test
    void findsAMissingGradient() {
        Tensor x = Tensor.of(1.0, 2.0).requiresGrad_();
        Tensor y = Tensor.of(3.0, 4.0).requiresGrad_();
        // y's contribution goes through detach(): the analytical Jacobian for input 1 is zero.
        assertThatThrownBy(() -> GradCheck.check(in -> in[0].add(in[1].detach().mul(2)), x, y))
                .isInstanceOf(GradCheck.GradCheckError.class)
                .hasMessageContaining("with respect to input 1")
                .hasMessageContaining("numerical 2.0");
    }

    @Test
    void restoresGradsAndLeavesInputsUnchanged() {
        Tensor x = Tensor.of(1.0, 2.0, 3.0).requiresGrad_();
        Tensor g = Tensor.of(7.0, 8.0, 9.0);
        x.setGrad(g);
        GradCheck.check(in -> in[0].pow(3).sum(), x);
        assertThat(x.grad()).isSameAs(g);
        assertThat(x.toDoubleArray()).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void passesNonDifferentiableInputsThrough() {
        Tensor x = Tensor.of(1.0, 2.0, 3.0).requiresGrad_();
        Tensor c = Tensor.of(2L, 0L, 1L);
        assertThatCode(() -> GradCheck.check(in -> in[0].mul(in[1]), x, c)).doesNotThrowAnyException();
    }

    @Test
    void refusesSinglePrecisionInputs() {
        Tensor x = Tensor.of(1f, 2f).requiresGrad_();
        assertThatThrownBy(() -> GradCheck.check(in -> in[0].mul(2), x))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("torch.float64");
    }
}
