package dev.ember.nn.functional;

import static dev.ember.TorchValues.assertClose;
import static dev.ember.TorchValues.assertFloats;
import static dev.ember.TorchValues.assertLongs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.nn.LeakyReLU;
import dev.ember.nn.PReLU;
import dev.ember.nn.ReLU;
import dev.ember.tensor.DType;
import dev.ember.tensor.Tensor;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Activations on special values, forward and input gradient (upstream grad 1 unless stated),
 * against torch 1.13.1 float32:
 * {@code x = torch.tensor([-inf, -1., -0., 0., 1., inf, nan], requires_grad=True); y = f(x);
 * y.backward(torch.ones_like(y)); y.tolist(), x.grad.tolist(), type(y.grad_fn).__name__}.
 */
class ActivationEdgeValuesTest {
    private static final double NAN = Double.NaN, INF = Double.POSITIVE_INFINITY;
    private static final double[] SPECIAL = {-INF, -1, -0.0, 0, 1, INF, NAN};

    private static Tensor leaf(double... v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return Tensor.wrap(f, v.length).requiresGrad_();
    }

    /** Runs f on the special values with upstream grad 1; returns {y, x.grad}. */
    private static Tensor[] special(UnaryOperator<Tensor> f, String gradFn) {
        Tensor x = leaf(SPECIAL);
        Tensor y = f.apply(x);
        assertThat(y.gradFn().name()).isEqualTo(gradFn);
        y.backward(Tensor.onesLike(y));
        return new Tensor[] {y, x.grad()};
    }

    @Test
    void relu() {
        Tensor[] r = special(F::relu, "ReluBackward0");
        assertFloats(r[0], 0, 0, -0.0, 0, 1, INF, NAN);
        assertFloats(r[1], 0, 0, 0, 0, 1, 1, 1);
        Tensor[] m = special(x -> new ReLU().forward(x), "ReluBackward0");
        assertFloats(m[0], 0, 0, -0.0, 0, 1, INF, NAN);
        // F.relu(torch.tensor([-3, 0, 5])) -> [0, 0, 5] (int64 kept)
        assertLongs(F.relu(Tensor.of(-3L, 0L, 5L)), 0, 0, 5);
    }

    @Test
    void leakyRelu() {
        Tensor[] r = special(F::leakyRelu, "LeakyReluBackward0");
        assertFloats(r[0], -INF, -0.009999999776482582, -0.0, 0, 1, INF, NAN);
        double s = 0.009999999776482582;
        assertFloats(r[1], s, s, s, s, 1, 1, s);
        // F.leaky_relu(x, -30.) -> [inf, 30., 0., -0., 1., inf, nan], grad [-30 x4, 1, 1, -30]
        Tensor[] n = special(x -> F.leakyRelu(x, -30), "LeakyReluBackward0");
        assertFloats(n[0], INF, 30, 0, -0.0, 1, INF, NAN);
        assertFloats(n[1], -30, -30, -30, -30, 1, 1, -30);
        // x = torch.tensor([-30., -1e-3, 3.]); F.leaky_relu(x).backward(torch.full((3,), 3.))
        Tensor x = leaf(-30, -1e-3, 3);
        Tensor y = new LeakyReLU().forward(x);
        y.backward(Tensor.full(3, 3));
        assertFloats(y, -0.29999998211860657, -1.0000000656873453e-05, 3.0);
        assertFloats(x.grad(), 0.029999999329447746, 0.029999999329447746, 3.0);
    }

    @Test
    void prelu() {
        Tensor w = Tensor.of(0.25f);
        Tensor[] r = special(x -> F.prelu(x, w), "PreluBackward0");
        assertFloats(r[0], -INF, -0.25, -0.0, 0, 1, INF, NAN);
        assertFloats(r[1], 0.25, 0.25, 0.25, 0.25, 1, 1, 0.25);
    }

    @Test
    void preluWeightGradient() {
        // x = torch.tensor([[[-1.,2.],[0.,-3.]],[[4.,-5.],[-0.,6.]]], requires_grad=True); w = torch.tensor([0.25,-0.5], requires_grad=True)
        // y = F.prelu(x, w); y.backward(torch.tensor([[[1.,2.],[3.,4.]],[[5.,6.],[7.,8.]]]))
        float[] xv = {-1, 2, 0, -3, 4, -5, -0.0f, 6};
        Tensor gout = Tensor.wrap(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2);
        Tensor x = Tensor.wrap(xv.clone(), 2, 2, 2).requiresGrad_();
        Tensor w = Tensor.of(0.25f, -0.5f).requiresGrad_();
        Tensor y = F.prelu(x, w);
        y.backward(gout);
        assertFloats(y, -0.25, 2, -0.0, 1.5, 4, -1.25, 0, 6);
        assertFloats(x.grad(), 0.25, 2, -1.5, -2, 5, 1.5, -3.5, 8);
        assertFloats(w.grad(), -31, -12);
        // one shared weight: y [-0.25,2,0,-0.75,4,-1.25,-0,6], x.grad [0.25,2,0.75,1,5,1.5,1.75,8], w.grad [-43]
        Tensor x1 = Tensor.wrap(xv.clone(), 2, 2, 2).requiresGrad_();
        PReLU p = new PReLU();
        Tensor y1 = p.forward(x1);
        y1.backward(gout);
        assertFloats(y1, -0.25, 2, 0, -0.75, 4, -1.25, -0.0, 6);
        assertFloats(x1.grad(), 0.25, 2, 0.75, 1, 5, 1.5, 1.75, 8);
        assertFloats(p.weight().grad(), -43);
        // 1-d input: F.prelu(torch.tensor([-1.,2.,-3.]), w1) -> [-0.25, 2, -0.75], grad [0.25, 1, 0.25], w.grad [-4]
        Tensor x2 = leaf(-1, 2, -3);
        Tensor w2 = Tensor.of(0.25f).requiresGrad_();
        Tensor y2 = F.prelu(x2, w2);
        y2.backward(Tensor.ones(3));
        assertFloats(y2, -0.25, 2, -0.75);
        assertFloats(x2.grad(), 0.25, 1, 0.25);
        assertFloats(w2.grad(), -4);
        // 0-dim input with one parameter: F.prelu(torch.tensor(-1.), torch.full((1,), 0.25)) -> tensor(-0.25)
        assertFloats(F.prelu(Tensor.scalar(-1), Tensor.of(0.25f)), -0.25);
        // PReLU(0) on (N, 0): F.prelu(torch.zeros(2,0), torch.zeros(0)).shape -> (2, 0)
        assertThat(F.prelu(Tensor.zeros(2, 0), Tensor.zeros(0)).sizes()).containsExactly(2, 0);
    }

    @Test
    void rreluEval() {
        // F.rrelu(x, training=False): slope (1/8 + 1/3)/2 in double, cast to float: 0.2291666716337204
        Tensor[] r = special(x -> Activations.rreluEval(x, 1.0 / 8, 1.0 / 3), "RreluWithNoiseBackward0");
        double s = 0.2291666716337204;
        assertFloats(r[0], -INF, -s, -0.0, 0, 1, INF, NAN);
        assertFloats(r[1], s, s, s, s, 1, 1, s);
        // x = torch.tensor([-30., -1e-3, 3.]); F.rrelu(x, 0.1, 0.3, training=False).backward(torch.full((3,), 3.))
        Tensor x = leaf(-30, -1e-3, 3);
        Tensor y = Activations.rreluEval(x, 0.1, 0.3);
        y.backward(Tensor.full(3, 3));
        assertFloats(y, -6.0, -0.00020000000949949026, 3.0);
        assertFloats(x.grad(), 0.6000000238418579, 0.6000000238418579, 3.0);
        Tensor xd = leaf(-30, -1e-3, 3);
        Tensor yd = Activations.rreluEval(xd, 1.0 / 8, 1.0 / 3);
        yd.backward(Tensor.full(3, 3));
        assertFloats(yd, -6.875, -0.00022916668967809528, 3.0);
        assertFloats(xd.grad(), 0.6875, 0.6875, 3.0);
    }

    @Test
    void sigmoid() {
        // forward values come from Sleef in torch (<= 2 ulp); the special values are exact
        Tensor[] r = special(F::sigmoid, "SigmoidBackward0");
        assertFloats(r[0].index(dev.ember.tensor.Slice.of(2, 4)), 0.5, 0.5);
        assertClose(r[0], 1.2e-7, 0.0, 0.2689414322376251, 0.5, 0.5, 0.7310585975646973, 1.0, NAN);
        assertClose(r[1], 1.2e-7, 0.0, 0.1966119408607483, 0.25, 0.25, 0.1966119259595871, 0.0, NAN);
        assertFloats(r[0].index(0), 0.0);
        assertFloats(r[0].index(5), 1.0);
        // x = torch.tensor([-2.5, 0., 2.5]); torch.sigmoid(x) and its grad
        Tensor x = leaf(-2.5, 0, 2.5);
        Tensor y = F.sigmoid(x);
        y.backward(Tensor.ones(3));
        assertClose(y, 1.2e-7, 0.07585817575454712, 0.5, 0.9241418242454529);
        assertClose(x.grad(), 1.2e-7, 0.0701037123799324, 0.25, 0.0701037123799324);
        // torch.sigmoid(torch.tensor([0, 1])).dtype -> torch.float32
        assertThat(F.sigmoid(Tensor.of(0L, 1L)).dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void tanh() {
        Tensor[] r = special(F::tanh, "TanhBackward0");
        assertFloats(r[0].index(dev.ember.tensor.Slice.of(2, 4)), -0.0, 0.0);
        assertClose(r[0], 1.2e-7, -1.0, -0.7615941762924194, -0.0, 0.0, 0.7615941762924194, 1.0, NAN);
        assertClose(r[1], 1.2e-7, 0.0, 0.41997429728507996, 1.0, 1.0, 0.41997429728507996, 0.0, NAN);
        assertFloats(r[1].index(dev.ember.tensor.Slice.of(2, 4)), 1, 1);
        Tensor x = leaf(-2.5, 0, 2.5);
        Tensor y = F.tanh(x);
        y.backward(Tensor.ones(3));
        assertClose(y, 1.2e-7, -0.9866142868995667, 0.0, 0.9866142868995667);
        assertClose(x.grad(), 1.2e-7, 0.026592249050736427, 1.0, 0.026592249050736427);
        assertThat(F.tanh(Tensor.of(0L, 1L)).dtype()).isEqualTo(DType.FLOAT32);
    }
}
