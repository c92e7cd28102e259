package dev.ember.io.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The tutorial's sample picture, bundled as a resource: 512×512 RGB, drawn procedurally by
 * {@code tools/tutorial/make_sample_image.py}, CC0 1.0 (the project's own work; see
 * {@code sample.LICENSE.txt} next to it). It replaces the tutorial's {@code lena.png} at the same
 * size, so the tutorial prints the same shapes.
 */
public final class SampleImage {
    /** The resource's file name. */
    public static final String FILE_NAME = "sample.png";

    private SampleImage() {}

    /** Copies the sample to {@code file} (atomically) and returns {@code file}. */
    public static Path copyTo(Path file) throws IOException {
        try (InputStream in = SampleImage.class.getResourceAsStream(FILE_NAME)) {
            if (in == null) throw new IOException("the sample image resource " + FILE_NAME + " is missing from the build");
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return file;
    }
}
