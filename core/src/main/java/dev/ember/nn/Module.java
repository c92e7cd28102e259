package dev.ember.nn;

import dev.ember.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of every layer, as {@code torch.nn.Module}: named parameters and child modules, the
 * training flag, and PyTorch's repr built from {@link #extraRepr()}.
 */
public abstract class Module {
    private boolean training = true;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();

    /** Applies the layer to one input. Layers whose forward takes other arguments say so. */
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException(name() + ".forward does not take a single tensor");
    }

    /** Registers (or, with null, registers as absent) a parameter under {@code name}. */
    protected final Parameter registerParameter(String name, Parameter p) {
        parameters.put(name, p);
        return p;
    }

    protected final <M extends Module> M registerModule(String name, M module) {
        children.put(name, module);
        return module;
    }

    /** The parameter registered as {@code name} here (null if absent, e.g. {@code bias=False}). */
    public Parameter parameter(String name) {
        if (!parameters.containsKey(name)) {
            throw new IllegalArgumentException("'" + name() + "' object has no attribute '" + name + "'");
        }
        return parameters.get(name);
    }

    /** All parameters, depth first, with dotted names ({@code 0.weight}); absent ones skipped. */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect("", out);
        return Collections.unmodifiableMap(out);
    }

    private void collect(String prefix, Map<String, Parameter> out) {
        parameters.forEach((n, p) -> {
            if (p != null) out.putIfAbsent(prefix + n, p);
        });
        children.forEach((n, m) -> m.collect(prefix + n + ".", out));
    }

    public List<Parameter> parameters() { return new ArrayList<>(namedParameters().values()); }

    public Map<String, Module> namedChildren() { return Collections.unmodifiableMap(children); }

    public boolean isTraining() { return training; }

    /** Sets training mode here and in every child; returns this. */
    public Module train(boolean mode) {
        training = mode;
        children.values().forEach(c -> c.train(mode));
        return this;
    }

    public Module train() { return train(true); }

    public Module eval() { return train(false); }

    /** Zeroes every parameter's gradient in place (1.13's default {@code set_to_none=False}). */
    public void zeroGrad() {
        for (Parameter p : parameters()) {
            if (p.grad() != null) p.grad().detach().zero_();
        }
    }

    /** PyTorch's class name, used in the repr. */
    public String name() { return getClass().getSimpleName(); }

    /** The text inside the parentheses of the repr; empty by default. */
    public String extraRepr() { return ""; }

    /** {@code repr(module)} exactly as PyTorch builds it. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        String extra = extraRepr();
        List<String> extraLines = extra.isEmpty() ? List.of() : List.of(extra.split("\n", -1));
        lines.addAll(extraLines);
        children.forEach((key, child) -> lines.add("(" + key + "): " + indent(child.toString())));
        StringBuilder s = new StringBuilder(name()).append('(');
        if (!lines.isEmpty()) {
            if (extraLines.size() == 1 && children.isEmpty()) s.append(extraLines.get(0));
            else s.append("\n  ").append(String.join("\n  ", lines)).append('\n');
        }
        return s.append(')').toString();
    }

    private static String indent(String s) {
        String[] parts = s.split("\n", -1);
        if (parts.length == 1) return s;
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) b.append("\n  ").append(parts[i]);
        return b.toString();
    }
}
