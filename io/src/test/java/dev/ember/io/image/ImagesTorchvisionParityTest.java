package dev.ember.io.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.tensor.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Images#read} against torchvision 0.14.1's {@code ToTensor} (PIL 9.4 decoding) on the
 * committed image set: bit-for-bit for every lossless file, both as opened and after
 * {@code .convert('RGB')}. JPEG is in {@link JpegDecoderDifferenceTest}.
 */
class ImagesTorchvisionParityTest {

    static Stream<Arguments> losslessFiles() {
        return TestImages.cases().stream()
                .filter(c -> c.error() == null && !c.isJpeg())
                .flatMap(c -> Stream.of(Arguments.of(c.file(), ImageMode.AS_IS), Arguments.of(c.file(), ImageMode.RGB)))
                .filter(a -> !(a.get()[1] == ImageMode.AS_IS && "I".equals(modeOf((String) a.get()[0]))));
    }

    private static String modeOf(String file) {
        return TestImages.cases().stream().filter(c -> c.file().equals(file)).findFirst().orElseThrow().mode();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("losslessFiles")
    void readEqualsToTensorBitForBit(String file, ImageMode mode) throws Exception {
        TestImages.Case c = TestImages.cases().stream().filter(k -> k.file().equals(file)).findFirst().orElseThrow();
        Tensor expected = TestImages.torchvision(c, mode);
        Tensor actual = Images.read(TestImages.file(file), mode);
        assertThat(actual.shape()).isEqualTo(expected.shape());
        assertThat(actual.dtype()).isEqualTo(expected.dtype());
        assertThat(bits(actual.toFloatArray())).isEqualTo(bits(expected.toFloatArray()));
    }

    static int[] bits(float[] v) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) b[i] = Float.floatToRawIntBits(v[i]);
        return b;
    }
}
