package dev.ember.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.kernels.Gemm;
import dev.ember.tensor.Autograd;
import dev.ember.tensor.GradMode;
import dev.ember.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Linear keeps its weight packed for the GEMM between calls. Every way of changing the weight must
 * be seen by the next forward: each test changes it one way and compares with the product of an
 * unshared copy of the new weight (computed through a fresh tensor, so never cached).
 */
class LinearPackedWeightTest {
    static final int ROWS = 16, IN = 300, OUT = 70;
    Linear lin;
    Tensor x;

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(Gemm.packs(ROWS), "the packed path is off (scalar twins forced)");
        lin = new Linear(IN, OUT);
        x = random(7, ROWS, IN);
    }

    static Tensor random(long seed, int... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1;
        for (int d : shape) n *= d;
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextGaussian();
        return Tensor.fromArray(a, shape);
    }

    /** The forward with the weight's current values, through a copy that nothing caches. */
    Tensor fresh() {
        try (var g = GradMode.noGrad()) {
            return dev.ember.nn.functional.F.linear(x, lin.weight().detach().clone(), lin.bias().detach());
        }
    }

    Tensor forward() {
        try (var g = GradMode.noGrad()) {
            return lin.forward(x);
        }
    }

    static void assertSame(Tensor got, Tensor want) {
        assertThat(got.toFloatArray()).containsExactly(want.toFloatArray());
    }

    @Test
    void theSecondForwardReusesThePackedWeight() {
        Tensor first = forward();
        Gemm.PackedB kept = lin.weight().detach().derived(Gemm.PackedB.class, t -> {
            throw new AssertionError("not cached");
        });
        assertThat(kept.n()).isEqualTo(OUT);
        assertSame(forward(), first);
        assertSame(first, fresh());
    }

    @Test
    void oneRowAgainstALargeWeightReadsItPackedAndSeesChanges() {
        int in = 300, out = 301; // n·k over the threshold; n not a whole number of panels
        Assumptions.assumeTrue(Gemm.packs(1, out, in));
        Linear big = new Linear(in, out);
        Tensor one = random(9, 1, in);
        Tensor first;
        try (var g = GradMode.noGrad()) {
            first = big.forward(one);
        }
        big.weight().detach().derived(Gemm.PackedB.class, t -> {
            throw new AssertionError("not cached");
        });
        float[] want = new float[out];
        Gemm.gemmScalar(1, out, in, one.toFloatArray(), 0, in, 1, big.weight().toFloatArray(), 0, 1, in, want, 0, out);
        float[] bias = big.bias().toFloatArray();
        for (int j = 0; j < out; j++) want[j] += bias[j];
        assertThat(first.toFloatArray()).containsExactly(want);
        try (var g = GradMode.noGrad()) {
            big.weight().narrow(0, 7, 2).fill_(-0.5);
            assertSame(big.forward(one), dev.ember.nn.functional.F.linear(one, big.weight().clone(), big.bias()));
        }
    }

    @Test
    void inPlaceOpsOnTheWeightAreSeen() {
        forward();
        try (var g = GradMode.noGrad()) {
            lin.weight().copy_(lin.weight().mul(2.0));
        }
        assertSame(forward(), fresh());
        try (var g = GradMode.noGrad()) {
            lin.weight().copy_(random(3, OUT, IN));
        }
        assertSame(forward(), fresh());
        try (var g = GradMode.noGrad()) {
            lin.weight().narrow(0, 5, 3).fill_(0.25); // through a view
        }
        assertSame(forward(), fresh());
        lin.weight().detach().uniform_(-1, 1);
        assertSame(forward(), fresh());
    }

    @Test
    void writesThroughTheRawArrayAreSeen() {
        forward();
        float[] raw = lin.weight().floatStorage(); // no markModified: the raw array left Ember's hands
        raw[0] = 1000f;
        assertSame(forward(), fresh());
        raw[OUT * IN - 1] = -3f;
        assertSame(forward(), fresh());
    }

    @Test
    void aWrappedArrayIsNeverCached() {
        float[] w = random(11, OUT, IN).toFloatArray();
        lin.weight().setData(Tensor.wrap(w, OUT, IN));
        assertSame(forward(), fresh());
        w[17] = 42f; // the caller still holds the array
        assertSame(forward(), fresh());
    }

    @Test
    void replacedDataIsSeen() {
        forward();
        lin.weight().setData(random(12, OUT, IN));
        assertSame(forward(), fresh());
    }

    @Test
    void aMarkedRawWriteIsSeenToo() {
        forward();
        float[] raw = lin.weight().floatsForReading();
        Tensor w = lin.weight().detach();
        raw[1] = 7f; // a kernel-style write followed by the version bump Ember's own in-place ops do
        Autograd.markModified(w);
        assertSame(forward(), fresh());
    }

    @Test
    void twoViewsOfOneStorageDoNotShareTheirPanels() {
        Tensor base = random(13, OUT * IN);
        Tensor wide = base.view(OUT, IN), narrow = base.view(OUT * IN / 350, 350);
        Tensor x2 = random(14, ROWS, 350);
        try (var g = GradMode.noGrad()) {
            for (int round = 0; round < 2; round++) {
                assertSame(dev.ember.nn.functional.F.linear(x, wide, null),
                        dev.ember.nn.functional.F.linear(x, wide.clone(), null));
                assertSame(dev.ember.nn.functional.F.linear(x2, narrow, null),
                        dev.ember.nn.functional.F.linear(x2, narrow.clone(), null));
            }
        }
    }

    @Test
    void trainingStepsAreSeen() {
        for (int step = 0; step < 3; step++) {
            Tensor y = lin.forward(x);
            assertSame(y.detach(), fresh());
            y.sum().backward();
            try (var g = GradMode.noGrad()) {
                lin.weight().copy_(lin.weight().sub(lin.weight().grad().mul(0.01)));
            }
            lin.weight().setGrad(null);
        }
    }
}
