package dev.ember;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.tensor.DType;
import dev.ember.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;

/**
 * Assertions against values printed by torch 1.13.1 (written as the doubles {@code tolist()}
 * prints), and deterministic inputs for gradient checks. Float comparisons are bit-exact: NaN
 * matches NaN, and −0.0 differs from 0.0.
 */
public final class TorchValues {
    private TorchValues() {}

    /** The float32 elements of {@code t} are exactly {@code (float) expected[i]}. */
    public static void assertFloats(Tensor t, double... expected) {
        assertThat(t.dtype()).isEqualTo(DType.FLOAT32);
        float[] actual = t.toFloatArray();
        assertThat(actual.length).as("numel").isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            float e = (float) expected[i];
            assertThat(Float.floatToIntBits(actual[i]))
                    .as("element %d of %s: expected %s but was %s", i, Arrays.toString(actual), e, actual[i])
                    .isEqualTo(Float.floatToIntBits(e));
        }
    }

    /** The elements of {@code t} (any float dtype) are within {@code tol} of {@code expected} (NaN matches NaN). */
    public static void assertClose(Tensor t, double tol, double... expected) {
        double[] actual = t.toDoubleArray();
        assertThat(actual.length).as("numel").isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(Double.isNaN(actual[i])).as("element %d of %s is NaN", i, Arrays.toString(actual)).isTrue();
            } else if (Double.isInfinite(expected[i])) {
                assertThat(actual[i]).as("element %d of %s", i, Arrays.toString(actual)).isEqualTo(expected[i]);
            } else {
                assertThat(Math.abs(actual[i] - expected[i]))
                        .as("element %d of %s: expected %s", i, Arrays.toString(actual), expected[i])
                        .isLessThanOrEqualTo(tol);
            }
        }
    }

    public static void assertLongs(Tensor t, long... expected) {
        assertThat(t.dtype()).isEqualTo(DType.INT64);
        assertThat(t.toLongArray()).containsExactly(expected);
    }

    /** Float64 values in [lo, hi) from a seeded generator, each at least {@code gap} away from 0. */
    public static Tensor uniform(long seed, double lo, double hi, double gap, int... shape) {
        Random r = new Random(seed);
        double[] v = new double[(int) Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < v.length; i++) {
            double x;
            do {
                x = lo + (hi - lo) * r.nextDouble();
            } while (Math.abs(x) < gap);
            v[i] = x;
        }
        return Tensor.wrap(v, shape);
    }

    /** Float64 values that are all distinct, at least 0.1 apart (a shuffled ramp plus jitter): no ties. */
    public static Tensor distinct(long seed, int... shape) {
        Random r = new Random(seed);
        int n = (int) Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = (i - n / 2.0) * 0.25 + 0.05 * r.nextDouble();
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double x = v[i];
            v[i] = v[j];
            v[j] = x;
        }
        return Tensor.wrap(v, shape);
    }
}
