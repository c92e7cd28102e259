package dev.ember;

import dev.ember.kernels.Parallel;
import dev.ember.random.Generator;

/** Library-wide settings, like the {@code torch} module's: seeding and thread count. */
public final class Ember {
    private Ember() {}

    /** {@code torch.manual_seed(seed)}: reseeds the default generator (the seed is taken as unsigned 64-bit). */
    public static Generator manualSeed(long seed) { return Generator.defaultGenerator().manualSeed(seed); }

    /** {@code torch.initial_seed()}. */
    public static long initialSeed() { return Generator.defaultGenerator().initialSeed(); }

    /** {@code torch.get_rng_state()}: the default generator's 5056-byte state, compatible with torch. */
    public static byte[] getRngState() { return Generator.defaultGenerator().getState(); }

    /** {@code torch.set_rng_state(state)}. */
    public static void setRngState(byte[] state) { Generator.defaultGenerator().setState(state); }

    /**
     * {@code torch.set_num_threads(n)}: the number of threads an op may use (the calling thread is
     * one of them). Defaults to the available processors, or the {@code ember.threads} system property.
     */
    public static void setNumThreads(int n) { Parallel.setThreads(n); }

    /** {@code torch.get_num_threads()}. */
    public static int getNumThreads() { return Parallel.threads(); }
}
