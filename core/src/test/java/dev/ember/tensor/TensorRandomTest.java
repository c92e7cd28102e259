package dev.ember.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.Ember;
import dev.ember.nn.Init;
import dev.ember.nn.Linear;
import dev.ember.nn.RReLU;
import org.junit.jupiter.api.Test;

/** Tensor-level random functions against values printed by torch 1.13.1 (snippets in comments). */
class TensorRandomTest {

    private static float[] floats(double... v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }

    @Test
    void tutorialsMaxUnpoolInputs() {
        // torch.manual_seed(1); a = torch.randint(high=5, size=(1,1,4,4), dtype=torch.float)
        // b = torch.randn_like(torch.zeros(1,1,2,2), dtype=torch.float)
        Ember.manualSeed(1);
        Tensor a = Tensor.randint(0, 5, DType.FLOAT32, Size.of(1, 1, 4, 4));
        Tensor b = Tensor.randnLike(Tensor.zeros(1, 1, 2, 2), DType.FLOAT32);
        assertThat(a.toFloatArray()).containsExactly(floats(0, 4, 4, 3, 3, 3, 1, 1, 4, 2, 3, 4, 1, 3, 3, 0));
        assertThat(b.toFloatArray()).containsExactly(floats(-1.0276086330413818, -0.563052773475647,
                -0.8922905325889587, -0.05825017765164375));
    }

    @Test
    void linearInitialisesLikePyTorch() {
        // torch.manual_seed(0); l = nn.Linear(3, 4)
        Ember.manualSeed(0);
        Linear l = new Linear(3, 4);
        assertThat(l.weight().toFloatArray()).containsExactly(floats(-0.004322517663240433, 0.3097158372402191,
                -0.4751853346824646, -0.4248946011066437, -0.2223689705133438, 0.15482072532176971,
                -0.011439144611358643, 0.45777493715286255, -0.05123639851808548, 0.1527741253376007,
                -0.1744827926158905, -0.11348707973957062));
        assertThat(l.bias().toFloatArray()).containsExactly(floats(-0.55157071352005, -0.3823687434196472,
                -0.2379971146583557, 0.021387115120887756));
    }

    @Test
    void likeFunctionsKeepATransposedLayoutAndFillInMemoryOrder() {
        // torch.manual_seed(0); y = torch.randn_like(torch.zeros(5,4).t()); y.stride(), y.flatten()[:6]
        Ember.manualSeed(0);
        Tensor y = Tensor.randnLike(Tensor.zeros(5, 4).t());
        assertThat(y.strides()).containsExactly(1, 4);
        assertThat(java.util.Arrays.copyOf(y.toFloatArray(), 6)).containsExactly(floats(1.5409960746765137,
                -1.0845223665237427, -0.7192575931549072, -0.8566746115684509, -0.5663174986839294,
                -0.293428897857666));
        // torch.manual_seed(0); torch.rand_like(torch.zeros(8,4).t())
        Ember.manualSeed(0);
        Tensor r = Tensor.randLike(Tensor.zeros(8, 4).t());
        assertThat(java.util.Arrays.copyOf(r.toFloatArray(), 6)).containsExactly(floats(0.49625658988952637,
                0.30742281675338745, 0.455627977848053, 0.022325754165649414, 0.6976675987243652, 0.6816085577011108));
    }

    @Test
    void uniformOnASliceFillsInMemoryOrder() {
        // torch.manual_seed(3); z = torch.zeros(4,6)[:, 1:4]; z.uniform_(-1, 1)
        Ember.manualSeed(3);
        Tensor z = Tensor.zeros(4, 6).slice(1, 1, 4, 1).uniform_(-1, 1);
        assertThat(z.toFloatArray()).containsExactly(floats(-0.9914729595184326, -0.7888612747192383,
                -0.42831504344940186, -0.9460903406143188, -0.056771278381347656, -0.8797674179077148,
                0.543731689453125, 0.48739874362945557, 0.18884241580963135, 0.775713324546814, -0.09793734550476074,
                0.5989812612533569));
    }

    @Test
    void rreluTrainingDrawsFromTheDefaultGenerator() {
        // torch.manual_seed(0); nn.RReLU()(torch.tensor([-1., 2, 0, -3]))
        Ember.manualSeed(0);
        Tensor x = Tensor.of(-1f, 2f, 0f, -3f).requiresGrad_();
        Tensor y = new RReLU().forward(x);
        assertThat(y.toFloatArray()).containsExactly(floats(-0.3270943760871887, 2.0, 0.0, -0.6621143221855164));
        y.backward(Tensor.ones(4));
        assertThat(x.grad().toFloatArray()).containsExactly(floats(0.3270943760871887, 1.0, 0.27246248722076416,
                0.22070477902889252));
        assertThat(y.gradFn().name()).isEqualTo("RreluWithNoiseBackward0");
    }

    @Test
    void initialisersFollowPyTorchsFanAndGainRules() {
        // torch.manual_seed(0); nn.init.xavier_normal_(torch.empty(3,5)).flatten()[:4]
        Ember.manualSeed(0);
        Tensor a = Init.xavierNormal_(Tensor.empty(3, 5));
        assertThat(java.util.Arrays.copyOf(a.toFloatArray(), 4)).containsExactly(floats(0.7704980373382568,
                -0.146714448928833, -1.0893946886062622, 0.28421562910079956));
        // torch.manual_seed(0); nn.init.kaiming_normal_(torch.empty(3,5,2)).flatten()[:4]
        Ember.manualSeed(0);
        Tensor k = Init.kaimingNormal_(Tensor.empty(3, 5, 2), 0);
        assertThat(java.util.Arrays.copyOf(k.toFloatArray(), 4)).containsExactly(floats(-0.5034908652305603,
                -0.5153511166572571, -0.11206214874982834, -0.19403649866580963));
        assertThatThrownBy(() -> Init.xavierUniform_(Tensor.empty(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fewer than 2 dimensions");
    }

    @Test
    void badBoundsAreRefused() {
        assertThatThrownBy(() -> Tensor.empty(3).uniform_(2, 1)).hasMessageContaining("from=2.0 > to=1.0");
        assertThatThrownBy(() -> Tensor.randint(5, 5, Size.of(3))).hasMessageContaining("from=5 >= to=5");
        assertThatThrownBy(() -> Tensor.empty(3).normal_(0, -1)).hasMessageContaining("std >= 0.0");
    }

    @Test
    void float64NormalsMatchTorchBitForBit() {
        // torch.manual_seed(1); torch.randn(17, dtype=torch.float64)[-1] -> -1.928583354008078 (java.lang.Math gives
        // -1.9285833540080777); seed 0: randn(16, float64)[0] -> -2.310411800234176, randn(5, float64)[0] -> 1.5409961082440433
        Ember.manualSeed(1);
        assertThat(Tensor.randn(DType.FLOAT64, 17).getDouble(16)).isEqualTo(-1.928583354008078);
        Ember.manualSeed(0);
        assertThat(Tensor.randn(DType.FLOAT64, 16).getDouble(0)).isEqualTo(-2.310411800234176);
        Ember.manualSeed(0);
        assertThat(Tensor.randn(DType.FLOAT64, 5).getDouble(0)).isEqualTo(1.5409961082440433);
    }
}
