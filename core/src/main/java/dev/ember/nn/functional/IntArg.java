package dev.ember.nn.functional;

import dev.ember.tensor.PyRepr;

/**
 * An int-or-sequence constructor argument ({@code kernel_size}, {@code stride}, …) kept in the form
 * it was given, because PyTorch's reprs echo that form: {@code 2}, {@code (2, 3)} or {@code [2, 3]}.
 */
public final class IntArg {
    /** How the value was written in Python. */
    public enum Form { INT, TUPLE, LIST }

    private final int[] values;
    private final Form form;

    private IntArg(int[] values, Form form) {
        this.values = values.clone();
        this.form = form;
    }

    /** A single int, as in {@code kernel_size=2}. */
    public static IntArg of(int value) { return new IntArg(new int[] {value}, Form.INT); }

    /** A tuple, as in {@code kernel_size=(2, 3)}. */
    public static IntArg tuple(int... values) { return new IntArg(values, Form.TUPLE); }

    /** A list, as in {@code kernel_size=[2, 3]} (and as JSON gives it). */
    public static IntArg list(int... values) { return new IntArg(values, Form.LIST); }

    /** One int as an int, otherwise a tuple: the natural reading of Java varargs. */
    public static IntArg ints(int... values) { return values.length == 1 ? of(values[0]) : tuple(values); }

    public int[] values() { return values.clone(); }

    public int length() { return values.length; }

    public Form form() { return form; }

    /** The values for {@code n} dims: a single value repeats, {@code n} values stay, anything else is null. */
    public int[] expand(int n) {
        if (values.length == n) return values.clone();
        if (values.length == 1) {
            int[] out = new int[n];
            java.util.Arrays.fill(out, values[0]);
            return out;
        }
        return null;
    }

    /** Python's repr of the stored object. */
    public String repr() {
        return switch (form) {
            case INT -> Integer.toString(values[0]);
            case TUPLE -> PyRepr.tuple(values);
            case LIST -> PyRepr.list(values);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntArg a && a.form == form && java.util.Arrays.equals(a.values, values);
    }

    @Override
    public int hashCode() { return java.util.Arrays.hashCode(values) * 31 + form.hashCode(); }

    @Override
    public String toString() { return repr(); }
}
