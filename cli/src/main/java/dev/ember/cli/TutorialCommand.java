package dev.ember.cli;

import dev.ember.nn.AvgPool2d;
import dev.ember.nn.Linear;
import dev.ember.nn.MaxPool2d;
import dev.ember.nn.functional.AvgPool2dOptions;
import dev.ember.nn.functional.MaxPool2dOptions;
import dev.ember.tensor.Tensor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ember tutorial}: the tutorial's examples, printed as PyTorch prints them. */
@Command(name = "tutorial", mixinStandardHelpOptions = true,
        description = "Run the pooling / linear / activation tutorial's examples and print what PyTorch prints.")
final class TutorialCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Tensor img = Tensor.zeros(3, 512, 512);
        img.unsqueeze_(0);
        Tensor pooled = new MaxPool2d(MaxPool2dOptions.of(2, 2).stride(2, 2)).forward(img);
        System.out.println("池化前尺寸:" + img.shape() + "\n池化后尺寸:" + pooled.shape());

        Tensor ones = Tensor.ones(1, 1, 4, 4);
        Tensor avg = new AvgPool2d(AvgPool2dOptions.of(2, 2).stride(2, 2)).forward(ones);
        System.out.println("raw_img:\n" + ones + "\npooling_img:\n" + avg);
        Tensor avg3 = new AvgPool2d(AvgPool2dOptions.of(2, 2).stride(2, 2).divisorOverride(3)).forward(ones);
        System.out.println("raw_img:\n" + ones + "\npooling_img:\n" + avg3);

        Tensor inputs = Tensor.of(new float[][] {{1, 2, 3}});
        Linear linear = new Linear(3, 4);
        linear.weight().setData(Tensor.of(new float[][] {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}, {4, 4, 4}}));
        linear.bias().data().fill_(0.5);
        Tensor output = linear.forward(inputs);
        System.out.println(inputs + " " + inputs.shape());
        System.out.println(linear.weight().data() + " " + linear.weight().data().shape());
        System.out.println(output + " " + output.shape());
        return 0;
    }
}
