package dev.ember.cli;

import dev.ember.examples.Tutorial;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ember tutorial [--image FILE] [--out DIR]}: every example of the tutorial, printed as PyTorch prints it. */
@Command(name = "tutorial", mixinStandardHelpOptions = true,
        description = {"Run every example of the pooling / linear / activation tutorial in order, printing what "
                + "PyTorch 1.13.1 prints for it, and write its pictures.",
                "The random examples start from set_seed(1) (torch.manual_seed(1)) and repeat exactly.",
                "Pictures: img_maxpool.png, img_avgpool.png, pooling.png (original | max | avg), img_unpool.png, "
                        + "maxunpool.png (original | pooled | unpooled), activations.png."})
final class TutorialCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--image", paramLabel = "FILE",
            description = "picture to use (read as Image.open(FILE).convert('RGB')); default: the bundled 512×512 "
                    + "CC0 sample, copied into DIR")
    Path image;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "tutorial-out",
            description = "directory for the pictures (created if needed; default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        Tutorial.run(spec.commandLine().getOut(), image, out);
        return 0;
    }
}
