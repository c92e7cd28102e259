package dev.ember.examples;

import dev.ember.nn.MaxPool2d;
import dev.ember.nn.functional.MaxPool2dOptions;
import dev.ember.tensor.Slice;
import dev.ember.tensor.Tensor;
import java.io.IOException;

/**
 * The tutorial's max pooling:
 * <pre>
 * maxpool_layer = nn.MaxPool2d((2, 2), stride=(2, 2))
 * img_pool = maxpool_layer(img_tensor)
 * print("池化前尺寸:{}\n池化后尺寸:{}".format(img_tensor.shape, img_pool.shape))
 * img_pool = transform_invert(img_pool[0, 0:3, ...], img_transform)
 * </pre>
 */
public final class MaxPoolExample {
    private MaxPoolExample() {}

    static MaxPool2d maxpoolLayer() { return new MaxPool2d(MaxPool2dOptions.of(2, 2).stride(2, 2)); }

    public static void run(TutorialContext ctx) throws IOException {
        ctx.section("maxpool");
        Tensor imgTensor = ctx.imgTensor();
        MaxPool2d maxpoolLayer = maxpoolLayer();
        Tensor imgPool = maxpoolLayer.forward(imgTensor);
        ctx.out().println("池化前尺寸:" + imgTensor.shape() + "\n池化后尺寸:" + imgPool.shape());
        ctx.imgMaxpool(imgPool);
        ctx.save("img_maxpool.png", imgPool.index(0, Slice.of(0, 3), Slice.ELLIPSIS));
    }

    public static void main(String[] args) throws IOException { run(TutorialContext.fromArgs(args)); }
}
