package dev.ember.random;

/**
 * The double-precision {@code log}, {@code sin} and {@code cos} used by the float64 normal
 * paths (b) and (c). torch calls glibc's libm there; glibc 2.36's results are not correctly
 * rounded (about 0.1% of {@code log(1-u)} and 0.13% of {@code sin/cos(2πu)} values differ from
 * the correctly rounded ones), and {@link Math} differs from glibc on about 0.1–0.2% of them.
 *
 * <p>{@link #GLIBC} (the default, {@link #DEFAULT}) is a pure-Java reproduction of glibc 2.36's
 * x86-64 FMA variants ({@link GlibcMath}): bit-exact with glibc for every {@code log} input and for
 * {@code sin/cos} on {@code |x| < 0x1.921fbp26}, which covers the {@code θ = 2πu ∈ [0, 2π)} of
 * Box–Muller. {@link #JAVA} uses {@link Math} (agrees with glibc on about 99.8–99.9% of these
 * inputs, within 1 ulp on all). Float32 results are unaffected in practice: a last-bit difference
 * in double almost never changes the float rounding. Tests plug in glibc itself through FFM.
 */
interface Libm {
    double log(double x);

    double sin(double x);

    double cos(double x);

    /** {@link Math#log}, {@link Math#sin}, {@link Math#cos}. */
    Libm JAVA = new Libm() {
        @Override
        public double log(double x) {
            return Math.log(x);
        }

        @Override
        public double sin(double x) {
            return Math.sin(x);
        }

        @Override
        public double cos(double x) {
            return Math.cos(x);
        }
    };

    /** {@link GlibcMath}: pure Java, glibc 2.36's (FMA build's) results bit for bit. */
    Libm GLIBC = new Libm() {
        @Override
        public double log(double x) {
            return GlibcMath.log(x);
        }

        @Override
        public double sin(double x) {
            return GlibcMath.sin(x);
        }

        @Override
        public double cos(double x) {
            return GlibcMath.cos(x);
        }
    };

    /** What the public normal fills use: {@link #GLIBC}. */
    Libm DEFAULT = GLIBC;
}
