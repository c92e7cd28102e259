package dev.ember.io.parity;

import dev.ember.nn.functional.IntArg;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** A case's constructor arguments, read by PyTorch name; arguments nobody read are reported as unknown. */
final class LayerArgs {
    private final JsonNode args;
    private final Set<String> read = new HashSet<>();

    LayerArgs(JsonNode args) { this.args = args; }

    private JsonNode get(String name) {
        read.add(name);
        JsonNode n = args.path(name);
        return n.isMissingNode() || n.isNull() ? null : n;
    }

    boolean has(String name) {
        JsonNode n = args.path(name);
        return !n.isMissingNode();
    }

    /** An int stays {@link IntArg.Form#INT}, a JSON list becomes {@link IntArg.Form#LIST}; absent or null gives {@code def}. */
    IntArg intArg(String name, IntArg def) {
        JsonNode n = get(name);
        if (n == null) return def;
        if (n.isIntegralNumber()) return IntArg.of(n.intValue());
        if (n.isArray()) {
            int[] v = new int[n.size()];
            for (int i = 0; i < v.length; i++) {
                if (!n.get(i).isIntegralNumber()) throw typeError(name, "tuple of ints", n);
                v[i] = n.get(i).intValue();
            }
            return IntArg.list(v);
        }
        throw typeError(name, "tuple of ints", n);
    }

    boolean bool(String name, boolean def) {
        JsonNode n = get(name);
        if (n == null) return def;
        if (!n.isBoolean()) throw typeError(name, "bool", n);
        return n.booleanValue();
    }

    Integer integer(String name, Integer def) {
        JsonNode n = get(name);
        if (n == null) return def;
        if (!n.isIntegralNumber()) throw typeError(name, "int", n);
        return n.intValue();
    }

    int requiredInt(String name) {
        Integer v = integer(name, null);
        if (v == null) throw new IllegalArgumentException("missing required argument '" + name + "'");
        return v;
    }

    /** A Python number as given: Integer for an int, Double for a float. */
    Number number(String name, Number def) {
        JsonNode n = get(name);
        if (n == null) return def;
        if (n.isIntegralNumber()) return n.intValue();
        if (n.isNumber()) return n.doubleValue();
        throw typeError(name, "float", n);
    }

    /** Names in the case that the layer did not read. */
    Set<String> unknown() {
        Set<String> out = new HashSet<>();
        for (Map.Entry<String, JsonNode> e : args.properties()) if (!read.contains(e.getKey())) out.add(e.getKey());
        return out;
    }

    private static IllegalArgumentException typeError(String name, String want, JsonNode got) {
        return new IllegalArgumentException("argument '" + name + "' must be " + want + ", not " + got);
    }
}
