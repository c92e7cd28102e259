package dev.ember.io.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Ember against the suite that real torch 1.13.1 generated (tools/parity/generate.py). */
class TorchParityTest {
    static final Path SUITE = Path.of("src/test/resources/parity/torch-1.13.1");
    /** Tensors above the kernels' parallel grain, with vector tails (tools/parity/generate_large.py). */
    static final Path LARGE = Path.of("src/test/resources/parity/torch-1.13.1-large");

    @Test
    void everyCaseOfTheTorchSuitePasses() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ParityRunner.Summary s = new ParityRunner(ParitySuite.load(SUITE))
                .run(new PrintStream(log, true, StandardCharsets.UTF_8));
        System.out.println(s.line());
        assertThat(s.failures()).as(log.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(s.passed()).isGreaterThan(700);
    }

    @Test
    void everyCaseOfTheLargeTensorSuitePasses() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ParityRunner.Summary s = new ParityRunner(ParitySuite.load(LARGE))
                .run(new PrintStream(log, true, StandardCharsets.UTF_8));
        System.out.println("large: " + s.line());
        assertThat(s.failures()).as(log.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(s.passed()).isEqualTo(31);
    }
}
