package dev.ember.tensor;

import java.util.Arrays;
import java.util.function.Function;

/**
 * A numerical gradient checker in double precision, like {@code torch.autograd.gradcheck}: the
 * analytical Jacobian (one backward pass per output element, seeded with a one-hot gradient and
 * {@code retainGraph}) must match central finite differences
 * {@code (f(x + eps·e_i) − f(x − eps·e_i)) / 2eps} within {@code |a − n| ≤ atol + rtol·|n|}.
 *
 * <pre>{@code
 * GradCheck.check(in -> in[0].mul(in[1]).sum(), x, y);   // x, y: float64, requiresGrad_()
 * }</pre>
 *
 * Inputs that require grad must be float64; other inputs (indices, constants) are passed through
 * unchanged. The inputs' {@code grad} fields are restored afterwards. Elements that share storage
 * within one input (expanded tensors) are not supported, as in PyTorch.
 */
public final class GradCheck {
    public static final double EPS = 1e-6;
    public static final double ATOL = 1e-5;
    public static final double RTOL = 1e-3;

    private GradCheck() {}

    /** Thrown when an analytical and a numerical Jacobian entry disagree. */
    public static final class GradCheckError extends RuntimeException {
        GradCheckError(String message) { super(message); }
    }

    /** Checks with PyTorch's defaults: eps 1e-6, atol 1e-5, rtol 1e-3. */
    public static void check(Function<Tensor[], Tensor> f, Tensor... inputs) { check(f, EPS, ATOL, RTOL, inputs); }

    /** Throws {@link GradCheckError} naming the worst mismatch (input, element, output element, values). */
    public static void check(Function<Tensor[], Tensor> f, double eps, double atol, double rtol, Tensor... inputs) {
        for (int k = 0; k < inputs.length; k++) {
            if (inputs[k].requiresGrad() && inputs[k].dtype() != DType.FLOAT64) {
                throw new IllegalArgumentException("gradcheck: input " + k + " requires grad but is "
                        + inputs[k].dtype().torchName() + "; use torch.float64 inputs");
            }
        }
        Tensor[] savedGrads = new Tensor[inputs.length];
        for (int k = 0; k < inputs.length; k++) savedGrads[k] = inputs[k].grad();
        try {
            Tensor out = f.apply(inputs);
            if (out.dtype() != DType.FLOAT64) {
                throw new IllegalArgumentException("gradcheck: the output is " + out.dtype().torchName()
                        + "; it must be torch.float64");
            }
            int[] outShape = out.sizes();
            double[][][] analytical = analytical(out, inputs);
            for (int k = 0; k < inputs.length; k++) {
                if (!inputs[k].requiresGrad()) continue;
                compare(k, inputs[k].sizes(), outShape, analytical[k], numerical(f, inputs, k, eps), atol, rtol);
            }
        } finally {
            for (int k = 0; k < inputs.length; k++) inputs[k].setGrad(savedGrads[k]);
        }
    }

    /** [input][input element][output element] via one backward per output element. */
    private static double[][][] analytical(Tensor out, Tensor[] inputs) {
        int m = out.numel();
        double[][][] jac = new double[inputs.length][][];
        for (int k = 0; k < inputs.length; k++) jac[k] = new double[inputs[k].numel()][m];
        if (!out.requiresGrad()) return jac;
        for (int j = 0; j < m; j++) {
            for (Tensor in : inputs) if (in.requiresGrad()) in.setGrad(null);
            double[] seed = new double[m];
            seed[j] = 1;
            out.backward(Tensor.wrap(seed, out.sizes()), true);
            for (int k = 0; k < inputs.length; k++) {
                Tensor g = inputs[k].requiresGrad() ? inputs[k].grad() : null;
                if (g == null) continue;
                double[] gv = g.toDoubleArray();
                for (int i = 0; i < gv.length; i++) jac[k][i][j] = gv[i];
            }
        }
        return jac;
    }

    /** [input element][output element] by central differences on input {@code k}, without recording. */
    private static double[][] numerical(Function<Tensor[], Tensor> f, Tensor[] inputs, int k, double eps) {
        Tensor x = inputs[k];
        int n = x.numel();
        double[][] jac = new double[n][];
        int[] shape = x.sizes();
        int[] idx = new int[shape.length];
        try (var scope = GradMode.noGrad()) {
            for (int i = 0; i < n; i++) {
                double orig = x.getDouble(idx);
                x.set(orig + eps, idx);
                double[] plus = f.apply(inputs).toDoubleArray();
                x.set(orig - eps, idx);
                double[] minus = f.apply(inputs).toDoubleArray();
                x.set(orig, idx);
                jac[i] = new double[plus.length];
                for (int j = 0; j < plus.length; j++) jac[i][j] = (plus[j] - minus[j]) / (2 * eps);
                increment(idx, shape);
            }
        }
        return jac;
    }

    private static void compare(int k, int[] inShape, int[] outShape, double[][] a, double[][] num, double atol,
                                double rtol) {
        int bad = 0, worstI = -1, worstJ = -1;
        double worstExcess = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double diff = Math.abs(a[i][j] - num[i][j]);
                double excess = diff - (atol + rtol * Math.abs(num[i][j]));
                if (excess > 0 || Double.isNaN(diff) && !(Double.isNaN(a[i][j]) && Double.isNaN(num[i][j]))) {
                    bad++;
                    if (worstI < 0 || excess > worstExcess || Double.isNaN(excess)) {
                        worstI = i;
                        worstJ = j;
                        worstExcess = Double.isNaN(excess) ? Double.POSITIVE_INFINITY : excess;
                    }
                }
            }
        }
        if (bad == 0) return;
        double an = a[worstI][worstJ], nu = num[worstI][worstJ];
        throw new GradCheckError("Jacobian mismatch for output 0 with respect to input " + k + ": " + bad + " of "
                + (long) a.length * (a.length == 0 ? 0 : a[0].length) + " entries differ; worst at input index "
                + Arrays.toString(unravel(worstI, inShape)) + ", output index "
                + Arrays.toString(unravel(worstJ, outShape)) + ": numerical " + nu + ", analytical " + an
                + " (|diff| " + Math.abs(an - nu) + " > atol " + atol + " + rtol " + rtol + " * |numerical|)");
    }

    private static void increment(int[] idx, int[] shape) {
        for (int d = shape.length - 1; d >= 0; d--) {
            if (++idx[d] < shape[d]) return;
            idx[d] = 0;
        }
    }

    private static int[] unravel(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = shape[d] == 0 ? 0 : flat % shape[d];
            flat = shape[d] == 0 ? 0 : flat / shape[d];
        }
        return idx;
    }
}
