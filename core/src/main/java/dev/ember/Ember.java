package dev.ember;

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
}
