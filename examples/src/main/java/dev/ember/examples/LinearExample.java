package dev.ember.examples;

import dev.ember.nn.Linear;
import dev.ember.tensor.Tensor;
import java.io.IOException;

/**
 * The linear layer with the tutorial's weights:
 * <pre>
 * inputs = torch.tensor([[1., 2, 3]])
 * linear_layer = nn.Linear(3, 4)
 * linear_layer.weight.data = torch.tensor([[1., 1., 1.], [2., 2., 2.], [3., 3., 3.], [4., 4., 4.]])
 * linear_layer.bias.data.fill_(0.5)
 * output = linear_layer(inputs)
 * print(inputs, inputs.shape)
 * print(linear_layer.weight.data, linear_layer.weight.data.shape)
 * print(output, output.shape)
 * </pre>
 */
public final class LinearExample {
    private LinearExample() {}

    public static void run(TutorialContext ctx) {
        ctx.section("linear");
        Tensor inputs = Tensor.of(new float[][] {{1, 2, 3}});
        Linear linearLayer = new Linear(3, 4);
        linearLayer.weight().setData(Tensor.of(new float[][] {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}, {4, 4, 4}}));
        linearLayer.bias().data().fill_(0.5);
        Tensor output = linearLayer.forward(inputs);
        ctx.out().println(inputs + " " + inputs.shape());
        ctx.out().println(linearLayer.weight().data() + " " + linearLayer.weight().data().shape());
        ctx.out().println(output + " " + output.shape());
    }

    public static void main(String[] args) throws IOException { run(TutorialContext.fromArgs(args)); }
}
