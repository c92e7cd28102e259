package dev.ember.examples;

import dev.ember.nn.MaxPool2d;
import dev.ember.nn.MaxUnpool2d;
import dev.ember.nn.functional.MaxPool2dOptions;
import dev.ember.nn.functional.MaxUnpool2dOptions;
import dev.ember.nn.functional.PoolResult;
import dev.ember.tensor.DType;
import dev.ember.tensor.Size;
import dev.ember.tensor.Tensor;
import java.io.IOException;

/**
 * Max unpooling, with the tutorial's random tensors (from the generator seeded by set_seed(1)):
 * <pre>
 * img_tensor = torch.randint(high=5, size=(1, 1, 4, 4), dtype=torch.float)
 * maxpool_layer = nn.MaxPool2d((2, 2), stride=(2, 2), return_indices=True)
 * img_pool, indices = maxpool_layer(img_tensor)
 * img_reconstruct = torch.randn_like(img_pool, dtype=torch.float)
 * maxunpool_layer = nn.MaxUnpool2d((2, 2), stride=(2, 2))
 * img_unpool = maxunpool_layer(img_reconstruct, indices)
 * </pre>
 */
public final class MaxUnpoolExample {
    private MaxUnpoolExample() {}

    static MaxPool2d maxpoolWithIndices() {
        return new MaxPool2d(MaxPool2dOptions.of(2, 2).stride(2, 2).returnIndices(true));
    }

    static MaxUnpool2d maxunpoolLayer() { return new MaxUnpool2d(MaxUnpool2dOptions.of(2, 2).stride(2, 2)); }

    public static void run(TutorialContext ctx) {
        ctx.section("max unpool");
        // pooling
        Tensor imgTensor = Tensor.randint(0, 5, DType.FLOAT32, Size.of(1, 1, 4, 4));
        PoolResult pooled = maxpoolWithIndices().forwardWithIndices(imgTensor);
        Tensor imgPool = pooled.values(), indices = pooled.indices();
        // unpooling
        Tensor imgReconstruct = Tensor.randnLike(imgPool, DType.FLOAT32);
        Tensor imgUnpool = maxunpoolLayer().forward(imgReconstruct, indices);
        ctx.out().println("raw_img:\n" + imgTensor + "\nimg_pool:\n" + imgPool);
        ctx.out().println("img_reconstruct:\n" + imgReconstruct + "\nimg_unpool:\n" + imgUnpool);
    }

    public static void main(String[] args) throws IOException { run(TutorialContext.fromArgs(args)); }
}
