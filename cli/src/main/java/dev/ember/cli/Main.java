package dev.ember.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ember <command> …}: the command-line entry point. */
@Command(name = "ember", mixinStandardHelpOptions = true, version = "Ember 0.1.0 (PyTorch 1.13.1 semantics)",
        description = "PyTorch's pooling, linear and activation layers in pure Java.",
        subcommands = {TutorialCommand.class, PoolCommand.class, PlotCommand.class, ParityCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(System.out); }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, command, parseResult) -> {
            if (!(e instanceof java.io.IOException) && !(e instanceof IllegalArgumentException)) throw e;
            command.getErr().println("ember " + command.getCommandName() + ": " + e.getMessage());
            command.getErr().flush();
            return 1;
        });
        return cl;
    }
}
