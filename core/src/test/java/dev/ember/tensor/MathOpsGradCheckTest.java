package dev.ember.tensor;

import static dev.ember.TorchValues.uniform;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Gradient checks (float64, central differences) of the tensor arithmetic, reductions, matrix
 * products and views, including broadcasting in both directions and non-contiguous operands.
 */
class MathOpsGradCheckTest {

    private static Tensor leaf(long seed, int... shape) { return uniform(seed, -2, 2, 0, shape).requiresGrad_(); }

    private static Tensor positive(long seed, int... shape) { return uniform(seed, 0.5, 3, 0, shape).requiresGrad_(); }

    private static void check(Function<Tensor[], Tensor> f, Tensor... inputs) { GradCheck.check(f, inputs); }

    @Test
    void binaryOpsWithBroadcasting() {
        Tensor a = leaf(1, 2, 3, 1), b = leaf(2, 4), c = leaf(3, 3, 4), s = leaf(4);
        check(in -> in[0].add(in[1]), a, b);
        check(in -> in[0].sub(in[1]), a, b);
        check(in -> in[1].sub(in[0]), a, b);
        check(in -> in[0].mul(in[1]), a, c);
        check(in -> in[0].mul(in[1]), s, c);
        check(in -> in[0].add(in[1]).mul(in[2]), a, b, c);
        Tensor d = uniform(5, 0.5, 2, 0, 4).requiresGrad_();
        check(in -> in[0].div(in[1]), a, d);
        check(in -> in[1].div(in[0].add(3)), a, d);
        check(in -> in[0].div(in[0]), d);
        check(in -> in[0].mul(in[0]), c);
    }

    @Test
    void scalarOperandsAndZeroDimTensors() {
        Tensor a = leaf(6, 2, 3), z = leaf(7);
        check(in -> in[0].add(2.5).mul(-3).sub(1).div(0.5), a);
        check(in -> in[0].mul(in[1]).add(in[1]), a, z);
        check(in -> in[1].div(in[0].abs().add(1)), a, z);
        check(in -> in[0].neg(), a);
    }

    @Test
    void unaryMath() {
        Tensor a = leaf(8, 3, 4), p = positive(9, 3, 4);
        check(in -> in[0].exp(), a);
        check(in -> in[0].log(), p);
        check(in -> in[0].sqrt(), p);
        check(in -> in[0].pow(2), a);
        check(in -> in[0].pow(3.5), p);
        check(in -> in[0].pow(-1.5), p);
        check(in -> in[0].pow(0), a);
        check(in -> in[0].abs(), uniform(10, -2, 2, 0.01, 3, 4).requiresGrad_());
        check(in -> in[0].clamp(-1, 1), uniform(11, -2, 2, 0, 3, 4).requiresGrad_());
        check(in -> in[0].exp().log().sqrt(), p);
    }

    @Test
    void reductions() {
        Tensor a = leaf(12, 2, 3, 4);
        check(in -> in[0].sum(), a);
        check(in -> in[0].sum(1, false), a);
        check(in -> in[0].sum(-1, true), a);
        check(in -> in[0].sum(new int[] {0, 2}, false), a);
        check(in -> in[0].mean(), a);
        check(in -> in[0].mean(0, true), a);
        check(in -> in[0].mean(2, false), a);
        check(in -> in[0].mul(in[0].sum(1, true)).mean(), a);
    }

    @Test
    void matrixProducts() {
        Tensor v = leaf(13, 3), w = leaf(14, 3), m = leaf(15, 3, 4), n = leaf(16, 4, 2), b = leaf(17, 2, 5, 3);
        check(in -> in[0].matmul(in[1]), v, w);
        check(in -> in[0].matmul(in[1]), v, m);
        check(in -> in[0].matmul(in[1]), m, leaf(18, 4));
        check(in -> in[0].matmul(in[1]), m, n);
        check(in -> in[0].mm(in[1]), m, n);
        check(in -> in[0].matmul(in[1]), b, m);
        check(in -> in[0].t().matmul(in[1].t()), n, m);
        check(in -> in[0].transpose(0, 1).matmul(in[1]), b, m);
    }

    @Test
    void viewsAndCopies() {
        Tensor a = leaf(19, 2, 3, 4);
        check(in -> in[0].view(6, 4), a);
        check(in -> in[0].view(-1), a);
        check(in -> in[0].reshape(4, 6), a);
        check(in -> in[0].transpose(0, 2).reshape(-1), a);
        check(in -> in[0].permute(2, 0, 1), a);
        check(in -> in[0].transpose(-1, 0).mul(2), a);
        check(in -> in[0].unsqueeze(1).squeeze(), a);
        check(in -> in[0].unsqueeze(3).squeeze(3), a);
        check(in -> in[0].select(1, 2), a);
        check(in -> in[0].select(-1, -1), a);
        check(in -> in[0].slice(2, 1, 4, 2), a);
        check(in -> in[0].narrow(1, 1, 2), a);
        check(in -> in[0].index(1, Slice.of(0, 3, 2), Slice.ELLIPSIS), a);
        check(in -> in[0].index(Slice.ELLIPSIS, 0), a);
        check(in -> in[0].index(Slice.ALL, Slice.NEW_AXIS, -1), a);
        check(in -> in[0].index(Slice.ELLIPSIS), a);
        check(in -> in[0].contiguous(), a);
        check(in -> in[0].permute(1, 2, 0).contiguous(), a);
        check(in -> in[0].clone(), a);
        check(in -> in[0].select(0, 1).expand(5, 3, 4), a);
        check(in -> in[0].slice(1, 0, 1, 1).expand(2, 3, 4).mul(in[0]), a);
        check(in -> in[0].index(0, Slice.of(1, 3)).t().flatten(), a);
    }
}
