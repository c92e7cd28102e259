package dev.ember.examples;

import dev.ember.io.image.Figures.Panel;
import dev.ember.nn.AvgPool2d;
import dev.ember.nn.functional.AvgPool2dOptions;
import dev.ember.tensor.Slice;
import dev.ember.tensor.Tensor;
import java.io.IOException;
import java.util.List;

/**
 * Average pooling of the picture, shown beside the original and its max pooling
 * ({@code plt.subplot(131/132/133).imshow(...)}):
 * <pre>
 * avgpool_layer = nn.AvgPool2d((2, 2), stride=(2, 2))
 * img_pool = avgpool_layer(img_tensor)
 * print("池化前尺寸:{}\n池化后尺寸:{}".format(img_tensor.shape, img_pool.shape))
 * </pre>
 */
public final class AvgPoolExample {
    private AvgPoolExample() {}

    public static void run(TutorialContext ctx) throws IOException {
        ctx.section("avgpool");
        Tensor imgTensor = ctx.imgTensor();
        AvgPool2d avgpoolLayer = new AvgPool2d(AvgPool2dOptions.of(2, 2).stride(2, 2));
        Tensor imgPool = avgpoolLayer.forward(imgTensor);
        ctx.out().println("池化前尺寸:" + imgTensor.shape() + "\n池化后尺寸:" + imgPool.shape());
        Tensor avg = imgPool.index(0, Slice.of(0, 3), Slice.ELLIPSIS);
        Tensor max = ctx.imgMaxpool().index(0, Slice.of(0, 3), Slice.ELLIPSIS);
        ctx.save("img_avgpool.png", avg);
        ctx.saveSideBySide("pooling.png", List.of(
                new Panel("img_raw " + size(imgTensor), imgTensor.squeeze()),
                new Panel("MaxPool2d((2, 2), stride=(2, 2)) " + size(max), max),
                new Panel("AvgPool2d((2, 2), stride=(2, 2)) " + size(avg), avg)));
    }

    /** "512×512" for a …×H×W tensor. */
    static String size(Tensor t) { return t.size(-2) + "×" + t.size(-1); }

    public static void main(String[] args) throws IOException { run(TutorialContext.fromArgs(args)); }
}
