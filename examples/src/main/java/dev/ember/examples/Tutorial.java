package dev.ember.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole tutorial, snippet by snippet in its order, printing what PyTorch 1.13.1 prints
 * (tools/tutorial/tutorial.py is the same script in Python) and writing the pictures.
 */
public final class Tutorial {
    private Tutorial() {}

    /** Runs every example; {@code image} null means the bundled sample. Returns the pictures written. */
    public static List<Path> run(PrintStream out, Path image, Path outDir) throws IOException {
        return run(TutorialContext.writer(out), image, outDir);
    }

    /** As {@link #run(PrintStream, Path, Path)}, printing to a writer. */
    public static List<Path> run(PrintWriter out, Path image, Path outDir) throws IOException {
        TutorialContext ctx = TutorialContext.start(out, image, outDir);
        run(ctx);
        return ctx.savedFiles();
    }

    /** The examples in the tutorial's order, after set_seed(1) and loading the picture. */
    static void run(TutorialContext ctx) throws IOException {
        MaxPoolExample.run(ctx);
        AvgPoolExample.run(ctx);
        AvgPoolOnesExample.run(ctx);
        MaxUnpoolExample.run(ctx);
        MaxUnpoolPictureExample.run(ctx);
        LinearExample.run(ctx);
        ActivationsExample.run(ctx);
    }

    public static void main(String[] args) throws IOException { run(TutorialContext.fromArgs(args)); }
}
