package dev.ember.tensor;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Heap arrays for results that a kernel overwrites completely. Java zeroes every new array; for
 * large outputs that is a full extra pass over memory (ATen's {@code at::empty} skips it). When the
 * JVM runs with {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} (Ember's
 * {@code jvm.flags} include it), large arrays come from HotSpot's
 * {@code Unsafe.allocateUninitializedArray}: still ordinary, garbage-collected arrays, only not
 * zeroed. Without the export, or for small arrays, this is plain {@code new float[n]}.
 */
final class RawArrays {
    private RawArrays() {}

    /** Below this many elements zeroing is cheap (and TLAB-allocated); not worth the call. */
    static final int MIN = 1 << 15;

    private static final MethodHandle ALLOCATE = find();

    private static MethodHandle find() {
        try {
            Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
            Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
            MethodHandle mh = MethodHandles.lookup().findVirtual(unsafeClass, "allocateUninitializedArray",
                    MethodType.methodType(Object.class, Class.class, int.class));
            Object probe = mh.invoke(unsafe, float.class, 4);
            if (!(probe instanceof float[])) return null;
            return mh.bindTo(unsafe);
        } catch (Throwable e) { // not exported to us: plain arrays
            return null;
        }
    }

    /** Whether large arrays skip zeroing in this JVM. */
    static boolean available() { return ALLOCATE != null; }

    static Object allocate(DType dtype, int n) {
        if (ALLOCATE != null && n >= MIN && dtype != DType.BOOL) {
            Class<?> c = switch (dtype) {
                case FLOAT32 -> float.class;
                case FLOAT64 -> double.class;
                case INT64 -> long.class;
                case BOOL -> boolean.class;
            };
            try {
                return (Object) ALLOCATE.invokeExact(c, n);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        return Tensor.allocate(dtype, n);
    }
}
