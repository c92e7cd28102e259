package dev.ember.io.image;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * Decodes a file with {@code javax.imageio} into {@link Pixels} with the mode PIL would give it.
 * Reads the raster's raw samples (never {@code getRGB}, which would apply colour conversions PIL
 * does not), and takes PNG's colour type and bit depth from the IHDR chunk, because ImageIO turns
 * greyscale below 8 bits into an indexed image and adds an alpha band for a {@code tRNS} chunk.
 */
final class ImageDecoder {
    private ImageDecoder() {}

    static Pixels decode(Path file) throws IOException {
        if (!Files.exists(file)) throw new ImageFileException("read", file, "no such file");
        if (Files.isDirectory(file)) throw new ImageFileException("read", file, "it is a directory");
        if (!Files.isReadable(file)) throw new ImageFileException("read", file, "permission denied");
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) throw new ImageFileException("read", file, "cannot open the file");
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageFileException("read", file, "not an image format javax.imageio knows "
                        + "(PNG, JPEG, GIF, BMP, TIFF, WBMP)");
            }
            ImageReader reader = readers.next();
            try {
                return decode(file, reader, in);
            } finally {
                reader.dispose();
            }
        } catch (ImageFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String why = describe(e);
            if (why.contains("width <= 0") || why.contains("height <= 0")) {
                throw new ImageFileException("read", file, "the image has no pixels (its header says width or height 0)", e);
            }
            throw new ImageFileException("read", file, "damaged, truncated or unsupported image (" + why + ")", e);
        }
    }

    private static Pixels decode(Path file, ImageReader reader, ImageInputStream in) throws IOException {
        reader.setInput(in, true, false);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        int width = reader.getWidth(0), height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
            throw new ImageFileException("read", file, "the image is " + width + "×" + height + " pixels; it has none");
        }
        BufferedImage image = reader.read(0);
        if (!warnings.isEmpty()) {
            throw new ImageFileException("read", file, "damaged or truncated image (" + warnings.get(0) + ")");
        }
        Png png = Png.of(reader.getImageMetadata(0));
        return png != null ? fromPng(image, png) : fromOther(image);
    }

    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (!s.isEmpty()) s.append(": ");
            s.append(t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
        }
        return s.toString();
    }

    /** PNG's IHDR colour type and bit depth. */
    private record Png(String colorType, int bitDepth) {
        static Png of(IIOMetadata meta) {
            if (meta == null || !"javax_imageio_png_1.0".equals(meta.getNativeMetadataFormatName())) return null;
            Node root = meta.getAsTree("javax_imageio_png_1.0");
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("IHDR")) {
                    var attrs = n.getAttributes();
                    return new Png(attrs.getNamedItem("colorType").getNodeValue(),
                            Integer.parseInt(attrs.getNamedItem("bitDepth").getNodeValue()));
                }
            }
            return null;
        }
    }

    private static Pixels fromPng(BufferedImage image, Png png) {
        Raster r = image.getRaster();
        int depth = png.bitDepth();
        return switch (png.colorType()) {
            case "Grayscale" -> depth == 16
                    ? new Pixels("I", r.getWidth(), r.getHeight(), new int[][] {band(r, 0)}, null)
                    : new Pixels(depth == 1 ? "1" : "L", r.getWidth(), r.getHeight(),
                            new int[][] {scaleTo8(band(r, 0), depth)}, null);
            case "GrayAlpha" -> planes("LA", r, 2, depth);
            case "RGB" -> planes("RGB", r, 3, depth);
            case "RGBAlpha" -> planes("RGBA", r, 4, depth);
            case "Palette" -> palette(image);
            default -> throw new IllegalArgumentException("PNG colour type " + png.colorType());
        };
    }

    private static Pixels fromOther(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        if (cm instanceof IndexColorModel) return palette(image);
        Raster r = image.getRaster();
        int bands = r.getNumBands();
        String mode = switch (bands) {
            case 1 -> "L";
            case 2 -> "LA";
            case 3 -> "RGB";
            case 4 -> "RGBA";
            default -> throw new IllegalArgumentException(bands + " bands (CMYK or similar) are not supported");
        };
        int[][] planes = new int[bands][];
        for (int b = 0; b < bands; b++) planes[b] = scaleTo8(band(r, b), r.getSampleModel().getSampleSize(b));
        return new Pixels(mode, r.getWidth(), r.getHeight(), planes, null);
    }

    /** 8-bit bands as they are; 16-bit bands keep their high byte, as PIL's "RGB;16B" unpackers do. */
    private static Pixels planes(String mode, Raster r, int bands, int depth) {
        int[][] planes = new int[bands][];
        for (int b = 0; b < bands; b++) {
            int[] v = band(r, b);
            if (depth == 16) for (int i = 0; i < v.length; i++) v[i] >>= 8;
            planes[b] = v;
        }
        return new Pixels(mode, r.getWidth(), r.getHeight(), planes, null);
    }

    private static Pixels palette(BufferedImage image) {
        IndexColorModel icm = (IndexColorModel) image.getColorModel();
        int[] rgb = new int[icm.getMapSize()];
        icm.getRGBs(rgb);
        Raster r = image.getRaster();
        return new Pixels("P", r.getWidth(), r.getHeight(), new int[][] {band(r, 0)}, rgb);
    }

    private static int[] band(Raster r, int b) {
        return r.getSamples(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight(), b, (int[]) null);
    }

    /** Spreads 1-, 2- and 4-bit grey over 0–255 (×255, ×85, ×17) as PIL's "L;1/2/4" unpackers do. */
    private static int[] scaleTo8(int[] v, int bits) {
        if (bits == 8) return v;
        if (bits > 8) {
            for (int i = 0; i < v.length; i++) v[i] >>= bits - 8;
            return v;
        }
        int factor = 255 / ((1 << bits) - 1);
        for (int i = 0; i < v.length; i++) v[i] *= factor;
        return v;
    }
}
