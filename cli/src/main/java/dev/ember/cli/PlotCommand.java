package dev.ember.cli;

import dev.ember.Ember;
import dev.ember.examples.ActivationCharts;
import dev.ember.io.image.AtomicImageWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ember plot …}: charts. */
@Command(name = "plot", mixinStandardHelpOptions = true, description = "Draw charts.",
        subcommands = PlotCommand.Activations.class)
final class PlotCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** {@code ember plot activations [--out FILE]}. */
    @Command(name = "activations", mixinStandardHelpOptions = true,
            description = {"Sigmoid, Tanh, ReLU, LeakyReLU, PReLU (at its init) and RReLU (its eval line, and its "
                    + "training band sampled after torch.manual_seed(1)), each with its derivative, on one grid of "
                    + "XChart charts written as PNG.",
                    "The derivatives come from Ember's autograd (backward), not from formulas."})
    static final class Activations implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", paramLabel = "FILE", defaultValue = "activations.png",
                description = "the PNG to write (default: ${DEFAULT-VALUE})")
        Path out;

        @Override
        public Integer call() throws Exception {
            Path dir = out.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            Ember.manualSeed(1);
            AtomicImageWriter.write(ActivationCharts.grid(), out);
            spec.commandLine().getOut().println("saved: " + out + "  (RReLU training samples after torch.manual_seed(1))");
            return 0;
        }
    }
}
