package dev.ember.io.image;

import dev.ember.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Images as tensors, the torchvision way. {@link #read} is {@code transforms.ToTensor()} applied to
 * {@code PIL.Image.open(file)} (optionally {@code .convert('RGB')}): a float32 C×H×W tensor of
 * {@code byte / 255}. {@link #write} is the tutorial's {@code transform_invert} followed by
 * {@code save}: ×255, truncated to bytes (see {@link ImageEncoder}), written atomically.
 *
 * <pre>{@code
 * Tensor img = Images.read(Path.of("photo.png"), ImageMode.RGB);   // 3×H×W in [0, 1]
 * Images.write(img, Path.of("copy.png"));
 * }</pre>
 */
public final class Images {
    private Images() {}

    /** {@code ToTensor()(Image.open(file))}: PIL's channels (see {@link ImageMode#AS_IS}). */
    public static Tensor read(Path file) throws IOException { return read(file, ImageMode.AS_IS); }

    /** {@code ToTensor()(Image.open(file))}, or with {@code .convert('RGB')} for {@link ImageMode#RGB}. */
    public static Tensor read(Path file, ImageMode mode) throws IOException {
        Pixels p = ImageDecoder.decode(file);
        if (mode == ImageMode.RGB) p = p.toRgb();
        else if (p.mode().equals("I")) {
            throw new ImageFileException("read", file, "16-bit greyscale: torchvision's ToTensor gives raw int32 "
                    + "values for it, not floats in [0, 1]; read it with ImageMode.RGB (PIL clips it to 0–255)");
        }
        return toTensor(p);
    }

    /** Writes a C×H×W (or H×W) tensor of values in [0, 1] as an image; C is 1 (grey), 2, 3 (RGB) or 4. */
    public static void write(Tensor image, Path file) throws IOException {
        BufferedImage img;
        try {
            img = ImageEncoder.encode(image);
        } catch (IllegalArgumentException e) {
            throw new ImageFileException("write", file, e.getMessage(), e);
        }
        AtomicImageWriter.write(img, file);
    }

    /** The pixels {@link #write} would store, as an image in memory. */
    public static BufferedImage toBufferedImage(Tensor image) { return ImageEncoder.encode(image); }

    /** {@code ToTensor} of 8-bit samples: float32 {@code v / 255}, channels first. */
    static Tensor toTensor(Pixels p) {
        int n = p.width() * p.height(), c = p.channels();
        float[] out = new float[c * n];
        for (int b = 0; b < c; b++) {
            int[] plane = p.planes()[b];
            for (int i = 0; i < n; i++) out[b * n + i] = (float) plane[i] / 255f;
        }
        return Tensor.wrap(out, c, p.height(), p.width());
    }
}
