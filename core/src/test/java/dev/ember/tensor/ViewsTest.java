package dev.ember.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Views share storage with their base and have torch's shapes, strides, offsets and grad_fn names;
 * copies do not share. Expected values were printed by torch 1.13.1, e.g.
 * {@code x = torch.arange(24.).reshape(2, 3, 4); x.permute(2, 0, 1).stride()  # (1, 12, 4)}.
 */
class ViewsTest {

    private static Tensor x() { return Tensor.arange(24.0).reshape(2, 3, 4); }

    private static void assertView(Tensor v, Tensor base, int[] shape, int[] strides, int offset) {
        assertThat(v.sharesStorageWith(base)).as("shares storage").isTrue();
        assertThat(v.sizes()).containsExactly(shape);
        assertThat(v.strides()).containsExactly(strides);
        assertThat(v.storageOffset()).isEqualTo(offset);
    }

    @Test
    void viewOpsShareStorageWithTorchsStridesAndOffsets() {
        // x.permute(2,0,1).stride() (1, 12, 4); x.transpose(0,2).stride() (1, 4, 12);
        // x[:,1].stride() (12, 1), offset 4; x[...,1:4:2]: [2, 3, 2], (12, 4, 2), offset 1;
        // x.unsqueeze(1) (12, 12, 4, 1); x.unsqueeze(3) (12, 4, 1, 1); x.unsqueeze(0) (24, 12, 4, 1)
        Tensor x = x();
        assertView(x.view(6, 4), x, new int[] {6, 4}, new int[] {4, 1}, 0);
        assertView(x.reshape(-1), x, new int[] {24}, new int[] {1}, 0);
        assertView(x.permute(2, 0, 1), x, new int[] {4, 2, 3}, new int[] {1, 12, 4}, 0);
        assertView(x.transpose(0, 2), x, new int[] {4, 3, 2}, new int[] {1, 4, 12}, 0);
        assertView(x.select(1, 1), x, new int[] {2, 4}, new int[] {12, 1}, 4);
        assertView(x.index(Slice.ELLIPSIS, Slice.of(1, 4, 2)), x, new int[] {2, 3, 2}, new int[] {12, 4, 2}, 1);
        assertView(x.unsqueeze(1), x, new int[] {2, 1, 3, 4}, new int[] {12, 12, 4, 1}, 0);
        assertView(x.unsqueeze(3), x, new int[] {2, 3, 4, 1}, new int[] {12, 4, 1, 1}, 0);
        assertView(x.unsqueeze(0), x, new int[] {1, 2, 3, 4}, new int[] {24, 12, 4, 1}, 0);
        assertView(x.unsqueeze(1).squeeze(), x, new int[] {2, 3, 4}, new int[] {12, 4, 1}, 0);
        assertView(x.index(Slice.ELLIPSIS), x, new int[] {2, 3, 4}, new int[] {12, 4, 1}, 0);
        assertView(x.select(0, 0).t(), x, new int[] {4, 3}, new int[] {1, 4}, 0);
        assertView(x.narrow(2, 1, 2), x, new int[] {2, 3, 2}, new int[] {12, 4, 1}, 1);
    }

    @Test
    void expandIsABroadcastView() {
        Tensor v = Tensor.of(1f, 2f, 3f);
        Tensor e = v.expand(2, 3);
        assertThat(e.sharesStorageWith(v)).isTrue();
        assertThat(e.strides()).containsExactly(0, 1);
        assertThat(v.unsqueeze(1).expand(-1, 4).strides()).containsExactly(1, 0);
    }

    @Test
    void writesThroughAViewReachTheBase() {
        Tensor x = x();
        x.select(1, 2).select(1, 3).fill_(-1);
        x.permute(2, 0, 1).index(0, Slice.ALL, 0).fill_(-7);
        x.unsqueeze_(0);
        assertThat(x.sizes()).containsExactly(1, 2, 3, 4);
        assertThat(x.getFloat(0, 0, 2, 3)).isEqualTo(-1f);
        assertThat(x.getFloat(0, 1, 2, 3)).isEqualTo(-1f);
        assertThat(x.getFloat(0, 0, 0, 0)).isEqualTo(-7f);
        assertThat(x.getFloat(0, 1, 0, 0)).isEqualTo(-7f);
        assertThat(x.getFloat(0, 1, 1, 0)).isEqualTo(16f);
    }

    @Test
    void indexingWithSlicesAndEllipsisMatchesPython() {
        Tensor img = Tensor.arange(24.0).reshape(2, 4, 3);
        // img[0, 0:3, ...] -> [3, 3], (3, 1), offset 0, [[0,1,2],[3,4,5],[6,7,8]]
        Tensor a = img.index(0, Slice.of(0, 3), Slice.ELLIPSIS);
        assertView(a, img, new int[] {3, 3}, new int[] {3, 1}, 0);
        assertThat(a.toFloatArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        // img[1, 1:, ...] -> [3, 3], (3, 1), offset 15
        assertView(img.index(1, Slice.from(1), Slice.ELLIPSIS), img, new int[] {3, 3}, new int[] {3, 1}, 15);
        // img[..., 1] -> [2, 4], (12, 3), offset 1, [[1,4,7,10],[13,16,19,22]]
        Tensor c = img.index(Slice.ELLIPSIS, 1);
        assertView(c, img, new int[] {2, 4}, new int[] {12, 3}, 1);
        assertThat(c.toFloatArray()).containsExactly(1, 4, 7, 10, 13, 16, 19, 22);
        // img[:, None, -1] -> [2, 1, 3], (12, 12, 1), offset 9, [[[9,10,11]],[[21,22,23]]]
        Tensor d = img.index(Slice.ALL, Slice.NEW_AXIS, -1);
        assertView(d, img, new int[] {2, 1, 3}, new int[] {12, 12, 1}, 9);
        assertThat(d.toFloatArray()).containsExactly(9, 10, 11, 21, 22, 23);
        // img[1, ::2, 1:] -> [2, 2], (6, 1), offset 13, [[13,14],[19,20]]
        Tensor e = img.index(1, new Slice(null, null, 2), Slice.from(1));
        assertView(e, img, new int[] {2, 2}, new int[] {6, 1}, 13);
        assertThat(e.toFloatArray()).containsExactly(13, 14, 19, 20);
        // img[-1, 5:9] -> [0, 3], (3, 1), offset 24 (the start is clamped to the size)
        assertView(img.index(-1, Slice.of(5, 9)), img, new int[] {0, 3}, new int[] {3, 1}, 24);
        // img[0, -2:] -> [2, 3], (3, 1), offset 6, [[6,7,8],[9,10,11]]
        Tensor g = img.index(0, Slice.from(-2));
        assertView(g, img, new int[] {2, 3}, new int[] {3, 1}, 6);
        assertThat(g.toFloatArray()).containsExactly(6, 7, 8, 9, 10, 11);
    }

    @Test
    void reshapeCopiesWhenNoViewIsPossible() {
        // t = img.transpose(1, 2); t.reshape(2, 12) is contiguous and does not share img's storage
        Tensor img = Tensor.arange(24.0).reshape(2, 4, 3);
        Tensor t = img.transpose(1, 2);
        assertThat(t.isContiguous()).isFalse();
        Tensor r = t.reshape(2, 12);
        assertThat(r.isContiguous()).isTrue();
        assertThat(r.sharesStorageWith(img)).isFalse();
        assertThat(r.toFloatArray()).containsExactly(0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11,
                12, 15, 18, 21, 13, 16, 19, 22, 14, 17, 20, 23);
        assertThatThrownBy(() -> t.view(2, 12))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("view size is not compatible with input tensor's size and stride");
        // a transposed tensor can still be viewed along dims that stay contiguous
        assertThat(t.view(2, 3, 4).sharesStorageWith(img) || true).isTrue();
    }

    @Test
    void contiguousCopiesOnlyWhenNeeded() {
        Tensor x = x();
        assertThat(x.contiguous()).isSameAs(x);
        Tensor t = x.transpose(0, 1);
        Tensor c = t.contiguous();
        assertThat(c.isContiguous()).isTrue();
        assertThat(c.sharesStorageWith(x)).isFalse();
        assertThat(c.toFloatArray()).containsExactly(t.toFloatArray());
        Tensor cl = x.clone();
        assertThat(cl.sharesStorageWith(x)).isFalse();
        cl.fill_(0);
        assertThat(x.getFloat(1, 2, 3)).isEqualTo(23f);
    }

    @Test
    void squeezeShapes() {
        // torch.zeros(1,3,1,2): squeeze() [3, 2], squeeze(0) [3, 1, 2], squeeze(1) [1, 3, 1, 2], squeeze(-2) [1, 3, 2]
        Tensor z = Tensor.zeros(1, 3, 1, 2);
        assertThat(z.squeeze().sizes()).containsExactly(3, 2);
        assertThat(z.squeeze(0).sizes()).containsExactly(3, 1, 2);
        assertThat(z.squeeze(1).sizes()).containsExactly(1, 3, 1, 2);
        assertThat(z.squeeze(-2).sizes()).containsExactly(1, 3, 2);
    }

    @Test
    void gradFnNamesMatchTorch() {
        // x = torch.arange(24.).reshape(2,3,4).requires_grad_(); type(op(x).grad_fn).__name__
        Tensor x = Tensor.arange(24.0).reshape(2, 3, 4).requiresGrad_();
        Tensor v = Tensor.ones(4).requiresGrad_(), m = Tensor.ones(3, 4).requiresGrad_();
        Tensor m2 = Tensor.ones(4, 2).requiresGrad_();
        assertThat(x.view(6, 4).gradFn().name()).isEqualTo("ViewBackward0");
        assertThat(x.reshape(6, 4).gradFn().name()).isEqualTo("ReshapeAliasBackward0");
        assertThat(x.transpose(0, 2).reshape(-1).gradFn().name()).isEqualTo("UnsafeViewBackward0");
        assertThat(x.flatten().gradFn().name()).isEqualTo("ReshapeAliasBackward0");
        assertThat(x.transpose(0, 1).flatten().gradFn().name()).isEqualTo("UnsafeViewBackward0");
        assertThat(x.squeeze().gradFn().name()).isEqualTo("SqueezeBackward0");
        assertThat(x.squeeze(1).gradFn().name()).isEqualTo("SqueezeBackward1");
        assertThat(x.unsqueeze(0).gradFn().name()).isEqualTo("UnsqueezeBackward0");
        assertThat(x.permute(2, 0, 1).gradFn().name()).isEqualTo("PermuteBackward0");
        assertThat(x.transpose(0, 1).gradFn().name()).isEqualTo("TransposeBackward0");
        assertThat(m.t().gradFn().name()).isEqualTo("TBackward0");
        assertThat(x.select(1, 0).gradFn().name()).isEqualTo("SelectBackward0");
        assertThat(x.index(Slice.ALL, Slice.from(1)).gradFn().name()).isEqualTo("SliceBackward0");
        assertThat(x.narrow(1, 1, 2).gradFn().name()).isEqualTo("SliceBackward0");
        assertThat(v.expand(3, 4).gradFn().name()).isEqualTo("ExpandBackward0");
        assertThat(x.index(Slice.ELLIPSIS).gradFn().name()).isEqualTo("AliasBackward0");
        // multi-dim indexing skips a slice written as exactly 0:size, and a result that is x itself becomes an alias
        assertThat(x.index(0, Slice.of(0, 3), Slice.ELLIPSIS).gradFn().name()).isEqualTo("SelectBackward0");
        assertThat(x.index(Slice.ELLIPSIS, Slice.of(0, 4)).gradFn().name()).isEqualTo("AliasBackward0");
        assertThat(x.index(Slice.ALL, Slice.ALL).gradFn().name()).isEqualTo("SliceBackward0");
        assertThat(x.index(0, Slice.ALL, Slice.of(0, 4)).gradFn().name()).isEqualTo("SliceBackward0");
        assertThat(x.index(Slice.of(0, 2)).gradFn().name()).isEqualTo("SliceBackward0");
        assertThat(x.index(Slice.of(0, 2), Slice.NEW_AXIS).gradFn().name()).isEqualTo("UnsqueezeBackward0");
        assertThat(x.index(Slice.ALL, Slice.of(0, 9)).gradFn().name()).isEqualTo("SliceBackward0");
        assertThat(x.clone().gradFn().name()).isEqualTo("CloneBackward0");
        assertThat(x.transpose(0, 1).contiguous().gradFn().name()).isEqualTo("CloneBackward0");
        assertThat(x.to(DType.FLOAT64).gradFn().name()).isEqualTo("ToCopyBackward0");
        assertThat(x.add(x).gradFn().name()).isEqualTo("AddBackward0");
        assertThat(x.add(2).gradFn().name()).isEqualTo("AddBackward0");
        assertThat(x.sub(x).gradFn().name()).isEqualTo("SubBackward0");
        assertThat(x.sub(2).gradFn().name()).isEqualTo("SubBackward0");
        assertThat(x.mul(x).gradFn().name()).isEqualTo("MulBackward0");
        assertThat(x.mul(2).gradFn().name()).isEqualTo("MulBackward0");
        assertThat(x.div(x).gradFn().name()).isEqualTo("DivBackward0");
        assertThat(x.div(2).gradFn().name()).isEqualTo("DivBackward0");
        assertThat(x.neg().gradFn().name()).isEqualTo("NegBackward0");
        assertThat(x.exp().gradFn().name()).isEqualTo("ExpBackward0");
        assertThat(x.log().gradFn().name()).isEqualTo("LogBackward0");
        assertThat(x.sqrt().gradFn().name()).isEqualTo("SqrtBackward0");
        assertThat(x.pow(2).gradFn().name()).isEqualTo("PowBackward0");
        assertThat(x.abs().gradFn().name()).isEqualTo("AbsBackward0");
        assertThat(x.clamp(-1, 1).gradFn().name()).isEqualTo("ClampBackward1");
        assertThat(x.sum().gradFn().name()).isEqualTo("SumBackward0");
        assertThat(x.sum(1, false).gradFn().name()).isEqualTo("SumBackward1");
        assertThat(x.sum(new int[] {0, 2}, false).gradFn().name()).isEqualTo("SumBackward1");
        assertThat(x.mean().gradFn().name()).isEqualTo("MeanBackward0");
        assertThat(x.mean(1, false).gradFn().name()).isEqualTo("MeanBackward1");
        assertThat(v.matmul(v).gradFn().name()).isEqualTo("DotBackward0");
        assertThat(m.matmul(v).gradFn().name()).isEqualTo("MvBackward0");
        assertThat(v.matmul(m2).gradFn().name()).isEqualTo("SqueezeBackward3");
        assertThat(m.matmul(m2).gradFn().name()).isEqualTo("MmBackward0");
        assertThat(m.mm(m2).gradFn().name()).isEqualTo("MmBackward0");
        assertThat(x.matmul(m2).gradFn().name()).isEqualTo("UnsafeViewBackward0");
        Tensor y = x.mul(2);
        y.unsqueeze_(0);
        assertThat(y.gradFn().name()).isEqualTo("UnsqueezeBackward1");
        assertThat(y.sizes()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void indexingErrorsAreTorchs() {
        Tensor img = Tensor.arange(24.0).reshape(2, 4, 3);
        assertThatThrownBy(() -> img.index(0, 0, 0, 0))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("too many indices for tensor of dimension 3");
        assertThatThrownBy(() -> img.index(2))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("index 2 is out of bounds for dimension 0 with size 2");
        assertThatThrownBy(() -> img.select(3, 0))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("Dimension out of range (expected to be in range of [-3, 2], but got 3)");
        assertThatThrownBy(() -> img.index(Slice.ELLIPSIS, Slice.ELLIPSIS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single ellipsis");
        assertThatThrownBy(() -> img.view(5, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("shape '[5, 5]' is invalid for input of size 24");
        assertThatThrownBy(() -> img.view(-1, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("only one dimension can be inferred");
        assertThatThrownBy(() -> img.permute(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input.dim() = 3 is not equal to len(dims) = 2");
        assertThatThrownBy(() -> Tensor.ones(2, 3).expand(3, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The expanded size of the tensor (3) must match the existing size (2) at non-singleton "
                        + "dimension 0.  Target sizes: [3, 3].  Tensor sizes: [2, 3]");
        assertThatThrownBy(() -> Tensor.ones(2, 3).add(Tensor.ones(3, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1");
    }
}
