package dev.ember.bench.peers;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.ember.bench.BenchOp;
import dev.ember.bench.EmberOps;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

/**
 * ONNX Runtime (Java API, CPU provider) running the layers exported by
 * {@code tools/bench/export_onnx.py} (torch.onnx.export from Debian's torch 1.13): forward only,
 * intra-op threads = the thread count, sequential execution, all graph optimisations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OrtBench {
    /** Where the models are; the bench command passes {@code -Dember.onnx.dir}. */
    public static Path modelDir() { return Path.of(System.getProperty("ember.onnx.dir", "bench/onnx")); }

    @Param({"relu"})
    public String op;
    @Param({"1"})
    public int threads;

    private OrtEnvironment env;
    private OrtSession session;
    private OnnxTensor input;
    private String inputName;

    /** Forward only, and only where torch 1.13 could export the layer (it cannot export max_unpool2d). */
    public static boolean supports(String op, boolean backward) {
        return !backward && Files.exists(modelDir().resolve(op + ".onnx"));
    }

    @Setup(Level.Trial)
    public void setup() throws Exception {
        BenchOp o = BenchOp.of(op);
        env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
        opts.setIntraOpNumThreads(threads);
        opts.setInterOpNumThreads(1);
        opts.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = env.createSession(modelDir().resolve(op + ".onnx").toString(), opts);
        int[] shape = o.kind == BenchOp.Kind.LINEAR ? new int[] {o.shape[0], o.shape[1]} : o.shape;
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) s[i] = shape[i];
        float[] data = EmberOps.randomInput(shape).floatStorage();
        FloatBuffer buf = java.nio.ByteBuffer.allocateDirect(data.length * 4).order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
        buf.put(data).flip();
        input = OnnxTensor.createTensor(env, buf, s);
        inputName = session.getInputNames().iterator().next();
        call();
    }

    @Benchmark
    public long call() throws Exception {
        try (OrtSession.Result r = session.run(Map.of(inputName, input))) {
            return ((OnnxTensor) r.get(0)).getInfo().getShape()[0];
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        input.close();
        session.close();
    }
}
