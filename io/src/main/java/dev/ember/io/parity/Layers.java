package dev.ember.io.parity;

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
import dev.ember.nn.functional.IntArg;
import dev.ember.nn.functional.MaxPool2dOptions;
import dev.ember.nn.functional.MaxUnpool2dOptions;
import dev.ember.nn.functional.PoolResult;
import dev.ember.tensor.DType;
import dev.ember.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Builds an Ember module from a case's {@code module} name and PyTorch-named arguments, and runs
 * its forward on the case's inputs. Adding a layer to the parity runner is one entry here.
 */
final class Layers {
    private Layers() {}

    /** A constructed module and how to call it. */
    interface Layer {
        Module module();

        /** Whether forward modifies its input (the runner then passes a non-leaf copy). */
        default boolean inplace() { return false; }

        List<Tensor> forward(List<Tensor> inputs, int[] outputSize);
    }

    private record Unary(Module module, boolean inplace) implements Layer {
        @Override
        public List<Tensor> forward(List<Tensor> inputs, int[] outputSize) {
            return List.of(module.forward(inputs.get(0)));
        }
    }

    private static final Map<String, BiFunction<LayerArgs, DType, Layer>> FACTORIES = Map.ofEntries(
            Map.entry("MaxPool2d", Layers::maxPool2d),
            Map.entry("AvgPool2d", Layers::avgPool2d),
            Map.entry("MaxUnpool2d", Layers::maxUnpool2d),
            Map.entry("Linear", (a, dtype) -> new Unary(new Linear(a.requiredInt("in_features"),
                    a.requiredInt("out_features"), a.bool("bias", true), dtype), false)),
            Map.entry("Sigmoid", (a, dtype) -> new Unary(new Sigmoid(), false)),
            Map.entry("Tanh", (a, dtype) -> new Unary(new Tanh(), false)),
            Map.entry("ReLU", (a, dtype) -> {
                boolean inplace = a.bool("inplace", false);
                return new Unary(new ReLU(inplace), inplace);
            }),
            Map.entry("LeakyReLU", (a, dtype) -> {
                Number slope = a.number("negative_slope", 0.01);
                boolean inplace = a.bool("inplace", false);
                return new Unary(new LeakyReLU(slope, inplace), inplace);
            }),
            Map.entry("PReLU", (a, dtype) -> new Unary(new PReLU(a.integer("num_parameters", 1),
                    a.number("init", 0.25).doubleValue(), dtype), false)),
            Map.entry("RReLU", (a, dtype) -> {
                Number lower = a.number("lower", 1.0 / 8), upper = a.number("upper", 1.0 / 3);
                boolean inplace = a.bool("inplace", false);
                return new Unary(new RReLU(lower, upper, inplace), inplace);
            }));

    static boolean knows(String module) { return FACTORIES.containsKey(module); }

    /** Builds the module; unknown modules and arguments are errors, never skipped. */
    static Layer build(String module, LayerArgs args, DType dtype) {
        var factory = FACTORIES.get(module);
        if (factory == null) throw new UnknownLayerException("unknown module '" + module + "'");
        Layer layer = factory.apply(args, dtype);
        if (!args.unknown().isEmpty()) {
            throw new UnknownLayerException("unknown argument(s) " + args.unknown() + " for " + module);
        }
        return layer;
    }

    /** A module or argument the runner does not know: always a failure, even in an error case. */
    static final class UnknownLayerException extends RuntimeException {
        UnknownLayerException(String message) { super(message); }
    }

    private static Layer maxPool2d(LayerArgs a, DType dtype) {
        MaxPool2dOptions o = new MaxPool2dOptions(a.intArg("kernel_size", null), a.intArg("stride", null),
                a.intArg("padding", IntArg.of(0)), a.intArg("dilation", IntArg.of(1)),
                a.bool("return_indices", false), a.bool("ceil_mode", false));
        MaxPool2d m = new MaxPool2d(o);
        return new Layer() {
            @Override
            public Module module() { return m; }

            @Override
            public List<Tensor> forward(List<Tensor> inputs, int[] outputSize) {
                if (!o.returnIndices()) return List.of(m.forward(inputs.get(0)));
                PoolResult r = m.forwardWithIndices(inputs.get(0));
                return List.of(r.values(), r.indices());
            }
        };
    }

    private static Layer avgPool2d(LayerArgs a, DType dtype) {
        AvgPool2dOptions o = new AvgPool2dOptions(a.intArg("kernel_size", null), a.intArg("stride", null),
                a.intArg("padding", IntArg.of(0)), a.bool("ceil_mode", false), a.bool("count_include_pad", true),
                a.integer("divisor_override", null));
        return new Unary(new AvgPool2d(o), false);
    }

    private static Layer maxUnpool2d(LayerArgs a, DType dtype) {
        MaxUnpool2d m = new MaxUnpool2d(new MaxUnpool2dOptions(a.intArg("kernel_size", null), a.intArg("stride", null),
                a.intArg("padding", IntArg.of(0))));
        return new Layer() {
            @Override
            public Module module() { return m; }

            @Override
            public List<Tensor> forward(List<Tensor> inputs, int[] outputSize) {
                return List.of(outputSize == null ? m.forward(inputs.get(0), inputs.get(1))
                        : m.forward(inputs.get(0), inputs.get(1), outputSize));
            }
        };
    }
}
