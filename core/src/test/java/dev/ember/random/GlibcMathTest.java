package dev.ember.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link GlibcMath} against glibc itself (through {@link GlibcLibm}, where this is x86-64 glibc on
 * a CPU with AVX2 and FMA, so that glibc runs the variants being reproduced), against pinned glibc
 * results (everywhere), and its constants against their definitions.
 */
class GlibcMathTest {

    private static final int BOX_MULLER_INPUTS = 10_000_000;

    /** glibc through FFM, only where it selects its FMA variants; skips the test otherwise. */
    private static Libm glibcFma() {
        Libm glibc = GlibcLibm.INSTANCE.orElse(null);
        Assumptions.assumeTrue(glibc != null, "glibc not reachable through FFM");
        Assumptions.assumeTrue(System.getProperty("os.arch").equals("amd64") && cpuHasFmaAndAvx2(),
                "glibc's FMA variants are selected only on x86-64 with AVX2 and FMA");
        return glibc;
    }

    private static boolean cpuHasFmaAndAvx2() {
        try {
            String flags = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("flags")).findFirst().orElse("");
            return flags.contains(" fma") && flags.contains(" avx2");
        } catch (IOException e) {
            return false;
        }
    }

    /** A torch 53-bit uniform: random64's low 53 bits times 2⁻⁵³. */
    private static double uniform53(SplittableRandom r) {
        return (r.nextLong() & 0x1FFFFFFFFFFFFFL) * 0x1p-53;
    }

    /** Counts inputs where {@code ours} and {@code theirs} differ in any bit (NaNs compare equal). */
    private static final class Tally {
        final String name;
        final DoubleUnaryOperator ours;
        final DoubleUnaryOperator theirs;
        long n;
        long differ;
        String first;

        Tally(String name, DoubleUnaryOperator ours, DoubleUnaryOperator theirs) {
            this.name = name;
            this.ours = ours;
            this.theirs = theirs;
        }

        void check(double x) {
            n++;
            double a = ours.applyAsDouble(x);
            double b = theirs.applyAsDouble(x);
            if (Double.doubleToRawLongBits(a) != Double.doubleToRawLongBits(b) && !(a != a && b != b)) {
                if (differ++ == 0) {
                    first = String.format("%s(%s): ours %s, glibc %s", name, Double.toHexString(x),
                            Double.toHexString(a), Double.toHexString(b));
                }
            }
        }

        void assertNone() {
            System.out.printf("%s: %d inputs, %d differ from glibc%n", name, n, differ);
            assertThat(differ).as("%s over %d inputs; first: %s", name, n, first).isZero();
        }
    }

    @Test
    void logOfOneMinusUniformMatchesGlibc() {
        Libm glibc = glibcFma();
        Tally t = new Tally("log(1-u)", GlibcMath::log, glibc::log);
        Tally java = new Tally("Math.log(1-u)", Math::log, glibc::log);
        SplittableRandom r = new SplittableRandom(0x10C);
        for (int i = 0; i < BOX_MULLER_INPUTS; i++) {
            double x = 1.0 - uniform53(r);
            t.check(x);
            if (i < 1_000_000) {
                java.check(x);
            }
        }
        t.assertNone();
        System.out.printf("(for comparison, java.lang.Math.log differs on %d of %d)%n", java.differ, java.n);
    }

    @Test
    void sinAndCosOfTwoPiUniformMatchGlibc() {
        Libm glibc = glibcFma();
        Tally s = new Tally("sin(2πu)", GlibcMath::sin, glibc::sin);
        Tally c = new Tally("cos(2πu)", GlibcMath::cos, glibc::cos);
        Tally js = new Tally("Math.sin(2πu)", Math::sin, glibc::sin);
        Tally jc = new Tally("Math.cos(2πu)", Math::cos, glibc::cos);
        SplittableRandom r = new SplittableRandom(0x51C05);
        for (int i = 0; i < BOX_MULLER_INPUTS; i++) {
            double theta = 2.0 * Math.PI * uniform53(r);
            s.check(theta);
            c.check(theta);
            if (i < 1_000_000) {
                js.check(theta);
                jc.check(theta);
            }
        }
        s.assertNone();
        c.assertNone();
        System.out.printf("(for comparison, java.lang.Math.sin/cos differ on %d/%d of %d)%n", js.differ, jc.differ, js.n);
    }

    @Test
    void logEdgeCasesMatchGlibc() {
        Libm glibc = glibcFma();
        Tally t = new Tally("log edge cases", GlibcMath::log, glibc::log);
        // tiny u (x just below 1, the path near 1) and u near 1 (x down to 2⁻⁵³)
        for (long k = 0; k < 1_000_000; k++) {
            t.check(1.0 - k * 0x1p-53);
            t.check((k + 1) * 0x1p-53);
        }
        // the limits of the path near 1 and of the normal range, a few thousand ulps each way
        for (double c : new double[] {1 - 0x1p-4, 1 + 0x1.09p-4, 1.0, 0x1p-1022, 0x1.6p-1, 0x1.6p0}) {
            double up = c;
            double down = c;
            for (int j = 0; j < 5000; j++) {
                t.check(up);
                t.check(down);
                up = Math.nextUp(up);
                down = Math.nextDown(down);
            }
        }
        // any double (negative, subnormal, huge, NaN, infinities)
        SplittableRandom r = new SplittableRandom(0x1065);
        for (int i = 0; i < 2_000_000; i++) {
            t.check(Double.longBitsToDouble(r.nextLong()));
        }
        for (double x : new double[] {0.0, -0.0, -1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NaN, Double.MIN_VALUE, Double.MAX_VALUE, 2.0, 0.5}) {
            t.check(x);
        }
        t.assertNone();
    }

    @Test
    void sinCosEdgeCasesMatchGlibc() {
        Libm glibc = glibcFma();
        Tally s = new Tally("sin edge cases", GlibcMath::sin, glibc::sin);
        Tally c = new Tally("cos edge cases", GlibcMath::cos, glibc::cos);
        DoubleUnaryOperator both = x -> {
            s.check(x);
            c.check(x);
            return 0;
        };
        // θ = 2πu for u within 2·10⁵ grid steps of j/8 (θ near multiples of π/4, π/2, π)
        for (int j = 0; j <= 8; j++) {
            for (long d = -200_000; d <= 200_000; d++) {
                double u = j / 8.0 + d * 0x1p-53;
                if (u >= 0 && u < 1) {
                    both.applyAsDouble(2.0 * Math.PI * u);
                }
            }
        }
        // the doubles nearest kπ/4 (k < 10⁵, both signs) and 20 ulps around each
        BigDecimal quarterPi = PI.divide(BigDecimal.valueOf(4), MathContext.DECIMAL128);
        for (int k = 1; k < 100_000; k++) {
            double m = quarterPi.multiply(BigDecimal.valueOf(k)).doubleValue();
            double up = m;
            double down = Math.nextDown(m);
            for (int j = 0; j < 10; j++) {
                both.applyAsDouble(up);
                both.applyAsDouble(-down);
                up = Math.nextUp(up);
                down = Math.nextDown(down);
            }
        }
        // the limits between glibc's paths, and the midpoints between table points i/128
        double[] limits = {0x1p-27, 0x1p-26, 0.126, 0x1.b6p-1, Double.longBitsToDouble(0x400368fdL << 32),
                Math.PI / 2, Math.PI / 4, Math.nextDown(0x1.921fbp26)};
        for (double m : limits) {
            double up = m;
            double down = m;
            for (int j = 0; j < 20_000; j++) {
                if (up < 0x1.921fbp26) { // beyond, glibc reduces with __branred (not ported)
                    both.applyAsDouble(up);
                }
                both.applyAsDouble(-down);
                up = Math.nextUp(up);
                down = Math.nextDown(down);
            }
        }
        for (int i = 0; i < 220; i++) {
            double m = (i + 0.5) / 128;
            double up = m;
            double down = m;
            for (int j = 0; j < 1000; j++) {
                both.applyAsDouble(up);
                both.applyAsDouble(down);
                both.applyAsDouble(Math.PI / 2 - up);
                up = Math.nextUp(up);
                down = Math.nextDown(down);
            }
        }
        // everywhere in the ported range |x| < 0x1.921fbp26, uniformly in the exponent
        SplittableRandom r = new SplittableRandom(0x5105);
        for (int i = 0; i < 2_000_000; i++) {
            double x = Math.scalb(1.0 + r.nextDouble(), r.nextInt(-1074, 26));
            both.applyAsDouble(r.nextBoolean() ? x : -x);
        }
        for (double x : new double[] {0.0, -0.0, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY}) {
            both.applyAsDouble(x);
        }
        s.assertNone();
        c.assertNone();
    }

    /** glibc 2.36 (FMA variants) results where {@link Math} gives a different last bit. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "log | 0x1.9eaa285fd7371p-1 | -0x1.afd4733031603p-3",
            "log | 0x1.b401acc36775ap-1 | -0x1.490bfa3533a41p-3",
            "log | 0x1.547a79d79bd11p-1 | -0x1.a1c3a41d2b5bcp-2",
            "log | 0x1.01cf81ef835dap-1 | -0x1.5f486f583d17p-1",
            "log | 0x1.e7f6de9bfd27p-3 | -0x1.6f334f317e6a3p0",
            "log | 0x1.36a4ca89a6d58p-2 | -0x1.315cfd59fd35dp0",
            "log | 0x1.fe092a67f36fcp-1 | -0x1.f7cd24c6a7961p-9",
            "log | 0x1.e5db13489130dp-1 | -0x1.ad5dab637fdbap-5",
            "log | 0x1.f72f375c7efddp-1 | -0x1.1c8e05cd939eep-6",
            "log | 0x1.ee1780417a47ap-1 | -0x1.23a984b217201p-5",
            "sin | 0x1.57adc9f1d634cp1 | 0x1.c37b6198c7d57p-2",
            "sin | 0x1.27d5481a8793dp1 | 0x1.79f530a0b703bp-1",
            "sin | 0x1.6d6deade4e909p0 | 0x1.fabfd15fc06abp-1",
            "sin | 0x1.7e700078a8355p2 | -0x1.3609b82c5731cp-2",
            "sin | 0x1.110452e05a816p-1 | 0x1.0442e3d538ce6p-1",
            "sin | 0x1.555db35b4d9f2p2 | -0x1.a045c04fb4db6p-1",
            "sin | 0x1.bac728a90a1c1p-3 | 0x1.b7562ad1d29bap-3",
            "sin | 0x1.89d8596dde1c4p0 | 0x1.ffbb77e5f7a8fp-1",
            "cos | 0x1.ef5fe60aa9dcap0 | -0x1.6ccf0f20149bap-2",
            "cos | 0x1.a826432823cccp-1 | 0x1.5a2252e1a92a7p-1",
            "cos | 0x1.57dde8ff1585ep2 | 0x1.3a215aef29eeap-1",
            "cos | 0x1.16c15e123a8b3p2 | -0x1.65b20c92cc64ep-2",
            "cos | 0x1.7ea09a5fe586ap1 | -0x1.fa127b8d40baap-1",
            "cos | 0x1.0961957d90b0cp1 | -0x1.ed2bef50e957p-2",
            "cos | 0x1.5bd24399d631ep0 | 0x1.af2b70c845d7p-3",
            "cos | 0x1.3fecc503e32f1p2 | 0x1.21513d9dddceep-2",
            // special and boundary inputs
            "log | 0x1.0p0 | 0x0.0p0",
            "log | 0x0.0p0 | -Infinity",
            "log | -0x0.0p0 | -Infinity",
            "log | -0x1.0p0 | NaN",
            "log | Infinity | Infinity",
            "log | NaN | NaN",
            "log | 0x0.0000000000001p-1022 | -0x1.74385446d71c3p9",
            "log | 0x1.0p-53 | -0x1.25e4f7b2737fap5",
            "log | 0x1.fffffffffffffp-1 | -0x1.0p-53",
            "log | 0x1.fffffffffffffp1023 | 0x1.62e42fefa39efp9",
            "sin | -0x0.0p0 | -0x0.0p0",
            "sin | -0x1.0p-30 | -0x1.0p-30",
            "sin | 0x1.020c49ba5e354p-3 | 0x1.015da194e500ep-3",
            "sin | 0x1.b6p-1 | 0x1.827f6d2325578p-1",
            "sin | 0x1.921fb54442d18p1 | 0x1.1a62633145c07p-53",
            "sin | 0x1.921fb54442d18p2 | -0x1.1a62633145c07p-52",
            "sin | -0x1.312dp23 | -0x1.aea414a8a3352p-2",
            "sin | Infinity | NaN",
            "cos | 0x1.0p-27 | 0x1.0p0",
            "cos | 0x1.0p-3 | 0x1.fc015527d5bd3p-1",
            "cos | 0x1.4p1 | -0x1.9a2f7ef858b7dp-1",
            "cos | 0x1.e848p19 | 0x1.df9df9906d32cp-1",
            "cos | 0x1.921fafcp26 | -0x1.fe8b4cf14ed14p-1",
            "cos | NaN | NaN",
    })
    void pinnedGlibcResults(String f, String in, String want) {
        double x = parse(in);
        double got = switch (f) {
            case "log" -> GlibcMath.log(x);
            case "sin" -> GlibcMath.sin(x);
            default -> GlibcMath.cos(x);
        };
        double w = parse(want);
        if (Double.isNaN(w)) {
            assertThat(got).isNaN();
        } else {
            assertThat(Double.doubleToRawLongBits(got)).as("%s(%s) = %s", f, in, Double.toHexString(got))
                    .isEqualTo(Double.doubleToRawLongBits(w));
        }
    }

    private static double parse(String s) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    @Test
    void defaultLibmIsThePort() {
        assertThat(Libm.DEFAULT).isSameAs(Libm.GLIBC);
        assertThat(Libm.GLIBC.log(0x1.9eaa285fd7371p-1)).isEqualTo(-0x1.afd4733031603p-3);
        assertThat(Math.log(0x1.9eaa285fd7371p-1)).isNotEqualTo(-0x1.afd4733031603p-3);
    }

    // ------------------------------------------------------------------ constants

    /** π to 120 digits. */
    static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510"
            + "58209749445923078164062862089986280348253421170679821480865132823066470938446");

    /** {@code v} rounded to nearest (ties to even) with {@code bits} significant bits, exactly. */
    private static BigDecimal roundBits(BigDecimal v, int bits) {
        int e = 0; // v = m·2^e with 2^(bits-1) ≤ |m| < 2^bits
        BigDecimal a = v.abs();
        BigDecimal lo = new BigDecimal(BigInteger.ONE.shiftLeft(bits - 1));
        BigDecimal hi = new BigDecimal(BigInteger.ONE.shiftLeft(bits));
        BigDecimal two = BigDecimal.valueOf(2);
        while (a.compareTo(lo) < 0) {
            a = a.multiply(two);
            e--;
        }
        while (a.compareTo(hi) >= 0) {
            a = a.divide(two);
            e++;
        }
        BigDecimal m = new BigDecimal(a.setScale(0, RoundingMode.HALF_EVEN).toBigInteger());
        BigDecimal scale = e >= 0 ? new BigDecimal(BigInteger.ONE.shiftLeft(e))
                : BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-e)));
        return m.multiply(scale).multiply(BigDecimal.valueOf(v.signum()));
    }

    @Test
    void reductionConstantsFollowFromPi() {
        BigDecimal halfPi = PI.divide(BigDecimal.valueOf(2));
        assertThat(GlibcMath.HP0).isEqualTo(halfPi.doubleValue());
        assertThat(GlibcMath.HP1).isEqualTo(halfPi.subtract(new BigDecimal(GlibcMath.HP0)).doubleValue());
        assertThat(GlibcMath.HPINV).isEqualTo(BigDecimal.valueOf(2).divide(PI, MathContext.DECIMAL128).doubleValue());
        BigDecimal rest = halfPi;
        BigDecimal mp1 = roundBits(rest, 26);
        rest = rest.subtract(mp1);
        BigDecimal mp2 = roundBits(rest, 27);
        rest = rest.subtract(mp2);
        BigDecimal pp3 = roundBits(rest, 27);
        rest = rest.subtract(pp3);
        assertThat(GlibcMath.MP1).isEqualTo(mp1.doubleValue());
        assertThat(GlibcMath.MP2).isEqualTo(mp2.doubleValue());
        assertThat(GlibcMath.PP3).isEqualTo(pp3.doubleValue());
        assertThat(GlibcMath.PP4).isEqualTo(rest.doubleValue());
    }

    /** Regenerates the sin/cos table: sin and cos of i/128 from their Taylor series, split hi + lo. */
    @Test
    void sinCosTableFollowsFromTheDefinition() {
        MathContext mc = new MathContext(50);
        double[] want = new double[440];
        for (int i = 0; i < 110; i++) {
            BigDecimal x = BigDecimal.valueOf(i).divide(BigDecimal.valueOf(128));
            BigDecimal x2 = x.multiply(x);
            BigDecimal sin = BigDecimal.ZERO;
            BigDecimal cos = BigDecimal.ZERO;
            BigDecimal sTerm = x;
            BigDecimal cTerm = BigDecimal.ONE;
            for (int n = 1; n < 40; n++) {
                sin = sin.add(sTerm, mc);
                cos = cos.add(cTerm, mc);
                sTerm = sTerm.multiply(x2, mc).divide(BigDecimal.valueOf(-(2L * n) * (2L * n + 1)), mc);
                cTerm = cTerm.multiply(x2, mc).divide(BigDecimal.valueOf(-(2L * n - 1) * (2L * n)), mc);
            }
            double sn = sin.doubleValue();
            double cs = cos.doubleValue();
            want[4 * i] = sn;
            want[4 * i + 1] = sin.subtract(new BigDecimal(sn), mc).doubleValue();
            want[4 * i + 2] = cs;
            want[4 * i + 3] = cos.subtract(new BigDecimal(cs), mc).doubleValue();
        }
        assertThat(GlibcMath.SINCOS).containsExactly(want);
    }
}
