package dev.ember.io.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Files PIL refuses are refused too, with a message that names the file and says why. */
class ImagesBadInputTest {

    static Stream<String> filesPilRefuses() {
        return TestImages.cases().stream().filter(c -> c.error() != null).map(TestImages.Case::file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesPilRefuses")
    void refusedWithTheFileNamed(String file) {
        Path p = TestImages.file(file);
        for (ImageMode mode : ImageMode.values()) {
            assertThatThrownBy(() -> Images.read(p, mode))
                    .isInstanceOf(ImageFileException.class)
                    .hasMessageStartingWith("cannot read image '" + p + "': ")
                    .satisfies(e -> System.out.println(file + " -> " + e.getMessage()));
        }
    }

    @Test
    void theExpectedReasons() {
        assertThatThrownBy(() -> Images.read(TestImages.file("not-an-image.png")))
                .hasMessageEndingWith("not an image format javax.imageio knows (PNG, JPEG, GIF, BMP, TIFF, WBMP)");
        assertThatThrownBy(() -> Images.read(TestImages.file("zero.png"))).hasMessageEndingWith(
                "the image has no pixels (its header says width or height 0)");
        assertThatThrownBy(() -> Images.read(TestImages.file("truncated.png"))).hasMessageContaining(
                "damaged, truncated or unsupported image (Error reading PNG metadata: Invalid chunk length");
        assertThatThrownBy(() -> Images.read(TestImages.file("truncated.jpg")))
                .hasMessageContaining("damaged or truncated image (Truncated File - Missing EOI marker)");
    }

    @Test
    void missingFileAndDirectory(@TempDir Path dir) {
        Path missing = dir.resolve("missing.png");
        assertThatThrownBy(() -> Images.read(missing))
                .isInstanceOf(ImageFileException.class)
                .hasMessage("cannot read image '" + missing + "': no such file")
                .satisfies(e -> assertThat(((ImageFileException) e).file()).isEqualTo(missing));
        assertThatThrownBy(() -> Images.read(dir)).hasMessage("cannot read image '" + dir + "': it is a directory");
    }

    @Test
    void sixteenBitGreyHasNoFloatToTensorButConvertsToRgb() throws Exception {
        Path p = TestImages.file("gray16.png");
        assertThatThrownBy(() -> Images.read(p)).hasMessageContaining("16-bit greyscale");
        assertThat(Images.read(p, ImageMode.RGB).sizes()).containsExactly(3, 3, 4);
    }

    @Test
    void emptyFile(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.png"));
        assertThatThrownBy(() -> Images.read(empty)).isInstanceOf(ImageFileException.class)
                .hasMessageStartingWith("cannot read image '" + empty + "': not an image");
    }
}
