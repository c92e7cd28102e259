package dev.ember.examples;

import dev.ember.Ember;
import dev.ember.io.image.Figures;
import dev.ember.io.image.ImageMode;
import dev.ember.io.image.Images;
import dev.ember.io.image.SampleImage;
import dev.ember.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the tutorial's snippets share: where they print, the directory their pictures go to, the
 * picture as a tensor, and results a later snippet shows again (the max-pooled picture).
 */
public final class TutorialContext {
    /** The seed of the tutorial's {@code set_seed(1)}. */
    public static final long SEED = 1;

    private final PrintWriter out;
    private final Path outDir;
    private final Path imageFile;
    private final List<Path> saved = new ArrayList<>();
    private Tensor imgTensor;
    private Tensor imgMaxpool;

    private TutorialContext(PrintWriter out, Path imageFile, Path outDir) {
        this.out = out;
        this.imageFile = imageFile;
        this.outDir = outDir;
    }

    /**
     * Creates {@code outDir}, seeds the default generator ({@code set_seed(1)}) and loads the picture
     * ({@code image}, or the bundled CC0 sample copied into {@code outDir} when null), printing both steps.
     */
    public static TutorialContext start(PrintWriter out, Path image, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        TutorialContext ctx = new TutorialContext(out, image != null ? image : outDir.resolve(SampleImage.FILE_NAME), outDir);
        out.println("# ================================= set_seed(1): torch.manual_seed(1), the random examples repeat");
        Ember.manualSeed(SEED);
        if (image == null) SampleImage.copyTo(ctx.imageFile);
        out.println("# ================================= load img: " + ctx.imageFile);
        Tensor img = Images.read(ctx.imageFile, ImageMode.RGB); // Image.open(path).convert('RGB'), ToTensor()
        img.unsqueeze_(0);                                        // C*H*W to B*C*H*W
        ctx.imgTensor = img;
        return ctx;
    }

    /** For an example's {@code main}: {@code [--image FILE] [--out DIR]}, printing to stdout. */
    static TutorialContext fromArgs(String[] args) throws IOException {
        Path image = null, out = Path.of("tutorial-out");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--image" -> image = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("usage: [--image FILE] [--out DIR], not " + args[i]);
            }
        }
        return start(writer(System.out), image, out);
    }

    public PrintWriter out() { return out; }

    /** A writer on {@code out} in its charset that flushes each line. */
    static PrintWriter writer(PrintStream out) { return new PrintWriter(new java.io.OutputStreamWriter(out, out.charset()), true); }

    public void section(String title) { out.println("# ================ " + title); }

    /** The picture as the tutorial's {@code img_tensor}: 1×3×H×W in [0, 1]. */
    public Tensor imgTensor() { return imgTensor; }

    public Path imageFile() { return imageFile; }

    /** The max-pooled picture, once {@link MaxPoolExample} ran (or computed here). */
    Tensor imgMaxpool() {
        if (imgMaxpool == null) imgMaxpool = MaxPoolExample.maxpoolLayer().forward(imgTensor);
        return imgMaxpool;
    }

    void imgMaxpool(Tensor pooled) { imgMaxpool = pooled; }

    /** {@code transform_invert(img, ...)} then {@code save}: writes a C×H×W tensor as {@code name}. */
    public Path save(String name, Tensor chw) throws IOException {
        Path file = outDir.resolve(name);
        Images.write(chw, file);
        return saved(file);
    }

    /** The tutorial's {@code plt.subplot(1, n, k).imshow(...)}, as one PNG. */
    public Path saveSideBySide(String name, List<Figures.Panel> panels) throws IOException {
        Path file = outDir.resolve(name);
        Figures.sideBySide(panels, file);
        return saved(file);
    }

    public Path saveChart(String name, BufferedImage chart) throws IOException {
        Path file = outDir.resolve(name);
        dev.ember.io.image.AtomicImageWriter.write(chart, file);
        return saved(file);
    }

    private Path saved(Path file) {
        saved.add(file);
        out.println("saved: " + file);
        return file;
    }

    /** The pictures written so far, in order. */
    public List<Path> savedFiles() { return Collections.unmodifiableList(saved); }
}
