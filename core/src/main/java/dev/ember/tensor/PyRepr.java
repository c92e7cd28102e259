package dev.ember.tensor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.StringJoiner;

/**
 * Python's spelling of values that module and tensor reprs print: {@code repr(float)} (which is also
 * {@code str(float)}), {@code bool} and tuples or lists of ints.
 */
public final class PyRepr {
    private PyRepr() {}

    /**
     * CPython's {@code repr(x)} for a float: the shortest digits that read back as {@code x}, in
     * positional form when the decimal exponent is in [-4, 16) ({@code 0.0001}, {@code 123456789.0},
     * {@code 9999999999999998.0}), otherwise {@code 1e-05}, {@code 1.5e+16}; plus {@code inf},
     * {@code -inf}, {@code nan} (never signed) and {@code -0.0}.
     */
    public static String floatStr(double x) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        if (x == 0) return Double.doubleToRawLongBits(x) < 0 ? "-0.0" : "0.0";
        Digits d = shortest(Math.abs(x));
        String sign = x < 0 ? "-" : "";
        String s = d.digits;
        int decpt = d.decpt; // x = 0.s × 10^decpt
        if (decpt <= -4 || decpt > 16) {
            int exp = decpt - 1;
            String mantissa = s.length() == 1 ? s : s.charAt(0) + "." + s.substring(1);
            int a = Math.abs(exp);
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (a < 10 ? "0" : "") + a;
        }
        if (decpt <= 0) return sign + "0." + "0".repeat(-decpt) + s;
        if (decpt >= s.length()) return sign + s + "0".repeat(decpt - s.length()) + ".0";
        return sign + s.substring(0, decpt) + "." + s.substring(decpt);
    }

    /** Python's {@code str(bool)}: {@code True} / {@code False}. */
    /** An Integer or Long prints as an int, anything else as a Python float. */
    public static String number(Number n) {
        return n instanceof Integer || n instanceof Long ? n.toString() : floatStr(n.doubleValue());
    }

    public static String bool(boolean b) { return b ? "True" : "False"; }

    /** Python's tuple of ints: {@code (2, 3)}, {@code (2,)}, {@code ()}. */
    public static String tuple(int... values) {
        if (values.length == 1) return "(" + values[0] + ",)";
        return join(values, "(", ")");
    }

    /** Python's list of ints: {@code [2, 3]}, {@code [2]}, {@code []}. */
    public static String list(int... values) { return join(values, "[", "]"); }

    private static String join(int[] values, String open, String close) {
        StringJoiner j = new StringJoiner(", ", open, close);
        for (int v : values) j.add(Integer.toString(v));
        return j.toString();
    }

    // ---------------------------------------------------------------- shortest digits

    /** Significant digits without leading or trailing zeros, and the point position: value = 0.digits × 10^decpt. */
    private record Digits(String digits, int decpt) {}

    /**
     * The shortest round-trip digits of a positive finite double. JDK 19+ {@code Double.toString}
     * (Giulietti's Schubfach) yields them, except that when one digit would do it may choose a closer
     * two-digit decimal ({@code 4.9E-324} where Python prints {@code 5e-324}); that case is redone here.
     */
    private static Digits shortest(double a) {
        String s = Double.toString(a);
        int e = s.indexOf('E');
        int exp = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        String mant = e < 0 ? s : s.substring(0, e);
        int point = mant.indexOf('.');
        StringBuilder digits = new StringBuilder(mant.length());
        digits.append(mant, 0, point).append(mant, point + 1, mant.length());
        int decpt = point + exp;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') lead++;
        digits.delete(0, lead);
        decpt -= lead;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') end--;
        digits.setLength(end);
        Digits d = new Digits(digits.toString(), decpt);
        return d.digits.length() == 2 ? oneDigitIfRoundTrips(a, d) : d;
    }

    /** A one-digit decimal that reads back as {@code a}, the nearer one if both neighbours do; else {@code d}. */
    private static Digits oneDigitIfRoundTrips(double a, Digits d) {
        int two = Integer.parseInt(d.digits);
        Digits down = new Digits(Integer.toString(two / 10), d.decpt);
        Digits up = two / 10 == 9 ? new Digits("1", d.decpt + 1) : new Digits(Integer.toString(two / 10 + 1), d.decpt);
        boolean downOk = value(down).doubleValue() == a;
        boolean upOk = value(up).doubleValue() == a;
        if (downOk && upOk) {
            BigDecimal exact = new BigDecimal(a);
            int c = value(up).subtract(exact).abs().compareTo(exact.subtract(value(down)).abs());
            return c < 0 ? up : down;
        }
        return downOk ? down : upOk ? up : d;
    }

    private static BigDecimal value(Digits d) {
        return new BigDecimal(new BigInteger(d.digits), d.digits.length() - d.decpt);
    }
}
