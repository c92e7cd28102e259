package dev.ember.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Rebuilds every tensor of {@code printing_cases.txt} (written by
 * {@code tools/printing/generate_cases.py} from real torch) and compares Ember's repr with torch's,
 * character for character.
 */
class TorchPrintingCasesTest {
    record Case(String name, DType dtype, int[] shape, String data, List<String[]> views,
                TensorFormatter.Options options, String grad, String expected) {}

    static List<Case> load() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (var in = TorchPrintingCasesTest.class.getResourceAsStream("printing_cases.txt");
             var r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isEmpty()) continue;
                if (!line.startsWith("case ")) throw new IllegalStateException("expected 'case', got: " + line);
                String name = line.substring(5);
                DType dtype = null;
                int[] shape = null;
                String data = null, grad = null, expected = null;
                List<String[]> views = new ArrayList<>();
                TensorFormatter.Options options = TensorFormatter.Options.DEFAULT;
                while (!(line = r.readLine()).equals("end")) {
                    String[] w = line.split(" ");
                    switch (w[0]) {
                        case "dtype" -> dtype = DType.valueOf(w[1].toUpperCase());
                        case "shape" -> shape = Arrays.stream(w).skip(1).mapToInt(Integer::parseInt).toArray();
                        case "data" -> data = w[1].equals("arange") ? "arange" : w.length > 2 ? w[2] : "";
                        case "view" -> views.add(Arrays.copyOfRange(w, 1, w.length));
                        case "options" -> options = new TensorFormatter.Options(Integer.parseInt(w[1]),
                                w[2].equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(w[2]),
                                Integer.parseInt(w[3]), Integer.parseInt(w[4]),
                                w[5].equals("none") ? null : Boolean.valueOf(w[5]));
                        case "grad" -> grad = line.substring(5);
                        case "repr" -> {
                            int n = Integer.parseInt(w[1]);
                            StringBuilder sb = new StringBuilder();
                            for (int i = 0; i < n; i++) sb.append(i > 0 ? "\n" : "").append(r.readLine());
                            expected = sb.toString();
                        }
                        default -> throw new IllegalStateException("unknown line in case " + name + ": " + line);
                    }
                }
                cases.add(new Case(name, dtype, shape, data, views, options, grad, expected));
            }
        }
        return cases;
    }

    static Tensor build(Case c) {
        int n = Shapes.numel(c.shape());
        Tensor t;
        if (c.data().equals("arange")) {
            t = switch (c.dtype()) {
                case FLOAT32 -> Tensor.arange((double) n).reshape(c.shape());
                case FLOAT64 -> Tensor.arange((double) n).toFloat64().reshape(c.shape());
                case INT64 -> Tensor.arange((long) n).reshape(c.shape());
                case BOOL -> throw new IllegalArgumentException("arange bool");
            };
        } else {
            ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(c.data())).order(ByteOrder.LITTLE_ENDIAN);
            t = switch (c.dtype()) {
                case FLOAT32 -> {
                    float[] v = new float[n];
                    b.asFloatBuffer().get(v);
                    yield Tensor.wrap(v, c.shape());
                }
                case FLOAT64 -> {
                    double[] v = new double[n];
                    b.asDoubleBuffer().get(v);
                    yield Tensor.wrap(v, c.shape());
                }
                case INT64 -> {
                    long[] v = new long[n];
                    b.asLongBuffer().get(v);
                    yield Tensor.wrap(v, c.shape());
                }
                case BOOL -> {
                    boolean[] v = new boolean[n];
                    for (int i = 0; i < n; i++) v[i] = b.get(i) != 0;
                    yield Tensor.wrap(v, c.shape());
                }
            };
        }
        for (String[] v : c.views()) {
            int[] args = Arrays.stream(v).skip(1).mapToInt(Integer::parseInt).toArray();
            t = switch (v[0]) {
                case "permute" -> t.permute(args);
                case "slice" -> t.slice(args[0], args[1], args[2], args[3]);
                default -> throw new IllegalArgumentException(v[0]);
            };
        }
        if (c.grad().equals("leaf")) {
            t.requiresGrad_();
        } else if (c.grad().startsWith("fn ")) {
            Tensor leaf = Tensor.zeros(1).requiresGrad_();
            t = Autograd.record(c.grad().substring(3), t, g -> new Tensor[] {g}, leaf);
        }
        return t;
    }

    @TestFactory
    Stream<DynamicTest> reprMatchesTorch() throws IOException {
        return load().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Tensor t = build(c);
            String actual = c.options() == TensorFormatter.Options.DEFAULT
                    ? t.toString()
                    : TensorFormatter.format(t, c.options());
            assertThat(actual).as(c.name()).isEqualTo(c.expected());
        }));
    }

    @Test
    void tableCoversWhatItShould() throws IOException {
        List<Case> cases = load();
        assertThat(cases).hasSizeGreaterThan(400);
        assertThat(cases).anyMatch(c -> c.expected().contains("..."));
        assertThat(cases).anyMatch(c -> c.expected().contains("grad_fn=<"));
        assertThat(cases).anyMatch(c -> c.expected().contains("requires_grad=True"));
        assertThat(cases).anyMatch(c -> c.expected().contains("size=("));
        assertThat(cases).anyMatch(c -> c.expected().contains("e+"));
        for (DType d : DType.values()) assertThat(cases).anyMatch(c -> c.dtype() == d);
        for (int rank = 0; rank <= 4; rank++) {
            int r = rank;
            assertThat(cases).anyMatch(c -> c.shape().length == r);
        }
    }
}
