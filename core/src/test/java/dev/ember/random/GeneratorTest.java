package dev.ember.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** pytorch-semantics.md §16.1: engine, seeding, random32/random64, state. */
class GeneratorTest {

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({
        "0,  2357136044, 2546248239, 3071714933, 3626093760, 2588848963",
        "1,  1791095845, 4282876139, 3093770124, 4005303368, 491263",
        "42, 1608637542, 3421126067, 4083286876, 787846414, 3143890026",
    })
    void checkValues(long seed, long a, long b, long c, long d, long e) {
        Generator g = new Generator(seed);
        long[] got = new long[5];
        for (int i = 0; i < 5; i++) {
            got[i] = Integer.toUnsignedLong(g.random32());
        }
        assertThat(got).containsExactly(a, b, c, d, e);
    }

    @Test
    void seed5489TenThousandthOutputIsTheStdMt19937CheckValue() {
        Generator g = new Generator(5489);
        int v = 0;
        for (int i = 0; i < 10_000; i++) {
            v = g.random32();
        }
        assertThat(Integer.toUnsignedLong(v)).isEqualTo(4123659995L);
    }

    @Test
    void random64IsFirstDrawHighSecondDrawLow() {
        Generator g = new Generator(0);
        long r = new Generator(0).random64();
        assertThat(r).isEqualTo((2357136044L << 32) | 2546248239L);
        assertThat(Integer.toUnsignedLong(g.random32())).isEqualTo(r >>> 32);
        assertThat(Integer.toUnsignedLong(g.random32())).isEqualTo(r & 0xFFFFFFFFL);
    }

    @Test
    void onlyTheLow32BitsSeedTheEngineButInitialSeedKeepsAll64() {
        long big = (1L << 32) + 5;
        Generator a = new Generator(big);
        Generator b = new Generator(5);
        for (int i = 0; i < 2000; i++) {
            assertThat(a.random32()).isEqualTo(b.random32());
        }
        assertThat(a.initialSeed()).isEqualTo(big);
        assertThat(new Generator(-1).initialSeed()).isEqualTo(-1L); // 2^64 - 1 unsigned
        assertThat(Long.toUnsignedString(new Generator(-1).initialSeed())).isEqualTo("18446744073709551615");
    }

    @Test
    void constructorsAndDefaultGenerator() {
        assertThat(new Generator().initialSeed()).isEqualTo(67280421310721L);
        Generator d = Generator.defaultGenerator();
        assertThat(d).isSameAs(Generator.defaultGenerator());
        Generator g = new Generator(3);
        assertThat(g.manualSeed(7)).isSameAs(g);
        assertThat(g.initialSeed()).isEqualTo(7);
        long s = g.seed();
        assertThat(g.initialSeed()).isEqualTo(s);
        assertThat(g.random32()).isEqualTo(new Generator(s).random32());
    }

    @Test
    void manualSeedClearsTheNormalCache() {
        Generator g = new Generator(0);
        float[] a = new float[3];
        NormalKernels.normal(g, a, 0, 3, 0, 1); // leaves one value cached
        assertThat(g.getState()[5040]).isEqualTo((byte) 1);
        g.manualSeed(0);
        assertThat(g.getState()[5040]).isEqualTo((byte) 0);
        float[] b = new float[1];
        NormalKernels.normal(g, b, 0, 1, 0, 1);
        assertThat(b[0]).isEqualTo(a[0]);
    }

    @Test
    void stateLayoutMatchesTorch() {
        Generator g = new Generator(0);
        byte[] s = g.getState();
        assertThat(s).hasSize(Generator.STATE_SIZE).hasSize(5056);
        ByteBuffer b = ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getLong(0)).isZero(); // seed
        assertThat(b.getInt(8)).isEqualTo(1); // left after seeding
        assertThat(b.getInt(12)).isEqualTo(1); // seeded
        assertThat(b.getLong(16)).isZero(); // next
        assertThat(b.getLong(24)).isZero(); // state[0] = seed
        assertThat(b.getLong(32)).isEqualTo(1L); // state[1] = 1812433253 * 0 + 1

        // torch after manual_seed(0); randn(3): left 617, next 8, cached sample in normal_y
        NormalKernels.normal(g, new float[3], 0, 3, 0, 1);
        b = ByteBuffer.wrap(g.getState()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(8)).isEqualTo(617);
        assertThat(b.getLong(16)).isEqualTo(8);
        assertThat(b.getDouble(5016)).isZero(); // normal_x
        assertThat(b.getLong(5024)).isEqualTo(0x3fe23096ca3e350dL); // normal_y, bytes seen in torch's state
        assertThat(b.getDouble(5032)).isZero(); // normal_rho
        assertThat(b.getInt(5040)).isEqualTo(1);
    }

    @Test
    void stateRoundTripRestoresPositionAndCache() {
        Generator g = new Generator(42);
        RandomKernels.uniform(g, new float[700], 0, 700, 0, 1); // past one twist
        NormalKernels.normal(g, new double[3], 0, 3, 0, 1); // a cached double normal
        byte[] s = g.getState();
        double[] a = new double[9];
        NormalKernels.normal(g, a, 0, 9, 0, 1);
        long r = g.random64();

        Generator h = new Generator(99);
        h.setState(s);
        assertThat(h.initialSeed()).isEqualTo(42);
        assertThat(h.getState()).isEqualTo(s);
        double[] b = new double[9];
        NormalKernels.normal(h, b, 0, 9, 0, 1);
        assertThat(b).containsExactly(a);
        assertThat(h.random64()).isEqualTo(r);

        Generator c = g.copy();
        assertThat(c.getState()).isEqualTo(g.getState());
        assertThat(c.random32()).isEqualTo(g.random32());
    }

    @Test
    void freshlySeededStateRoundTrips() {
        Generator g = new Generator(12345);
        Generator h = new Generator(1);
        h.setState(g.getState());
        for (int i = 0; i < 1300; i++) {
            assertThat(h.random32()).isEqualTo(g.random32());
        }
    }

    @Test
    void floatNormalCacheRoundTrips() {
        byte[] s = new Generator(0).getState();
        ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN).putFloat(5048, 1.5f).put(5052, (byte) 1);
        Generator g = new Generator();
        g.setState(s);
        assertThat(g.getState()).isEqualTo(s);
    }

    @Test
    void legacyStateRebuildsTheCachedSampleFromRhoAndX() {
        Generator src = new Generator(7);
        RandomKernels.uniform(src, new float[10], 0, 10, 0, 1);
        byte[] legacy = Arrays.copyOf(src.getState(), Generator.LEGACY_STATE_SIZE);
        ByteBuffer b = ByteBuffer.wrap(legacy).order(ByteOrder.LITTLE_ENDIAN);
        b.putDouble(5016, 0.25).putDouble(5032, 2.0).putInt(5040, 1); // normal_x, normal_rho, valid
        Generator g = new Generator();
        g.setState(legacy);
        assertThat(g.nextStandardNormal()).isEqualTo(2.0 * Math.sin(2.0 * Math.PI * 0.25));
        assertThat(g.random32()).isEqualTo(src.random32());
    }

    @Test
    void setStateRejectsBadInput() {
        Generator g = new Generator(0);
        assertThatThrownBy(() -> g.setState(new byte[100]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Expected either a CPUGeneratorImplStateLegacy of size 5048")
                .hasMessageContaining("found the input RNG state size to be 100");
        byte[] s = g.getState();
        ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0); // left = 0
        assertThatThrownBy(() -> g.setState(s)).hasMessageContaining("Invalid mt19937 state");
        byte[] t = g.getState();
        ByteBuffer.wrap(t).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 0); // not seeded
        assertThatThrownBy(() -> g.setState(t)).hasMessageContaining("Invalid mt19937 state");
        byte[] u = g.getState();
        ByteBuffer.wrap(u).order(ByteOrder.LITTLE_ENDIAN).putLong(16, 625); // next > 624
        assertThatThrownBy(() -> g.setState(u)).hasMessageContaining("Invalid mt19937 state");
        // the failed calls left the generator untouched
        assertThat(Integer.toUnsignedLong(g.random32())).isEqualTo(2357136044L);
    }

    @Test
    void concurrentDrawsFromOneGeneratorLoseAndDuplicateNothing() throws InterruptedException {
        int threads = 4;
        int perThread = 20_000;
        Generator shared = new Generator(11);
        List<int[]> results = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int[] r = new int[perThread];
            results.add(r);
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < perThread; i++) {
                    r[i] = shared.random32();
                }
            });
            ts.add(th);
            th.start();
        }
        start.countDown();
        for (Thread th : ts) {
            th.join();
        }
        int[] all = results.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        Generator serial = new Generator(11);
        int[] expected = new int[threads * perThread];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = serial.random32();
        }
        Arrays.sort(expected);
        assertThat(all).isEqualTo(expected);
    }

    @Test
    void aWholeFillIsOneUninterruptedRunOfTheStream() throws InterruptedException {
        // While one thread fills, another hammers random32; the fill must still be a contiguous
        // stretch of the stream (the lock is held for the whole fill).
        Generator shared = new Generator(5);
        int n = 200_000;
        float[] fill = new float[n];
        Thread noise = new Thread(() -> {
            for (int i = 0; i < 200_000; i++) {
                shared.random32();
            }
        });
        noise.start();
        RandomKernels.uniform(shared, fill, 0, n, 0, 1);
        noise.join();
        // find the fill's start in the serial stream
        Generator serial = new Generator(5);
        int total = n + 200_000;
        float[] stream = new float[total];
        RandomKernels.uniform(serial, stream, 0, total, 0, 1);
        boolean found = false;
        for (int s = 0; s <= 200_000 && !found; s++) {
            found = Arrays.equals(stream, s, s + n, fill, 0, n);
        }
        assertThat(found).isTrue();
    }
}
