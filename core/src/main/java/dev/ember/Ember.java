package dev.ember;

import dev.ember.kernels.Parallel;

/** Library-wide settings, like the {@code torch} module's: seeding and thread count. */
public final class Ember {
    private Ember() {}

    /** {@code torch.manual_seed(seed)}: reseeds the default generator. */
    public static void manualSeed(long seed) {
        throw new UnsupportedOperationException("manualSeed is not wired yet");
    }

    /**
     * {@code torch.set_num_threads(n)}: the number of threads an op may use (the calling thread is
     * one of them). Defaults to the available processors, or the {@code ember.threads} system property.
     */
    public static void setNumThreads(int n) { Parallel.setThreads(n); }

    /** {@code torch.get_num_threads()}. */
    public static int getNumThreads() { return Parallel.threads(); }
}
