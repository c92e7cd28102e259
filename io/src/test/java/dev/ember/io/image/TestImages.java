package dev.ember.io.image;

import dev.ember.io.SafeTensors;
import dev.ember.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The committed image set (tools/tutorial/make_test_images.py) and torchvision's tensors for it. */
final class TestImages {
    private TestImages() {}

    record Case(String file, String mode, String error, boolean rgbSameAsIs, String asIsDtype) {
        boolean isJpeg() { return file.endsWith(".jpg"); }
    }

    static Path dir() {
        try {
            return Path.of(TestImages.class.getResource("/images/cases.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(String name) { return dir().resolve(name); }

    static List<Case> cases() {
        try {
            JsonNode root = JsonMapper.builder().build().readTree(dir().resolve("cases.json").toFile());
            List<Case> out = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                out.add(new Case(c.get("file").asString(), text(c, "mode"), text(c, "error"),
                        c.has("rgb_same_as_is"), text(c, "as_is_dtype")));
            }
            return out;
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot parse cases.json", e);
        }
    }

    private static String text(JsonNode c, String key) { return c.has(key) ? c.get(key).asString() : null; }

    private static Map<String, Tensor> expected;

    static synchronized Map<String, Tensor> expected() {
        if (expected == null) {
            try {
                expected = SafeTensors.read(dir().resolve("expected.safetensors"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return expected;
    }

    /** torchvision's ToTensor of the file, as opened ("as_is") or converted to RGB ("rgb"). */
    static Tensor torchvision(Case c, ImageMode mode) {
        String key = c.file() + (mode == ImageMode.RGB && !c.rgbSameAsIs() ? "/rgb" : "/as_is");
        Tensor t = expected().get(key);
        if (t == null) throw new IllegalStateException("no expected tensor " + key);
        return t;
    }
}
