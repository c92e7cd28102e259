package dev.ember.io.image;

import dev.ember.tensor.DType;
import dev.ember.tensor.Tensor;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;

/**
 * A CHW (or HW) float tensor to 8-bit pixels, with the arithmetic of the tutorial's
 * {@code transform_invert} and of torchvision's {@code ToPILImage}: {@code v·255} in float32, then
 * truncated to an integer ({@code np.array(t) * 255).astype('uint8')} and {@code t.mul(255).byte()}
 * both truncate, they do not round). For values in [0, 1] the result is identical to theirs; outside,
 * torch's cast wraps around modulo 256 (undefined behaviour in C), and Ember clamps to 0–255 instead.
 * NaN becomes 0, as there.
 */
final class ImageEncoder {
    private ImageEncoder() {}

    static int toByte(float v) {
        float s = v * 255f;
        if (!(s > 0)) return 0; // also NaN
        return s >= 255f ? 255 : (int) s;
    }

    static BufferedImage encode(Tensor t) {
        if (t.dim() != 2 && t.dim() != 3) {
            throw new IllegalArgumentException("an image tensor is C×H×W or H×W, but got shape " + t.shape());
        }
        if (!t.isFloatingPoint()) {
            throw new IllegalArgumentException("an image tensor holds floats in [0, 1], but got " + t.dtype().torchName());
        }
        Tensor chw = t.dim() == 2 ? t.unsqueeze(0) : t;
        int c = chw.size(0), h = chw.size(1), w = chw.size(2);
        if (c < 1 || c > 4) throw new IllegalArgumentException("an image has 1 to 4 channels, but got " + c);
        if (h == 0 || w == 0) throw new IllegalArgumentException("an image needs pixels, but got shape " + t.shape());
        float[] v = (chw.dtype() == DType.FLOAT32 ? chw : chw.toFloat32()).detach().toFloatArray();
        BufferedImage img = blank(c, w, h);
        WritableRaster r = img.getRaster();
        int n = w * h;
        int[] plane = new int[n];
        for (int b = 0; b < c; b++) {
            for (int i = 0; i < n; i++) plane[i] = toByte(v[b * n + i]);
            r.setSamples(0, 0, w, h, b, plane);
        }
        return img;
    }

    /** An 8-bit image with bands in PIL's order: L, LA, RGB or RGBA (not premultiplied). */
    static BufferedImage blank(int channels, int w, int h) {
        return switch (channels) {
            case 1 -> new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            case 3 -> new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            case 4 -> new BufferedImage(w, h, BufferedImage.TYPE_4BYTE_ABGR);
            default -> {
                ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY),
                        new int[] {8, 8}, true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
                yield new BufferedImage(cm, cm.createCompatibleWritableRaster(w, h), false, null);
            }
        };
    }
}
