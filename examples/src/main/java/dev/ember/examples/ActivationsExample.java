package dev.ember.examples;

import dev.ember.nn.LeakyReLU;
import dev.ember.nn.Module;
import dev.ember.nn.PReLU;
import dev.ember.nn.RReLU;
import dev.ember.nn.ReLU;
import dev.ember.nn.Sigmoid;
import dev.ember.nn.Tanh;
import dev.ember.tensor.Tensor;
import java.io.IOException;
import java.util.List;

/**
 * Each activation layer of the tutorial on a sample tensor, with its derivative from autograd:
 * <pre>
 * x = torch.tensor([-3., -2., -1., -0.5, 0., 0.5, 1., 2., 3.])
 * for layer in [nn.Sigmoid(), nn.Tanh(), nn.ReLU(), nn.LeakyReLU(), nn.PReLU(), nn.RReLU(), nn.RReLU().eval()]:
 *     xi = x.clone().requires_grad_()
 *     y = layer(xi)
 *     y.backward(torch.ones_like(y))
 *     print(y, xi.grad)
 * </pre>
 * RReLU in training draws its negative slopes from the generator seeded by set_seed(1).
 * Then the activation charts ({@link ActivationCharts}).
 */
public final class ActivationsExample {
    private ActivationsExample() {}

    static final float[] X = {-3f, -2f, -1f, -0.5f, 0f, 0.5f, 1f, 2f, 3f};

    public static void run(TutorialContext ctx) throws IOException {
        ctx.section("activations: y = layer(x) and dy/dx from backward()");
        Tensor x = Tensor.of(X);
        ctx.out().println("x: " + x);
        List<Module> layers = List.of(new Sigmoid(), new Tanh(), new ReLU(), new LeakyReLU(), new PReLU(), new RReLU(),
                new RReLU().eval());
        for (Module layer : layers) {
            Tensor xi = x.clone().requiresGrad_();
            Tensor y = layer.forward(xi);
            y.backward(Tensor.onesLike(y));
            ctx.out().println(layer + " training=" + (layer.isTraining() ? "True" : "False"));
            ctx.out().println("y: " + y);
            ctx.out().println("dy/dx: " + xi.grad());
            if (layer instanceof PReLU prelu) ctx.out().println("dy/dweight: " + prelu.weight().grad());
        }
        ctx.saveChart("activations.png", ActivationCharts.grid());
    }

    public static void main(String[] args) throws IOException { run(TutorialContext.fromArgs(args)); }
}
