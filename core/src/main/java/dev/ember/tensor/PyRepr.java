package dev.ember.tensor;

/** Placeholder; replaced by the exact Python repr implementation. */
public final class PyRepr {
    private PyRepr() {}

    public static String floatStr(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        return Double.toString(v);
    }

    /** An Integer/Long prints as an int, anything else as a Python float. */
    public static String number(Number n) {
        return n instanceof Integer || n instanceof Long ? n.toString() : floatStr(n.doubleValue());
    }

    public static String tuple(int... v) { return Shapes.tuple(v); }
}
