package dev.ember.random;

/**
 * The double-precision {@code log}, {@code sin} and {@code cos} used by the float64 normal
 * paths (b) and (c). torch calls glibc's libm there; glibc 2.36's results are not correctly
 * rounded (about 0.1% of {@code log(1-u)} and 0.13% of {@code sin/cos(2πu)} values differ from
 * the correctly rounded ones), so no portable Java function reproduces them bit for bit.
 *
 * <p>{@link #JAVA} uses {@link Math}, which on x86-64 HotSpot agrees with glibc on about
 * 99.9% of these inputs ({@link StrictMath#log} only on about 93%). Float32 results are
 * unaffected in practice: a last-bit difference in double almost never changes the float
 * rounding. The indirection exists so that tests can plug in glibc itself and check the rest
 * of the recipe bit for bit.
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
}
