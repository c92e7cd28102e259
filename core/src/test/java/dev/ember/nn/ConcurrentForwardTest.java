package dev.ember.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.Ember;
import dev.ember.nn.functional.AvgPool2dOptions;
import dev.ember.nn.functional.MaxPool2dOptions;
import dev.ember.nn.functional.MaxUnpool2dOptions;
import dev.ember.nn.functional.PoolResult;
import dev.ember.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One module instance called from many threads at once gives what sequential calls give, and the
 * intra-op thread count ({@link Ember#setNumThreads}) never changes a result, forward or backward.
 */
class ConcurrentForwardTest {
    @AfterEach
    void restore() { Ember.setNumThreads(Runtime.getRuntime().availableProcessors()); }

    static Tensor random(long seed, int... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1;
        for (int s : shape) n *= s;
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = r.nextInt(7) == 0 ? r.nextInt(3) - 1 : (float) r.nextGaussian();
        return Tensor.wrap(a, shape);
    }

    /** Forward (and, for those with parameters or a graph, backward) results of each layer as arrays. */
    static List<Function<Tensor, float[][]>> layers() {
        Linear linear = new Linear(96, 40);
        linear.weight().setData(random(11, 40, 96));
        linear.bias().setData(random(12, 40));
        PReLU prelu = new PReLU(8);
        prelu.weight().setData(random(13, 8));
        MaxPool2d max = new MaxPool2d(MaxPool2dOptions.of(3).stride(2).padding(1));
        AvgPool2d avg = new AvgPool2d(AvgPool2dOptions.of(3).stride(2).padding(1).countIncludePad(false));
        MaxUnpool2d unpool = new MaxUnpool2d(MaxUnpool2dOptions.of(2));
        MaxPool2d pool2 = new MaxPool2d(MaxPool2dOptions.of(2).stride(2).returnIndices(true));
        List<Function<Tensor, float[][]>> out = new ArrayList<>();
        out.add(x -> {
            Tensor in = x.reshape(-1, 96).detach().requiresGrad_();
            Tensor y = linear.forward(in);
            y.backward(Tensor.onesLike(y));
            return new float[][] {y.toFloatArray(), in.grad().toFloatArray()};
        });
        out.add(x -> new float[][] {prelu.forward(x).toFloatArray()});
        out.add(x -> {
            Tensor in = x.detach().requiresGrad_();
            Tensor y = max.forward(in);
            y.backward(Tensor.onesLike(y));
            return new float[][] {y.toFloatArray(), in.grad().toFloatArray()};
        });
        out.add(x -> {
            Tensor in = x.detach().requiresGrad_();
            Tensor y = avg.forward(in);
            y.backward(Tensor.onesLike(y));
            return new float[][] {y.toFloatArray(), in.grad().toFloatArray()};
        });
        out.add(x -> {
            PoolResult p = pool2.forwardWithIndices(x);
            return new float[][] {unpool.forward(p.values(), p.indices()).toFloatArray()};
        });
        out.add(x -> new float[][] {new ReLU().forward(x).toFloatArray(), new LeakyReLU(0.1).forward(x).toFloatArray(),
            new Sigmoid().forward(x).toFloatArray(), new Tanh().forward(x).toFloatArray()});
        return out;
    }

    @Test
    void concurrentForwardCallsOnOneModuleMatchSequentialOnes() throws Exception {
        Tensor x = random(1, 4, 8, 36, 36);
        List<Function<Tensor, float[][]>> layers = layers();
        List<float[][]> sequential = new ArrayList<>();
        for (var f : layers) sequential.add(f.apply(x));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            List<Integer> layerOf = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                for (int rep = 0; rep < 4; rep++) {
                    for (int i = 0; i < layers.size(); i++) {
                        int li = i;
                        Callable<Boolean> c = () -> java.util.Arrays.deepEquals(layers.get(li).apply(x), sequential.get(li));
                        results.add(pool.submit(c));
                        layerOf.add(li);
                    }
                }
            }
            for (int i = 0; i < results.size(); i++) assertThat(results.get(i).get()).as("layer %d", layerOf.get(i)).isTrue();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theThreadCountNeverChangesAResult() {
        Tensor x = random(2, 4, 8, 36, 36);
        List<Function<Tensor, float[][]>> layers = layers();
        Ember.setNumThreads(1);
        assertThat(Ember.getNumThreads()).isEqualTo(1);
        List<float[][]> one = new ArrayList<>();
        for (var f : layers) one.add(f.apply(x));
        for (int threads : new int[] {2, 3, 5}) {
            Ember.setNumThreads(threads);
            for (int i = 0; i < layers.size(); i++) {
                assertThat(java.util.Arrays.deepEquals(layers.get(i).apply(x), one.get(i)))
                        .as("layer %d with %d threads", i, threads).isTrue();
            }
        }
    }
}
