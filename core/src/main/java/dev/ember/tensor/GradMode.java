package dev.ember.tensor;

/**
 * Whether operations record the autograd graph, per thread, like {@code torch.no_grad()}.
 *
 * <pre>{@code try (var scope = GradMode.noGrad()) { ... } }</pre>
 */
public final class GradMode {
    private static final ThreadLocal<Boolean> ENABLED = ThreadLocal.withInitial(() -> Boolean.TRUE);

    private GradMode() {}

    public static boolean isEnabled() { return ENABLED.get(); }

    /** Disables recording until the returned scope closes; scopes nest. */
    public static Scope noGrad() { return set(false); }

    /** Enables recording until the returned scope closes (inside a {@link #noGrad()} block). */
    public static Scope enableGrad() { return set(true); }

    private static Scope set(boolean enabled) {
        boolean previous = ENABLED.get();
        ENABLED.set(enabled);
        return () -> ENABLED.set(previous);
    }

    /** A scope that restores the previous mode on close. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
