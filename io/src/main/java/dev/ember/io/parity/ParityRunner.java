package dev.ember.io.parity;

import dev.ember.Ember;
import dev.ember.nn.Module;
import dev.ember.nn.Parameter;
import dev.ember.tensor.DType;
import dev.ember.tensor.Tensor;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every case of a {@code parity/1} suite through Ember and compares outputs, gradients, reprs
 * and printed forms with what PyTorch recorded. Prints one line per failing case and then
 * {@code parity: N passed, M failed}.
 */
public final class ParityRunner {
    /** The outcome of a whole suite. */
    public record Summary(int passed, int failed, List<String> failures) {
        public String line() { return "parity: " + passed + " passed, " + failed + " failed"; }
    }

    private final ParitySuite suite;

    public ParityRunner(ParitySuite suite) { this.suite = suite; }

    public Summary run(PrintStream out) {
        int passed = 0;
        List<String> failures = new ArrayList<>();
        for (ParityCase c : suite.cases()) {
            String reason;
            try {
                reason = runCase(c);
            } catch (Mismatch m) {
                reason = m.getMessage();
            } catch (RuntimeException | AssertionError e) {
                reason = "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (reason == null) {
                passed++;
            } else {
                String line = c.id() + ": " + reason;
                failures.add(line);
                if (out != null) out.println(line);
            }
        }
        Summary s = new Summary(passed, failures.size(), failures);
        if (out != null) out.println(s.line());
        return s;
    }

    /** Null when the case passes, otherwise why it fails. */
    private String runCase(ParityCase c) {
        if (!Layers.knows(c.module())) return "unknown module '" + c.module() + "'";
        List<Tensor> inputs = new ArrayList<>();
        for (String name : c.inputs()) inputs.add(tensor(name).clone());
        DType dtype = inputs.isEmpty() || !inputs.get(0).isFloatingPoint() ? DType.FLOAT32 : inputs.get(0).dtype();
        for (String p : c.params().values()) dtype = tensor(p).dtype();

        Layers.Layer layer;
        List<Tensor> outputs;
        List<Tensor> leaves = new ArrayList<>();
        try {
            if (c.seed() != null) Ember.manualSeed(c.seed());
            layer = Layers.build(c.module(), new LayerArgs(c.args()), dtype);
            Module m = layer.module();
            m.train(c.training());
            if (c.repr() != null && !c.repr().equals(m.toString())) {
                return "repr mismatch: expected " + c.repr() + " but got " + m;
            }
            loadOrCheckParams(c, m);
            boolean backward = !c.gradOutputs().isEmpty() && c.error() == null;
            List<Tensor> args = new ArrayList<>();
            for (Tensor in : inputs) {
                Tensor leaf = in;
                if (backward && in.isFloatingPoint()) leaf.requiresGrad_(true);
                leaves.add(leaf);
                args.add(layer.inplace() ? leaf.clone() : leaf);
            }
            outputs = layer.forward(args, c.outputSize());
        } catch (Layers.UnknownLayerException e) {
            return e.getMessage();
        } catch (Mismatch e) {
            throw e;
        } catch (RuntimeException e) {
            if (c.error() != null) return null;
            return "unexpected error: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (c.error() != null) return "expected an error ('" + c.error() + "') but the layer succeeded";

        if (outputs.size() != c.outputs().size()) {
            return "expected " + c.outputs().size() + " outputs but got " + outputs.size();
        }
        boolean rreluCheck = "rrelu_train".equals(c.check());
        if (c.check() != null && !rreluCheck) return "unknown check '" + c.check() + "'";
        for (int i = 0; i < outputs.size(); i++) {
            if (rreluCheck) checkRreluOutput(c, leaves.get(0), outputs.get(i));
            else compare("output " + i, tensor(c.outputs().get(i)), outputs.get(i), c.rtol(), c.atol());
        }
        if (c.printed() != null) {
            for (int i = 0; i < c.printed().size(); i++) {
                String got = outputs.get(i).detach().toString();
                if (!got.equals(c.printed().get(i))) {
                    return "printed output " + i + " differs:\nexpected: " + c.printed().get(i) + "\n     got: " + got;
                }
            }
        }
        if (!c.gradOutputs().isEmpty()) {
            outputs.get(0).backward(tensor(c.gradOutputs().get(0)));
            for (Map.Entry<String, String> g : c.grads().entrySet()) {
                Tensor got = gradOf(g.getKey(), leaves, layer.module());
                if (got == null) return "no gradient for " + g.getKey();
                if (rreluCheck) checkRreluGrad(leaves.get(0), outputs.get(0), got);
                else compare("grad " + g.getKey(), tensor(g.getValue()), got, c.rtol(), c.atol());
            }
        }
        return null;
    }

    private void loadOrCheckParams(ParityCase c, Module m) {
        for (Map.Entry<String, String> p : c.params().entrySet()) {
            Parameter param = m.parameter(p.getKey());
            if (param == null) throw new Mismatch("the module has no parameter '" + p.getKey() + "'");
            Tensor want = tensor(p.getValue());
            if (c.seed() != null) compare("initial " + p.getKey(), want, param, 0, 0);
            else param.setData(want.clone());
        }
    }

    private static Tensor gradOf(String name, List<Tensor> leaves, Module m) {
        if (name.startsWith("input")) {
            int i = Integer.parseInt(name.substring(5));
            return i < leaves.size() ? leaves.get(i).grad() : null;
        }
        Parameter p = m.parameter(name);
        return p == null ? null : p.grad();
    }

    private Tensor tensor(String name) {
        Tensor t = suite.tensors().get(name);
        if (t == null) throw new Mismatch("tensor '" + name + "' is missing from tensors.safetensors");
        return t;
    }

    /** {@code |got − want| ≤ atol + rtol·|want|}; NaN matches NaN, ±inf the same infinity; integers exactly. */
    static void compare(String what, Tensor want, Tensor got, double rtol, double atol) {
        if (!want.shape().equals(got.shape())) {
            throw new Mismatch(what + ": expected shape " + want.shape() + " but got " + got.shape());
        }
        if (want.dtype() != got.dtype()) {
            throw new Mismatch(what + ": expected dtype " + want.dtype().torchName() + " but got " + got.dtype().torchName());
        }
        if (!want.isFloatingPoint()) {
            long[] w = want.toLongArray(), g = got.toLongArray();
            for (int i = 0; i < w.length; i++) {
                if (w[i] != g[i]) throw new Mismatch(what + ": element " + i + " expected " + w[i] + " but got " + g[i]);
            }
            return;
        }
        double[] w = want.toDoubleArray(), g = got.detach().toDoubleArray();
        int bad = 0, first = -1;
        for (int i = 0; i < w.length; i++) {
            if (!close(w[i], g[i], rtol, atol)) {
                if (first < 0) first = i;
                bad++;
            }
        }
        if (bad > 0) {
            throw new Mismatch(what + ": " + bad + " of " + w.length + " elements differ; first at " + first + ": expected "
                    + w[first] + " but got " + g[first] + " (rtol " + rtol + ", atol " + atol + ")");
        }
    }

    static boolean close(double want, double got, double rtol, double atol) {
        if (Double.isNaN(want) || Double.isNaN(got)) return Double.isNaN(want) && Double.isNaN(got);
        if (Double.isInfinite(want) || Double.isInfinite(got)) return want == got;
        return Math.abs(got - want) <= atol + rtol * Math.abs(want);
    }

    /** Random slopes: {@code out == in} where in ≥ 0, else out/in within [lower, upper]. */
    private void checkRreluOutput(ParityCase c, Tensor in, Tensor out) {
        double lower = c.args().path("lower").asDouble(1.0 / 8), upper = c.args().path("upper").asDouble(1.0 / 3);
        double[] x = in.detach().toDoubleArray(), y = out.detach().toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            boolean ok = x[i] >= 0 ? y[i] == x[i] : y[i] / x[i] >= (float) lower - 1e-7 && y[i] / x[i] <= (float) upper + 1e-7;
            if (!ok) throw new Mismatch("rrelu_train: element " + i + " input " + x[i] + " gave " + y[i]);
        }
    }

    /** Each element's gradient is the slope it used: 1 where in > 0, out/in elsewhere (grad_output is ones). */
    private static void checkRreluGrad(Tensor in, Tensor out, Tensor grad) {
        double[] x = in.detach().toDoubleArray(), y = out.detach().toDoubleArray(), g = grad.toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            double slope = x[i] > 0 ? 1 : (float) (y[i] / x[i]);
            if (x[i] != 0 && Math.abs(g[i] - slope) > 1e-6 * Math.abs(slope)) {
                throw new Mismatch("rrelu_train: gradient at element " + i + " is " + g[i] + " but the slope used was " + slope);
            }
        }
    }

    /** A failed comparison inside a case. */
    static final class Mismatch extends RuntimeException {
        Mismatch(String message) { super(message); }
    }
}
