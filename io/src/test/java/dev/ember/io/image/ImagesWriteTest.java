package dev.ember.io.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Images#write}: transform_invert's arithmetic, lossless round trips, atomic files, errors. */
class ImagesWriteTest {

    @Test
    void bytesAreTransformInvertsTruncationOfTimes255() {
        float[] in = TestImages.expected().get("invert/input").toFloatArray();
        float[] bytes = TestImages.expected().get("invert/bytes").toFloatArray();
        for (int i = 0; i < in.length; i++) {
            assertThat(ImageEncoder.toByte(in[i])).as("byte of %s", in[i]).isEqualTo((int) bytes[i]);
        }
    }

    @Test
    void outOfRangeIsClampedAndNanIsZero() {
        assertThat(ImageEncoder.toByte(-1.5f)).isZero();
        assertThat(ImageEncoder.toByte(1.2f)).isEqualTo(255);
        assertThat(ImageEncoder.toByte(Float.NaN)).isZero();
        assertThat(ImageEncoder.toByte(Float.POSITIVE_INFINITY)).isEqualTo(255);
    }

    static Stream<String> losslessFiles() {
        return TestImages.cases().stream().filter(c -> c.error() == null && !c.isJpeg() && !"I".equals(c.mode()))
                .map(TestImages.Case::file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losslessFiles")
    void pngRoundTripGivesTheSameTensor(String file, @TempDir Path dir) throws Exception {
        for (ImageMode mode : ImageMode.values()) {
            Tensor t = Images.read(TestImages.file(file), mode);
            Path out = dir.resolve(mode + "-" + file);
            Images.write(t, out);
            Tensor back = Images.read(out, ImageMode.AS_IS);
            assertThat(back.shape()).isEqualTo(t.shape());
            assertThat(back.toFloatArray()).containsExactly(t.toFloatArray());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aViewIsWrittenInLogicalOrderAndTwoDimsAreGrey(@TempDir Path dir) throws Exception {
        Tensor rgb = Images.read(TestImages.file("rgb.png"));
        Tensor transposed = rgb.transpose(1, 2); // non-contiguous view: 3 × 33 × 21
        Images.write(transposed, dir.resolve("t.png"));
        assertThat(Images.read(dir.resolve("t.png")).toFloatArray()).containsExactly(transposed.toFloatArray());
        Images.write(rgb.select(0, 1), dir.resolve("g.png"));
        var img = ImageIO.read(dir.resolve("g.png").toFile());
        assertThat(img.getRaster().getNumBands()).isEqualTo(1);
        assertThat(img.getWidth()).isEqualTo(33);
        assertThat(img.getHeight()).isEqualTo(21);
    }

    @Test
    void jpegIsWrittenAndReadable(@TempDir Path dir) throws Exception {
        Images.write(Images.read(TestImages.file("photo.png")), dir.resolve("p.jpg"));
        assertThat(Images.read(dir.resolve("p.jpg")).sizes()).containsExactly(3, 48, 64);
    }

    @Test
    void badTensorsAndPathsAreRefusedWithoutLeavingFiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("x.png");
        assertThatThrownBy(() -> Images.write(Tensor.zeros(1, 3, 4, 4), out))
                .isInstanceOf(ImageFileException.class)
                .hasMessage("cannot write image '" + out + "': an image tensor is C×H×W or H×W, but got shape "
                        + "torch.Size([1, 3, 4, 4])");
        assertThatThrownBy(() -> Images.write(Tensor.zeros(5, 4, 4), out)).hasMessageEndingWith("1 to 4 channels, but got 5");
        assertThatThrownBy(() -> Images.write(Tensor.zeros(3, 0, 4), out)).hasMessageContaining("needs pixels");
        assertThatThrownBy(() -> Images.write(Tensor.arange(12).view(3, 2, 2), out)).hasMessageContaining("int64");
        assertThatThrownBy(() -> Images.write(Tensor.zeros(4, 2, 2), dir.resolve("a.jpg")))
                .hasMessageEndingWith("JPEG cannot store an alpha channel; write a .png");
        assertThatThrownBy(() -> Images.write(Tensor.zeros(3, 2, 2), dir.resolve("a.txt")))
                .hasMessageContaining("unknown image extension 'txt'");
        Path missingDir = dir.resolve("nope/x.png");
        assertThatThrownBy(() -> Images.write(Tensor.zeros(3, 2, 2), missingDir))
                .hasMessage("cannot write image '" + missingDir + "': no such directory");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void overwritesAnExistingFileInOneStep(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("x.png");
        Images.write(Tensor.zeros(3, 2, 2), out);
        Images.write(Tensor.ones(1, 5, 7), out);
        assertThat(Images.read(out).sizes()).containsExactly(1, 5, 7);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).hasSize(1);
        }
    }
}
