package dev.ember.tensor;

import dev.ember.random.Generator;
import java.util.Arrays;
import java.util.List;

/**
 * An n-dimensional array with PyTorch's semantics: a dtype, a shape, strides and an offset into a
 * storage array that views share, and the autograd state ({@code requires_grad}, {@code grad},
 * {@code grad_fn}). Operations return new tensors; methods ending in {@code _} work in place.
 */
public class Tensor {
    private Object data;
    private DType dtype;
    private int[] shape;
    private int[] strides;
    private int offset;

    private boolean requiresGrad;
    private Tensor grad;
    private Node gradFn;
    /** The tensor this one is a differentiable view of (null for a base or a detached tensor). */
    private Tensor viewBase;
    /** What every tensor viewing this storage shares: its version counter and derived-value cache. */
    private StorageState shared = new StorageState();

    Tensor(Object data, DType dtype, int[] shape, int[] strides, int offset) {
        this.data = data;
        this.dtype = dtype;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    /** A tensor sharing {@code source}'s storage and view; for subclasses such as parameters. */
    protected Tensor(Tensor source) {
        this(source.data, source.dtype, source.shape.clone(), source.strides.clone(), source.offset);
        this.shared = source.shared;
    }

    // ---------------------------------------------------------------- creation

    static Object allocate(DType dtype, int n) {
        return switch (dtype) {
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
            case INT64 -> new long[n];
            case BOOL -> new boolean[n];
        };
    }

    static Tensor contiguous(DType dtype, int[] shape) {
        int[] s = shape.clone();
        return new Tensor(allocate(dtype, Shapes.numel(s)), dtype, s, Shapes.contiguousStrides(s), 0);
    }

    /**
     * Wraps {@code data} (not copied) as a contiguous float32 tensor of the given shape. The caller
     * keeps the array, so nothing {@linkplain #derived derived} from it is cached.
     */
    public static Tensor wrap(float[] data, int... shape) {
        return wrapChecked(data, data.length, DType.FLOAT32, shape);
    }

    public static Tensor wrap(double[] data, int... shape) {
        return wrapChecked(data, data.length, DType.FLOAT64, shape);
    }

    public static Tensor wrap(long[] data, int... shape) {
        return wrapChecked(data, data.length, DType.INT64, shape);
    }

    public static Tensor wrap(boolean[] data, int... shape) {
        return wrapChecked(data, data.length, DType.BOOL, shape);
    }

    private static Tensor wrapChecked(Object data, int length, DType dtype, int[] shape) {
        int n = Shapes.numel(shape);
        if (n != length) {
            throw new IllegalArgumentException("shape " + Shapes.str(shape) + " is invalid for input of size " + length);
        }
        int[] s = shape.clone();
        Tensor t = new Tensor(data, dtype, s, Shapes.contiguousStrides(s), 0);
        t.shared.exposed = true;
        return t;
    }

    /** Copies {@code data} into a new float32 tensor of the given shape. */
    public static Tensor fromArray(float[] data, int... shape) {
        Tensor t = wrap(data.clone(), shape);
        t.shared.exposed = false; // the copy is Ember's own
        return t;
    }

    public static Tensor fromArray(double[] data, int... shape) {
        Tensor t = wrap(data.clone(), shape);
        t.shared.exposed = false;
        return t;
    }

    public static Tensor fromArray(long[] data, int... shape) { return wrap(data.clone(), shape); }

    public static Tensor fromArray(boolean[] data, int... shape) { return wrap(data.clone(), shape); }

    public static Tensor of(float... values) { return wrap(values.clone(), values.length); }

    public static Tensor of(float[][] values) { return Nested.of(values, DType.FLOAT32); }

    public static Tensor of(float[][][] values) { return Nested.of(values, DType.FLOAT32); }

    public static Tensor of(float[][][][] values) { return Nested.of(values, DType.FLOAT32); }

    public static Tensor of(double... values) { return wrap(values.clone(), values.length); }

    public static Tensor of(double[][] values) { return Nested.of(values, DType.FLOAT64); }

    public static Tensor of(double[][][][] values) { return Nested.of(values, DType.FLOAT64); }

    public static Tensor of(long... values) { return wrap(values.clone(), values.length); }

    public static Tensor of(long[][] values) { return Nested.of(values, DType.INT64); }

    public static Tensor of(boolean... values) { return wrap(values.clone(), values.length); }

    /** A 0-dim float32 tensor, like {@code torch.tensor(3.5)}. */
    public static Tensor scalar(double value) { return scalar(value, DType.FLOAT32); }

    public static Tensor scalar(double value, DType dtype) { return full(value, dtype); }

    public static Tensor zeros(int... shape) { return contiguous(DType.FLOAT32, shape); }

    public static Tensor zeros(DType dtype, int... shape) { return contiguous(dtype, shape); }

    public static Tensor ones(int... shape) { return full(1, DType.FLOAT32, shape); }

    public static Tensor ones(DType dtype, int... shape) { return full(1, dtype, shape); }

    /**
     * A contiguous tensor whose contents are unspecified, for kernels that write every element
     * (ATen's {@code at::empty}); kernels must not read it. Today it is zero-filled like every Java
     * array: HotSpot 25 zeroes large arrays even through {@code Unsafe.allocateUninitializedArray}
     * (measured: the same 1.6 ms per 100 MB either way), so nothing cheaper is used.
     */
    public static Tensor uninitialized(DType dtype, int... shape) { return contiguous(dtype, shape); }

    /** {@link #uninitialized(DType, int...)} with {@code t}'s dtype and shape. */
    public static Tensor uninitializedLike(Tensor t) { return contiguous(t.dtype, t.shape); }

    /** Uninitialised in PyTorch; zero-filled here (Java arrays always are). */
    public static Tensor empty(int... shape) { return contiguous(DType.FLOAT32, shape); }

    public static Tensor empty(DType dtype, int... shape) { return contiguous(dtype, shape); }

    public static Tensor full(double value, int... shape) { return full(value, DType.FLOAT32, shape); }

    public static Tensor full(double value, DType dtype, int... shape) {
        return contiguous(dtype, shape).fill_(value);
    }

    /** {@code torch.arange(end)}: int64 values 0 … end−1. */
    public static Tensor arange(long end) { return arange(0, end); }

    public static Tensor arange(long start, long end) {
        long n = Math.max(0, end - start);
        if (n > Shapes.MAX_ELEMENTS) throw new IllegalArgumentException("arange: " + n + " elements is too many");
        long[] v = new long[(int) n];
        for (int i = 0; i < v.length; i++) v[i] = start + i;
        return wrap(v, v.length);
    }

    /** {@code torch.arange(end)} with a float end: float32 values 0, 1, … below end. */
    public static Tensor arange(double end) { return arange(0.0, end, 1.0); }

    /** {@code torch.arange(start, end, step)} as float32; element i is {@code start + i·step}. */
    public static Tensor arange(double start, double end, double step) {
        if (step == 0) throw new IllegalArgumentException("step must be nonzero");
        double count = Math.ceil((end - start) / step);
        if (!(count <= Shapes.MAX_ELEMENTS)) {
            throw new IllegalArgumentException("arange: invalid range [" + start + ", " + end + ") with step " + step);
        }
        float[] v = new float[(int) Math.max(0, count)];
        for (int i = 0; i < v.length; i++) v[i] = (float) (start + i * step);
        return wrap(v, v.length);
    }

    /**
     * A new tensor laid out like {@code t} ({@code torch.preserve_format}): the same strides when
     * {@code t} is a dense permutation such as a transpose, otherwise contiguous.
     */
    static Tensor like(Tensor t, DType dtype) {
        if (t.isContiguous() || !t.isNonOverlappingAndDense()) return contiguous(dtype, t.shape);
        return new Tensor(allocate(dtype, t.numel()), dtype, t.shape.clone(), t.strides.clone(), 0);
    }

    private boolean isNonOverlappingAndDense() {
        Integer[] dims = new Integer[shape.length];
        for (int i = 0; i < dims.length; i++) dims[i] = i;
        Arrays.sort(dims, (a, b) -> Integer.compare(strides[a], strides[b]));
        int expected = 1;
        for (int d : dims) {
            if (shape[d] == 1) continue;
            if (strides[d] != expected) return false;
            expected *= shape[d];
        }
        return true;
    }

    public static Tensor zerosLike(Tensor t) { return like(t, t.dtype); }

    public static Tensor onesLike(Tensor t) { return like(t, t.dtype).fill_(1); }

    public static Tensor fullLike(Tensor t, double value) { return like(t, t.dtype).fill_(value); }

    public static Tensor emptyLike(Tensor t) { return like(t, t.dtype); }

    // ---------------------------------------------------------------- random (default or given generator)

    /** {@code torch.rand(size)}: uniform [0, 1) float32 from the default generator. */
    public static Tensor rand(int... size) { return rand(Generator.defaultGenerator(), DType.FLOAT32, size); }

    public static Tensor rand(DType dtype, int... size) { return rand(Generator.defaultGenerator(), dtype, size); }

    public static Tensor rand(Generator g, DType dtype, int... size) {
        return TensorRandom.uniform_(contiguous(dtype, size), 0, 1, g);
    }

    /** {@code torch.randn(size)}: standard normal float32 from the default generator. */
    public static Tensor randn(int... size) { return randn(Generator.defaultGenerator(), DType.FLOAT32, size); }

    public static Tensor randn(DType dtype, int... size) { return randn(Generator.defaultGenerator(), dtype, size); }

    public static Tensor randn(Generator g, DType dtype, int... size) {
        return TensorRandom.normal_(contiguous(dtype, size), 0, 1, g);
    }

    /** {@code torch.randint(high, size)}: int64 values in [0, high). The size is a {@link Size}, as PyTorch's tuple. */
    public static Tensor randint(long high, Size size) { return randint(0, high, size); }

    public static Tensor randint(long low, long high, Size size) { return randint(low, high, DType.INT64, size); }

    /** {@code torch.randint(low, high, size, dtype=…)}. */
    public static Tensor randint(long low, long high, DType dtype, Size size) {
        return randint(Generator.defaultGenerator(), low, high, dtype, size);
    }

    public static Tensor randint(Generator g, long low, long high, DType dtype, Size size) {
        return TensorRandom.randint_(contiguous(dtype, size.dims()), low, high, g);
    }

    public static Tensor randLike(Tensor t) { return TensorRandom.uniform_(like(t, t.dtype), 0, 1, Generator.defaultGenerator()); }

    public static Tensor randnLike(Tensor t) { return randnLike(t, t.dtype); }

    /** {@code torch.randn_like(t, dtype=…)}: laid out like {@code t}, filled in memory order. */
    public static Tensor randnLike(Tensor t, DType dtype) {
        return TensorRandom.normal_(like(t, dtype), 0, 1, Generator.defaultGenerator());
    }

    public static Tensor randintLike(Tensor t, long low, long high) {
        return TensorRandom.randint_(like(t, t.dtype), low, high, Generator.defaultGenerator());
    }

    /** Fills with uniform values in [from, to) from the default generator, like {@code uniform_}. */
    public Tensor uniform_(double from, double to) { return TensorRandom.uniform_(this, from, to, Generator.defaultGenerator()); }

    public Tensor uniform_(double from, double to, Generator g) { return TensorRandom.uniform_(this, from, to, g); }

    public Tensor normal_(double mean, double std) { return TensorRandom.normal_(this, mean, std, Generator.defaultGenerator()); }

    public Tensor normal_(double mean, double std, Generator g) { return TensorRandom.normal_(this, mean, std, g); }

    /** Each element becomes 1 with probability {@code p}, else 0 ({@code bernoulli_(p)}; non-MKL algorithm). */
    public Tensor bernoulli_(double p) { return TensorRandom.bernoulli_(this, p, Generator.defaultGenerator()); }

    public Tensor bernoulli_(double p, Generator g) { return TensorRandom.bernoulli_(this, p, g); }

    /** Fills with integers in [low, high), like {@code random_(low, high)}. */
    public Tensor random_(long low, long high) { return TensorRandom.randint_(this, low, high, Generator.defaultGenerator()); }

    public Tensor random_(long low, long high, Generator g) { return TensorRandom.randint_(this, low, high, g); }

    // ---------------------------------------------------------------- metadata

    public DType dtype() { return dtype; }

    /** The shape as {@code torch.Size}. */
    public Size shape() { return new Size(shape); }

    /** The shape as a fresh int array. */
    public int[] sizes() { return shape.clone(); }

    public int size(int dim) { return shape[Shapes.wrapDim(dim, shape.length)]; }

    public int dim() { return shape.length; }

    public int numel() { return Shapes.numel(shape); }

    public int[] strides() { return strides.clone(); }

    public int stride(int dim) { return strides[Shapes.wrapDim(dim, shape.length)]; }

    public int storageOffset() { return offset; }

    public boolean isFloatingPoint() { return dtype.isFloatingPoint(); }

    /** Row-major with no gaps (size-1 dims may have any stride, as in PyTorch). */
    public boolean isContiguous() {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] == 1) continue;
            if (shape[i] == 0) return true;
            if (strides[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }

    /** Whether two tensors view the same storage array. */
    public boolean sharesStorageWith(Tensor other) { return data == other.data; }

    // ---------------------------------------------------------------- raw storage (for kernels)

    /**
     * The float32 storage this tensor views (shared, not copied); index it with strides and offset.
     * Writing into it is allowed, but then call {@link Autograd#markModified} so that autograd's
     * version checks see the write; values {@linkplain #derived derived} from this storage are no
     * longer cached once its array has been handed out here.
     */
    public float[] floatStorage() {
        float[] a = (float[]) storage(DType.FLOAT32);
        shared.exposed = true;
        return a;
    }

    public double[] doubleStorage() {
        double[] a = (double[]) storage(DType.FLOAT64);
        shared.exposed = true;
        return a;
    }

    /**
     * The same array as {@link #floatStorage()}, for code that only reads it (Ember's kernels do,
     * on inputs and weights): it leaves {@linkplain #derived derived values} cached. Writing through
     * it is a bug, since neither autograd nor those caches would see the write.
     */
    public float[] floatsForReading() { return (float[]) storage(DType.FLOAT32); }

    public double[] doublesForReading() { return (double[]) storage(DType.FLOAT64); }

    /** The raw arrays for this package's in-place writers, which bump the version after writing. */
    float[] rawFloats() { return (float[]) storage(DType.FLOAT32); }

    double[] rawDoubles() { return (double[]) storage(DType.FLOAT64); }

    public long[] longStorage() { return (long[]) storage(DType.INT64); }

    public boolean[] boolStorage() { return (boolean[]) storage(DType.BOOL); }

    private Object storage(DType expected) {
        if (dtype != expected) {
            throw new IllegalArgumentException("expected a " + expected.torchName() + " tensor but got " + dtype.torchName());
        }
        return data;
    }

    double getAt(int i) {
        return switch (dtype) {
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
            case INT64 -> ((long[]) data)[i];
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
        };
    }

    long getLongAt(int i) {
        return switch (dtype) {
            case FLOAT32 -> (long) ((float[]) data)[i];
            case FLOAT64 -> (long) ((double[]) data)[i];
            case INT64 -> ((long[]) data)[i];
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
        };
    }

    void setAt(int i, double v) {
        switch (dtype) {
            case FLOAT32 -> ((float[]) data)[i] = (float) v;
            case FLOAT64 -> ((double[]) data)[i] = v;
            case INT64 -> ((long[]) data)[i] = (long) v;
            case BOOL -> ((boolean[]) data)[i] = v != 0;
        }
    }

    void setLongAt(int i, long v) {
        switch (dtype) {
            case INT64 -> ((long[]) data)[i] = v;
            default -> setAt(i, v);
        }
    }

    void forEachOffset(Strided.OffsetConsumer c) { Strided.forEach(shape, strides, offset, c); }

    int[] shapeRef() { return shape; }

    int[] stridesRef() { return strides; }

    Object dataRef() { return data; }

    // ---------------------------------------------------------------- element access

    private int offsetOf(int[] idx) {
        if (idx.length != shape.length) {
            throw new IllegalArgumentException("expected " + shape.length + " indices but got " + idx.length);
        }
        int o = offset;
        for (int d = 0; d < idx.length; d++) {
            int i = idx[d] < 0 ? idx[d] + shape[d] : idx[d];
            if (i < 0 || i >= shape[d]) {
                throw new IndexOutOfBoundsException("index " + idx[d] + " is out of bounds for dimension " + d
                        + " with size " + shape[d]);
            }
            o += i * strides[d];
        }
        return o;
    }

    public double getDouble(int... idx) { return getAt(offsetOf(idx)); }

    public float getFloat(int... idx) { return (float) getAt(offsetOf(idx)); }

    public long getLong(int... idx) { return getLongAt(offsetOf(idx)); }

    public boolean getBoolean(int... idx) { return getAt(offsetOf(idx)) != 0; }

    /** Writes one element (no autograd). */
    public Tensor set(double value, int... idx) {
        Autograd.checkInPlace(this);
        setAt(offsetOf(idx), value);
        bumpVersion();
        return this;
    }

    /** The value of a one-element tensor, like {@code tensor.item()}. */
    public double item() {
        if (numel() != 1) {
            throw new IllegalArgumentException("a Tensor with " + numel() + " elements cannot be converted to Scalar");
        }
        int[] o = {0};
        forEachOffset(i -> o[0] = i);
        return getAt(o[0]);
    }

    public long itemLong() {
        if (numel() != 1) {
            throw new IllegalArgumentException("a Tensor with " + numel() + " elements cannot be converted to Scalar");
        }
        int[] o = {0};
        forEachOffset(i -> o[0] = i);
        return getLongAt(o[0]);
    }

    /** The elements in row-major order, converted to float. */
    public float[] toFloatArray() {
        float[] out = new float[numel()];
        int[] k = {0};
        forEachOffset(i -> out[k[0]++] = (float) getAt(i));
        return out;
    }

    public double[] toDoubleArray() {
        double[] out = new double[numel()];
        int[] k = {0};
        forEachOffset(i -> out[k[0]++] = getAt(i));
        return out;
    }

    public long[] toLongArray() {
        long[] out = new long[numel()];
        int[] k = {0};
        forEachOffset(i -> out[k[0]++] = getLongAt(i));
        return out;
    }

    public boolean[] toBooleanArray() {
        boolean[] out = new boolean[numel()];
        int[] k = {0};
        forEachOffset(i -> out[k[0]++] = getAt(i) != 0);
        return out;
    }

    // ---------------------------------------------------------------- in place

    /** Fills every element with {@code value}, like {@code fill_} (its gradient to the old values is 0). */
    public Tensor fill_(double value) {
        Autograd.checkInPlace(this);
        fillData(value);
        bumpVersion();
        return Autograd.recordInPlaceStateless("FillBackward2", this, g -> new Tensor[] {zerosLike(g)});
    }

    private void fillData(double value) {
        if (isContiguous() && numel() > 0) {
            int n = numel();
            switch (dtype) {
                case FLOAT32 -> Arrays.fill((float[]) data, offset, offset + n, (float) value);
                case FLOAT64 -> Arrays.fill((double[]) data, offset, offset + n, value);
                case INT64 -> Arrays.fill((long[]) data, offset, offset + n, (long) value);
                case BOOL -> Arrays.fill((boolean[]) data, offset, offset + n, value != 0);
            }
        } else {
            forEachOffset(i -> setAt(i, value));
        }
    }

    public Tensor zero_() {
        Autograd.checkInPlace(this);
        fillData(0);
        bumpVersion();
        return Autograd.recordInPlaceStateless("ZeroBackward0", this, g -> new Tensor[] {zerosLike(g)});
    }

    /**
     * Copies {@code src} (broadcast to this shape, converted to this dtype) into this tensor; the
     * gradient flows to {@code src}, none to the overwritten values.
     */
    public Tensor copy_(Tensor src) {
        Autograd.checkInPlace(this);
        copyData(src);
        bumpVersion();
        boolean recording = Autograd.isRecording(this, src);
        if (!recording) return this;
        int[] srcShape = src.sizes();
        DType srcType = src.dtype;
        Node node = new Node("CopyBackwards", new Tensor[] {this, src},
                g -> new Tensor[] {zerosLike(g), MathOps.sumTo(g, srcShape).to(srcType)}, null);
        setGradFn(node);
        return this;
    }

    private void copyData(Tensor src) {
        int[] srcStrides = Strided.expandStrides(src.shape, src.strides, shape);
        if (src.dtype == DType.INT64 && dtype == DType.INT64) {
            Strided.forEach(shape, strides, offset, srcStrides, src.offset, (a, b) -> setLongAt(a, src.getLongAt(b)));
        } else {
            Strided.forEach(shape, strides, offset, srcStrides, src.offset, (a, b) -> setAt(a, src.getAt(b)));
        }
    }

    Tensor viewBase() { return viewBase; }

    /** Makes this tensor a view of {@code base}: same version counter, same autograd base. */
    void setViewBase(Tensor base) {
        viewBase = base.viewBase != null ? base.viewBase : base;
        shared = base.shared;
    }

    /** How many in-place writes the storage has had ({@code tensor._version}). */
    public int version() { return shared.version; }

    void bumpVersion() { shared.version++; }

    /**
     * A value computed from this tensor's contents (such as a Linear weight packed for the GEMM),
     * kept with the storage and reused while the storage is unchanged: the same view (dtype,
     * offset, sizes, strides) at the same version. Never kept once the raw array has been handed
     * out by {@link #floatStorage()} or {@link #doubleStorage()}, or was given to {@code wrap}: a
     * write through it would not be seen. Thread-safe; racing callers may both build.
     */
    public <T> T derived(Class<T> kind, java.util.function.Function<Tensor, T> build) {
        StorageState s = shared;
        List<Object> key = List.of(dtype, offset, Arrays.toString(shape), Arrays.toString(strides), kind);
        if (!s.exposed) {
            StorageState.Derived d = s.derived;
            if (d != null && d.version() == s.version && d.key().equals(key)) return kind.cast(d.value());
        }
        int version = s.version;
        T value = build.apply(this);
        if (!s.exposed && s.version == version) s.derived = new StorageState.Derived(key, version, value);
        return value;
    }

    // ---------------------------------------------------------------- autograd

    public boolean requiresGrad() { return requiresGrad; }

    /** Sets {@code requires_grad} on a leaf; returns this. */
    public Tensor requiresGrad_(boolean value) {
        if (gradFn != null && !value) {
            throw new IllegalStateException("you can only change requires_grad flags of leaf variables. If you want to "
                    + "use a computed variable in a subgraph that doesn't require differentiation use "
                    + "var_no_grad = var.detach().");
        }
        if (value && !dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("only Tensors of floating point dtype can require gradients");
        }
        requiresGrad = value;
        return this;
    }

    public Tensor requiresGrad_() { return requiresGrad_(true); }

    public Tensor grad() { return grad; }

    public void setGrad(Tensor g) {
        if (g != null && !Arrays.equals(g.shape, shape)) {
            throw new IllegalArgumentException("assigned grad has data of a different size: " + g.shape()
                    + " vs " + shape());
        }
        grad = g;
    }

    /** The node that produced this tensor, or null for a leaf. */
    public Node gradFn() { return gradFn; }

    void setGradFn(Node node) {
        gradFn = node;
        requiresGrad = true;
    }

    public boolean isLeaf() { return gradFn == null; }

    /** Keeps {@code grad} for this non-leaf tensor during backward, like {@code retain_grad()}. */
    public Tensor retainGrad() {
        if (!requiresGrad) throw new IllegalStateException("can't retain_grad on Tensor that has requires_grad=False");
        if (gradFn != null) gradFn.retained = this;
        return this;
    }

    /** {@code backward()} of a one-element tensor. */
    public void backward() { Autograd.backward(this, null, false); }

    public void backward(Tensor gradient) { Autograd.backward(this, gradient, false); }

    public void backward(Tensor gradient, boolean retainGraph) { Autograd.backward(this, gradient, retainGraph); }

    /** A view of the same storage outside the graph. */
    public Tensor detach() {
        Tensor d = new Tensor(data, dtype, shape, strides, offset);
        d.shared = shared;
        return d;
    }

    /** Detaches this tensor from the graph in place, making it a leaf that does not require grad. */
    public Tensor detach_() {
        gradFn = null;
        requiresGrad = false;
        return this;
    }

    /** {@code tensor.data}: a detached view sharing storage. */
    public Tensor data() { return detach(); }

    /**
     * {@code tensor.data = other}: this tensor takes other's storage, shape and dtype while keeping its
     * own identity and autograd flags.
     */
    public void setData(Tensor other) {
        this.shared = other.shared;
        this.data = other.data;
        this.dtype = other.dtype;
        this.shape = other.shape.clone();
        this.strides = other.strides.clone();
        this.offset = other.offset;
        if (grad != null && !Arrays.equals(grad.shape, shape)) grad = null;
    }

    // ---------------------------------------------------------------- copies and conversions

    /** A contiguous copy (recorded as {@code CloneBackward0}). */
    public Tensor clone() {
        Tensor out = contiguous(dtype, shape).copyFrom(this);
        return Autograd.recordStateless("CloneBackward0", out, g -> new Tensor[] {g}, this);
    }

    private Tensor copyFrom(Tensor src) {
        copyData(src);
        return this;
    }

    /** This tensor if contiguous, otherwise a contiguous copy. */
    public Tensor contiguous() {
        if (isContiguous()) return this;
        Tensor out = contiguous(dtype, shape).copyFrom(this);
        return Autograd.recordStateless("CloneBackward0", out, g -> new Tensor[] {g}, this);
    }

    /** Converts to {@code target}; returns this tensor when it already has that dtype. */
    public Tensor to(DType target) {
        if (target == dtype) return this;
        DType source = dtype;
        Tensor out = contiguous(target, shape).copyFrom(this);
        return Autograd.recordStateless("ToCopyBackward0", out, g -> new Tensor[] {g.to(source)}, this);
    }

    public Tensor toFloat32() { return to(DType.FLOAT32); }

    public Tensor toFloat64() { return to(DType.FLOAT64); }

    public Tensor toInt64() { return to(DType.INT64); }

    /** Same shape and the same values, element for element (NaN never equals NaN, as in torch.equal). */
    public boolean equal(Tensor other) {
        if (!Arrays.equals(shape, other.shape)) return false;
        double[] a = toDoubleArray(), b = other.toDoubleArray();
        for (int i = 0; i < a.length; i++) if (!(a[i] == b[i])) return false;
        return true;
    }

    /** {@code torch.allclose}: |a − b| ≤ atol + rtol·|b| everywhere, NaN never close. */
    public boolean allClose(Tensor other, double rtol, double atol) {
        int[] s = Shapes.broadcast(shape, other.shape);
        double[] a = ViewOps.expand(this, s).toDoubleArray(), b = ViewOps.expand(other, s).toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) continue;
            if (!(Math.abs(a[i] - b[i]) <= atol + rtol * Math.abs(b[i]))) return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- views (see ViewOps)

    public Tensor view(int... shape) { return ViewOps.view(this, shape); }

    public Tensor reshape(int... shape) { return ViewOps.reshape(this, shape); }

    public Tensor flatten() { return ViewOps.reshape(this, numel()); }

    public Tensor squeeze() { return ViewOps.squeeze(this); }

    public Tensor squeeze(int dim) { return ViewOps.squeeze(this, dim); }

    public Tensor unsqueeze(int dim) { return ViewOps.unsqueeze(this, dim); }

    /** Inserts a size-1 dim in place, like {@code unsqueeze_}. */
    public Tensor unsqueeze_(int dim) {
        Autograd.checkInPlace(this);
        int d = Shapes.wrapDim(dim, shape.length + 1);
        Tensor v = ViewOps.unsqueeze(this.detach(), d);
        this.shape = v.shape;
        this.strides = v.strides;
        return Autograd.recordInPlaceStateless("UnsqueezeBackward1", this, g -> new Tensor[] {g.squeeze(d)});
    }

    public Tensor permute(int... dims) { return ViewOps.permute(this, dims); }

    public Tensor transpose(int dim0, int dim1) { return ViewOps.transpose(this, dim0, dim1); }

    /** Transpose of a tensor of rank ≤ 2. */
    public Tensor t() { return ViewOps.t(this); }

    public Tensor expand(int... shape) { return ViewOps.expandOp(this, shape); }

    public Tensor select(int dim, int index) { return ViewOps.select(this, dim, index); }

    public Tensor narrow(int dim, int start, int length) { return ViewOps.slice(this, dim, start, start + length, 1); }

    public Tensor slice(int dim, int start, int end, int step) { return ViewOps.slice(this, dim, start, end, step); }

    /**
     * Python-style indexing: each argument is an {@code Integer} (selects and drops the dim), a
     * {@link Slice} ({@code Slice.of(0, 3)}, {@code Slice.ALL}) or {@link Slice#ELLIPSIS}.
     * {@code img.index(0, Slice.of(0, 3), Slice.ELLIPSIS)} is {@code img[0, 0:3, ...]}.
     */
    public Tensor index(Object... indices) { return ViewOps.index(this, indices); }

    // ---------------------------------------------------------------- math (see MathOps)

    public Tensor add(Tensor other) { return MathOps.add(this, other, 1); }

    public Tensor add(double value) { return MathOps.add(this, scalarLike(value), 1); }

    public Tensor sub(Tensor other) { return MathOps.sub(this, other); }

    public Tensor sub(double value) { return MathOps.sub(this, scalarLike(value)); }

    public Tensor mul(Tensor other) { return MathOps.mul(this, other); }

    public Tensor mul(double value) { return MathOps.mul(this, scalarLike(value)); }

    public Tensor div(Tensor other) { return MathOps.div(this, other); }

    public Tensor div(double value) { return MathOps.div(this, scalarLike(value)); }

    public Tensor neg() { return MathOps.neg(this); }

    public Tensor exp() { return MathOps.exp(this); }

    public Tensor log() { return MathOps.log(this); }

    public Tensor sqrt() { return MathOps.sqrt(this); }

    public Tensor abs() { return MathOps.abs(this); }

    public Tensor pow(double exponent) { return MathOps.pow(this, exponent); }

    public Tensor clamp(double min, double max) { return MathOps.clamp(this, min, max); }

    /** Sum of all elements (0-dim). */
    public Tensor sum() { return MathOps.sum(this, allDims(), false, "SumBackward0"); }

    public Tensor sum(int dim, boolean keepdim) { return MathOps.sum(this, new int[] {dim}, keepdim, "SumBackward1"); }

    public Tensor sum(int[] dims, boolean keepdim) { return MathOps.sum(this, dims, keepdim, "SumBackward1"); }

    public Tensor mean() { return MathOps.mean(this, allDims(), false, "MeanBackward0"); }

    public Tensor mean(int dim, boolean keepdim) { return MathOps.mean(this, new int[] {dim}, keepdim, "MeanBackward1"); }

    /** Largest element (NaN if any is NaN), no autograd. */
    public Tensor max() { return MathOps.extreme(this, true); }

    public Tensor min() { return MathOps.extreme(this, false); }

    /** Matrix product with {@code torch.matmul}'s rank rules (1-D, 2-D and batched). */
    public Tensor matmul(Tensor other) { return MathOps.matmul(this, other); }

    /** 2-D matrix product. */
    public Tensor mm(Tensor other) { return MathOps.mm(this, other); }

    public Tensor gt(Tensor o) { return MathOps.compare(this, o, MathOps.Cmp.GT); }

    public Tensor gt(double v) { return MathOps.compare(this, scalarLike(v), MathOps.Cmp.GT); }

    public Tensor lt(Tensor o) { return MathOps.compare(this, o, MathOps.Cmp.LT); }

    public Tensor lt(double v) { return MathOps.compare(this, scalarLike(v), MathOps.Cmp.LT); }

    public Tensor ge(Tensor o) { return MathOps.compare(this, o, MathOps.Cmp.GE); }

    public Tensor ge(double v) { return MathOps.compare(this, scalarLike(v), MathOps.Cmp.GE); }

    public Tensor le(Tensor o) { return MathOps.compare(this, o, MathOps.Cmp.LE); }

    public Tensor le(double v) { return MathOps.compare(this, scalarLike(v), MathOps.Cmp.LE); }

    public Tensor eq(Tensor o) { return MathOps.compare(this, o, MathOps.Cmp.EQ); }

    public Tensor eq(double v) { return MathOps.compare(this, scalarLike(v), MathOps.Cmp.EQ); }

    public Tensor ne(Tensor o) { return MathOps.compare(this, o, MathOps.Cmp.NE); }

    public Tensor ne(double v) { return MathOps.compare(this, scalarLike(v), MathOps.Cmp.NE); }

    /** A wrapped Python number: it takes this tensor's dtype, or float32 when a float meets an integer tensor. */
    Tensor scalarLike(double v) {
        DType t = dtype.isFloatingPoint() ? dtype : (v == Math.rint(v) && !Double.isInfinite(v) ? dtype : DType.FLOAT32);
        if (t == DType.BOOL) t = DType.INT64;
        return scalar(v, t);
    }

    private int[] allDims() {
        int[] d = new int[shape.length];
        for (int i = 0; i < d.length; i++) d[i] = i;
        return d;
    }

    // ---------------------------------------------------------------- printing

    /** Exactly what PyTorch 1.13.1 prints for {@code repr(tensor)}. */
    @Override
    public String toString() { return TensorFormatter.format(this); }
}
