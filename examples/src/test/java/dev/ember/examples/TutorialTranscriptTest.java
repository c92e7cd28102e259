package dev.ember.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ember tutorial} against torch 1.13.1 running tools/tutorial/tutorial.py on the same sample
 * image with the same seed: the printed lines (file paths reduced to file names), and the pixels of
 * the pooled and unpooled pictures, byte for byte.
 */
class TutorialTranscriptTest {
    @TempDir
    static Path out;
    static List<String> printed;
    static List<Path> saved;

    @BeforeAll
    static void runTheTutorial() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            saved = Tutorial.run(ps, null, out);
        }
        printed = withoutPaths(buffer.toString(StandardCharsets.UTF_8).lines().toList());
    }

    /** "saved: /some/dir/x.png" → "saved: x.png", and the same for the picture that was loaded. */
    static List<String> withoutPaths(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("^(saved|# =+ load img): .*/", "$1: ")).toList();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = TutorialTranscriptTest.class.getResourceAsStream("/tutorial/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void printsWhatTorchPrintsLineByLine() throws IOException {
        List<String> torch = withoutPaths(resource("torch-1.13.1.txt").lines().toList());
        for (int i = 0; i < Math.min(torch.size(), printed.size()); i++) {
            assertThat(printed.get(i)).as("line %d", i + 1).isEqualTo(torch.get(i));
        }
        assertThat(printed).hasSameSizeAs(torch);
    }

    @Test
    void theTutorialsOwnNumbersAreThere() {
        assertThat(printed).contains("池化前尺寸:torch.Size([1, 3, 512, 512])", "池化后尺寸:torch.Size([1, 3, 256, 256])",
                "          [1.3333, 1.3333]]]])",
                "tensor([[ 6.5000, 12.5000, 18.5000, 24.5000]], grad_fn=<AddmmBackward0>) torch.Size([1, 4])");
    }

    @Test
    void pooledAndUnpooledPicturesHaveTorchsPixels() throws Exception {
        Map<String, String> torch = resource("torch-1.13.1-pixels.txt").lines()
                .map(l -> l.split(" ")).collect(Collectors.toMap(a -> a[0], a -> a[1]));
        assertThat(torch).containsOnlyKeys("img_maxpool.png", "img_avgpool.png", "img_unpool.png");
        for (var e : torch.entrySet()) {
            BufferedImage img = ImageIO.read(out.resolve(e.getKey()).toFile());
            assertThat(pixelDigest(img)).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void everyPictureExistsDecodesAndHasItsSize() throws IOException {
        assertThat(saved.stream().map(p -> p.getFileName().toString())).containsExactly("img_maxpool.png",
                "img_avgpool.png", "pooling.png", "img_unpool.png", "maxunpool.png", "activations.png");
        int threePanels = 16 + 3 * 512 + 2 * 20 + 16, panelHeight = 16 + 30 + 512 + 16;
        Map<String, int[]> sizes = Map.of("img_maxpool.png", new int[] {256, 256}, "img_avgpool.png", new int[] {256, 256},
                "pooling.png", new int[] {threePanels, panelHeight}, "img_unpool.png", new int[] {512, 512},
                "maxunpool.png", new int[] {threePanels, panelHeight}, "activations.png", new int[] {1440, 720});
        for (Path p : saved) {
            BufferedImage img = ImageIO.read(p.toFile());
            assertThat(img).as(p.toString()).isNotNull();
            assertThat(new int[] {img.getWidth(), img.getHeight()}).as(p.toString())
                    .containsExactly(sizes.get(p.getFileName().toString()));
        }
    }

    @Test
    void theActivationChartIsNotBlank() throws IOException {
        BufferedImage chart = ImageIO.read(out.resolve("activations.png").toFile());
        long coloured = 0, total = (long) chart.getWidth() * chart.getHeight();
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < chart.getHeight(); y++) {
            for (int x = 0; x < chart.getWidth(); x++) {
                int rgb = chart.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                int r = rgb >> 16, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) coloured++;
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(50);
        assertThat((double) coloured / total).as("share of strongly coloured pixels (the curves)").isGreaterThan(0.005);
    }

    /** SHA-256 of the pixels row by row, RGB interleaved: numpy's {@code np.array(img).tobytes()}. */
    static String pixelDigest(BufferedImage img) throws Exception {
        Raster r = img.getRaster();
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
