package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.io.image.SampleImage;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ember pool}: sizes and pixels against torch 1.13.1 on the sample image. The digests are
 * SHA-256 of {@code (np.array(layer(img)[0].permute(1, 2, 0)) * 255).astype('uint8')} for
 * {@code img = ToTensor()(Image.open('sample.png').convert('RGB')).unsqueeze(0)}.
 */
class PoolCommandTest {
    @TempDir
    static Path dir;
    static Path sample;

    @BeforeAll
    static void copySample() throws Exception { sample = SampleImage.copyTo(dir.resolve("sample.png")); }

    @Test
    void averagePoolingWithEveryOptionMatchesTorch() throws Exception {
        Path out = dir.resolve("avg");
        CliRun r = CliRun.of("pool", sample.toString(), "--kind", "avg", "--kernel-size", "3", "--stride", "2",
                "--padding", "1", "--ceil-mode", "--no-count-include-pad", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(sample + ": torch.Size([1, 3, 512, 512]) -> torch.Size([1, 3, 257, 257])",
                "saved: " + out.resolve("sample_avgpool.png"), "saved: " + out.resolve("sample_compare.png"));
        assertThat(pixelDigest(out.resolve("sample_avgpool.png")))
                .isEqualTo("5fd0ab528ac133871ae96aea1ebfa13b70d62dc0549bc7c4645841e36fb47a36");
        BufferedImage compare = ImageIO.read(out.resolve("sample_compare.png").toFile());
        assertThat(compare.getWidth()).isBetween(16 + 512 + 20 + 512 + 16, 1200); // a long title may widen its slot
        assertThat(compare.getHeight()).isEqualTo(16 + 30 + 512 + 16);
        assertThat(r.err()).as("one small picture: no progress display").isEmpty();
    }

    @Test
    void maxPoolingWithDilationAndAverageWithDivisorOverrideMatchTorch() throws Exception {
        Path out = dir.resolve("max");
        CliRun r = CliRun.of("pool", sample.toString(), "--kernel-size", "3", "--dilation", "2", "--out", out.toString());
        assertThat(r.out()).contains("-> torch.Size([1, 3, 170, 170])");
        assertThat(pixelDigest(out.resolve("sample_maxpool.png")))
                .isEqualTo("2fdbe0eb1f2a7d16042ba760f6eb387d508005d646330972a279da4f55773211");
        r = CliRun.of("pool", sample.toString(), "--kind", "avg", "--kernel-size", "4", "--divisor-override", "20",
                "--out", out.toString());
        assertThat(r.out()).contains("-> torch.Size([1, 3, 128, 128])");
        assertThat(pixelDigest(out.resolve("sample_avgpool.png")))
                .isEqualTo("ea8ad8569d1dcc05833666855066fa0b848a6c6933c74954721be1fdfc10e5ed");
    }

    @Test
    void manyPicturesShowPlainProgressLinesOffATerminalAndABadOneDoesNotStopTheRest() throws Exception {
        Path out = dir.resolve("many"), missing = dir.resolve("missing.png");
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        CliRun r = CliRun.of("pool", sample.toString(), missing.toString(), text.toString(), sample.toString(),
                "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("pool [1/4] sample.png", "pool [4/4] sample.png",
                "ember pool: cannot read image '" + missing + "': no such file",
                "ember pool: cannot read image '" + text + "': not an image");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "sample_maxpool.png", "sample_compare.png", "sample-2_maxpool.png", "sample-2_compare.png");
        }
    }

    @Test
    void optionsOfTheOtherKindAreRefusedAndTorchsErrorsComeThrough() {
        CliRun r = CliRun.of("pool", sample.toString(), "--kind", "avg", "--dilation", "2");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--dilation applies to --kind max only");
        r = CliRun.of("pool", sample.toString(), "--divisor-override", "3");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("apply to --kind avg only");
        r = CliRun.of("pool", sample.toString(), "--kernel-size", "3", "--padding", "2", "--out", dir.resolve("e").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("pad should be at most half of kernel size, but got pad=2 and kernel_size=3");
    }

    @Test
    void helpNamesEveryOption() {
        CliRun r = CliRun.of("pool", "--help");
        assertThat(r.out()).contains("--kind", "--kernel-size", "--stride", "--padding", "--dilation", "--ceil-mode",
                "--[no-]count-include-pad", "--divisor-override", "--out");
    }

    /** SHA-256 of the PNG's pixels, row by row, channels interleaved (numpy's HWC uint8 bytes). */
    static String pixelDigest(Path png) throws Exception {
        Raster r = ImageIO.read(png.toFile()).getRaster();
        int w = r.getWidth(), h = r.getHeight(), bands = r.getNumBands();
        byte[] bytes = new byte[w * h * bands];
        int[] px = new int[bands];
        for (int y = 0, k = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.getPixel(x, y, px);
                for (int b = 0; b < bands; b++) bytes[k++] = (byte) px[b];
            }
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
