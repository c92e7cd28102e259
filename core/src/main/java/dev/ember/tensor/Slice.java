package dev.ember.tensor;

/**
 * A Python slice {@code start:end:step} for {@link Tensor#index}; null bounds mean "from the start"
 * and "to the end", negative bounds count from the end, out-of-range bounds are clamped.
 */
public record Slice(Integer start, Integer end, int step) {
    /** {@code :} */
    public static final Slice ALL = new Slice(null, null, 1);
    /** {@code ...}: as many {@code :} as needed to index every remaining dim. */
    public static final Object ELLIPSIS = new Object() {
        @Override
        public String toString() { return "..."; }
    };
    /** {@code None}: inserts a size-1 dim. */
    public static final Object NEW_AXIS = new Object() {
        @Override
        public String toString() { return "None"; }
    };

    public Slice {
        if (step <= 0) throw new IllegalArgumentException("slice step must be positive, but got " + step);
    }

    public static Slice of(int start, int end) { return new Slice(start, end, 1); }

    public static Slice of(int start, int end, int step) { return new Slice(start, end, step); }

    public static Slice from(int start) { return new Slice(start, null, 1); }

    public static Slice to(int end) { return new Slice(null, end, 1); }
}
