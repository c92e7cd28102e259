package dev.ember.io.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.io.SafeTensors;
import dev.ember.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner fails loudly: corrupted values, reprs, unknown modules and arguments are failures, never skips. */
class ParityRunnerTest {
    @TempDir
    Path dir;

    private ParityRunner.Summary runCopy(String manifestEdit, String from, String to, String tensorToCorrupt)
            throws Exception {
        Path src = TorchParityTest.SUITE;
        String cases = Files.readString(src.resolve("cases.json"));
        if (manifestEdit != null) {
            assertThat(cases).contains(from);
            cases = cases.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        }
        Files.writeString(dir.resolve("cases.json"), cases);
        Map<String, Tensor> tensors = new LinkedHashMap<>(SafeTensors.read(src.resolve("tensors.safetensors")));
        if (tensorToCorrupt != null) {
            Tensor t = tensors.get(tensorToCorrupt).clone();
            t.set(t.getDouble(firstIndex(t)) + 0.5, firstIndex(t));
            tensors.put(tensorToCorrupt, t);
        }
        SafeTensors.write(dir.resolve("tensors.safetensors"), tensors);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        return new ParityRunner(ParitySuite.load(dir)).run(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private static int[] firstIndex(Tensor t) { return new int[t.dim()]; }

    @Test
    void aCorruptedExpectedOutputFails() throws Exception {
        ParityRunner.Summary s = runCopy(null, null, null, "max_pool2d/000/out0");
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.failures().get(0)).startsWith("max_pool2d/000: ");
    }

    @Test
    void aCorruptedExpectedGradientFails() throws Exception {
        ParityRunner.Summary s = runCopy(null, null, null, "linear/000/gin0");
        assertThat(s.failures()).anyMatch(f -> f.startsWith("linear/000: grad input0"));
    }

    @Test
    void aWrongReprFails() throws Exception {
        ParityRunner.Summary s = runCopy("edit", "\"repr\": \"ReLU()\"", "\"repr\": \"ReLU(inplace=False)\"", null);
        assertThat(s.failures()).anyMatch(f -> f.contains("repr mismatch"));
    }

    @Test
    void anUnknownModuleIsAFailureNotASkip() throws Exception {
        ParityRunner.Summary s = runCopy("edit", "\"module\": \"Tanh\"", "\"module\": \"Hardtanh2\"", null);
        assertThat(s.failures()).anyMatch(f -> f.contains("unknown module 'Hardtanh2'"));
    }

    @Test
    void anUnknownArgumentIsAFailureEvenInAnErrorCase() throws Exception {
        ParityRunner.Summary s = runCopy("edit", "\"args\": {\"kernel_size\"", "\"args\": {\"kernel_sise\": 2, \"kernel_size\"",
                null);
        assertThat(s.failures()).anyMatch(f -> f.contains("unknown argument(s) [kernel_sise]"));
    }

    @Test
    void theSummaryLineHasTheContractedForm() {
        assertThat(new ParityRunner.Summary(812, 0, java.util.List.of()).line()).isEqualTo("parity: 812 passed, 0 failed");
    }
}
