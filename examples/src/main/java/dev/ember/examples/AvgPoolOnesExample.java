package dev.ember.examples;

import dev.ember.nn.AvgPool2d;
import dev.ember.nn.functional.AvgPool2dOptions;
import dev.ember.tensor.Tensor;
import java.io.IOException;

/**
 * Average pooling of ones, then with {@code divisor_override=3}:
 * <pre>
 * img_tensor = torch.ones((1, 1, 4, 4))
 * avgpool_layer = nn.AvgPool2d((2, 2), stride=(2, 2))          # then: divisor_override=3
 * img_pool = avgpool_layer(img_tensor)
 * print("raw_img:\n{}\npooling_img:\n{}".format(img_tensor, img_pool))
 * </pre>
 */
public final class AvgPoolOnesExample {
    private AvgPoolOnesExample() {}

    public static void run(TutorialContext ctx) {
        ctx.section("avgpool on ones");
        Tensor imgTensor = Tensor.ones(1, 1, 4, 4);
        AvgPool2d avgpoolLayer = new AvgPool2d(AvgPool2dOptions.of(2, 2).stride(2, 2));
        Tensor imgPool = avgpoolLayer.forward(imgTensor);
        ctx.out().println("raw_img:\n" + imgTensor + "\npooling_img:\n" + imgPool);

        ctx.section("avgpool divisor_override=3");
        avgpoolLayer = new AvgPool2d(AvgPool2dOptions.of(2, 2).stride(2, 2).divisorOverride(3));
        imgPool = avgpoolLayer.forward(imgTensor);
        ctx.out().println("raw_img:\n" + imgTensor + "\npooling_img:\n" + imgPool);
    }

    public static void main(String[] args) throws IOException { run(TutorialContext.fromArgs(args)); }
}
