package dev.ember.io.parity;

import dev.ember.io.SafeTensors;
import dev.ember.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A loaded suite: {@code cases.json} and {@code tensors.safetensors} from one directory. */
public record ParitySuite(String reference, List<ParityCase> cases, Map<String, Tensor> tensors) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static ParitySuite load(Path dir) throws IOException {
        Path manifest = dir.resolve("cases.json"), data = dir.resolve("tensors.safetensors");
        if (!Files.isRegularFile(manifest)) throw new IOException("no cases.json in " + dir);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(manifest));
        } catch (JacksonException e) {
            throw new IOException("cases.json in " + dir + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!"parity/1".equals(root.path("format").asString(""))) {
            throw new IOException(manifest + ": format is '" + root.path("format").asString("") + "', expected 'parity/1'");
        }
        List<ParityCase> cases = new ArrayList<>();
        for (JsonNode c : root.path("cases")) cases.add(parse(c));
        Map<String, Tensor> tensors = Files.isRegularFile(data) ? SafeTensors.read(data) : Map.of();
        return new ParitySuite(root.path("reference").asString(""), cases, tensors);
    }

    private static ParityCase parse(JsonNode c) {
        String id = c.path("id").asString("?");
        JsonNode err = c.path("error");
        JsonNode seed = c.path("seed");
        JsonNode os = c.path("output_size");
        int[] outputSize = null;
        if (os.isArray()) {
            outputSize = new int[os.size()];
            for (int i = 0; i < outputSize.length; i++) outputSize[i] = os.get(i).intValue();
        }
        return new ParityCase(id, c.path("module").asString(""), c.path("args"), c.path("training").asBoolean(true),
                strings(c.path("inputs")), stringMap(c.path("params")), strings(c.path("outputs")),
                strings(c.path("grad_outputs")), stringMap(c.path("grads")), c.path("rtol").asDouble(0),
                c.path("atol").asDouble(0), err.isNull() || err.isMissingNode() ? null : err.asString(),
                seed.isIntegralNumber() ? seed.longValue() : null,
                c.path("repr").isString() ? c.path("repr").stringValue() : null,
                c.path("printed").isArray() ? strings(c.path("printed")) : null,
                c.path("check").isString() ? c.path("check").stringValue() : null, outputSize);
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : n) out.add(s.asString());
        return out;
    }

    private static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) out.put(e.getKey(), e.getValue().asString());
        return out;
    }
}
