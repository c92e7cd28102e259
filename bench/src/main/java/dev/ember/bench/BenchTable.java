package dev.ember.bench;

import dev.ember.kernels.Simd;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The bench command: runs every op of {@link BenchOp} through Ember and, when the {@code peers}
 * profile put them on the class path, through DJL (libtorch) and ONNX Runtime, plus the copy and
 * FMA baselines, all in one run with JMH, op by op so that the columns of a row are measured
 * minutes apart at most. Prints one Markdown table (medians of the measurement iterations) and
 * writes it to {@code bench/target/bench-table.md}.
 *
 * <p>Options: {@code --threads 1,2} {@code --ops relu,linear_256,…} {@code --passes fwd,fwdbwd}
 * {@code --quick} (shorter iterations) {@code --iterations N} {@code --out FILE}.
 */
public final class BenchTable {
    record Harness(String name, String benchClass, Class<?> type) {}

    record Key(String harness, String op, int threads, boolean backward) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parse(args);
        int[] threads = Arrays.stream(opt.getOrDefault("threads", "1,2").split(",")).mapToInt(Integer::parseInt).toArray();
        List<BenchOp> ops = new ArrayList<>();
        for (String s : opt.getOrDefault("ops", "all").split(",")) {
            if (s.equals("all")) ops.addAll(BenchOp.all());
            else ops.add(BenchOp.of(s));
        }
        List<Boolean> passes = new ArrayList<>();
        for (String s : opt.getOrDefault("passes", "fwd,fwdbwd").split(",")) passes.add(s.equals("fwdbwd"));
        boolean quick = opt.containsKey("quick");
        int iterations = Integer.parseInt(opt.getOrDefault("iterations", quick ? "3" : "5"));
        Path out = Path.of(opt.getOrDefault("out", "bench/target/bench-table.md"));

        List<Harness> harnesses = new ArrayList<>();
        harnesses.add(new Harness("Ember", EmberBench.class.getName(), EmberBench.class));
        peer("DJL (libtorch 2.7.1)", "dev.ember.bench.peers.DjlBench", harnesses);
        peer("ONNX Runtime", "dev.ember.bench.peers.OrtBench", harnesses);
        System.out.println("bench: harnesses " + harnesses.stream().map(Harness::name).toList() + ", vectors "
                + Simd.describe() + ", threads " + Arrays.toString(threads));

        if (harnesses.stream().anyMatch(h -> h.name().startsWith("ONNX"))) exportMissingModels(ops);
        Map<Key, Double> medians = new LinkedHashMap<>();
        // the ceilings first
        for (String m : new String[] {"copy", "freshCopy", "fma"}) {
            Collection<RunResult> rr = run(base(quick, iterations).include(Baselines.class.getName() + "." + m + "$")
                    .param("threads", ints(threads)));
            for (RunResult r : rr) {
                medians.put(new Key("baseline", m, Integer.parseInt(r.getParams().getParam("threads")), false), median(r));
            }
        }
        for (BenchOp op : ops) {
            for (boolean bwd : passes) {
                for (Harness h : harnesses) {
                    if (!supports(h, op, bwd)) continue;
                    ChainedOptionsBuilder o = base(quick, iterations).include(h.benchClass() + "\\.")
                            .param("op", op.id()).param("threads", ints(threads));
                    if (!h.name().startsWith("ONNX")) o = o.param("backward", Boolean.toString(bwd));
                    for (RunResult r : run(o)) {
                        medians.put(new Key(h.name(), op.id(), Integer.parseInt(r.getParams().getParam("threads")), bwd), median(r));
                    }
                }
            }
        }
        String table = table(harnesses, ops, passes, threads, medians);
        System.out.println();
        System.out.println(table);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.println("bench: table written to " + out);
    }

    /** The Linear models are too large to commit: export them with Debian's torch when missing. */
    static void exportMissingModels(List<BenchOp> ops) {
        Path dir = Path.of(System.getProperty("ember.onnx.dir", "bench/onnx"));
        boolean missing = ops.stream().anyMatch(o -> o != BenchOp.MAXUNPOOL && !Files.exists(dir.resolve(o.id() + ".onnx")));
        if (!missing) return;
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        System.out.println("bench: exporting missing ONNX models into " + dir + " (" + python + " tools/bench/export_onnx.py)");
        try {
            Process p = new ProcessBuilder(python, "tools/bench/export_onnx.py", dir.toString()).inheritIO().start();
            if (p.waitFor() != 0) System.out.println("bench: export failed; those ONNX Runtime cells stay empty");
        } catch (IOException e) {
            System.out.println("bench: cannot run " + python + " (" + e.getMessage() + "); those ONNX Runtime cells stay empty");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void peer(String name, String cls, List<Harness> hs) {
        try {
            hs.add(new Harness(name, cls, Class.forName(cls)));
        } catch (ClassNotFoundException e) {
            // not built: the peers profile is off
        }
    }

    static boolean supports(Harness h, BenchOp op, boolean bwd) {
        try {
            Method m = h.type().getMethod("supports", String.class, boolean.class);
            return (Boolean) m.invoke(null, op.id(), bwd);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static ChainedOptionsBuilder base(boolean quick, int iterations) {
        TimeValue t = quick ? TimeValue.milliseconds(500) : TimeValue.seconds(1);
        return new OptionsBuilder().forks(1).warmupIterations(quick ? 1 : 2).warmupTime(t)
                .measurementIterations(iterations).measurementTime(t).shouldFailOnError(false)
                .jvmArgsAppend("-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch", "-XX:+UseTransparentHugePages", "-Dai.djl.offline=true",
                        "-Dember.onnx.dir=" + System.getProperty("ember.onnx.dir", "bench/onnx"));
    }

    static Collection<RunResult> run(ChainedOptionsBuilder o) throws RunnerException {
        return new Runner(o.build()).run();
    }

    static String[] ints(int[] v) { return Arrays.stream(v).mapToObj(Integer::toString).toArray(String[]::new); }

    /** The median over all measurement iterations, in microseconds per call. */
    static double median(RunResult r) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult b : r.getBenchmarkResults()) {
            for (IterationResult i : b.getIterationResults()) scores.add(i.getPrimaryResult().getScore());
        }
        scores.sort(null);
        int n = scores.size();
        if (n == 0) return Double.NaN;
        return n % 2 == 1 ? scores.get(n / 2) : (scores.get(n / 2 - 1) + scores.get(n / 2)) / 2;
    }

    static String table(List<Harness> hs, List<BenchOp> ops, List<Boolean> passes, int[] threads, Map<Key, Double> med) {
        StringBuilder b = new StringBuilder();
        b.append("Machine: ").append(machine()).append("\n\n");
        b.append("Ceilings measured in the same run: ");
        for (int t : threads) {
            Double copy = med.get(new Key("baseline", "copy", t, false)), fma = med.get(new Key("baseline", "fma", t, false));
            Double fresh = med.get(new Key("baseline", "freshCopy", t, false));
            b.append(String.format(Locale.ROOT, "%d thread%s: copy %s GB/s (into a new array: %s µs per 32×64×112×112, "
                    + "%s GB/s), FMA peak %s GFLOP/s; ", t, t == 1 ? "" : "s",
                    copy == null ? "n/a" : fmt(Baselines.copyBytes() / copy / 1e3),
                    fresh == null ? "n/a" : fmt(fresh), fresh == null ? "n/a" : fmt(Baselines.copyBytes() / fresh / 1e3),
                    fma == null ? "n/a" : fmt(Baselines.fmaFlops(t) / fma / 1e3)));
        }
        b.setLength(b.length() - 2);
        b.append(".\n\nMedian time per call in microseconds; \"x best peer\" = fastest peer's time / Ember's time (above 1: "
                + "Ember faster); throughput is Ember's, and \"% ceiling\" compares it with the copy bandwidth (GB/s rows) or "
                + "the FMA peak (GFLOP/s rows) at the same thread count. fwd runs without autograd (inference); fwd+bwd "
                + "runs the layer on a fresh leaf and backpropagates a ones gradient.\n\n");
        b.append("| op | shape | pass | threads |");
        for (Harness h : hs) b.append(' ').append(h.name()).append(" |");
        b.append(" x best peer | Ember throughput | % ceiling |\n|---|---|---|---|");
        for (int i = 0; i < hs.size(); i++) b.append("---:|");
        b.append("---:|---:|---:|\n");
        for (BenchOp op : ops) {
            for (boolean bwd : passes) {
                for (int t : threads) {
                    Double ember = med.get(new Key("Ember", op.id(), t, bwd));
                    b.append("| ").append(op.label).append(" | ").append(op.shapeText()).append(" | ")
                            .append(bwd ? "fwd+bwd" : "fwd").append(" | ").append(t).append(" |");
                    Double best = null;
                    for (Harness h : hs) {
                        Double v = med.get(new Key(h.name(), op.id(), t, bwd));
                        b.append(' ').append(v == null ? "—" : fmt(v)).append(" |");
                        if (v != null && !h.name().equals("Ember") && (best == null || v < best)) best = v;
                    }
                    b.append(' ').append(ember == null || best == null ? "—" : String.format(Locale.ROOT, "%.2f", best / ember))
                            .append(" |");
                    if (ember == null) {
                        b.append(" — | — |\n");
                        continue;
                    }
                    double rate = op.work(bwd) / ember / 1e3; // per µs → G/s
                    Double ceilUs = med.get(new Key("baseline", op.flopsBound() ? "fma" : "copy", t, false));
                    double ceil = ceilUs == null ? Double.NaN
                            : op.flopsBound() ? Baselines.fmaFlops(t) / ceilUs / 1e3 : Baselines.copyBytes() / ceilUs / 1e3;
                    b.append(' ').append(fmt(rate)).append(op.flopsBound() ? " GFLOP/s" : " GB/s").append(" | ")
                            .append(Double.isNaN(ceil) ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * rate / ceil))
                            .append(" |\n");
                }
            }
        }
        return b.toString();
    }

    static String fmt(double v) {
        if (v >= 1000) return String.format(Locale.ROOT, "%,.0f", v);
        if (v >= 10) return String.format(Locale.ROOT, "%.1f", v);
        if (v >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        Runtime rt = Runtime.getRuntime();
        return cpu + ", " + rt.availableProcessors() + " cores visible, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", JDK " + System.getProperty("java.version") + ", vectors "
                + Simd.describe() + ", " + java.time.LocalDate.now();
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument " + a);
            String k = a.substring(2);
            if (k.equals("quick")) m.put(k, "true");
            else m.put(k, args[++i]);
        }
        return m;
    }
}
