package dev.ember.bench;

import dev.ember.nn.AvgPool2d;
import dev.ember.nn.LeakyReLU;
import dev.ember.nn.Linear;
import dev.ember.nn.MaxPool2d;
import dev.ember.nn.MaxUnpool2d;
import dev.ember.nn.Module;
import dev.ember.nn.PReLU;
import dev.ember.nn.RReLU;
import dev.ember.nn.ReLU;
import dev.ember.nn.Sigmoid;
import dev.ember.nn.Tanh;
import dev.ember.nn.functional.AvgPool2dOptions;
import dev.ember.nn.functional.MaxPool2dOptions;
import dev.ember.nn.functional.MaxUnpool2dOptions;
import dev.ember.nn.functional.PoolResult;
import dev.ember.tensor.GradMode;
import dev.ember.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Ember's side of each {@link BenchOp}: the torch-style module call, forward under no-grad
 * (inference, as ONNX Runtime and DJL without a gradient collector), and forward + backward with a
 * fresh leaf each call and a ones gradient (what DJL's {@code GradientCollector.backward} does).
 */
public final class EmberOps {
    private EmberOps() {}

    public static Tensor randomInput(int... shape) {
        long n = 1;
        for (int d : shape) n *= d;
        float[] a = new float[Math.toIntExact(n)];
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < a.length; i++) a[i] = (float) r.nextGaussian();
        return Tensor.wrap(a, shape);
    }

    /** A task returning something for the blackhole. */
    public static Supplier<Object> task(BenchOp op, boolean backward) {
        Tensor x = op.kind == BenchOp.Kind.LINEAR ? randomInput(op.shape[0], op.shape[1]) : randomInput(op.shape);
        if (op.kind == BenchOp.Kind.UNPOOL) {
            MaxPool2d pool = new MaxPool2d(MaxPool2dOptions.of(op.k).stride(op.s).returnIndices(true));
            MaxUnpool2d unpool = new MaxUnpool2d(MaxUnpool2dOptions.of(op.k).stride(op.s));
            if (!backward) {
                return () -> {
                    try (var g = GradMode.noGrad()) {
                        PoolResult p = pool.forwardWithIndices(x);
                        return unpool.forward(p.values(), p.indices());
                    }
                };
            }
            return () -> {
                Tensor leaf = x.detach().requiresGrad_();
                PoolResult p = pool.forwardWithIndices(leaf);
                Tensor y = unpool.forward(p.values(), p.indices());
                y.backward(Tensor.onesLike(y));
                return leaf.grad();
            };
        }
        Module m = module(op);
        if (op == BenchOp.RRELU_EVAL) m.eval();
        if (!backward) {
            return () -> {
                try (var g = GradMode.noGrad()) {
                    return m.forward(x);
                }
            };
        }
        if (m instanceof Linear lin) {
            return () -> {
                lin.weight().setGrad(null);
                lin.bias().setGrad(null);
                Tensor leaf = x.detach().requiresGrad_();
                Tensor y = lin.forward(leaf);
                y.backward(Tensor.onesLike(y));
                return leaf.grad();
            };
        }
        return () -> {
            for (var prm : m.parameters()) prm.setGrad(null);
            Tensor leaf = x.detach().requiresGrad_();
            Tensor y = m.forward(leaf);
            y.backward(Tensor.onesLike(y));
            return leaf.grad();
        };
    }

    static Module module(BenchOp op) {
        return switch (op) {
            case MAXPOOL2_BIG, MAXPOOL3_BIG, MAXPOOL2_IMG, MAXPOOL3_IMG ->
                new MaxPool2d(MaxPool2dOptions.of(op.k).stride(op.s).padding(op.p));
            case AVGPOOL2_BIG -> new AvgPool2d(AvgPool2dOptions.of(op.k).stride(op.s));
            case AVGPOOL3_BIG -> new AvgPool2d(AvgPool2dOptions.of(op.k).stride(op.s).padding(op.p).countIncludePad(false));
            case LINEAR_256, LINEAR_4096, LINEAR_1X4096, LINEAR_1X3 -> new Linear(op.shape[1], op.shape[2]);
            case RELU -> new ReLU();
            case LEAKYRELU -> new LeakyReLU();
            case SIGMOID -> new Sigmoid();
            case TANH -> new Tanh();
            case PRELU -> new PReLU(64);
            case RRELU_EVAL, RRELU_TRAIN -> new RReLU();
            case MAXUNPOOL -> throw new IllegalArgumentException("not a single module");
        };
    }
}
