package dev.ember.nn.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.nn.Linear;
import dev.ember.nn.MaxUnpool2d;
import dev.ember.nn.PReLU;
import dev.ember.tensor.DType;
import dev.ember.tensor.Tensor;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Every validation error of the pooling (§2, §6), linear (§9) and activation (§10) layers raises an
 * IllegalArgumentException whose message contains torch 1.13.1's text, offending values included.
 * The messages were printed by {@code try: f() except Exception as e: print(repr(str(e)))}, with
 * {@code z = torch.zeros; mp = F.max_pool2d; ap = F.avg_pool2d}.
 */
class LayerErrorsTest {

    private static void fails(ThrowingCallable call, String torchMessage) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(torchMessage);
    }

    private static Tensor z(int... shape) { return Tensor.zeros(shape); }

    private static MaxPool2dOptions mp(IntArg k) { return MaxPool2dOptions.of(k); }

    private static Tensor mp(Tensor x, MaxPool2dOptions o) { return F.maxPool2d(x, o); }

    private static Tensor ap(Tensor x, AvgPool2dOptions o) { return F.avgPool2d(x, o); }

    // ---------------------------------------------------------------- §2 pooling arguments

    @Test
    void argumentArity() {
        Tensor x = z(1, 1, 5, 5);
        IntArg three = IntArg.tuple(2, 2, 2);
        // mp(z(1,1,5,5), (2,2,2)) etc.
        fails(() -> mp(x, mp(three)), "max_pool2d: kernel_size must either be a single int, or a tuple of two ints");
        fails(() -> mp(x, MaxPool2dOptions.of(2).stride(three)),
                "max_pool2d: stride must either be omitted, a single int, or a tuple of two ints");
        fails(() -> mp(x, MaxPool2dOptions.of(2).padding(three)),
                "max_pool2d: padding must be either be a single int, or a tuple of two ints");
        fails(() -> mp(x, MaxPool2dOptions.of(2).dilation(three)),
                "max_pool2d: dilation must be either a single int, or a tuple of two ints");
        fails(() -> ap(x, AvgPool2dOptions.of(three)), "avg_pool2d: kernel_size must either be a single int, or a tuple of two ints");
        fails(() -> ap(x, AvgPool2dOptions.of(2).stride(three)),
                "avg_pool2d: stride must either be omitted, a single int, or a tuple of two ints");
        fails(() -> ap(x, AvgPool2dOptions.of(2).padding(three)),
                "avg_pool2d: padding must either be a single int, or a tuple of two ints");
        // ap(z(1,1,5,5), 2, divisor_override=0) and ap(z(5,5), 2, divisor_override=0): the divisor is checked before the rank
        fails(() -> ap(x, AvgPool2dOptions.of(2).divisorOverride(0)), "divisor must be not zero");
        fails(() -> ap(z(5, 5), AvgPool2dOptions.of(2).divisorOverride(0)), "divisor must be not zero");
    }

    @Test
    void inputRank() {
        fails(() -> F.maxPool2d(z(5, 5), 2), "non-empty 3D or 4D (batch mode) tensor expected for input");
        fails(() -> F.maxPool2d(z(1, 1, 1, 5, 5), 2), "non-empty 3D or 4D (batch mode) tensor expected for input");
        fails(() -> mp(z(1, 1, 1, 5, 5), MaxPool2dOptions.of(2).stride(0)),
                "non-empty 3D or 4D (batch mode) tensor expected for input");
        // ap(z(5,5), 2) -> IndexError: Dimension out of range (expected to be in range of [-2, 1], but got -3)
        fails(() -> F.avgPool2d(z(5, 5), 2), "Dimension out of range (expected to be in range of [-2, 1], but got -3)");
        fails(() -> F.avgPool2d(z(5), 2), "Dimension out of range (expected to be in range of [-1, 0], but got -3)");
        fails(() -> F.avgPool2d(z(1, 1, 1, 5, 5), 2),
                "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:[1, 1, 1, 5, 5]");
        // rank 5 reaches the output-size checks first: ap(z(1,1,1,5,5), 2, 0) -> stride should not be zero
        fails(() -> ap(z(1, 1, 1, 5, 5), AvgPool2dOptions.of(2).stride(0)), "stride should not be zero");
        fails(() -> ap(z(1, 1, 1, 5, 5), AvgPool2dOptions.of(2).stride(1).padding(2)),
                "pad should be at most half of kernel size, but got pad=2 and kernel_size=2");
    }

    @Test
    void strideKernelPaddingDilation() {
        Tensor x = z(1, 1, 5, 5);
        fails(() -> mp(x, MaxPool2dOptions.of(2).stride(0)), "stride should not be zero");
        fails(() -> mp(x, MaxPool2dOptions.of(2).stride(1, 0)), "stride should not be zero");
        fails(() -> ap(x, AvgPool2dOptions.of(2).stride(0)), "stride should not be zero");
        // kernel_size=0 with the default stride lands on the stride check
        fails(() -> F.maxPool2d(x, 0), "stride should not be zero");
        fails(() -> F.avgPool2d(x, 0), "stride should not be zero");
        fails(() -> mp(x, MaxPool2dOptions.of(0).stride(1)), "kernel size should be greater than zero, but got kH: 0 kW: 0");
        fails(() -> ap(x, AvgPool2dOptions.of(0).stride(1)), "kernel size should be greater than zero, but got kH: 0 kW: 0");
        fails(() -> mp(x, MaxPool2dOptions.of(-1).stride(1)), "kernel size should be greater than zero, but got kH: -1 kW: -1");
        fails(() -> mp(x, MaxPool2dOptions.of(-1, 2).stride(1)), "kernel size should be greater than zero, but got kH: -1 kW: 2");
        fails(() -> ap(x, AvgPool2dOptions.of(-1).stride(1)), "kernel size should be greater than zero, but got kH: -1 kW: -1");
        fails(() -> mp(x, MaxPool2dOptions.of(2).stride(-1)), "stride should be greater than zero, but got dH: -1 dW: -1");
        fails(() -> ap(x, AvgPool2dOptions.of(2).stride(-1)), "stride should be greater than zero, but got dH: -1 dW: -1");
        fails(() -> mp(x, MaxPool2dOptions.of(2).stride(2).padding(-1)), "pad must be non-negative, but got pad: -1");
        fails(() -> ap(x, AvgPool2dOptions.of(2).stride(2).padding(-1)), "pad must be non-negative, but got pad: -1");
        fails(() -> mp(x, MaxPool2dOptions.of(3).stride(1).padding(2)),
                "pad should be at most half of kernel size, but got pad=2 and kernel_size=3");
        fails(() -> ap(x, AvgPool2dOptions.of(3).stride(1).padding(2)),
                "pad should be at most half of kernel size, but got pad=2 and kernel_size=3");
        fails(() -> mp(x, MaxPool2dOptions.of(3).stride(1).padding(0, 2)),
                "pad should be at most half of kernel size, but got pad=2 and kernel_size=3");
        // 1.13.1 ignores dilation in the pad rule: mp(z(1,1,9,9), 3, 1, 2, 3) fails, mp(z(1,1,9,9), 2, 1, 1, 3) -> (1, 1, 8, 8)
        fails(() -> mp(z(1, 1, 9, 9), MaxPool2dOptions.of(3).stride(1).padding(2).dilation(3)),
                "pad should be at most half of kernel size, but got pad=2 and kernel_size=3");
        assertThat(mp(z(1, 1, 9, 9), MaxPool2dOptions.of(2).stride(1).padding(1).dilation(3)).sizes())
                .containsExactly(1, 1, 8, 8);
        fails(() -> mp(x, MaxPool2dOptions.of(2).stride(1).dilation(0)),
                "dilation should be greater than zero, but got dilationH: 0 dilationW: 0");
        fails(() -> mp(x, MaxPool2dOptions.of(2).stride(1).dilation(1, -1)),
                "dilation should be greater than zero, but got dilationH: 1 dilationW: -1");
    }

    @Test
    void emptyDimsAndTooSmallOutputs() {
        String expected = "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:";
        fails(() -> F.maxPool2d(z(2, 0, 5, 5), 2), expected + "[2, 0, 5, 5]");
        fails(() -> F.maxPool2d(z(2, 1, 0, 5), 2), expected + "[2, 1, 0, 5]");
        fails(() -> F.maxPool2d(z(2, 1, 5, 0), 2), expected + "[2, 1, 5, 0]");
        fails(() -> F.maxPool2d(z(0, 5, 5), 2), expected + "[0, 5, 5]");
        fails(() -> F.avgPool2d(z(2, 0, 5, 5), 2), expected + "[2, 0, 5, 5]");
        fails(() -> F.avgPool2d(z(0, 5, 5), 2), expected + "[0, 5, 5]");
        fails(() -> F.maxPool2d(z(1, 5, 5), 6),
                "Given input size: (1x5x5). Calculated output size: (1x0x0). Output size is too small");
        fails(() -> mp(z(3, 2, 5, 5), MaxPool2dOptions.of(2, 6)),
                "Given input size: (2x5x5). Calculated output size: (2x2x0). Output size is too small");
        fails(() -> F.avgPool2d(z(1, 5, 5), 6),
                "Given input size: (1x5x5). Calculated output size: (1x0x0). Output size is too small");
        fails(() -> mp(z(1, 1, 5, 5), MaxPool2dOptions.of(3).stride(1).dilation(3)),
                "Given input size: (1x5x5). Calculated output size: (1x-1x-1). Output size is too small");
    }

    @Test
    void checkOrder() {
        // mp(z(1,1,5,5), 0, 1, -1) -> pad; mp(.., 2, 0, -1) -> stride; mp(z(1,0,5,5), 2, 2, -1) -> pad;
        // mp(z(1,0,5,5), -1, 1) -> kernel; mp(z(1,0,1,1), 2) -> Expected 3D ...
        fails(() -> mp(z(1, 1, 5, 5), MaxPool2dOptions.of(0).stride(1).padding(-1)), "pad must be non-negative, but got pad: -1");
        fails(() -> mp(z(1, 1, 5, 5), MaxPool2dOptions.of(2).stride(0).padding(-1)), "stride should not be zero");
        fails(() -> mp(z(1, 0, 5, 5), MaxPool2dOptions.of(2).stride(2).padding(-1)), "pad must be non-negative, but got pad: -1");
        fails(() -> mp(z(1, 0, 5, 5), MaxPool2dOptions.of(-1).stride(1)), "kernel size should be greater than zero");
        fails(() -> F.maxPool2d(z(1, 0, 1, 1), 2),
                "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:[1, 0, 1, 1]");
    }

    @Test
    void unsupportedDtypes() {
        fails(() -> F.maxPool2d(Tensor.zeros(DType.INT64, 1, 1, 4, 4), 2), "\"max_pool2d\" not implemented for 'Long'");
        fails(() -> F.maxPool2d(Tensor.zeros(DType.BOOL, 1, 1, 4, 4), 2), "\"max_pool2d\" not implemented for 'Bool'");
        fails(() -> F.avgPool2d(Tensor.zeros(DType.BOOL, 1, 1, 4, 4), 2), "\"avg_pool2d\" not implemented for 'Bool'");
    }

    // ---------------------------------------------------------------- §6 max_unpool2d

    private static Tensor idx(int... shape) { return Tensor.zeros(DType.INT64, shape); }

    private static final MaxUnpool2dOptions K2 = MaxUnpool2dOptions.of(2);

    @Test
    void maxUnpoolErrors() {
        Tensor x = Tensor.arange(1.0, 5.0, 1.0).reshape(1, 1, 2, 2);
        Tensor i = Tensor.of(0L, 1L, 2L, 3L).reshape(1, 1, 2, 2);
        fails(() -> F.maxUnpool2d(z(2, 2), idx(2, 2), K2),
                "Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with 2 dimensions.");
        fails(() -> F.maxUnpool2d(z(1, 1, 1, 2, 2), idx(1, 1, 1, 2, 2), K2),
                "Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with 5 dimensions.");
        // the rank is checked before the indices' shape
        fails(() -> F.maxUnpool2d(z(2, 2), idx(2, 3), K2),
                "Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with 2 dimensions.");
        fails(() -> F.maxUnpool2d(z(1, 1, 2, 2), idx(1, 1, 2, 3), K2),
                "Expected shape of indices to be same as that of the input tensor ([1, 1, 2, 2]) but got indices tensor "
                        + "with shape: [1, 1, 2, 3]");
        fails(() -> F.maxUnpool2d(z(1, 1, 2, 2), z(1, 1, 2, 2), K2), "elements in indices should be type int64 but got: Float");
        fails(() -> F.maxUnpool2d(z(1, 1, 2, 2), z(1, 1, 2, 3), K2), "elements in indices should be type int64 but got: Float");
        fails(() -> F.maxUnpool2d(x, Tensor.of(0L, 1L, 2L, 16L).reshape(1, 1, 2, 2), K2),
                "Found an invalid max index: 16 (output volumes are of size 4x4");
        fails(() -> F.maxUnpool2d(x, Tensor.of(0L, -1L, 2L, 3L).reshape(1, 1, 2, 2), K2),
                "Found an invalid max index: -1 (output volumes are of size 4x4");
        fails(() -> F.maxUnpool2d(Tensor.zeros(DType.INT64, 1, 1, 2, 2), i, K2), "\"max_unpool2d\" not implemented for 'Long'");
        fails(() -> F.maxUnpool2d(z(1, 0, 2, 2), idx(1, 0, 2, 2), K2),
                "max_unpooling2d_forward_out_cpu(): Expected input to have non-zero size for non-batch dimensions, but got "
                        + "[1, 0, 2, 2] with dimension 1 being empty.");
        fails(() -> F.maxUnpool2d(z(1, 0, 2), idx(1, 0, 2), K2),
                "max_unpooling2d_forward_out_cpu(): Expected input to have non-zero size for non-batch dimensions, but got "
                        + "[1, 0, 2] with dimension 1 being empty.");
        // output_size (ValueError in Python)
        fails(() -> F.maxUnpool2d(x, i, K2, new int[] {6, 6, 6}),
                "output_size should be a sequence containing 2 or 4 elements, but it has a length of '3'");
        fails(() -> F.maxUnpool2d(x, i, K2, new int[] {6, 6}), "invalid output_size \"[6, 6]\" (dim 0 must be between 2 and 6)");
        fails(() -> F.maxUnpool2d(x, i, K2, new int[] {1, 1, 6, 6}),
                "invalid output_size \"[6, 6]\" (dim 0 must be between 2 and 6)");
        fails(() -> F.maxUnpool2d(x, i, K2, new int[] {4, 2}), "invalid output_size \"[4, 2]\" (dim 1 must be between 2 and 6)");
        fails(() -> new MaxUnpool2d(2).forward(x, i, new int[] {6, 6}), "dim 0 must be between 2 and 6");
        // a 200000 x 200000 plane: torch fails to allocate 160 GB; Ember refuses with the size (never an ArithmeticException)
        fails(() -> F.maxUnpool2d(x, i, MaxUnpool2dOptions.of(100000)), "[200000, 200000]");
        // F.max_unpool2d(x, i, -1) and F.max_unpool2d(x, i, 2, padding=5) -> numel: integer multiplication overflow
        fails(() -> F.maxUnpool2d(x, i, MaxUnpool2dOptions.of(-1)), "numel: integer multiplication overflow");
        fails(() -> F.maxUnpool2d(x, i, MaxUnpool2dOptions.of(-1)), "[-2, -2]");
        fails(() -> F.maxUnpool2d(x, i, MaxUnpool2dOptions.of(2).padding(5)), "numel: integer multiplication overflow");
    }

    // ---------------------------------------------------------------- §9 linear

    @Test
    void linearErrors() {
        Tensor w = z(4, 3), b = z(4);
        // F.linear(z(2,5), W, b) with W (4, 3): mat1 is the input flattened to 2-d, mat2 is W^T
        fails(() -> F.linear(z(2, 5), w, b), "mat1 and mat2 shapes cannot be multiplied (2x5 and 3x4)");
        fails(() -> F.linear(z(5), w, b), "mat1 and mat2 shapes cannot be multiplied (1x5 and 3x4)");
        fails(() -> F.linear(z(2, 2, 2, 5), w, b), "mat1 and mat2 shapes cannot be multiplied (8x5 and 3x4)");
        fails(() -> F.linear(z(2, 2, 2, 5), w, null), "mat1 and mat2 shapes cannot be multiplied (8x5 and 3x4)");
        fails(() -> F.linear(Tensor.scalar(1), w, b), "both arguments to matmul need to be at least 1D, but they are 0D and 2D");
        fails(() -> F.linear(Tensor.scalar(1), w, null), "both arguments to matmul need to be at least 1D, but they are 0D and 2D");
        fails(() -> F.linear(Tensor.zeros(DType.FLOAT64, 2, 3), w, b), "mat1 and mat2 must have the same dtype");
        // nn.Linear(-1, 3) / nn.Linear(3, -1)
        fails(() -> new Linear(-1, 3), "Trying to create tensor with negative dimension -1: [3, -1]");
        fails(() -> new Linear(3, -1), "Trying to create tensor with negative dimension -1: [-1, 3]");
    }

    // ---------------------------------------------------------------- §10 activations

    @Test
    void activationErrors() {
        fails(() -> F.leakyRelu(Tensor.zeros(DType.INT64, 3)), "\"leaky_relu_cpu\" not implemented for 'Long'");
        fails(() -> F.relu(Tensor.of(true)), "Boolean inputs not supported for relu");
        fails(() -> F.prelu(z(2, 4, 3), z(3)),
                "Mismatch of parameter numbers and input channel size. Found parameter numbers = 3 and channel size = 4.");
        fails(() -> F.prelu(z(4), z(3)),
                "Mismatch of parameter numbers and input channel size. Found parameter numbers = 3 and channel size = 1.");
        fails(() -> new PReLU(3).forward(z(2, 4)), "Found parameter numbers = 3 and channel size = 4.");
        fails(() -> F.prelu(Tensor.scalar(1), z(3)), "Not allow zero-dim input tensor.");
        fails(() -> F.prelu(Tensor.zeros(DType.INT64, 2, 3), z(3)), "Found dtype Float but expected Long");
        fails(() -> F.prelu(Tensor.zeros(DType.FLOAT64, 2, 3), z(3)), "Found dtype Float but expected Double");
        // F.rrelu(z(3), 0.5, 0.2, training=False); F.rrelu(z(3, dtype=torch.long), training=False)
        fails(() -> Activations.rreluEval(z(3), 0.5, 0.2), "Lower bound should be less than or equal to the upper bound");
        fails(() -> Activations.rreluEval(Tensor.zeros(DType.INT64, 3), 1.0 / 8, 1.0 / 3),
                "\"leaky_relu_cpu\" not implemented for 'Long'");
    }

    @Test
    void inPlaceLeakyReluWithANegativeSlopeFailsInBackward() {
        // h = x*1; F.leaky_relu_(h, -0.5); h.sum().backward() -> RuntimeError: In-place leakyReLu backward calculation ...
        Tensor x = Tensor.of(-1f, 2f).requiresGrad_();
        Tensor h = F.leakyRelu_(x.mul(1), -0.5);
        assertThat(h.gradFn().name()).isEqualTo("LeakyReluBackward1");
        assertThatThrownBy(() -> h.sum().backward())
                .hasMessageContaining("In-place leakyReLu backward calculation is triggered with a negative slope which is "
                        + "not supported. This is caused by calling in-place forward function with a negative slope, please "
                        + "call out-of-place version instead.");
        // with slope 0.5: x.grad -> [0.5, 1.]
        Tensor y = Tensor.of(-1f, 2f).requiresGrad_();
        F.leakyRelu_(y.mul(1), 0.5).sum().backward();
        assertThat(y.grad().toFloatArray()).containsExactly(0.5f, 1f);
    }
}
