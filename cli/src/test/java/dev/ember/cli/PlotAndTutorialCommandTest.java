package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotAndTutorialCommandTest {

    @Test
    void plotActivationsWritesANonBlankGridOfCharts(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("charts/act.png");
        CliRun r = CliRun.of("plot", "activations", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("saved: " + out);
        BufferedImage img = ImageIO.read(out.toFile());
        assertThat(img.getWidth()).isEqualTo(1440);
        assertThat(img.getHeight()).isEqualTo(720);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) for (int x = 0; x < img.getWidth(); x += 2) colours.add(img.getRGB(x, y));
        assertThat(colours.size()).as("distinct colours").isGreaterThan(50);
    }

    @Test
    void plotWithoutASubcommandShowsItsUsage() {
        CliRun r = CliRun.of("plot");
        assertThat(r.out()).contains("activations");
    }

    @Test
    void tutorialHelpAndABadImage(@TempDir Path dir) {
        assertThat(CliRun.of("tutorial", "--help").out()).contains("--image", "--out", "set_seed(1)");
        Path missing = dir.resolve("nope.jpg");
        CliRun r = CliRun.of("tutorial", "--image", missing.toString(), "--out", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("ember tutorial: cannot read image '" + missing + "': no such file");
    }
}
