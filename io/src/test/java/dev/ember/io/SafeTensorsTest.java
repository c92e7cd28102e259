package dev.ember.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.tensor.DType;
import dev.ember.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir
    Path dir;

    private static byte[] file(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.array();
    }

    @Test
    void roundTripsEverySupportedDtype() throws Exception {
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("f", Tensor.of(new float[][] {{1.5f, Float.NaN}, {Float.NEGATIVE_INFINITY, -0f}}));
        in.put("d", Tensor.of(1e-300, -2.5));
        in.put("i", Tensor.of(Long.MIN_VALUE, 7L, -1L));
        in.put("b", Tensor.of(true, false, true));
        in.put("empty", Tensor.zeros(0, 3));
        in.put("scalar", Tensor.scalar(4.25));
        Path f = dir.resolve("t.safetensors");
        SafeTensors.write(f, in);
        Map<String, Tensor> out = SafeTensors.read(f);
        assertThat(out.keySet()).containsExactlyElementsOf(in.keySet());
        for (String k : in.keySet()) {
            assertThat(out.get(k).dtype()).isEqualTo(in.get(k).dtype());
            assertThat(out.get(k).shape()).isEqualTo(in.get(k).shape());
        }
        assertThat(Float.floatToRawIntBits(out.get("f").getFloat(1, 1))).isEqualTo(Float.floatToRawIntBits(-0f));
        assertThat(out.get("f").getFloat(0, 1)).isNaN();
        assertThat(out.get("i").toLongArray()).containsExactly(Long.MIN_VALUE, 7L, -1L);
        assertThat(out.get("b").toBooleanArray()).containsExactly(true, false, true);
        assertThat(out.get("scalar").dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Files.list(dir)).hasSize(1);
    }

    @Test
    void refusesTruncatedAndMalformedFiles() {
        assertThatThrownBy(() -> SafeTensors.read(new byte[5], "x.st")).hasMessageContaining("x.st")
                .hasMessageContaining("fewer than the 8-byte header length");
        byte[] ok = file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8);
        byte[] truncated = java.util.Arrays.copyOf(ok, ok.length - 3);
        assertThatThrownBy(() -> SafeTensors.read(truncated, "t.st")).hasMessageContaining("outside the data section");
        byte[] hugeHeader = ok.clone();
        ByteBuffer.wrap(hugeHeader).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40);
        assertThatThrownBy(() -> SafeTensors.read(hugeHeader, "h.st")).hasMessageContaining("header length");
        assertThatThrownBy(() -> SafeTensors.read(file("{not json", 0), "j.st")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> SafeTensors.read(file("[1,2]", 0), "j.st")).hasMessageContaining("not a JSON object");
    }

    @Test
    void refusesUnsupportedDtypesWrongSizesAndOverlaps() {
        assertThatThrownBy(() -> SafeTensors.read(file("{\"a\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4), "f"))
                .hasMessageContaining("dtype F16").hasMessageContaining("'a'");
        assertThatThrownBy(() -> SafeTensors.read(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8), "f"))
                .hasMessageContaining("needs 12 bytes but data_offsets span 8");
        String overlap = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        assertThatThrownBy(() -> SafeTensors.read(file(overlap, 12), "f")).hasMessageContaining("overlap");
        assertThatThrownBy(() -> SafeTensors.read(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,0]}}", 0), "f"))
                .hasMessageContaining("invalid dimension");
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThatThrownBy(() -> SafeTensors.read(dir.resolve("nope.safetensors")))
                .hasMessageContaining("nope.safetensors");
    }
}
