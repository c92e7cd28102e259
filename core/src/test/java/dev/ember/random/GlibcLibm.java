package dev.ember.random;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Test-only: the C library's {@code log/sin/cos} through FFM, to check the float64 normal
 * recipe bit for bit independently of Java's math functions. Empty where not available.
 */
final class GlibcLibm implements Libm {
    private final MethodHandle log;
    private final MethodHandle sin;
    private final MethodHandle cos;

    private GlibcLibm(MethodHandle log, MethodHandle sin, MethodHandle cos) {
        this.log = log;
        this.sin = sin;
        this.cos = cos;
    }

    static final Optional<Libm> INSTANCE = create();

    private static Optional<Libm> create() {
        try {
            if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
                return Optional.empty();
            }
            Linker l = Linker.nativeLinker();
            FunctionDescriptor dd = FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE);
            var lookup = l.defaultLookup();
            if (lookup.find("gnu_get_libc_version").isEmpty()) {
                return Optional.empty(); // not glibc (e.g. musl): not what torch was measured with
            }
            return Optional.of(new GlibcLibm(
                    l.downcallHandle(lookup.find("log").orElseThrow(), dd),
                    l.downcallHandle(lookup.find("sin").orElseThrow(), dd),
                    l.downcallHandle(lookup.find("cos").orElseThrow(), dd)));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public double log(double x) {
        try {
            return (double) log.invokeExact(x);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public double sin(double x) {
        try {
            return (double) sin.invokeExact(x);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public double cos(double x) {
        try {
            return (double) cos.invokeExact(x);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
