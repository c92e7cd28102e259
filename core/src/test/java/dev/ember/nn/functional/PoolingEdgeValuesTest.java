package dev.ember.nn.functional;

import static dev.ember.TorchValues.assertFloats;
import static dev.ember.TorchValues.assertLongs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.nn.MaxUnpool2d;
import dev.ember.tensor.DType;
import dev.ember.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Pooling forward and backward on edge values, against torch 1.13.1 (float32). Each Python snippet
 * ran with {@code import torch, torch.nn.functional as F; nan, inf = float('nan'), float('inf')}
 * and printed {@code .tolist()}.
 */
class PoolingEdgeValuesTest {
    private static final double NAN = Double.NaN, INF = Double.POSITIVE_INFINITY;

    /** A float32 leaf requiring grad with the given shape and values. */
    static Tensor x(int[] shape, double... v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return Tensor.wrap(f, shape).requiresGrad_();
    }

    static int[] s(int... shape) { return shape; }

    static Tensor ramp(double from, int... shape) {
        int n = 1;
        for (int d : shape) n *= d;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = from + i;
        return x(shape, v);
    }

    private static PoolResult maxPool(Tensor x, MaxPool2dOptions o) {
        PoolResult r = F.maxPool2dWithIndices(x, o);
        r.values().backward(Tensor.onesLike(r.values()));
        return r;
    }

    // ---------------------------------------------------------------- max_pool2d

    @Test
    void maxPoolNanWinsWithTheLastNanIndex() {
        // x = torch.tensor([[[[nan,1.,nan,5.],[1.,2.,3.,4.]]]], requires_grad=True)
        // y, i = F.max_pool2d(x, (1,4), return_indices=True); y.backward(torch.ones_like(y))
        // -> y [nan, 4.0], i [2, 7], x.grad [0,0,1,0, 0,0,0,1]
        Tensor x = x(s(1, 1, 2, 4), NAN, 1, NAN, 5, 1, 2, 3, 4);
        PoolResult r = maxPool(x, MaxPool2dOptions.of(1, 4));
        assertFloats(r.values(), NAN, 4);
        assertLongs(r.indices(), 2, 7);
        assertFloats(x.grad(), 0, 0, 1, 0, 0, 0, 0, 1);
        // [[nan, nan], [nan, 1.]] with k=2 -> nan at index 2
        Tensor x2 = x(s(1, 1, 2, 2), NAN, NAN, NAN, 1);
        PoolResult r2 = maxPool(x2, MaxPool2dOptions.of(2));
        assertFloats(r2.values(), NAN);
        assertLongs(r2.indices(), 2);
        assertFloats(x2.grad(), 0, 0, 1, 0);
    }

    @Test
    void maxPoolTiesKeepTheFirstMaximumIncludingSignedZeros() {
        // [[-0., 0.], [0., -0.]], k=2 -> tensor([[[[-0.]]]]), index 0, grad [1,0,0,0]
        Tensor z = x(s(1, 1, 2, 2), -0.0, 0.0, 0.0, -0.0);
        PoolResult r = maxPool(z, MaxPool2dOptions.of(2));
        assertFloats(r.values(), -0.0);
        assertLongs(r.indices(), 0);
        assertFloats(z.grad(), 1, 0, 0, 0);
        // [[3.,1.,3.],[2.,3.,0.]], k=2, stride=1 -> [3., 3.], indices [0, 2], grad [1,0,1,0,0,0]
        Tensor t = x(s(1, 1, 2, 3), 3, 1, 3, 2, 3, 0);
        PoolResult rt = maxPool(t, MaxPool2dOptions.of(2).stride(1));
        assertFloats(rt.values(), 3, 3);
        assertLongs(rt.indices(), 0, 2);
        assertFloats(t.grad(), 1, 0, 1, 0, 0, 0);
    }

    @Test
    void maxPoolInfinitiesAndAllMinusInfWindows() {
        // x = [[-inf,-inf,1.],[-inf,-inf,2.],[0.,inf,-inf]]; F.max_pool2d(x, 2, stride=2, padding=1, return_indices=True)
        // y.backward(torch.tensor([[[[1.,2.],[3.,4.]]]])) -> y [[-inf,1.],[0.,inf]], i [[0,2],[6,7]],
        // grad [[1,0,2],[0,0,0],[3,4,0]]
        Tensor x = x(s(1, 1, 3, 3), -INF, -INF, 1, -INF, -INF, 2, 0, INF, -INF);
        PoolResult r = F.maxPool2dWithIndices(x, MaxPool2dOptions.of(2).stride(2).padding(1));
        r.values().backward(Tensor.of(new float[][][][] {{{{1, 2}, {3, 4}}}}));
        assertFloats(r.values(), -INF, 1, 0, INF);
        assertLongs(r.indices(), 0, 2, 6, 7);
        assertFloats(x.grad(), 1, 0, 2, 0, 0, 0, 3, 4, 0);
        // 2x2 of -inf, k=2, stride=1, padding=1; grad_out arange(1., 10.) -> all -inf,
        // indices [[0,0,1],[0,0,1],[2,2,3]] (first in-bounds cell), grad [[12., 9.], [15., 9.]]
        Tensor m = x(s(1, 1, 2, 2), -INF, -INF, -INF, -INF);
        PoolResult rm = F.maxPool2dWithIndices(m, MaxPool2dOptions.of(2).stride(1).padding(1));
        rm.values().backward(ramp(1, 1, 1, 3, 3).detach());
        assertFloats(rm.values(), -INF, -INF, -INF, -INF, -INF, -INF, -INF, -INF, -INF);
        assertLongs(rm.indices(), 0, 0, 1, 0, 0, 1, 2, 2, 3);
        assertFloats(m.grad(), 12, 9, 15, 9);
    }

    @Test
    void maxPoolCeilModeHangingWindows() {
        // x = torch.arange(1., 26.).reshape(1,1,5,5); F.max_pool2d(x, 2, stride=2, ceil_mode=True, return_indices=True)
        Tensor x = ramp(1, 1, 1, 5, 5);
        PoolResult r = maxPool(x, MaxPool2dOptions.of(2).stride(2).ceilMode(true));
        assertFloats(r.values(), 7, 9, 10, 17, 19, 20, 22, 24, 25);
        assertLongs(r.indices(), 6, 8, 9, 16, 18, 19, 21, 23, 24);
        assertFloats(x.grad(), 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 1, 0, 1, 1);
        // padding=1: ceil gives 4, then the last window would start in the right padding -> 3
        PoolResult rp = F.maxPool2dWithIndices(ramp(1, 1, 1, 5, 5), MaxPool2dOptions.of(2).stride(2).padding(1).ceilMode(true));
        assertThat(rp.values().sizes()).containsExactly(1, 1, 3, 3);
        assertFloats(rp.values(), 1, 3, 5, 11, 13, 15, 21, 23, 25);
        assertLongs(rp.indices(), 0, 2, 4, 10, 12, 14, 20, 22, 24);
    }

    @Test
    void maxPoolKernelOneStrideTwoCeil() {
        // L=4: F.max_pool2d(torch.arange(16.).reshape(1,1,4,4), 1, stride=2, ceil_mode=True) -> [[0,2],[8,10]]
        // (ceil gives 3, dropped to 2 because the window would start at 4 = L + p); floor -> also 2x2
        Tensor x4 = ramp(0, 1, 1, 4, 4);
        PoolResult r4 = maxPool(x4, MaxPool2dOptions.of(1).stride(2).ceilMode(true));
        assertThat(r4.values().sizes()).containsExactly(1, 1, 2, 2);
        assertFloats(r4.values(), 0, 2, 8, 10);
        assertLongs(r4.indices(), 0, 2, 8, 10);
        assertFloats(x4.grad(), 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0);
        assertThat(F.maxPool2d(ramp(0, 1, 1, 4, 4), MaxPool2dOptions.of(1).stride(2)).sizes()).containsExactly(1, 1, 2, 2);
        // L=5 -> 3x3 both ways: [[0,2,4],[10,12,14],[20,22,24]]
        Tensor x5 = ramp(0, 1, 1, 5, 5);
        PoolResult r5 = maxPool(x5, MaxPool2dOptions.of(1).stride(2).ceilMode(true));
        assertFloats(r5.values(), 0, 2, 4, 10, 12, 14, 20, 22, 24);
        assertLongs(r5.indices(), 0, 2, 4, 10, 12, 14, 20, 22, 24);
        assertThat(F.maxPool2d(ramp(0, 1, 1, 5, 5), MaxPool2dOptions.of(1).stride(2)).sizes()).containsExactly(1, 1, 3, 3);
    }

    @Test
    void maxPoolOverlappingWindowsScatterAdd() {
        // x = [[1.,2.,3.],[4.,9.,5.],[6.,7.,8.]]; y = F.max_pool2d(x, 2, stride=1)
        // y.backward(torch.tensor([[[[1.,10.],[100.,1000.]]]])) -> y all 9., centre grad 1111.
        Tensor x = x(s(1, 1, 3, 3), 1, 2, 3, 4, 9, 5, 6, 7, 8);
        Tensor y = F.maxPool2d(x, MaxPool2dOptions.of(2).stride(1));
        y.backward(Tensor.of(new float[][][][] {{{{1, 10}, {100, 1000}}}}));
        assertFloats(y, 9, 9, 9, 9);
        assertFloats(x.grad(), 0, 0, 0, 0, 1111, 0, 0, 0, 0);
    }

    @Test
    void maxPoolDilationAndDegenerateWindows() {
        // x = (torch.arange(1., 50.).reshape(1,1,7,7)*37 % 49); F.max_pool2d(x, 3, stride=2, padding=1, dilation=2, return_indices=True)
        // y.backward(torch.arange(1., 10.).reshape(1,1,3,3))
        double[] v = new double[49];
        for (int i = 0; i < 49; i++) v[i] = ((i + 1) * 37) % 49;
        Tensor x = x(s(1, 1, 7, 7), v);
        PoolResult r = F.maxPool2dWithIndices(x, MaxPool2dOptions.of(3).stride(2).padding(1).dilation(2));
        r.values().backward(ramp(1, 1, 1, 3, 3).detach());
        assertFloats(r.values(), 43, 43, 43, 46, 47, 47, 46, 47, 47);
        assertLongs(r.indices(), 24, 24, 24, 36, 40, 40, 36, 40, 40);
        double[] g = new double[49];
        g[24] = 6;
        g[36] = 11;
        g[40] = 28;
        assertFloats(x.grad(), g);
        // ceil_mode=True gives the same 3x3 here
        assertThat(F.maxPool2d(x.detach(), MaxPool2dOptions.of(3).stride(2).padding(1).dilation(2).ceilMode(true)).sizes())
                .containsExactly(1, 1, 3, 3);
        // windows with no in-bounds cell: x = [[1.,2.],[3.,4.]], kernel (1,2), stride 1, padding (0,1), dilation (1,3)
        // -> y [[-inf],[-inf]], indices [[2],[4]]; the grad of index 2 lands on x[1][0], index 4 is dropped
        Tensor d = x(s(1, 1, 2, 2), 1, 2, 3, 4);
        PoolResult rd = maxPool(d, MaxPool2dOptions.of(1, 2).stride(1).padding(0, 1).dilation(1, 3));
        assertFloats(rd.values(), -INF, -INF);
        assertLongs(rd.indices(), 2, 4);
        assertFloats(d.grad(), 0, 0, 1, 0);
    }

    @Test
    void maxPoolUnbatchedInputAndMetadata() {
        // x = torch.tensor([[[1.,5.],[3.,2.]],[[7.,8.],[9.,6.]]]); F.max_pool2d(x, 2, return_indices=True)
        // -> [[[5.]], [[9.]]] shape (2, 1, 1), indices [[[1]], [[2]]] int64; grad_fn MaxPool2DWithIndicesBackward0
        Tensor x = x(s(2, 2, 2), 1, 5, 3, 2, 7, 8, 9, 6);
        PoolResult r = F.maxPool2dWithIndices(x, MaxPool2dOptions.of(2));
        assertThat(r.values().sizes()).containsExactly(2, 1, 1);
        assertFloats(r.values(), 5, 9);
        assertLongs(r.indices(), 1, 2);
        assertThat(r.indices().requiresGrad()).isFalse();
        assertThat(r.values().gradFn().name()).isEqualTo("MaxPool2DWithIndicesBackward0");
        // N = 0 is allowed: F.max_pool2d(torch.zeros(0,1,5,5), 2).shape -> (0, 1, 2, 2)
        assertThat(F.maxPool2d(Tensor.zeros(0, 1, 5, 5), 2).sizes()).containsExactly(0, 1, 2, 2);
    }

    // ---------------------------------------------------------------- avg_pool2d

    private static Tensor avgPool(Tensor x, AvgPool2dOptions o) {
        Tensor y = F.avgPool2d(x, o);
        y.backward(Tensor.onesLike(y));
        return y;
    }

    @Test
    void avgPoolCountIncludePadWithCeilMode() {
        // o = torch.ones(1,1,4,4, requires_grad=True); y = F.avg_pool2d(o, 3, 2, 1, ceil_mode=True, count_include_pad=True)
        Tensor o = Tensor.ones(1, 1, 4, 4).requiresGrad_();
        Tensor y = avgPool(o, AvgPool2dOptions.of(3).stride(2).padding(1).ceilMode(true));
        assertFloats(y, 0.4444444477558136, 0.6666666865348816, 0.3333333432674408, 0.6666666865348816, 1.0, 0.5,
                0.3333333432674408, 0.5, 0.25);
        assertFloats(o.grad(), 0.1111111119389534, 0.2222222238779068, 0.1111111119389534, 0.2777777910232544,
                0.2222222238779068, 0.4444444477558136, 0.2222222238779068, 0.5555555820465088,
                0.1111111119389534, 0.2222222238779068, 0.1111111119389534, 0.2777777910232544,
                0.2777777910232544, 0.5555555820465088, 0.2777777910232544, 0.694444477558136);
        // count_include_pad=False -> all 1.
        Tensor o2 = Tensor.ones(1, 1, 4, 4).requiresGrad_();
        Tensor y2 = avgPool(o2, AvgPool2dOptions.of(3).stride(2).padding(1).ceilMode(true).countIncludePad(false));
        assertFloats(y2, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertFloats(o2.grad(), 0.25, 0.4166666865348816, 0.1666666716337204, 0.6666666865348816,
                0.4166666865348816, 0.694444477558136, 0.2777777910232544, 1.1111111640930176,
                0.1666666716337204, 0.2777777910232544, 0.1111111119389534, 0.4444444477558136,
                0.6666666865348816, 1.1111111640930176, 0.4444444477558136, 1.7777777910232544);
    }

    @Test
    void avgPoolHangingWindowCountsOnlyThePaddedBorder() {
        // o6 = torch.ones(1,1,1,6); F.avg_pool2d(o6, (1,4), (1,3), (0,1), ceil_mode=True) -> [0.75, 1.0, 0.5]
        Tensor o = Tensor.ones(1, 1, 1, 6).requiresGrad_();
        Tensor y = avgPool(o, AvgPool2dOptions.of(1, 4).stride(1, 3).padding(0, 1).ceilMode(true));
        assertFloats(y, 0.75, 1.0, 0.5);
        assertFloats(o.grad(), 0.25, 0.25, 0.5, 0.25, 0.25, 0.75);
        // x = torch.arange(1., 26.).reshape(1,1,5,5); F.avg_pool2d(x, 2, stride=2, ceil_mode=True)
        Tensor x = ramp(1, 1, 1, 5, 5);
        Tensor y5 = avgPool(x, AvgPool2dOptions.of(2).stride(2).ceilMode(true));
        assertFloats(y5, 4, 6, 7.5, 14, 16, 17.5, 21.5, 23.5, 25);
        assertFloats(x.grad(), 0.25, 0.25, 0.25, 0.25, 0.5, 0.25, 0.25, 0.25, 0.25, 0.5, 0.25, 0.25, 0.25, 0.25, 0.5,
                0.25, 0.25, 0.25, 0.25, 0.5, 0.5, 0.5, 0.5, 0.5, 1.0);
        // kernel 1, stride 2, ceil: F.avg_pool2d(x, 1, stride=2, ceil_mode=True) -> [[1,3,5],[11,13,15],[21,23,25]]
        Tensor x1 = ramp(1, 1, 1, 5, 5);
        Tensor y1 = avgPool(x1, AvgPool2dOptions.of(1).stride(2).ceilMode(true));
        assertFloats(y1, 1, 3, 5, 11, 13, 15, 21, 23, 25);
        assertFloats(x1.grad(), 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1);
    }

    @Test
    void avgPoolDivisorOverrideIncludingNegative() {
        // x = torch.arange(1., 17.).reshape(1,1,4,4); F.avg_pool2d(x, 2, divisor_override=-2) -> [-7,-11,-23,-27], grad -0.5
        Tensor x = ramp(1, 1, 1, 4, 4);
        Tensor y = avgPool(x, AvgPool2dOptions.of(2).divisorOverride(-2));
        assertFloats(y, -7, -11, -23, -27);
        double[] g = new double[16];
        java.util.Arrays.fill(g, -0.5);
        assertFloats(x.grad(), g);
        // F.avg_pool2d(x, 3, 1, 1, divisor_override=5)
        Tensor x5 = ramp(1, 1, 1, 4, 4);
        Tensor y5 = avgPool(x5, AvgPool2dOptions.of(3).stride(1).padding(1).divisorOverride(5));
        assertFloats(y5, 2.799999952316284, 4.800000190734863, 6.0, 4.400000095367432, 6.599999904632568,
                10.800000190734863, 12.600000381469727, 9.0, 11.399999618530273, 18.0, 19.799999237060547,
                13.800000190734863, 9.199999809265137, 14.399999618530273, 15.600000381469727, 10.800000190734863);
        assertFloats(x5.grad(), 0.800000011920929, 1.2000000476837158, 1.2000000476837158, 0.800000011920929,
                1.2000000476837158, 1.8000001907348633, 1.8000001907348633, 1.2000000476837158,
                1.2000000476837158, 1.8000001907348633, 1.8000001907348633, 1.2000000476837158,
                0.800000011920929, 1.2000000476837158, 1.2000000476837158, 0.800000011920929);
        // F.avg_pool2d(x, 3, 2, 1, ceil_mode=True, count_include_pad=False, divisor_override=3)
        Tensor x3 = ramp(1, 1, 1, 4, 4);
        Tensor y3 = avgPool(x3, AvgPool2dOptions.of(3).stride(2).padding(1).ceilMode(true).countIncludePad(false)
                .divisorOverride(3));
        assertFloats(y3, 4.666666507720947, 10.0, 4.0, 19.0, 33.0, 12.0, 9.0, 15.0, 5.333333492279053);
        assertFloats(x3.grad(), 0.3333333432674408, 0.6666666865348816, 0.3333333432674408, 0.6666666865348816,
                0.6666666865348816, 1.3333333730697632, 0.6666666865348816, 1.3333333730697632,
                0.3333333432674408, 0.6666666865348816, 0.3333333432674408, 0.6666666865348816,
                0.6666666865348816, 1.3333333730697632, 0.6666666865348816, 1.3333333730697632);
        // x = [[0.1..0.9]] (3x3): F.avg_pool2d(x, 3) -> 0.5; divisor_override=7 -> 0.6428571343421936
        Tensor t = x(s(1, 1, 3, 3), 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9).detach();
        assertFloats(F.avgPool2d(t, 3), 0.5);
        assertFloats(F.avgPool2d(t, AvgPool2dOptions.of(3).divisorOverride(7)), 0.6428571343421936);
    }

    @Test
    void avgPoolOverlappingWindowsBackward() {
        // x = torch.arange(1., 26.).reshape(1,1,5,5); y = F.avg_pool2d(x, 3, stride=2, padding=1)
        // y.backward(torch.arange(1., 10.).reshape(1,1,3,3))
        Tensor x = ramp(1, 1, 1, 5, 5);
        Tensor y = F.avgPool2d(x, AvgPool2dOptions.of(3).stride(2).padding(1));
        y.backward(ramp(1, 1, 1, 3, 3).detach());
        assertThat(y.gradFn().name()).isEqualTo("AvgPool2DBackward0");
        assertFloats(y, 1.7777777910232544, 3.6666667461395264, 3.1111111640930176, 7.666666507720947, 13.0,
                9.666666984558105, 8.44444465637207, 13.666666984558105, 9.777777671813965);
        assertFloats(x.grad(), 0.1111111119389534, 0.3333333432674408, 0.2222222238779068, 0.5555555820465088,
                0.3333333432674408, 0.5555555820465088, 1.3333333730697632, 0.7777777910232544, 1.777777910232544,
                1.0, 0.4444444477558136, 1.0, 0.5555555820465088, 1.2222223281860352, 0.6666666865348816,
                1.2222222089767456, 2.6666667461395264, 1.4444444179534912, 3.1111111640930176, 1.6666667461395264,
                0.7777777910232544, 1.6666667461395264, 0.8888888955116272, 1.8888888359069824, 1.0);
    }

    @Test
    void avgPoolPropagatesNanAndInfinities() {
        // x = [[[[1.,inf],[2.,3.]],[[inf,-inf],[0.,1.]],[[nan,1.],[1.,1.]]]]; F.avg_pool2d(x, 2) -> [inf, nan, nan], grad 0.25
        Tensor x = x(s(1, 3, 2, 2), 1, INF, 2, 3, INF, -INF, 0, 1, NAN, 1, 1, 1);
        Tensor y = avgPool(x, AvgPool2dOptions.of(2));
        assertFloats(y, INF, NAN, NAN);
        double[] g = new double[12];
        java.util.Arrays.fill(g, 0.25);
        assertFloats(x.grad(), g);
    }

    @Test
    void avgPoolOfInt64TruncatesTowardZero() {
        // x = torch.tensor([[[[1,2],[3,5]]]]); F.avg_pool2d(x, 2) -> 2; F.avg_pool2d(-x, 2) -> -2;
        // divisor_override=-1 -> -11; divisor_override=3 -> 3
        Tensor x = Tensor.of(new long[][] {{1, 2}, {3, 5}}).reshape(1, 1, 2, 2);
        assertLongs(F.avgPool2d(x, 2), 2);
        assertLongs(F.avgPool2d(x.neg(), 2), -2);
        assertLongs(F.avgPool2d(x, AvgPool2dOptions.of(2).divisorOverride(-1)), -11);
        assertLongs(F.avgPool2d(x, AvgPool2dOptions.of(2).divisorOverride(3)), 3);
        // N = 0: F.avg_pool2d(torch.zeros(0,1,5,5), 2).shape -> (0, 1, 2, 2)
        assertThat(F.avgPool2d(Tensor.zeros(0, 1, 5, 5), 2).sizes()).containsExactly(0, 1, 2, 2);
    }

    // ---------------------------------------------------------------- max_unpool2d

    @Test
    void maxUnpoolDuplicateIndicesLastWriteWins() {
        // F.max_unpool2d(torch.tensor([[[[1.,2.],[3.,4.]]]]), torch.tensor([[[[5,5],[0,5]]]]), 2)
        // -> [[3,0,0,0],[0,4,0,0],[0,0,0,0],[0,0,0,0]]
        Tensor y = F.maxUnpool2d(x(s(1, 1, 2, 2), 1, 2, 3, 4).detach(), Tensor.of(5L, 5L, 0L, 5L).reshape(1, 1, 2, 2),
                MaxUnpool2dOptions.of(2));
        assertFloats(y, 3, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void maxUnpoolWritesSpecialValuesAsIs() {
        // F.max_unpool2d(torch.tensor([[[[nan,-0.],[inf,-inf]]]]), torch.tensor([[[[0,1],[6,15]]]]), 2)
        Tensor y = F.maxUnpool2d(x(s(1, 1, 2, 2), NAN, -0.0, INF, -INF).detach(),
                Tensor.of(0L, 1L, 6L, 15L).reshape(1, 1, 2, 2), MaxUnpool2dOptions.of(2));
        assertFloats(y, NAN, -0.0, 0, 0, 0, 0, INF, 0, 0, 0, 0, 0, 0, 0, 0, -INF);
    }

    @Test
    void maxUnpoolBackwardGathersEvenForDuplicates() {
        // x = torch.tensor([[[[1.,2.],[3.,4.]]]], requires_grad=True); y = F.max_unpool2d(x, torch.tensor([[[[5,5],[0,14]]]]), 2)
        // y.grad_fn -> MaxUnpool2DBackward0; y.backward(torch.arange(16.).reshape(1,1,4,4)); x.grad -> [[5.,5.],[0.,14.]]
        Tensor x = x(s(1, 1, 2, 2), 1, 2, 3, 4);
        Tensor y = F.maxUnpool2d(x, Tensor.of(5L, 5L, 0L, 14L).reshape(1, 1, 2, 2), MaxUnpool2dOptions.of(2));
        assertThat(y.gradFn().name()).isEqualTo("MaxUnpool2DBackward0");
        y.backward(ramp(0, 1, 1, 4, 4).detach());
        assertFloats(x.grad(), 5, 5, 0, 14);
    }

    @Test
    void maxUnpoolSizes() {
        Tensor x = ramp(1, 1, 1, 2, 2).detach();
        Tensor i = Tensor.of(0L, 1L, 2L, 3L).reshape(1, 1, 2, 2);
        // m = nn.MaxUnpool2d(2, stride=0) -> MaxUnpool2d(kernel_size=(2, 2), stride=(0, 0), padding=(0, 0)); m(x, i) -> [[1,2],[3,4]]
        MaxUnpool2d m = new MaxUnpool2d(MaxUnpool2dOptions.of(2).stride(0));
        assertThat(m).hasToString("MaxUnpool2d(kernel_size=(2, 2), stride=(0, 0), padding=(0, 0))");
        Tensor y0 = m.forward(x, i);
        assertThat(y0.sizes()).containsExactly(1, 1, 2, 2);
        assertFloats(y0, 1, 2, 3, 4);
        // F.max_unpool2d(x, i, 2, output_size=[3, 5]) -> [[1,2,3,4,0],[0,...],[0,...]]
        Tensor y35 = F.maxUnpool2d(x, i, MaxUnpool2dOptions.of(2), new int[] {3, 5});
        assertThat(y35.sizes()).containsExactly(1, 1, 3, 5);
        assertFloats(y35, 1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(F.maxUnpool2d(x, i, MaxUnpool2dOptions.of(2), new int[] {1, 1, 5, 4}).sizes()).containsExactly(1, 1, 5, 4);
        // kernel 0: F.max_unpool2d(x, torch.tensor([[[[0,1],[2,9]]]]), 0).shape -> (1, 1, 0, 0), no index check
        assertThat(F.maxUnpool2d(x, Tensor.of(0L, 1L, 2L, 9L).reshape(1, 1, 2, 2), MaxUnpool2dOptions.of(0)).sizes())
                .containsExactly(1, 1, 0, 0);
        // C = 0 of a 3-d input and N = 0 of a 4-d input are allowed: shapes (0, 4, 4) and (0, 1, 4, 4)
        assertThat(F.maxUnpool2d(Tensor.zeros(0, 2, 2), Tensor.zeros(DType.INT64, 0, 2, 2), MaxUnpool2dOptions.of(2)).sizes())
                .containsExactly(0, 4, 4);
        assertThat(F.maxUnpool2d(Tensor.zeros(0, 1, 2, 2), Tensor.zeros(DType.INT64, 0, 1, 2, 2), MaxUnpool2dOptions.of(2))
                .sizes()).containsExactly(0, 1, 4, 4);
    }
}
