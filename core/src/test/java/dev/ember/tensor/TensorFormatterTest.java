package dev.ember.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The verified examples of spec §15.3, built with Ember ops, character for character. */
class TensorFormatterTest {
    private static final float NAN = Float.NaN, INF = Float.POSITIVE_INFINITY;

    private static void prints(Tensor t, String expected) {
        assertThat(t.toString()).isEqualTo(expected);
    }

    @Test
    void linearTutorialOutput() {
        Tensor x = Tensor.of(new float[][] {{1, 2, 3}});
        Tensor w = Tensor.of(new float[][] {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}, {4, 4, 4}}).requiresGrad_();
        Tensor out;
        try (var _ = GradMode.noGrad()) {
            out = x.mm(w.t()).add(0.5);
        }
        out = Autograd.record("AddmmBackward0", out, g -> new Tensor[] {g}, w);
        prints(out, "tensor([[ 6.5000, 12.5000, 18.5000, 24.5000]], grad_fn=<AddmmBackward0>)");
    }

    @Test
    void gradSuffixes() {
        prints(Tensor.ones(2, 2).mul(4).div(3), "tensor([[1.3333, 1.3333],\n        [1.3333, 1.3333]])");
        Tensor leaf = Tensor.ones(2, 2).requiresGrad_();
        prints(leaf.mul(4).div(3), "tensor([[1.3333, 1.3333],\n        [1.3333, 1.3333]], grad_fn=<DivBackward0>)");
        prints(Tensor.ones(2, 3).requiresGrad_(),
                "tensor([[1., 1., 1.],\n        [1., 1., 1.]], requires_grad=True)");
        Tensor leaf1 = Tensor.ones(1).requiresGrad_();
        prints(leaf1.mul(1), "tensor([1.], grad_fn=<MulBackward0>)");
    }

    @Test
    void elementModes() {
        prints(Tensor.zeros(3), "tensor([0., 0., 0.])");
        prints(Tensor.of(0f, NAN, INF, -INF), "tensor([0., nan, inf, -inf])");
        prints(Tensor.of(1f, 2f, 10f, 1000f), "tensor([   1.,    2.,   10., 1000.])");
        prints(Tensor.of(1f, 2f, 10f, 1001f), "tensor([1.0000e+00, 2.0000e+00, 1.0000e+01, 1.0010e+03])");
        prints(Tensor.of(1f, 1.5f, 100f), "tensor([  1.0000,   1.5000, 100.0000])");
        prints(Tensor.of(0.1f, -0.25f, 3.14159f), "tensor([ 0.1000, -0.2500,  3.1416])");
        prints(Tensor.of(-1f, 0f, 1f), "tensor([-1.,  0.,  1.])");
        prints(Tensor.of(1.23456e-5f, NAN, 0f), "tensor([1.2346e-05,        nan, 0.0000e+00])");
        prints(Tensor.of(NAN, 1.5f), "tensor([   nan, 1.5000])");
        prints(Tensor.of(INF, 1f), "tensor([inf, 1.])");
        prints(Tensor.of(123456789f), "tensor([1.2346e+08])");
        prints(Tensor.of(1e8f), "tensor([100000000.])");
        prints(Tensor.of(1e9f), "tensor([1.0000e+09])");
        prints(Tensor.of(12345.678f), "tensor([12345.6777])");
        prints(Tensor.of(-1e-5f, 2f, -300f), "tensor([-1.0000e-05,  2.0000e+00, -3.0000e+02])");
        prints(Tensor.of(1e-4f, 0.5f), "tensor([1.0000e-04, 5.0000e-01])"); // float32(1e-4) < 1e-4
        prints(Tensor.of(true, false), "tensor([ True, False])");
        prints(Tensor.of(1L, -20L, 300L), "tensor([  1, -20, 300])");
        prints(Tensor.of(1.0, 2.0), "tensor([1., 2.], dtype=torch.float64)");
        prints(Tensor.of(0.5f, -0.0f), "tensor([0.5000, -0.0000])"); // -0 is not in the width
        prints(Tensor.of(-0.0f, 1f), "tensor([-0., 1.])");
    }

    @Test
    void halfEvenOnTheExactBinaryValue() {
        prints(Tensor.of(1.03125f, 0.15625f), "tensor([1.0312, 0.1562])");
        prints(Tensor.of(2.5f, 0.5f, 1.5f, 100.25f), "tensor([  2.5000,   0.5000,   1.5000, 100.2500])");
        // the double nearest 1.00005 lies just above it, so it is no tie; 2.675 lies just below
        prints(Tensor.of(1.00005), "tensor([1.0001], dtype=torch.float64)");
        assertThat(TensorFormatter.fixed(2.675, 2)).isEqualTo("2.67");
        assertThat(TensorFormatter.fixed(-0.00001, 4)).isEqualTo("-0.0000");
        assertThat(TensorFormatter.sci(123455, 4)).isEqualTo("1.2346e+05");
        assertThat(TensorFormatter.sci(123465, 4)).isEqualTo("1.2346e+05");
        assertThat(TensorFormatter.sci(9.99995e-10, 4)).isEqualTo("9.9999e-10");
        assertThat(TensorFormatter.sci(9.99995, 4)).isEqualTo("1.0000e+01");
        assertThat(TensorFormatter.sci(1e300, 4)).isEqualTo("1.0000e+300");
        assertThat(TensorFormatter.sci(-0.0, 4)).isEqualTo("-0.0000e+00");
        assertThat(TensorFormatter.sci(12.5, 0)).isEqualTo("1e+01");
    }

    @Test
    void zeroDim() {
        prints(Tensor.scalar(3.5), "tensor(3.5000)");
        prints(Tensor.scalar(3), "tensor(3.)");
        prints(Tensor.scalar(2.5e-5), "tensor(2.5000e-05)");
        prints(Tensor.scalar(7, DType.INT64), "tensor(7)");
        prints(Tensor.scalar(1, DType.BOOL), "tensor(True)");
        prints(Tensor.scalar(2, DType.FLOAT64), "tensor(2., dtype=torch.float64)");
    }

    @Test
    void emptyTensors() {
        prints(Tensor.zeros(0), "tensor([])");
        prints(Tensor.zeros(DType.INT64, 0), "tensor([], dtype=torch.int64)");
        prints(Tensor.zeros(DType.FLOAT64, 2, 0), "tensor([], size=(2, 0), dtype=torch.float64)");
        prints(Tensor.zeros(0, 4), "tensor([], size=(0, 4))");
        prints(Tensor.zeros(DType.BOOL, 2, 0, 3), "tensor([], size=(2, 0, 3), dtype=torch.bool)");
        prints(Tensor.zeros(0).requiresGrad_(), "tensor([], requires_grad=True)");
    }

    @Test
    void integerTensors() {
        prints(Tensor.of(new long[][] {{4, 9, 3, 0}, {3, 9, 7, 3}, {7, 3, 1, 6}}),
                "tensor([[4, 9, 3, 0],\n        [3, 9, 7, 3],\n        [7, 3, 1, 6]])");
        prints(Tensor.of(new long[][] {{-956, -761, -67, 760, -37}, {-621, 427, -497, 497, 683}}),
                "tensor([[-956, -761,  -67,  760,  -37],\n        [-621,  427, -497,  497,  683]])");
    }

    @Test
    void seededRandomValues() {
        prints(Tensor.of(new float[][] {{0.49625658988952637f, 0.7682217955589294f, 0.08847743272781372f},
                        {0.13203048706054688f, 0.30742281675338745f, 0.6340786814689636f}}),
                "tensor([[0.4963, 0.7682, 0.0885],\n        [0.1320, 0.3074, 0.6341]])");
        prints(Tensor.of(new float[][] {{1.5409960746765137f, -0.293428897857666f, -2.1787893772125244f},
                        {0.5684312582015991f, -1.0845223665237427f, -1.3985954523086548f}}),
                "tensor([[ 1.5410, -0.2934, -2.1788],\n        [ 0.5684, -1.0845, -1.3986]])");
    }

    @Test
    void summarised() {
        prints(Tensor.arange(2000), "tensor([   0,    1,    2,  ..., 1997, 1998, 1999])");
        prints(Tensor.arange(1001.0), "tensor([   0.,    1.,    2.,  ...,  998.,  999., 1000.])");
        prints(Tensor.zeros(2, 1000),
                "tensor([[0., 0., 0.,  ..., 0., 0., 0.],\n        [0., 0., 0.,  ..., 0., 0., 0.]])");
        prints(Tensor.arange(1200.0).reshape(20, 60), """
                tensor([[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 5.7000e+01, 5.8000e+01,
                         5.9000e+01],
                        [6.0000e+01, 6.1000e+01, 6.2000e+01,  ..., 1.1700e+02, 1.1800e+02,
                         1.1900e+02],
                        [1.2000e+02, 1.2100e+02, 1.2200e+02,  ..., 1.7700e+02, 1.7800e+02,
                         1.7900e+02],
                        ...,
                        [1.0200e+03, 1.0210e+03, 1.0220e+03,  ..., 1.0770e+03, 1.0780e+03,
                         1.0790e+03],
                        [1.0800e+03, 1.0810e+03, 1.0820e+03,  ..., 1.1370e+03, 1.1380e+03,
                         1.1390e+03],
                        [1.1400e+03, 1.1410e+03, 1.1420e+03,  ..., 1.1970e+03, 1.1980e+03,
                         1.1990e+03]])""");
    }

    @Test
    void multiLineLayouts() {
        prints(Tensor.ones(4, 4), """
                tensor([[1., 1., 1., 1.],
                        [1., 1., 1., 1.],
                        [1., 1., 1., 1.],
                        [1., 1., 1., 1.]])""");
        prints(Tensor.arange(24.0).reshape(2, 3, 4), """
                tensor([[[ 0.,  1.,  2.,  3.],
                         [ 4.,  5.,  6.,  7.],
                         [ 8.,  9., 10., 11.]],

                        [[12., 13., 14., 15.],
                         [16., 17., 18., 19.],
                         [20., 21., 22., 23.]]])""");
        prints(Tensor.arange(30.0).div(7), """
                tensor([0.0000, 0.1429, 0.2857, 0.4286, 0.5714, 0.7143, 0.8571, 1.0000, 1.1429,
                        1.2857, 1.4286, 1.5714, 1.7143, 1.8571, 2.0000, 2.1429, 2.2857, 2.4286,
                        2.5714, 2.7143, 2.8571, 3.0000, 3.1429, 3.2857, 3.4286, 3.5714, 3.7143,
                        3.8571, 4.0000, 4.1429])""");
        prints(Tensor.arange(24).reshape(2, 3, 2, 2), """
                tensor([[[[ 0,  1],
                          [ 2,  3]],

                         [[ 4,  5],
                          [ 6,  7]],

                         [[ 8,  9],
                          [10, 11]]],


                        [[[12, 13],
                          [14, 15]],

                         [[16, 17],
                          [18, 19]],

                         [[20, 21],
                          [22, 23]]]])""");
    }

    @Test
    void suffixWrapsWithTorchsOffByTwo() {
        prints(Tensor.arange(9.0).requiresGrad_().div(3), """
                tensor([0.0000, 0.3333, 0.6667, 1.0000, 1.3333, 1.6667, 2.0000, 2.3333, 2.6667],
                       grad_fn=<DivBackward0>)""");
        prints(Tensor.arange(6.0).toFloat64().requiresGrad_().div(3), """
                tensor([0.0000, 0.3333, 0.6667, 1.0000, 1.3333, 1.6667], dtype=torch.float64,
                       grad_fn=<DivBackward0>)""");
        // a 58-char line counts as 60: an 18-char suffix fits (60 + 18 + 2 = 80) but a 19-char one wraps,
        // although ", " + suffix + ")" would end at column 80
        assertThat(TensorFormatter.addSuffixes("x".repeat(58), List.of("y".repeat(18)), 7, 80))
                .isEqualTo("x".repeat(58) + ", " + "y".repeat(18) + ")");
        assertThat(TensorFormatter.addSuffixes("x".repeat(58), List.of("y".repeat(19)), 7, 80))
                .isEqualTo("x".repeat(58) + ",\n       " + "y".repeat(19) + ")");
    }

    @Test
    void parameterStyleReprWithOtherPrefix() {
        Tensor w = Tensor.of(new float[][] {{-0.004322517663240433f, 0.3097158372402191f, -0.4751853346824646f},
                {-0.4248946011066437f, -0.2223689705133438f, 0.15482072532176971f}}).requiresGrad_();
        assertThat("Parameter containing:\n" + TensorFormatter.format(w)).isEqualTo("""
                Parameter containing:
                tensor([[-0.0043,  0.3097, -0.4752],
                        [-0.4249, -0.2224,  0.1548]], requires_grad=True)""");
        // a subclass-style prefix indents the body by its own length, as torch does for type(t).__name__ + "("
        assertThat(TensorFormatter.format(Tensor.ones(2, 2), "Buffer(", List.of("persistent=False"),
                TensorFormatter.Options.DEFAULT))
                .isEqualTo("Buffer([[1., 1.],\n        [1., 1.]], persistent=False)");
        assertThat(TensorFormatter.suffixes(w)).containsExactly("requires_grad=True");
        assertThatThrownBy(() -> new TensorFormatter.Options(4, 1000, 0, 80, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void largeImageTensorPrintsQuicklyFromItsEdges() {
        Tensor img = Tensor.arange(786432.0).reshape(1, 3, 512, 512);
        String s = Assertions.assertTimeout(Duration.ofSeconds(2), () -> {
            String last = null;
            for (int i = 0; i < 200; i++) last = img.toString();
            return last;
        });
        assertThat(s).startsWith("""
                tensor([[[[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 5.0900e+02,
                           5.1000e+02, 5.1100e+02],
                          [5.1200e+02, 5.1300e+02, 5.1400e+02,  ..., 1.0210e+03,
                           1.0220e+03, 1.0230e+03]""");
        assertThat(s).endsWith("   7.8643e+05, 7.8643e+05]]]])");
        assertThat(s.lines().count()).isEqualTo(41);
    }
}
