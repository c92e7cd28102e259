package dev.ember.bench.peers;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.internal.NDArrayEx;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.ember.bench.BenchOp;
import dev.ember.bench.EmberOps;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * DJL 0.36 with its PyTorch engine (libtorch 2.7.1, CPU) on the same ops: forward, and forward +
 * backward through a {@link GradientCollector} (ones as the output gradient, a fresh leaf per call
 * so nothing accumulates, as in the Ember column). libtorch's intra-op threads are set with
 * {@code ai.djl.pytorch.num_threads} before the engine loads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DjlBench {
    @Param({"relu"})
    public String op;
    @Param({"1"})
    public int threads;
    @Param({"false"})
    public boolean backward;

    private NDManager manager;
    private NDArray x, w, b;
    private Function<NDList, NDArray> f;

    /** What DJL can run: no max-unpool op, no RReLU training noise. RReLU eval is leaky_relu((l+u)/2). */
    public static boolean supports(String op, boolean backward) {
        BenchOp o = BenchOp.of(op);
        return o != BenchOp.MAXUNPOOL && o != BenchOp.RRELU_TRAIN;
    }

    @Setup(Level.Trial)
    public void setup() {
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        Engine engine = Engine.getEngine("PyTorch");
        manager = engine.newBaseManager();
        BenchOp o = BenchOp.of(op);
        if (o.kind == BenchOp.Kind.LINEAR) {
            x = manager.create(EmberOps.randomInput(o.shape[0], o.shape[1]).floatStorage(), new Shape(o.shape[0], o.shape[1]));
            w = manager.randomUniform(-0.01f, 0.01f, new Shape(o.shape[2], o.shape[1]));
            b = manager.randomUniform(-0.01f, 0.01f, new Shape(o.shape[2]));
        } else {
            long[] s = new long[o.shape.length];
            for (int i = 0; i < s.length; i++) s[i] = o.shape[i];
            x = manager.create(EmberOps.randomInput(o.shape).floatStorage(), new Shape(s));
            if (o == BenchOp.PRELU) w = manager.full(new Shape(64), 0.25f);
        }
        Shape k = new Shape(o.k, o.k), st = new Shape(o.s, o.s), pd = new Shape(o.p, o.p);
        f = switch (o) {
            case MAXPOOL2_BIG, MAXPOOL3_BIG, MAXPOOL2_IMG, MAXPOOL3_IMG -> in -> ex(in).maxPool(k, st, pd, false);
            case AVGPOOL2_BIG -> in -> ex(in).avgPool(k, st, pd, false, true);
            case AVGPOOL3_BIG -> in -> ex(in).avgPool(k, st, pd, false, false);
            case LINEAR_256, LINEAR_4096, LINEAR_1X4096, LINEAR_1X3 -> in -> ex(in).linear(in.get(0), in.get(1), in.get(2)).head();
            case RELU -> in -> ex(in).relu();
            case LEAKYRELU -> in -> ex(in).leakyRelu(0.01f);
            case RRELU_EVAL -> in -> ex(in).leakyRelu((float) ((1.0 / 8 + 1.0 / 3) / 2));
            case SIGMOID -> in -> ex(in).sigmoid();
            case TANH -> in -> ex(in).tanh();
            case PRELU -> in -> ex(in).prelu(in.get(0), in.get(1)).head();
            case MAXUNPOOL, RRELU_TRAIN -> throw new UnsupportedOperationException(op + " has no DJL counterpart");
        };
        run(); // warm the engine and fail early
    }

    private static NDArrayEx ex(NDList in) { return in.get(0).getNDArrayInternal(); }

    private NDList inputs(boolean leaves) {
        NDList l = new NDList();
        for (NDArray a : new NDArray[] {x, w, b}) {
            if (a == null) continue;
            if (leaves) {
                NDArray leaf = a.stopGradient(); // shares storage, no grad history
                leaf.setRequiresGradient(true);
                l.add(leaf);
            } else {
                l.add(a);
            }
        }
        return l;
    }

    private Object run() {
        if (!backward) {
            NDArray y = f.apply(inputs(false));
            float probe = y.getShape().size();
            y.close();
            return probe;
        }
        try (NDManager scope = manager.newSubManager(); GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDList in = inputs(true);
            in.attach(scope);
            NDArray y = f.apply(in);
            y.attach(scope);
            gc.backward(y);
            NDArray g = in.get(0).getGradient();
            g.attach(scope);
            return g.getShape().size();
        }
    }

    @Benchmark
    public void call(Blackhole bh) { bh.consume(run()); }

    @TearDown(Level.Trial)
    public void close() { manager.close(); }
}
