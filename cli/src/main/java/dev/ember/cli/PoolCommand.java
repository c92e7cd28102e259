package dev.ember.cli;

import dev.ember.io.image.Figures;
import dev.ember.io.image.ImageMode;
import dev.ember.io.image.Images;
import dev.ember.nn.functional.AvgPool2dOptions;
import dev.ember.nn.AvgPool2d;
import dev.ember.nn.MaxPool2d;
import dev.ember.nn.Module;
import dev.ember.nn.functional.MaxPool2dOptions;
import dev.ember.tensor.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ember pool IMAGE…}: max or average pooling of pictures, each written with a side-by-side comparison. */
@Command(name = "pool", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Pool one or many pictures with nn.MaxPool2d or nn.AvgPool2d (PyTorch's arguments and "
                + "defaults) and write, for each IMAGE, NAME_KINDpool.png and NAME_compare.png (original | pooled).",
                "Prints each picture's size before and after as torch.Size. Many or large pictures show a "
                        + "progress bar on a terminal (plain lines otherwise)."})
final class PoolCommand implements Callable<Integer> {
    enum Kind { max, avg }

    enum Mode { rgb, as_is }

    /** Pictures above this many bytes count as large: they get a progress display even alone. */
    static final long LARGE_FILE = 4L << 20;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "PNG, JPEG or any picture javax.imageio reads")
    List<Path> images;

    @Option(names = "--kind", paramLabel = "max|avg", defaultValue = "max", description = "max or avg (default: ${DEFAULT-VALUE})")
    Kind kind;

    @Option(names = "--kernel-size", paramLabel = "K", defaultValue = "2", description = "default: ${DEFAULT-VALUE}")
    int kernelSize;

    @Option(names = "--stride", paramLabel = "S", description = "default: the kernel size")
    Integer stride;

    @Option(names = "--padding", paramLabel = "P", defaultValue = "0", description = "default: ${DEFAULT-VALUE}")
    int padding;

    @Option(names = "--dilation", paramLabel = "D", description = "max only; default: 1")
    Integer dilation;

    @Option(names = "--ceil-mode", description = "round the output size up instead of down")
    boolean ceilMode;

    @Option(names = "--count-include-pad", negatable = true,
            description = "avg only: count the zero padding in each average (default: true)")
    Boolean countIncludePad;

    @Option(names = "--divisor-override", paramLabel = "N", description = "avg only: divide every sum by N")
    Integer divisorOverride;

    @Option(names = "--mode", paramLabel = "rgb|as_is", defaultValue = "rgb",
            description = "rgb: Image.open(f).convert('RGB'); as_is: the file's own channels (default: ${DEFAULT-VALUE})")
    Mode mode;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "pool-out",
            description = "directory for the results (created if needed; default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        PrintWriter stdout = spec.commandLine().getOut(), stderr = spec.commandLine().getErr();
        Files.createDirectories(out);
        boolean worthShowing = images.size() > 1 || images.stream().anyMatch(PoolCommand::isLarge);
        int failed = 0;
        Set<String> names = new HashSet<>();
        try (Progress progress = Progress.of("pool", images.size(), worthShowing, stderr)) {
            for (Path image : images) {
                try {
                    pool(image, uniqueName(image, names), stdout);
                } catch (IOException | IllegalArgumentException e) {
                    failed++;
                    stderr.println("ember pool: " + e.getMessage());
                    stderr.flush();
                }
                progress.step(image.getFileName().toString());
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private void checkOptions() {
        String layer = kind == Kind.max ? "--kind max" : "--kind avg";
        if (kind == Kind.avg && dilation != null) {
            throw new ParameterException(spec.commandLine(), "--dilation applies to --kind max only (nn.AvgPool2d has none)");
        }
        if (kind == Kind.max && (countIncludePad != null || divisorOverride != null)) {
            throw new ParameterException(spec.commandLine(),
                    "--[no-]count-include-pad and --divisor-override apply to --kind avg only, not " + layer);
        }
    }

    private void pool(Path image, String name, PrintWriter stdout) throws IOException {
        Tensor img = Images.read(image, mode == Mode.rgb ? ImageMode.RGB : ImageMode.AS_IS);
        img.unsqueeze_(0);
        Module layer = layer();
        Tensor pooled = layer.forward(img);
        stdout.println(image + ": " + img.shape() + " -> " + pooled.shape());
        Path result = out.resolve(name + "_" + kind + "pool.png");
        Images.write(pooled.select(0, 0), result);
        stdout.println("saved: " + result);
        Path compare = out.resolve(name + "_compare.png");
        Figures.sideBySide(List.of(new Figures.Panel("original " + size(img), img.select(0, 0)),
                new Figures.Panel(layer + " " + size(pooled), pooled.select(0, 0))), compare);
        stdout.println("saved: " + compare);
        stdout.flush();
    }

    /** The layer as PyTorch builds it: no stride given means stride = kernel_size. */
    private Module layer() {
        if (kind == Kind.max) {
            MaxPool2dOptions o = MaxPool2dOptions.of(kernelSize).padding(padding).ceilMode(ceilMode);
            if (stride != null) o = o.stride(stride);
            return new MaxPool2d(dilation != null ? o.dilation(dilation) : o);
        }
        AvgPool2dOptions o = AvgPool2dOptions.of(kernelSize).padding(padding).ceilMode(ceilMode)
                .countIncludePad(countIncludePad == null || countIncludePad);
        if (stride != null) o = o.stride(stride);
        return new AvgPool2d(divisorOverride != null ? o.divisorOverride(divisorOverride) : o);
    }

    private static String size(Tensor t) { return t.size(-2) + "×" + t.size(-1); }

    private static boolean isLarge(Path p) {
        try {
            return Files.size(p) > LARGE_FILE;
        } catch (IOException e) {
            return false;
        }
    }

    /** The file name without its extension, made unique among this run's inputs ("x", "x-2", …). */
    static String uniqueName(Path image, Set<String> taken) {
        String file = image.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file, name = stem;
        for (int k = 2; !taken.add(name); k++) name = stem + "-" + k;
        return name;
    }
}
