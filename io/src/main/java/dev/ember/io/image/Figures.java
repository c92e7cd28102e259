package dev.ember.io.image;

import dev.ember.tensor.Tensor;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Side-by-side figures, like the tutorial's {@code plt.subplot(121).imshow(raw)} /
 * {@code plt.subplot(122).imshow(pooled)}: every panel is shown at the height of the tallest one
 * (at least 256 pixels),
 * enlarged with nearest-neighbour sampling (so a pooled image shows its coarser pixels), under its title
 * (a panel is widened to its title when the title is the wider).
 */
public final class Figures {
    private static final int MARGIN = 16;
    private static final int GAP = 20;
    private static final int TITLE = 30;
    private static final int MIN_HEIGHT = 256;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);

    private Figures() {}

    /** One picture of a figure: a title and a C×H×W image tensor (values in [0, 1]). */
    public record Panel(String title, Tensor image) {}

    /** Writes the panels left to right into one image file (atomically); the format is the extension. */
    public static void sideBySide(List<Panel> panels, Path file) throws IOException {
        AtomicImageWriter.write(sideBySide(panels), file);
    }

    private static FontMetrics metrics() {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            return g.getFontMetrics(FONT);
        } finally {
            g.dispose();
        }
    }

    /** Grey as three equal channels: Java2D would otherwise treat 8-bit grey as linear and brighten it. */
    private static Tensor asColour(Tensor image) {
        Tensor chw = image.dim() == 2 ? image.unsqueeze(0) : image;
        return chw.dim() == 3 && chw.size(0) == 1 ? chw.expand(3, chw.size(1), chw.size(2)) : chw;
    }

    /** The panels left to right, in memory. */
    public static BufferedImage sideBySide(List<Panel> panels) {
        if (panels.isEmpty()) throw new IllegalArgumentException("a figure needs at least one panel");
        BufferedImage[] images = panels.stream().map(p -> Images.toBufferedImage(asColour(p.image())))
                .toArray(BufferedImage[]::new);
        int height = MIN_HEIGHT;
        for (BufferedImage im : images) height = Math.max(height, im.getHeight());
        FontMetrics fm = metrics();
        int[] widths = new int[images.length], slots = new int[images.length];
        int width = 2 * MARGIN + GAP * (images.length - 1);
        for (int i = 0; i < images.length; i++) {
            widths[i] = (int) Math.round((double) images[i].getWidth() * height / images[i].getHeight());
            slots[i] = Math.max(widths[i], fm.stringWidth(panels.get(i).title()) + 8);
            width += slots[i];
        }
        BufferedImage fig = new BufferedImage(width, height + TITLE + 2 * MARGIN, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = fig.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, fig.getWidth(), fig.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setFont(FONT);
            int x = MARGIN, y = MARGIN + TITLE;
            for (int i = 0; i < images.length; i++) {
                int left = x + (slots[i] - widths[i]) / 2;
                g.drawImage(images[i], left, y, widths[i], height, null);
                g.setColor(Color.GRAY);
                g.setStroke(new BasicStroke(1));
                g.drawRect(left - 1, y - 1, widths[i] + 1, height + 1);
                g.setColor(Color.BLACK);
                String title = panels.get(i).title();
                g.drawString(title, x + (slots[i] - fm.stringWidth(title)) / 2, MARGIN + TITLE - fm.getDescent() - 6);
                x += slots[i] + GAP;
            }
        } finally {
            g.dispose();
        }
        return fig;
    }
}
