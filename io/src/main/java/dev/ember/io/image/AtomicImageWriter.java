package dev.ember.io.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes an image next to its destination under a temporary name, then moves it into place, so a
 * failure never leaves a half-written file. The format comes from the file name's extension.
 */
public final class AtomicImageWriter {
    private AtomicImageWriter() {}

    /** Writes {@code image} to {@code file}; the format is the extension (png, jpg/jpeg, bmp, gif, tif). */
    public static void write(BufferedImage image, Path file) throws IOException {
        String format = format(file);
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new ImageFileException("write", file, "no such directory");
        if (Files.isDirectory(file)) throw new ImageFileException("write", file, "it is a directory");
        if (!format.equals("png") && !format.equals("tif") && image.getColorModel().hasAlpha()) {
            throw new ImageFileException("write", file, format.toUpperCase(Locale.ROOT)
                    + " cannot store an alpha channel; write a .png");
        }
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(image, format, tmp.toFile())) {
                throw new ImageFileException("write", file, "javax.imageio cannot write this image as " + format);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            if (e instanceof ImageFileException ife) throw ife;
            throw new ImageFileException("write", file, e.getMessage() != null ? e.getMessage() : e.toString(), e);
        }
    }

    static String format(Path file) throws ImageFileException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "png" -> "png";
            case "jpg", "jpeg" -> "jpeg";
            case "bmp" -> "bmp";
            case "gif" -> "gif";
            case "tif", "tiff" -> "tif";
            default -> throw new ImageFileException("write", file,
                    "unknown image extension '" + ext + "' (use .png, .jpg, .bmp, .gif or .tif)");
        };
    }
}
