package dev.ember.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizeTest {
    @Test
    void printsLikeTorchSize() {
        assertThat(Size.of(1, 3, 512, 512)).hasToString("torch.Size([1, 3, 512, 512])");
        assertThat(Size.of()).hasToString("torch.Size([])");
        assertThat(Size.of(5)).hasToString("torch.Size([5])");
        assertThat(Tensor.zeros(2, 0).shape()).hasToString("torch.Size([2, 0])");
        assertThat(Tensor.scalar(1).shape()).hasToString("torch.Size([])");
    }
}
