package dev.ember.io.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresAndSampleTest {

    @Test
    void theSampleIsA512SquareRgbPngThatReadsLikeToTensor(@TempDir Path dir) throws Exception {
        Path sample = SampleImage.copyTo(dir.resolve("s.png"));
        Tensor t = Images.read(sample);
        assertThat(t.shape().toString()).isEqualTo("torch.Size([3, 512, 512])");
        assertThat(t.min().item()).isGreaterThanOrEqualTo(0.0);
        assertThat(t.max().item()).isEqualTo(1.0);
    }

    @Test
    void panelsShareOneHeightSideBySide(@TempDir Path dir) throws Exception {
        Tensor big = Tensor.full(0.5, 3, 64, 64);
        Tensor small = Tensor.zeros(1, 32, 32);
        Path out = dir.resolve("fig.png");
        Figures.sideBySide(List.of(new Figures.Panel("big", big), new Figures.Panel("small", small)), out);
        BufferedImage fig = ImageIO.read(out.toFile());
        assertThat(fig.getWidth()).isEqualTo(16 + 256 + 20 + 256 + 16); // small panels are enlarged to 256
        assertThat(fig.getHeight()).isEqualTo(16 + 30 + 256 + 16);
        int y = 16 + 30 + 10;
        assertThat(fig.getRGB(16 + 5, y) & 0xFFFFFF).isEqualTo(0x7F7F7F); // 0.5 → 127, as transform_invert
        assertThat(fig.getRGB(16 + 256 + 20 + 250, y) & 0xFFFFFF).isEqualTo(0x000000); // grey shown as grey
    }

    @Test
    void aTitleWiderThanItsPanelWidensTheSlot() {
        String title = "a title far wider than the sixty-four pixel panel below it";
        BufferedImage fig = Figures.sideBySide(List.of(new Figures.Panel(title, Tensor.zeros(3, 300, 64))));
        assertThat(fig.getWidth()).isGreaterThan(16 + 64 + 16 + 200);
        assertThat(fig.getHeight()).isEqualTo(16 + 30 + 300 + 16);
    }
}
