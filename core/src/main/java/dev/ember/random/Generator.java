package dev.ember.random;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;

/**
 * PyTorch 1.13.1's CPU generator ({@code at::CPUGeneratorImpl}): a 32-bit Mersenne Twister
 * (MT19937, the same stream as C++ {@code std::mt19937(seed)}) plus the one-value cache of the
 * scalar Box–Muller normal sampler.
 *
 * <h2>Bits</h2>
 * {@link #random32()} returns one engine output as the raw 32 bits in an {@code int} (use
 * {@link Integer#toUnsignedLong(int)} for the unsigned value); {@link #random64()} returns two
 * outputs {@code a}, then {@code b}, as {@code (a << 32) | b}.
 *
 * <h2>Threads</h2>
 * Every method that draws or touches the state is {@code synchronized} on the generator, and
 * the fill kernels in this package take that lock once per fill (not per element), as ATen
 * does with {@code generator->mutex_}. Concurrent draws from one generator (for example the
 * {@link #defaultGenerator() default generator}) are therefore safe, but how the threads'
 * draws interleave is unspecified. For reproducible streams per thread, give each thread its
 * own explicitly seeded {@code Generator}.
 *
 * <h2>State</h2>
 * {@link #getState()} returns exactly the 5056 bytes of {@code torch.get_rng_state()}
 * (little-endian {@code CPUGeneratorImplState}), so states can be moved between torch and
 * Ember in either direction ({@code torch.get_rng_state().numpy().tobytes()}).
 */
public final class Generator {

    /** The seed of a freshly constructed {@code torch.Generator()}: {@code default_rng_seed_val}. */
    public static final long DEFAULT_SEED = 67280421310721L;

    /** Size of {@code torch.get_rng_state()} in torch 1.13.1 ({@code CPUGeneratorImplState}). */
    public static final int STATE_SIZE = 5056;

    /** Size of the legacy state ({@code CPUGeneratorImplStateLegacy}), still accepted by {@link #setState}. */
    public static final int LEGACY_STATE_SIZE = 5048;

    static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908B0DF;

    // at::mt19937_data_pod, field for field.
    private long seed;
    private int left;
    private int next;
    private final int[] state = new int[N];

    // CPUGeneratorImpl's caches. Only the double one is used by the 1.13.1 CPU kernels;
    // the float one is kept so that a state round-trips.
    private double nextDoubleNormal;
    private boolean hasNextDoubleNormal;
    private float nextFloatNormal;
    private boolean hasNextFloatNormal;

    /** Like {@code torch.Generator()}: seeded with {@link #DEFAULT_SEED}. */
    public Generator() {
        this(DEFAULT_SEED);
    }

    /** A generator after {@code manual_seed(seed)}; {@code seed} is read as unsigned 64-bit. */
    public Generator(long seed) {
        seedEngine(seed);
    }

    private static final class DefaultHolder {
        static final Generator INSTANCE = new Generator(nonDeterministicSeed());
    }

    /**
     * The process-wide generator ({@code torch.default_generator}), seeded non-deterministically
     * the first time it is used. Shared by all threads; see the class comment.
     */
    public static Generator defaultGenerator() {
        return DefaultHolder.INSTANCE;
    }

    private static long nonDeterministicSeed() {
        return new SecureRandom().nextLong();
    }

    /**
     * {@code manual_seed(seed)}: {@code seed} is unsigned 64-bit ({@code -1} means 2⁶⁴−1); only its
     * low 32 bits seed the engine, {@link #initialSeed()} returns all 64. Clears the normal caches.
     *
     * @return this generator
     */
    public synchronized Generator manualSeed(long seed) {
        seedEngine(seed);
        return this;
    }

    /**
     * {@code Generator.seed()}: reseeds from a non-deterministic source and returns the new seed.
     */
    public synchronized long seed() {
        long s = nonDeterministicSeed();
        seedEngine(s);
        return s;
    }

    private void seedEngine(long s) {
        hasNextDoubleNormal = false;
        nextDoubleNormal = 0;
        hasNextFloatNormal = false;
        nextFloatNormal = 0;
        seed = s;
        int[] st = state;
        st[0] = (int) s;
        for (int i = 1; i < N; i++) {
            int prev = st[i - 1];
            st[i] = 1812433253 * (prev ^ (prev >>> 30)) + i;
        }
        left = 1;
        next = 0;
    }

    /** The seed last given to {@link #manualSeed} (as unsigned 64-bit; compare with {@code Long.toUnsignedString}). */
    public synchronized long initialSeed() {
        return seed;
    }

    /** One engine output: 32 raw bits (unsigned value = {@code Integer.toUnsignedLong(result)}). */
    public synchronized int random32() {
        return nextInt();
    }

    /** Two engine outputs {@code a}, {@code b} combined as {@code (a << 32) | b}. */
    public synchronized long random64() {
        return nextLong();
    }

    /**
     * The next scalar normal sample with mean 0 and std 1, exactly as
     * {@code at::normal_distribution<double>} before its mean/std transform (path (c)):
     * takes the cached value if present, otherwise draws a Box–Muller pair and caches one half.
     */
    public synchronized double nextStandardNormal() {
        return nextNormal(Libm.DEFAULT);
    }

    // ---- unlocked primitives; callers in this package hold the lock ----

    /** {@code at::mt19937::operator()}: one tempered output. Caller holds the lock. */
    int nextInt() {
        if (--left == 0) {
            twist();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C5680;
        y ^= (y << 15) & 0xEFC60000;
        y ^= y >>> 18;
        return y;
    }

    /** random64 = (first << 32) | second. Caller holds the lock. */
    long nextLong() {
        long hi = nextInt();
        long lo = nextInt() & 0xFFFFFFFFL;
        return (hi << 32) | lo;
    }

    /** A float32 uniform in [0, 1): 24 low bits of one draw times 2⁻²⁴ (exact). Caller holds the lock. */
    float nextFloat01() {
        return (nextInt() & 0xFFFFFF) * 0x1p-24f;
    }

    /** A float64 uniform in [0, 1): 53 low bits of random64 times 2⁻⁵³ (exact). Caller holds the lock. */
    double nextDouble01() {
        return (nextLong() & 0x1FFFFFFFFFFFFFL) * 0x1p-53;
    }

    /** Path (c) standard normal with the one-value cache. Caller holds the lock. */
    double nextNormal(Libm m) {
        if (hasNextDoubleNormal) {
            hasNextDoubleNormal = false;
            return nextDoubleNormal;
        }
        double u1 = nextDouble01();
        double u2 = nextDouble01();
        double r = Math.sqrt(-2.0 * m.log(1.0 - u2));
        double theta = 2.0 * Math.PI * u1;
        nextDoubleNormal = r * m.sin(theta);
        hasNextDoubleNormal = true;
        return r * m.cos(theta);
    }

    private void twist() {
        int[] s = state;
        int k = 0;
        for (; k < N - M; k++) {
            s[k] = s[k + M] ^ mix(s[k], s[k + 1]);
        }
        for (; k < N - 1; k++) {
            s[k] = s[k + M - N] ^ mix(s[k], s[k + 1]);
        }
        s[N - 1] = s[M - 1] ^ mix(s[N - 1], s[0]);
        left = N;
        next = 0;
    }

    private static int mix(int u, int v) {
        int y = (u & 0x80000000) | (v & 0x7FFFFFFF);
        return (y >>> 1) ^ ((v & 1) != 0 ? MATRIX_A : 0);
    }

    // ---- state ----

    /**
     * {@code torch.get_rng_state()}: {@value #STATE_SIZE} bytes, little-endian
     * {@code CPUGeneratorImplState} — seed (u64), left (i32), seeded (i32), next (u64),
     * 624 state words (each as u64), normal_x, normal_y, normal_rho (f64), normal_is_valid (i32),
     * 4 padding bytes, the float normal cache (f32), its valid flag (1 byte), 3 padding bytes.
     * The cached double normal sample, if any, is in normal_y.
     */
    public synchronized byte[] getState() {
        ByteBuffer b = ByteBuffer.allocate(STATE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(seed).putInt(left).putInt(1).putLong(next);
        for (int w : state) {
            b.putLong(w & 0xFFFFFFFFL);
        }
        b.putDouble(0.0).putDouble(hasNextDoubleNormal ? nextDoubleNormal : 0.0).putDouble(0.0);
        b.putInt(hasNextDoubleNormal ? 1 : 0).putInt(0);
        b.putFloat(hasNextFloatNormal ? nextFloatNormal : 0f).put((byte) (hasNextFloatNormal ? 1 : 0));
        return b.array();
    }

    /**
     * {@code torch.set_rng_state(state)}: accepts the {@value #STATE_SIZE}-byte format of
     * {@link #getState()} or the {@value #LEGACY_STATE_SIZE}-byte legacy format (whose cached
     * normal is rebuilt as {@code normal_rho · sin(2π · normal_x)}), with torch's validity check.
     *
     * @throws IllegalArgumentException for a wrong size or an invalid engine state
     */
    public synchronized void setState(byte[] newState) {
        int size = newState.length;
        if (size != STATE_SIZE && size != LEGACY_STATE_SIZE) {
            throw new IllegalArgumentException("Expected either a CPUGeneratorImplStateLegacy of size "
                    + LEGACY_STATE_SIZE + " or a CPUGeneratorImplState of size " + STATE_SIZE
                    + " but found the input RNG state size to be " + size);
        }
        ByteBuffer b = ByteBuffer.wrap(newState).order(ByteOrder.LITTLE_ENDIAN);
        long newSeed = b.getLong(0);
        int newLeft = b.getInt(8);
        int seeded = b.getInt(12);
        long newNext = b.getLong(16);
        // mt19937::is_valid(): seeded, 0 < left <= N, next <= N (next is truncated to 32 bits first).
        // Also next + left <= N + 1, which every state torch produces satisfies; without it the
        // next draws would read past the 624 words (undefined behaviour in torch).
        int next32 = (int) newNext;
        if (seeded == 0 || newLeft <= 0 || newLeft > N || Integer.compareUnsigned(next32, N) > 0
                || next32 + newLeft > N + 1) {
            throw new IllegalArgumentException("Invalid mt19937 state");
        }
        int stateOff = 24;
        int tail = stateOff + 8 * N; // normal_x
        double normalX = b.getDouble(tail);
        double normalY = b.getDouble(tail + 8);
        double normalRho = b.getDouble(tail + 16);
        boolean normalValid = b.getInt(tail + 24) != 0;
        boolean hasD = false;
        double d = 0.0;
        boolean hasF = false;
        float f = 0f;
        if (size == STATE_SIZE) {
            if (normalValid) {
                hasD = true;
                d = normalY;
            }
            if (b.get(tail + 36) != 0) {
                hasF = true;
                f = b.getFloat(tail + 32);
            }
        } else if (normalValid) {
            hasD = true;
            d = normalRho * Libm.DEFAULT.sin(2.0 * Math.PI * normalX);
        }
        for (int i = 0; i < N; i++) {
            state[i] = (int) b.getLong(stateOff + 8 * i);
        }
        seed = newSeed;
        left = newLeft;
        next = next32;
        hasNextDoubleNormal = hasD;
        nextDoubleNormal = d;
        hasNextFloatNormal = hasF;
        nextFloatNormal = f;
    }

    /** A new generator with the same state (engine position and normal caches). */
    public synchronized Generator copy() {
        Generator g = new Generator(0);
        g.setState(getState());
        return g;
    }
}
