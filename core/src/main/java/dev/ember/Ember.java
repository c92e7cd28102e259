package dev.ember;

/** Library-wide settings, like the {@code torch} module's: seeding and thread count. */
public final class Ember {
    private Ember() {}

    /** {@code torch.manual_seed(seed)}: reseeds the default generator. */
    public static void manualSeed(long seed) {
        throw new UnsupportedOperationException("manualSeed is not wired yet");
    }
}
