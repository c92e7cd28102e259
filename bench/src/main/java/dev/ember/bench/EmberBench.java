package dev.ember.bench;

import dev.ember.Ember;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Ember on every op of {@link BenchOp}, forward or forward + backward, at a given thread count. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EmberBench {
    @Param({"relu"})
    public String op;
    @Param({"1"})
    public int threads;
    @Param({"false"})
    public boolean backward;

    private Supplier<Object> task;

    @Setup
    public void setup() {
        Ember.setNumThreads(threads);
        task = EmberOps.task(BenchOp.of(op), backward);
        task.get(); // fail here, not in the measurement, when an op is unavailable
    }

    @Benchmark
    public Object run() { return task.get(); }
}
