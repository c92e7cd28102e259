package dev.ember.tensor;

/**
 * What every tensor viewing one storage array shares: the in-place write counter
 * ({@code tensor._version}), whether the raw array has left Ember's hands (given to {@code wrap}
 * or handed out by {@code floatStorage()}), and one value derived from the contents.
 */
final class StorageState {
    int version;
    volatile boolean exposed;
    volatile Derived derived;

    /** A derived value, valid for the view {@code key} at {@code version}. */
    record Derived(Object key, int version, Object value) {}
}
