package dev.ember.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.nn.functional.AvgPool2dOptions;
import dev.ember.nn.functional.MaxPool2dOptions;
import dev.ember.nn.functional.MaxUnpool2dOptions;
import dev.ember.nn.functional.PoolResult;
import dev.ember.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The tutorial's worked examples, with the values the tutorial (PyTorch) prints. */
class TutorialExamplesTest {

    @Test
    void linearGivesTheTutorialsOutput() {
        Linear linear = new Linear(3, 4);
        linear.weight().setData(Tensor.of(new float[][] {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}, {4, 4, 4}}));
        linear.bias().data().fill_(0.5);
        Tensor out = linear.forward(Tensor.of(new float[][] {{1, 2, 3}}));
        assertThat(out.toFloatArray()).containsExactly(6.5f, 12.5f, 18.5f, 24.5f);
        assertThat(out.gradFn().name()).isEqualTo("AddmmBackward0");
        assertThat(out.shape().toString()).isEqualTo("torch.Size([1, 4])");
    }

    @Test
    void averagePoolingOfOnesIsOnesAndDivisorOverrideThreeGivesFourThirds() {
        Tensor ones = Tensor.ones(1, 1, 4, 4);
        Tensor pooled = new AvgPool2d(AvgPool2dOptions.of(2, 2).stride(2, 2)).forward(ones);
        assertThat(pooled.sizes()).containsExactly(1, 1, 2, 2);
        assertThat(pooled.toFloatArray()).containsOnly(1f);
        Tensor overridden = new AvgPool2d(AvgPool2dOptions.of(2, 2).stride(2, 2).divisorOverride(3)).forward(ones);
        assertThat(overridden.toFloatArray()).containsOnly(4f / 3f);
    }

    @Test
    void maxUnpoolPutsEachValueBackAtItsIndex() {
        Tensor img = Tensor.of(new float[][][][] {{{{1, 4, 2, 0}, {3, 0, 4, 1}, {0, 2, 3, 3}, {1, 1, 0, 4}}}});
        PoolResult pooled = new MaxPool2d(MaxPool2dOptions.of(2, 2).stride(2, 2).returnIndices(true)).forwardWithIndices(img);
        assertThat(pooled.values().toFloatArray()).containsExactly(4, 4, 2, 4);
        assertThat(pooled.indices().toLongArray()).containsExactly(1, 6, 9, 15);
        Tensor values = Tensor.of(new float[][][][] {{{{-1, -2}, {-3, -4}}}});
        Tensor unpooled = new MaxUnpool2d(MaxUnpool2dOptions.of(2, 2).stride(2, 2)).forward(values, pooled.indices());
        assertThat(unpooled.toFloatArray()).containsExactly(0, -1, 0, 0, 0, 0, -2, 0, 0, -3, 0, 0, 0, 0, 0, -4);
    }

    @Test
    void maxPoolHalvesTheTutorialsImageSize() {
        Tensor img = Tensor.zeros(3, 512, 512);
        img.unsqueeze_(0);
        Tensor pooled = new MaxPool2d(MaxPool2dOptions.of(2, 2).stride(2, 2)).forward(img);
        assertThat(img.shape().toString()).isEqualTo("torch.Size([1, 3, 512, 512])");
        assertThat(pooled.shape().toString()).isEqualTo("torch.Size([1, 3, 256, 256])");
    }

    @Test
    void moduleReprsMatchPyTorch() {
        assertThat(new MaxPool2d(2)).hasToString("MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)");
        assertThat(new MaxPool2d(MaxPool2dOptions.of(2, 2).stride(2, 2)))
                .hasToString("MaxPool2d(kernel_size=(2, 2), stride=(2, 2), padding=0, dilation=1, ceil_mode=False)");
        assertThat(new AvgPool2d(2)).hasToString("AvgPool2d(kernel_size=2, stride=2, padding=0)");
        assertThat(new MaxUnpool2d(2)).hasToString("MaxUnpool2d(kernel_size=(2, 2), stride=(2, 2), padding=(0, 0))");
        assertThat(new Linear(3, 4)).hasToString("Linear(in_features=3, out_features=4, bias=True)");
        assertThat(new ReLU()).hasToString("ReLU()");
        assertThat(new LeakyReLU()).hasToString("LeakyReLU(negative_slope=0.01)");
        assertThat(new PReLU()).hasToString("PReLU(num_parameters=1)");
        assertThat(new Sequential(new Linear(3, 4), new ReLU(), new MaxPool2d(2))).hasToString("""
                Sequential(
                  (0): Linear(in_features=3, out_features=4, bias=True)
                  (1): ReLU()
                  (2): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
                )""");
    }
}
