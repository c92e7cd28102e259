package dev.ember.nn;

import static dev.ember.TorchValues.distinct;
import static dev.ember.TorchValues.uniform;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.nn.functional.Activations;
import dev.ember.nn.functional.AvgPool2dOptions;
import dev.ember.nn.functional.F;
import dev.ember.nn.functional.MaxPool2dOptions;
import dev.ember.nn.functional.MaxUnpool2dOptions;
import dev.ember.nn.functional.PoolResult;
import dev.ember.tensor.DType;
import dev.ember.tensor.GradCheck;
import dev.ember.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Double-precision gradient checks of every layer against central differences. Max-pool inputs are
 * all distinct (no ties) and activation inputs stay away from the kink at 0, so that no point is
 * within eps of a non-differentiable one.
 */
class LayerGradCheckTest {

    private static Tensor noTies(long seed, int... shape) { return distinct(seed, shape).requiresGrad_(); }

    private static Tensor awayFromZero(long seed, int... shape) { return uniform(seed, -3, 3, 0.01, shape).requiresGrad_(); }

    // ---------------------------------------------------------------- pooling

    private static void maxPool(Tensor x, MaxPool2dOptions o) { GradCheck.check(in -> F.maxPool2d(in[0], o), x); }

    @Test
    void maxPool2d() {
        maxPool(noTies(1, 2, 3, 5, 6), MaxPool2dOptions.of(2));
        maxPool(noTies(2, 2, 5, 7), MaxPool2dOptions.of(3).stride(1)); // overlapping windows, 3-D input
        maxPool(noTies(3, 1, 2, 7, 8), MaxPool2dOptions.of(3).stride(2).padding(1).dilation(2));
        maxPool(noTies(4, 2, 5, 7), MaxPool2dOptions.of(2, 3).stride(2, 1).padding(1, 1).ceilMode(true));
        maxPool(noTies(5, 1, 1, 6, 7), MaxPool2dOptions.of(3).stride(2).padding(1).dilation(1, 2).ceilMode(true));
        maxPool(noTies(6, 1, 2, 5, 5), MaxPool2dOptions.of(2).stride(2).ceilMode(true)); // hanging last window
        maxPool(noTies(7, 1, 1, 5, 5), MaxPool2dOptions.of(1).stride(2).ceilMode(true));
        maxPool(noTies(8, 1, 1, 3, 5), MaxPool2dOptions.of(2).stride(1).padding(1).dilation(3)); // half-empty windows
    }

    private static void avgPool(Tensor x, AvgPool2dOptions o) { GradCheck.check(in -> F.avgPool2d(in[0], o), x); }

    @Test
    void avgPool2d() {
        for (boolean cip : new boolean[] {true, false}) {
            for (boolean ceil : new boolean[] {true, false}) {
                avgPool(awayFromZero(10, 2, 2, 5, 6), AvgPool2dOptions.of(3).stride(2).padding(1)
                        .countIncludePad(cip).ceilMode(ceil));
                avgPool(awayFromZero(11, 3, 4, 7), AvgPool2dOptions.of(2, 3).stride(1, 2).padding(1, 0)
                        .countIncludePad(cip).ceilMode(ceil));
            }
        }
        avgPool(awayFromZero(12, 1, 2, 4, 4), AvgPool2dOptions.of(2));
        avgPool(awayFromZero(13, 1, 2, 5, 5), AvgPool2dOptions.of(3).stride(1).padding(1).divisorOverride(5));
        avgPool(awayFromZero(14, 1, 2, 5, 5), AvgPool2dOptions.of(3).stride(2).padding(1).ceilMode(true).divisorOverride(-3));
        avgPool(awayFromZero(15, 1, 1, 5, 5), AvgPool2dOptions.of(1).stride(2).ceilMode(true));
    }

    @Test
    void maxUnpool2d() {
        // indices from a max pool over distinct values: unique within each plane
        Tensor src = distinct(20, 2, 3, 6, 4);
        PoolResult p = F.maxPool2dWithIndices(src, MaxPool2dOptions.of(2));
        Tensor values = uniform(21, -2, 2, 0, 2, 3, 3, 2).requiresGrad_();
        MaxUnpool2dOptions o = MaxUnpool2dOptions.of(2);
        GradCheck.check(in -> F.maxUnpool2d(in[0], in[1], o), values, p.indices());
        GradCheck.check(in -> F.maxUnpool2d(in[0], in[1], o, new int[] {7, 5}), values, p.indices());
        GradCheck.check(in -> F.maxUnpool2d(in[0], in[1], o, new int[] {2, 3, 7, 5}), values, p.indices());
        // 3-D input, overlapping pool with stride 1 (indices still unique here)
        Tensor src3 = Tensor.arange(0.0, 12.0, 1.0).toFloat64().reshape(1, 3, 4);
        PoolResult p3 = F.maxPool2dWithIndices(src3, MaxPool2dOptions.of(2).stride(2));
        Tensor v3 = uniform(22, -2, 2, 0, 1, 1, 2).requiresGrad_();
        GradCheck.check(in -> F.maxUnpool2d(in[0], in[1], MaxUnpool2dOptions.of(2)), v3, p3.indices());
    }

    @Test
    void maxPoolThenUnpoolRoundTrip() {
        Tensor x = noTies(23, 1, 2, 4, 6);
        GradCheck.check(in -> {
            PoolResult r = F.maxPool2dWithIndices(in[0], MaxPool2dOptions.of(2));
            return F.maxUnpool2d(r.values(), r.indices(), MaxUnpool2dOptions.of(2));
        }, x);
    }

    // ---------------------------------------------------------------- linear

    @Test
    void linearWithAndWithoutBiasForEveryRank() {
        Tensor w = uniform(30, -1, 1, 0, 4, 3).requiresGrad_();
        Tensor b = uniform(31, -1, 1, 0, 4).requiresGrad_();
        Tensor[] inputs = {
            uniform(32, -2, 2, 0, 3).requiresGrad_(),
            uniform(33, -2, 2, 0, 5, 3).requiresGrad_(),
            uniform(34, -2, 2, 0, 2, 5, 3).requiresGrad_(),
            uniform(35, -2, 2, 0, 2, 1, 2, 3).requiresGrad_(),
        };
        for (Tensor x : inputs) {
            GradCheck.check(in -> F.linear(in[0], in[1], in[2]), x, w, b);
            GradCheck.check(in -> F.linear(in[0], in[1], null), x, w);
        }
        // non-contiguous input and weight
        Tensor xt = uniform(36, -2, 2, 0, 3, 2, 5).requiresGrad_();
        Tensor wt = uniform(37, -1, 1, 0, 3, 4).requiresGrad_();
        GradCheck.check(in -> F.linear(in[0].transpose(0, 2), in[1].t(), in[2]), xt, wt, b);
    }

    @Test
    void linearModuleParameters() {
        Linear lin = new Linear(3, 2, true, DType.FLOAT64);
        Tensor x = uniform(38, -2, 2, 0, 4, 3).requiresGrad_();
        GradCheck.check(in -> F.linear(in[0], in[1], in[2]), x, lin.weight(), lin.bias());
        assertThat(lin.weight().grad()).isNull();
    }

    // ---------------------------------------------------------------- activations

    @Test
    void sigmoidAndTanh() {
        Tensor x = uniform(40, -4, 4, 0, 3, 5).requiresGrad_();
        GradCheck.check(in -> F.sigmoid(in[0]), x);
        GradCheck.check(in -> F.tanh(in[0]), x);
        GradCheck.check(in -> new Sigmoid().forward(new Tanh().forward(in[0])), x);
        GradCheck.check(in -> F.tanh(in[0].transpose(0, 1)), x);
    }

    @Test
    void reluFamily() {
        Tensor x = awayFromZero(41, 2, 3, 4);
        GradCheck.check(in -> F.relu(in[0]), x);
        GradCheck.check(in -> F.relu_(in[0].mul(1)), x);
        GradCheck.check(in -> F.relu(in[0].permute(2, 0, 1)), x);
        for (double slope : new double[] {0.01, 0.2, -0.5, 1.5}) {
            GradCheck.check(in -> F.leakyRelu(in[0], slope), x);
        }
        GradCheck.check(in -> F.leakyRelu_(in[0].mul(1), 0.3), x);
        GradCheck.check(in -> new LeakyReLU(0.1).forward(in[0]), x);
    }

    @Test
    void preluWithOneAndWithChannelParameters() {
        Tensor x4 = awayFromZero(42, 2, 3, 4, 5);
        Tensor one = Tensor.of(0.25).requiresGrad_();
        Tensor perChannel = Tensor.of(0.25, -0.5, 1.5).requiresGrad_();
        GradCheck.check(in -> F.prelu(in[0], in[1]), x4, one);
        GradCheck.check(in -> F.prelu(in[0], in[1]), x4, perChannel);
        Tensor x2 = awayFromZero(43, 4, 3);
        GradCheck.check(in -> F.prelu(in[0], in[1]), x2, perChannel);
        GradCheck.check(in -> F.prelu(in[0], in[1]), x2, one);
        Tensor x1 = awayFromZero(44, 5);
        GradCheck.check(in -> F.prelu(in[0], in[1]), x1, one);
        Tensor x0 = Tensor.scalar(-1.5, DType.FLOAT64).requiresGrad_();
        GradCheck.check(in -> F.prelu(in[0], in[1]), x0, one);
        // non-contiguous input: channel is still dim 1 of the logical shape
        Tensor xt = awayFromZero(45, 3, 2, 4);
        GradCheck.check(in -> F.prelu(in[0].transpose(0, 1), in[1]), xt, perChannel);
        PReLU module = new PReLU(3, 0.1, DType.FLOAT64);
        GradCheck.check(in -> F.prelu(in[0], in[1]), x2, module.weight());
    }

    @Test
    void rreluInEvalMode() {
        Tensor x = awayFromZero(46, 3, 4);
        GradCheck.check(in -> Activations.rreluEval(in[0], 1.0 / 8, 1.0 / 3), x);
        GradCheck.check(in -> Activations.rreluEval(in[0], 0.1, 0.3), x);
        GradCheck.check(in -> Activations.rreluEval(in[0], -0.4, 0.9), x);
    }

    @Test
    void aSmallNetworkEndToEnd() {
        Tensor img = uniform(47, -1, 1, 0, 2, 2, 6, 6).requiresGrad_();
        Tensor w = uniform(48, -1, 1, 0, 3, 9).requiresGrad_();
        Tensor b = uniform(49, -1, 1, 0, 3).requiresGrad_();
        Tensor a = Tensor.of(0.2, -0.1).requiresGrad_();
        GradCheck.check(in -> {
            Tensor h = F.avgPool2d(F.prelu(in[0], in[3]), AvgPool2dOptions.of(2));
            Tensor f = h.reshape(2, 2, 9);
            return F.tanh(F.linear(f, in[1], in[2])).sum(1, false);
        }, img, w, b, a);
    }
}
