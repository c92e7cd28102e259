package dev.ember.tensor;

/** Element types Ember supports, named as PyTorch names them. */
public enum DType {
    FLOAT32("torch.float32", 4, true),
    FLOAT64("torch.float64", 8, true),
    INT64("torch.int64", 8, false),
    BOOL("torch.bool", 1, false);

    private final String torchName;
    private final int byteSize;
    private final boolean floating;

    DType(String torchName, int byteSize, boolean floating) {
        this.torchName = torchName;
        this.byteSize = byteSize;
        this.floating = floating;
    }

    /** {@code torch.float32} etc. */
    public String torchName() { return torchName; }

    public int byteSize() { return byteSize; }

    public boolean isFloatingPoint() { return floating; }

    /** PyTorch's short name in messages: {@code float}, {@code double}, {@code long}, {@code bool}. */
    public String cName() {
        return switch (this) {
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
            case INT64 -> "long";
            case BOOL -> "bool";
        };
    }

    /** PyTorch's ScalarType name in "not implemented for 'Long'" messages: Float, Double, Long, Bool. */
    public String scalarTypeName() {
        return switch (this) {
            case FLOAT32 -> "Float";
            case FLOAT64 -> "Double";
            case INT64 -> "Long";
            case BOOL -> "Bool";
        };
    }

    /** The type two operands promote to (PyTorch's rules for these four types). */
    public static DType promote(DType a, DType b) {
        if (a == FLOAT64 || b == FLOAT64) return FLOAT64;
        if (a == FLOAT32 || b == FLOAT32) return FLOAT32;
        if (a == INT64 || b == INT64) return INT64;
        return BOOL;
    }
}
