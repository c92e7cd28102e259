package dev.ember.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Result dtypes of the arithmetic ops, from torch 1.13.1:
 * {@code for a, b in product([f32, f64, i64, b], repeat=2): getattr(torch, op)(a, b).dtype}, with
 * 0-dim tensors ({@code torch.tensor(2, dtype=...)}) and Python numbers on either side.
 */
class TypePromotionTest {
    private static final DType F32 = DType.FLOAT32, F64 = DType.FLOAT64, I64 = DType.INT64, B = DType.BOOL;
    private static final DType[] ORDER = {F32, F64, I64, B};

    private static Tensor t(DType d) { return Tensor.ones(d, 2); }

    private static Tensor zeroDim(DType d) { return Tensor.scalar(2, d); }

    private static final Map<String, BinaryOperator<Tensor>> OPS =
            Map.of("add", Tensor::add, "sub", Tensor::sub, "mul", Tensor::mul, "div", Tensor::div);

    /** Rows a ∈ {f32, f64, i64, bool}, columns b in the same order; null = error. */
    private static void checkTable(String op, DType[][] expected) {
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                Tensor a = t(ORDER[i]), b = t(ORDER[j]);
                if (expected[i][j] == null) {
                    assertThatThrownBy(() -> OPS.get(op).apply(a, b)).as("%s %s %s", op, ORDER[i], ORDER[j])
                            .isInstanceOf(IllegalArgumentException.class);
                } else {
                    assertThat(OPS.get(op).apply(a, b).dtype()).as("%s %s %s", op, ORDER[i], ORDER[j])
                            .isEqualTo(expected[i][j]);
                }
            }
        }
    }

    @Test
    void tensorTensorTables() {
        DType[][] add = {{F32, F64, F32, F32}, {F64, F64, F64, F64}, {F32, F64, I64, I64}, {F32, F64, I64, B}};
        checkTable("add", add);
        checkTable("mul", add);
        // sub with any bool operand raises
        checkTable("sub", new DType[][] {{F32, F64, F32, null}, {F64, F64, F64, null}, {F32, F64, I64, null},
                {null, null, null, null}});
        // true division: integer and bool operands give float32
        checkTable("div", new DType[][] {{F32, F64, F32, F32}, {F64, F64, F64, F64}, {F32, F64, F32, F32},
                {F32, F64, F32, F32}});
    }

    @Test
    void zeroDimTensorsOnlyWinAcrossCategories() {
        // torch.ones(2) + torch.tensor(2, dtype=torch.float64) -> float32 (same category: the dimensioned tensor wins)
        assertThat(t(F32).add(zeroDim(F64)).dtype()).isEqualTo(F32);
        assertThat(zeroDim(F64).add(t(F32)).dtype()).isEqualTo(F32);
        assertThat(t(F64).mul(zeroDim(F32)).dtype()).isEqualTo(F64);
        assertThat(t(F32).mul(zeroDim(I64)).dtype()).isEqualTo(F32);
        // int64 tensor with a 0-dim float64 -> float64 (higher category: the 0-dim dtype counts)
        assertThat(t(I64).add(zeroDim(F64)).dtype()).isEqualTo(F64);
        assertThat(zeroDim(F32).mul(t(I64)).dtype()).isEqualTo(F32);
        assertThat(t(B).add(zeroDim(I64)).dtype()).isEqualTo(I64);
        assertThat(t(B).div(zeroDim(I64)).dtype()).isEqualTo(F32);
        assertThat(t(I64).div(zeroDim(I64)).dtype()).isEqualTo(F32);
        // two 0-dim tensors promote normally: tensor(1., f64) + tensor(1., f32) -> float64
        assertThat(zeroDim(F64).add(zeroDim(F32)).dtype()).isEqualTo(F64);
        assertThat(zeroDim(I64).add(zeroDim(F32)).dtype()).isEqualTo(F32);
    }

    @Test
    void pythonNumbers() {
        // f32 + 2 / 2.5 -> float32; f64 + 2.5 -> float64; i64 + 2 -> int64; i64 + 2.5 -> float32;
        // bool + 2 -> int64; bool + 2.5 -> float32; i64 / 2 -> float32
        assertThat(t(F32).add(2).dtype()).isEqualTo(F32);
        assertThat(t(F32).mul(2.5).dtype()).isEqualTo(F32);
        assertThat(t(F64).add(2.5).dtype()).isEqualTo(F64);
        assertThat(t(I64).add(2).dtype()).isEqualTo(I64);
        assertThat(t(I64).mul(2.5).dtype()).isEqualTo(F32);
        assertThat(t(B).add(2).dtype()).isEqualTo(I64);
        assertThat(t(B).mul(2.5).dtype()).isEqualTo(F32);
        assertThat(t(I64).div(2).dtype()).isEqualTo(F32);
        // torch.tensor([1, 2]) + 2.5 -> tensor([3.5, 4.5])
        assertThat(Tensor.of(1L, 2L).add(2.5).toFloatArray()).containsExactly(3.5f, 4.5f);
        // torch.tensor([7, -7]) / torch.tensor([2, 2]) -> tensor([3.5, -3.5])
        assertThat(Tensor.of(7L, -7L).div(Tensor.of(2L, 2L)).toFloatArray()).containsExactly(3.5f, -3.5f);
    }

    @Test
    void unaryOpsAndReductions() {
        // exp/log/sqrt of int64 or bool -> float32; neg/abs of int64 -> int64; sum of int64/bool -> int64
        for (DType d : new DType[] {I64, B}) {
            assertThat(t(d).exp().dtype()).isEqualTo(F32);
            assertThat(t(d).log().dtype()).isEqualTo(F32);
            assertThat(t(d).sqrt().dtype()).isEqualTo(F32);
            assertThat(t(d).sum().dtype()).isEqualTo(I64);
        }
        assertThat(t(F64).exp().dtype()).isEqualTo(F64);
        assertThat(t(I64).neg().dtype()).isEqualTo(I64);
        assertThat(t(I64).abs().dtype()).isEqualTo(I64);
        assertThat(t(F64).sum().dtype()).isEqualTo(F64);
        assertThat(t(F32).mean().dtype()).isEqualTo(F32);
        assertThatThrownBy(() -> t(B).neg())
                .hasMessageContaining("Negation, the `-` operator, on a bool tensor is not supported.");
        assertThatThrownBy(() -> t(I64).mean())
                .hasMessage("mean(): could not infer output dtype. Input dtype must be either a floating point or "
                        + "complex dtype. Got: Long");
        assertThatThrownBy(() -> t(B).mean()).hasMessageEndingWith("Got: Bool");
        assertThatThrownBy(() -> t(B).sub(t(B)))
                .hasMessageContaining("Subtraction, the `-` operator, with two bool tensors is not supported.");
        assertThatThrownBy(() -> t(F32).sub(t(B)))
                .hasMessageContaining("Subtraction, the `-` operator, with a bool tensor is not supported.");
    }

    @Test
    void oversizedTensorsAreRefusedWithAClearMessage() {
        // torch.zeros(100000, 100000) needs 40 GB; Java arrays cannot hold it. Never NegativeArraySizeException.
        assertThatThrownBy(() -> Tensor.zeros(100000, 100000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[100000, 100000]")
                .hasMessageContaining("more elements than a Java array can hold");
        // 65536·65536 = 2^32 wraps to 0 in int arithmetic
        assertThatThrownBy(() -> Tensor.zeros(DType.FLOAT64, 65536, 65536))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[65536, 65536]");
        assertThatThrownBy(() -> Tensor.ones(46341, 46341)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tensor.full(1, 1 << 16, 1 << 16, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tensor.ones(4).expand(1 << 16, 1 << 16, 4).contiguous())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tensor.arange(0L, 1L << 40)).isInstanceOf(IllegalArgumentException.class);
        // torch.zeros(2, -1) -> Trying to create tensor with negative dimension -1: [2, -1]
        assertThatThrownBy(() -> Tensor.zeros(2, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Trying to create tensor with negative dimension -1: [2, -1]");
    }
}
