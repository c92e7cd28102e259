package dev.ember.tensor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code repr(tensor)} exactly as PyTorch 1.13 prints it ({@code torch/_tensor_str.py}): one element
 * formatter chosen from the printed elements (integer, fixed or scientific mode and a common width),
 * rows wrapped at the line width, nested brackets with blank lines between blocks, {@code ...} when
 * the tensor has more than {@code threshold} elements, and the {@code dtype=}/{@code grad_fn=}
 * suffixes. Numbers are rounded half-even on their exact binary value, as Python's
 * {@code format()} does.
 *
 * <p>When summarising, only the printed edge elements are read (through the strides), so printing a
 * large tensor costs no more than printing a small one.
 */
public final class TensorFormatter {
    private TensorFormatter() {}

    /**
     * {@code torch.set_printoptions}: digits after the point, the element count above which the
     * tensor is summarised, the items kept at each end of a summarised dim, the line width, and
     * {@code sci_mode} ({@code null} lets the formatter decide).
     */
    public record Options(int precision, double threshold, int edgeItems, int lineWidth, Boolean sciMode) {
        /** precision 4, threshold 1000, edgeitems 3, linewidth 80, sci_mode None. */
        public static final Options DEFAULT = new Options(4, 1000, 3, 80, null);

        public Options {
            if (precision < 0) throw new IllegalArgumentException("precision must be >= 0, got " + precision);
            // torch's self[-0:] would print everything for edgeitems=0; we do not copy that quirk
            if (edgeItems < 1) throw new IllegalArgumentException("edgeItems must be >= 1, got " + edgeItems);
        }
    }

    private static final String PREFIX = "tensor(";

    /** {@code repr(t)} with the default print options. */
    public static String format(Tensor t) { return format(t, PREFIX, suffixes(t), Options.DEFAULT); }

    /** {@code repr(t)} with the given print options. */
    public static String format(Tensor t, Options options) { return format(t, PREFIX, suffixes(t), options); }

    /**
     * The general form of torch's {@code _str_intern}: {@code prefix} (its length is the indent of the
     * body, as for {@code "tensor("}), the body, then each suffix after {@code ", "} or on a new line
     * when it would pass the line width, then {@code ")"}.
     */
    public static String format(Tensor t, String prefix, List<String> suffixes, Options options) {
        int indent = prefix.length();
        String text = prefix + body(t, indent, options);
        return addSuffixes(text, suffixes, indent, options.lineWidth());
    }

    /**
     * The suffixes torch prints for a plain tensor, in its order: {@code size=} and {@code dtype=} of
     * an empty tensor, {@code dtype=} of a non-default dtype, then {@code grad_fn=<Name>} or
     * {@code requires_grad=True}.
     */
    public static List<String> suffixes(Tensor t) {
        List<String> out = new ArrayList<>(3);
        if (t.numel() == 0) {
            // an empty tensor shows its shape unless it is (0,), and any dtype but the default one
            if (t.dim() != 1) out.add("size=" + PyRepr.tuple(t.sizes()));
            if (t.dtype() != DType.FLOAT32) out.add("dtype=" + t.dtype().torchName());
        } else if (t.dtype() == DType.FLOAT64) {
            // float32 (the default), int64 and bool are implied by the printed numbers
            out.add("dtype=" + t.dtype().torchName());
        }
        if (t.gradFn() != null) out.add("grad_fn=<" + t.gradFn().name() + ">");
        else if (t.requiresGrad()) out.add("requires_grad=True");
        return out;
    }

    /** torch's {@code _add_suffixes}, including its off-by-two in the length of the last line. */
    static String addSuffixes(String text, List<String> suffixes, int indent, int lineWidth) {
        StringBuilder sb = new StringBuilder(text);
        int lastLineLen = text.length() - text.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLineLen + suffix.length() + 2 > lineWidth) {
                sb.append(",\n").repeat(' ', indent).append(suffix);
                lastLineLen = indent + suffix.length();
            } else {
                sb.append(", ").append(suffix);
                lastLineLen += suffix.length() + 2;
            }
        }
        return sb.append(')').toString();
    }

    /** torch's {@code _tensor_str}: the bracketed elements, laid out for a body starting at column {@code indent}. */
    static String body(Tensor t, int indent, Options o) {
        if (t.numel() == 0) return "[]";
        Layout layout = new Layout(t, o);
        if (t.dim() == 0) return layout.items[0];
        StringBuilder sb = new StringBuilder();
        layout.append(sb, 0, indent);
        return sb.toString();
    }

    // ---------------------------------------------------------------- layout

    /** The printed elements of one tensor, formatted, and the bracket structure around them. */
    private static final class Layout {
        private final int[] shape;
        private final int[] strides;
        private final boolean summarize;
        private final Options o;
        private int[] offsets = new int[64];
        private int count;
        final String[] items;
        private final int width;
        private int next;

        Layout(Tensor t, Options o) {
            this.o = o;
            this.shape = t.shapeRef();
            this.strides = t.stridesRef();
            this.summarize = t.numel() > o.threshold();
            collect(0, t.storageOffset());
            // the formatter sees exactly the printed elements: all of them, or the summarised edges
            Formatter f = Formatter.of(t, offsets, count, o);
            items = new String[count];
            for (int i = 0; i < count; i++) items[i] = f.format(t, offsets[i]);
            width = f.maxWidth;
        }

        private boolean elided(int d) { return summarize && shape[d] > 2 * o.edgeItems(); }

        /** Storage offsets of the printed elements, in printing order. */
        private void collect(int d, int base) {
            if (d == shape.length) {
                if (count == offsets.length) offsets = Arrays.copyOf(offsets, count * 2);
                offsets[count++] = base;
                return;
            }
            int n = shape[d], e = o.edgeItems();
            if (elided(d)) {
                for (int i = 0; i < e; i++) collect(d + 1, base + i * strides[d]);
                for (int i = n - e; i < n; i++) collect(d + 1, base + i * strides[d]);
            } else {
                for (int i = 0; i < n; i++) collect(d + 1, base + i * strides[d]);
            }
        }

        /** {@code _tensor_str_with_formatter} for the sub-tensor at dim {@code d}. */
        void append(StringBuilder sb, int d, int indent) {
            if (d == shape.length - 1) {
                appendVector(sb, d, indent);
                return;
            }
            int n = shape[d], remainingDims = shape.length - d;
            String sep = "," + "\n".repeat(remainingDims - 1) + " ".repeat(indent + 1);
            sb.append('[');
            if (elided(d)) {
                int e = o.edgeItems();
                for (int i = 0; i < e; i++) {
                    append(sb, d + 1, indent + 1);
                    sb.append(sep);
                }
                sb.append("...");
                for (int i = 0; i < e; i++) {
                    sb.append(sep);
                    append(sb, d + 1, indent + 1);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    if (i > 0) sb.append(sep);
                    append(sb, d + 1, indent + 1);
                }
            }
            sb.append(']');
        }

        /** {@code _vector_str}: {@code ", "}-joined items, a fixed number per line. */
        private void appendVector(StringBuilder sb, int d, int indent) {
            int n = shape[d];
            List<String> row = new ArrayList<>();
            if (elided(d)) {
                for (int i = 0; i < o.edgeItems(); i++) row.add(items[next++]);
                row.add(" ...");
                for (int i = 0; i < o.edgeItems(); i++) row.add(items[next++]);
            } else {
                for (int i = 0; i < n; i++) row.add(items[next++]);
            }
            int perLine = Math.max(1, Math.floorDiv(o.lineWidth() - indent, width + 2));
            sb.append('[');
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    if (i % perLine == 0) sb.append(",\n").repeat(' ', indent + 1);
                    else sb.append(", ");
                }
                sb.append(row.get(i));
            }
            sb.append(']');
        }
    }

    // ---------------------------------------------------------------- element formatter

    /** torch's {@code _Formatter}: the mode and common width, decided once per tensor. */
    private static final class Formatter {
        final DType dtype;
        final int precision;
        boolean intMode = true;
        boolean sciMode = false;
        int maxWidth = 1;

        private Formatter(DType dtype, int precision) {
            this.dtype = dtype;
            this.precision = precision;
        }

        static Formatter of(Tensor t, int[] offsets, int count, Options o) {
            Formatter f = new Formatter(t.dtype(), o.precision());
            if (!t.dtype().isFloatingPoint()) {
                for (int i = 0; i < count; i++) f.maxWidth = Math.max(f.maxWidth, f.format(t, offsets[i]).length());
                return f;
            }
            // the finite non-zero values decide; zeros, NaN and infinities never do
            double[] v = new double[count];
            int n = 0;
            for (int i = 0; i < count; i++) {
                double x = t.getAt(offsets[i]);
                if (Double.isFinite(x) && x != 0) v[n++] = x;
            }
            if (n == 0) return f; // integer mode, width 1, and sci_mode is not applied
            double amin = Double.POSITIVE_INFINITY, amax = 0;
            for (int i = 0; i < n; i++) {
                double a = Math.abs(v[i]);
                amin = Math.min(amin, a);
                amax = Math.max(amax, a);
                if (v[i] != Math.ceil(v[i])) f.intMode = false;
            }
            if (f.intMode) {
                if (amax / amin > 1000.0 || amax > 1.0e8) {
                    f.sciMode = true;
                    for (int i = 0; i < n; i++) f.maxWidth = Math.max(f.maxWidth, sci(v[i], f.precision).length());
                } else {
                    for (int i = 0; i < n; i++) f.maxWidth = Math.max(f.maxWidth, fixed(v[i], 0).length() + 1);
                }
            } else if (amax / amin > 1000.0 || amax > 1.0e8 || amin < 1.0e-4) {
                f.sciMode = true;
                for (int i = 0; i < n; i++) f.maxWidth = Math.max(f.maxWidth, sci(v[i], f.precision).length());
            } else {
                for (int i = 0; i < n; i++) f.maxWidth = Math.max(f.maxWidth, fixed(v[i], f.precision).length());
            }
            if (o.sciMode() != null) f.sciMode = o.sciMode();
            return f;
        }

        /** The element at storage offset {@code off}, left-padded to the common width. */
        String format(Tensor t, int off) {
            String s = switch (dtype) {
                case INT64 -> Long.toString(t.getLongAt(off));
                case BOOL -> t.getAt(off) != 0 ? "True" : "False";
                case FLOAT32, FLOAT64 -> {
                    double x = t.getAt(off);
                    if (sciMode) yield sci(x, precision);
                    if (intMode) yield Double.isFinite(x) ? fixed(x, 0) + "." : fixed(x, 0);
                    yield fixed(x, precision);
                }
            };
            return s.length() >= maxWidth ? s : " ".repeat(maxWidth - s.length()) + s;
        }
    }

    // ---------------------------------------------------------------- Python's float format

    private static String nonFinite(double x) {
        return Double.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
    }

    /** Python's {@code "{:.Nf}".format(x)}: exact binary value, half-even; keeps the sign of -0.0. */
    static String fixed(double x, int decimals) {
        if (!Double.isFinite(x)) return nonFinite(x);
        String digits = new BigDecimal(Math.abs(x)).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return signBit(x) ? "-" + digits : digits;
    }

    /** Python's {@code "{:.Ne}".format(x)}: N+1 significant digits, half-even, exponent sign and ≥ 2 digits. */
    static String sci(double x, int decimals) {
        if (!Double.isFinite(x)) return nonFinite(x);
        StringBuilder sb = new StringBuilder(decimals + 8);
        if (signBit(x)) sb.append('-');
        int exp = 0;
        String mantissa;
        if (x == 0) {
            mantissa = BigDecimal.ZERO.setScale(decimals).toPlainString();
        } else {
            BigDecimal r = new BigDecimal(Math.abs(x)).round(new MathContext(decimals + 1, RoundingMode.HALF_EVEN));
            exp = r.precision() - r.scale() - 1;
            mantissa = r.movePointLeft(exp).setScale(decimals, RoundingMode.UNNECESSARY).toPlainString();
        }
        sb.append(mantissa).append('e').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) sb.append('0');
        return sb.append(a).toString();
    }

    private static boolean signBit(double x) { return Double.doubleToRawLongBits(x) < 0; }
}
