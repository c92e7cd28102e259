package dev.ember.examples;

import dev.ember.io.image.Figures.Panel;
import dev.ember.nn.functional.PoolResult;
import dev.ember.tensor.Tensor;
import java.io.IOException;
import java.util.List;

/**
 * Max unpooling of the picture: each 2×2 block keeps only its maximum, at the place it came from.
 * <pre>
 * img_pool, indices = maxpool_layer(img_tensor)             # return_indices=True
 * img_unpool = maxunpool_layer(img_pool, indices)
 * </pre>
 */
public final class MaxUnpoolPictureExample {
    private MaxUnpoolPictureExample() {}

    public static void run(TutorialContext ctx) throws IOException {
        ctx.section("max unpool of the picture");
        Tensor picture = ctx.imgTensor();
        PoolResult pooled = MaxUnpoolExample.maxpoolWithIndices().forwardWithIndices(picture);
        Tensor imgPool = pooled.values(), indices = pooled.indices();
        Tensor imgUnpool = MaxUnpoolExample.maxunpoolLayer().forward(imgPool, indices);
        ctx.out().println("img_pool:" + imgPool.shape() + " indices:" + indices.dtype().torchName()
                + " img_unpool:" + imgUnpool.shape());
        ctx.out().println("nonzero in img_unpool: " + imgUnpool.ne(0).sum().itemLong() + " of " + imgUnpool.numel());
        Tensor unpooled = imgUnpool.select(0, 0), maxPooled = imgPool.select(0, 0);
        ctx.save("img_unpool.png", unpooled);
        ctx.saveSideBySide("maxunpool.png", List.of(
                new Panel("img_raw " + AvgPoolExample.size(picture), picture.squeeze()),
                new Panel("img_pool " + AvgPoolExample.size(maxPooled), maxPooled),
                new Panel("MaxUnpool2d((2, 2), stride=(2, 2)) " + AvgPoolExample.size(unpooled), unpooled)));
    }

    public static void main(String[] args) throws IOException { run(TutorialContext.fromArgs(args)); }
}
