package dev.ember.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

class PyReprTest {
    @Test
    void floatStrMatchesCPythonSpellings() {
        assertThat(PyRepr.floatStr(0.01)).isEqualTo("0.01");
        assertThat(PyRepr.floatStr(1e-5)).isEqualTo("1e-05");
        assertThat(PyRepr.floatStr(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(PyRepr.floatStr(1.0)).isEqualTo("1.0");
        assertThat(PyRepr.floatStr(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(PyRepr.floatStr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(PyRepr.floatStr(Double.NaN)).isEqualTo("nan");
        assertThat(PyRepr.floatStr(Double.longBitsToDouble(0xfff8000000000000L))).isEqualTo("nan");
        assertThat(PyRepr.floatStr(-0.0)).isEqualTo("-0.0");
        assertThat(PyRepr.floatStr(1e16)).isEqualTo("1e+16");
        assertThat(PyRepr.floatStr(9999999999999998.0)).isEqualTo("9999999999999998.0");
        assertThat(PyRepr.floatStr(123456789.0)).isEqualTo("123456789.0");
        assertThat(PyRepr.floatStr(0.0001)).isEqualTo("0.0001");
        assertThat(PyRepr.floatStr(1.5e-5)).isEqualTo("1.5e-05");
        assertThat(PyRepr.floatStr(-2.5e300)).isEqualTo("-2.5e+300");
        assertThat(PyRepr.floatStr(Double.MIN_VALUE)).isEqualTo("5e-324"); // Java says 4.9E-324
        assertThat(PyRepr.floatStr(0.125)).isEqualTo("0.125");
        assertThat(PyRepr.floatStr(1.0 / 3 * 1)).isEqualTo("0.3333333333333333");
        assertThat(PyRepr.floatStr(0.3333333432674408)).isEqualTo("0.3333333432674408"); // float32(1/3)
    }

    @Test
    void floatStrMatchesCPythonTable() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int n = 0;
        try (var in = getClass().getResourceAsStream("python_float_repr.txt");
             var r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) continue;
                double x = Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, 16), 16));
                String expected = line.substring(17);
                String actual = PyRepr.floatStr(x);
                if (!actual.equals(expected)) mismatches.add(line + " -> " + actual);
                n++;
            }
        }
        assertThat(n).isGreaterThan(10_000);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void tuplesAndLists() {
        assertThat(PyRepr.tuple(2, 3)).isEqualTo("(2, 3)");
        assertThat(PyRepr.tuple(2)).isEqualTo("(2,)");
        assertThat(PyRepr.tuple()).isEqualTo("()");
        assertThat(PyRepr.list(2, 3)).isEqualTo("[2, 3]");
        assertThat(PyRepr.list(5)).isEqualTo("[5]");
        assertThat(PyRepr.list()).isEqualTo("[]");
        assertThat(PyRepr.bool(true)).isEqualTo("True");
        assertThat(PyRepr.bool(false)).isEqualTo("False");
    }
}
