package dev.ember.kernels;

import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector species every kernel uses, chosen once at class load (llama3.java's {@code F_SPECIES}).
 * The system property {@code ember.vector.bits} forces it: {@code 128}, {@code 256} or {@code 512}
 * choose that width, {@code 0} (or {@code scalar}) turns the Vector API paths off so every kernel
 * runs its scalar twin. Unset, it is the platform's preferred width (512 bits needs
 * {@code -XX:UseAVX=3} on AVX-512 machines, otherwise HotSpot prefers 256).
 */
public final class Simd {
    private Simd() {}

    /** False when the scalar twins are forced. */
    public static final boolean ENABLED;
    /** Float lanes; when disabled, the smallest species (never used for work). */
    public static final VectorSpecies<Float> F;
    /** Int lanes of the same count as {@link #F} (for max-pool indices). */
    public static final VectorSpecies<Integer> I;
    /** Long lanes of the same bit size as {@link #F} (half the lane count). */
    public static final VectorSpecies<Long> L;
    /** Double lanes of the same bit size as {@link #F}. */
    public static final VectorSpecies<Double> D;

    static {
        String p = System.getProperty("ember.vector.bits", "").trim();
        VectorShape shape;
        boolean on = true;
        switch (p) {
            case "" -> shape = VectorShape.preferredShape();
            case "0", "scalar", "off" -> {
                shape = VectorShape.S_128_BIT;
                on = false;
            }
            case "128" -> shape = VectorShape.S_128_BIT;
            case "256" -> shape = VectorShape.S_256_BIT;
            case "512" -> shape = VectorShape.S_512_BIT;
            default -> throw new ExceptionInInitializerError("ember.vector.bits must be 0, 128, 256 or 512, not " + p);
        }
        if (on && shape.vectorBitSize() < 128) on = false; // no useful SIMD on this platform
        ENABLED = on;
        F = VectorSpecies.of(float.class, shape);
        I = VectorSpecies.of(int.class, shape);
        L = VectorSpecies.of(long.class, shape);
        D = VectorSpecies.of(double.class, shape);
    }

    /** Float lanes per vector, or 1 when the vector paths are off. */
    public static int floatLanes() { return ENABLED ? F.length() : 1; }

    /** A short description for logs and benchmark tables, e.g. {@code 512-bit (16 floats)}. */
    public static String describe() {
        return ENABLED ? F.vectorBitSize() + "-bit (" + F.length() + " floats)" : "scalar (vector paths off)";
    }
}
