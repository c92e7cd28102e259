#!/usr/bin/env python3
"""Generates the tensor-printing and float-repr test tables from real torch / CPython.

Run with the torch that Ember mirrors (1.13.x) from the repository root:

    /usr/bin/python3 tools/printing/generate_cases.py

It writes two resources read by core's tests:

* core/src/test/resources/dev/ember/tensor/printing_cases.txt
    One block per tensor, line oriented (no JSON):

        case <name>
        dtype float32|float64|int64|bool
        shape <d0> <d1> ...            (nothing after "shape" for a 0-dim tensor)
        data b64 <base64>              little-endian storage of the contiguous base tensor
        data arange                    element i is i (large tensors, kept out of the file)
        view permute <dims...>         optional, applied to the base (repeatable)
        view slice <dim> <start> <end> <step>
        options <precision> <threshold> <edgeitems> <linewidth> <sci>   optional, sci = none|true|false
        grad none | leaf | fn <GradFnName>
        repr <n>
        <n lines of torch's repr>
        end

* core/src/test/resources/dev/ember/tensor/python_float_repr.txt
    One line per double: 16 hex digits of the IEEE bits, a space, CPython's repr().

The random choices are seeded, so rerunning reproduces the same files.
"""
import base64
import math
import os
import random
import struct
import sys

import numpy as np
import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RES = os.path.join(ROOT, "core", "src", "test", "resources", "dev", "ember", "tensor")

DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "bool": torch.bool}
NP_LE = {"float32": "<f4", "float64": "<f8", "int64": "<i8", "bool": "u1"}

rng = random.Random(20240601)
torch.manual_seed(1234)


# ---------------------------------------------------------------- value generators

def special_mix(values, rng, p=0.2, kinds=(math.nan, math.inf, -math.inf, 0.0, -0.0)):
    out = list(values)
    for i in range(len(out)):
        if rng.random() < p:
            out[i] = rng.choice(kinds)
    return out


def float_values(n, rng, kind):
    if kind == "randn":
        scale = 10 ** rng.uniform(-3, 4)
        return [rng.gauss(0, 1) * scale for _ in range(n)]
    if kind == "uniform01":
        return [rng.random() for _ in range(n)]
    if kind == "ints_small":
        return [float(rng.randint(-20, 20)) for _ in range(n)]
    if kind == "ints_wide":
        hi = rng.choice([999, 1000, 1001, 5000, 10 ** 6, 10 ** 8, 10 ** 8 + 8, 10 ** 9, 10 ** 12])
        return [float(rng.randint(-hi, hi)) for _ in range(n)]
    if kind == "huge":
        return [rng.choice([-1, 1]) * 10 ** rng.uniform(8, 30) for _ in range(n)]
    if kind == "tiny":
        return [rng.choice([-1, 1]) * 10 ** rng.uniform(-30, -4) for _ in range(n)]
    if kind == "spread":
        return [rng.choice([-1, 1]) * 10 ** rng.uniform(-8, 12) for _ in range(n)]
    if kind == "ties":
        # exactly representable values whose 5th decimal (or 5th significant digit) is a tie
        k = rng.choice([5, 6, 7])
        return [rng.randint(-4000, 4000) / 2 ** k for _ in range(n)]
    if kind == "sci_ties":
        base = [float(rng.randint(1, 99999) * 10 + 5) for _ in range(n)]
        return base[:-1] + [0.5]
    if kind == "near_1e-4":
        return [rng.choice([1e-4, 1.0001e-4, 0.5, 0.25, 2e-4, 9.9999e-5]) for _ in range(n)]
    if kind == "ratio_1000":
        return [rng.choice([1.0, 1000.0, 2.0, 500.0, 1.5, 1500.0, 1000.5]) for _ in range(n)]
    if kind == "near_1e8":
        return [rng.choice([1e8, 99999999.0, 100000008.0, 5e7, 1.0, 123.0]) for _ in range(n)]
    if kind == "round_up":
        return [rng.choice([9.99995, 0.99995, 99.99995, 9999.99995, 0.00015, 0.00025]) * rng.choice([1, -1])
                for _ in range(n)]
    if kind == "subnormal":
        return [rng.choice([1e-40, 1e-45, 3e-39, 1.0, -2.5, 1e-310, 5e-324]) for _ in range(n)]
    if kind == "extreme":
        return [rng.choice([3.4e38, -3.4e38, 1e300, 1.7976931348623157e308, 1.0, -1.0]) for _ in range(n)]
    raise ValueError(kind)


FLOAT_KINDS = ["randn", "uniform01", "ints_small", "ints_wide", "huge", "tiny", "spread", "ties",
               "sci_ties", "near_1e-4", "ratio_1000", "near_1e8", "round_up", "subnormal", "extreme"]


def make_base(dtype, shape, rng, kind=None, specials=0.0):
    n = 1
    for d in shape:
        n *= d
    if dtype in ("float32", "float64"):
        kind = kind or rng.choice(FLOAT_KINDS)
        vals = float_values(n, rng, kind) if n > 0 else []
        if specials > 0:
            vals = special_mix(vals, rng, specials)
        t = torch.tensor(vals, dtype=DTYPES[dtype]).reshape(shape)
        if rng.random() < 0.1 and n > 0:
            # NaN as x86 produces it (sign bit set): 0/0
            flat = t.reshape(-1)
            flat[rng.randrange(n)] = torch.tensor(0.0, dtype=t.dtype) / 0
        return t, kind
    if dtype == "int64":
        kind = kind or rng.choice(["small", "wide", "extreme", "zeros"])
        if kind == "small":
            vals = [rng.randint(-9, 9) for _ in range(n)]
        elif kind == "wide":
            hi = 10 ** rng.randint(1, 12)
            vals = [rng.randint(-hi, hi) for _ in range(n)]
        elif kind == "extreme":
            vals = [rng.choice([2 ** 63 - 1, -2 ** 63, 0, 1, -1, 2 ** 53 + 1]) for _ in range(n)]
        else:
            vals = [0] * n
        return torch.tensor(vals, dtype=torch.int64).reshape(shape), kind
    vals = [rng.random() < 0.5 for _ in range(n)]
    return torch.tensor(vals, dtype=torch.bool).reshape(shape), "bool"


def random_shape(rng, max_numel=60):
    rank = rng.choice([0, 1, 1, 1, 2, 2, 2, 3, 3, 4])
    while True:
        shape = [rng.randint(1, 9) for _ in range(rank)]
        n = 1
        for d in shape:
            n *= d
        if n <= max_numel:
            return shape


# ---------------------------------------------------------------- case writer

out_lines = []
count = 0


def emit(name, base, views=(), grad="none", options=None, arange=False):
    """base: a contiguous tensor without grad. grad: none | leaf | an op name applied before the views."""
    global count
    dtype = [k for k, v in DTYPES.items() if v == base.dtype][0]
    src = base
    if grad == "leaf":
        src = base.clone().requires_grad_()
    elif grad != "none":
        leaf = base.clone().requires_grad_()
        src = {"mul": lambda x: x * 1, "div": lambda x: x / 1, "add": lambda x: x + 0,
               "clone": lambda x: x.clone(), "neg2": lambda x: -(-x), "view": lambda x: x.view(x.shape)}[grad](leaf)
        assert src.grad_fn is not None
    t = src
    for v in views:
        if v[0] == "permute":
            t = t.permute(*v[1:])
        else:
            _, dim, start, end, step = v
            t = t[(slice(None),) * dim + (slice(start, end, step),)]
    if options is not None:
        torch.set_printoptions(precision=options[0], threshold=options[1], edgeitems=options[2],
                               linewidth=options[3], sci_mode=options[4])
    try:
        text = repr(t)
    finally:
        torch.set_printoptions(profile="default")
    # the stored data is the base the views were taken of, exactly as torch holds it
    data = src.detach().contiguous()
    if t.grad_fn is not None:
        gradline = "fn " + type(t.grad_fn).__name__
    elif t.requires_grad:
        gradline = "leaf"
    else:
        gradline = "none"
    out_lines.append("case " + name)
    out_lines.append("dtype " + dtype)
    out_lines.append(("shape " + " ".join(str(d) for d in data.shape)).rstrip())
    if arange:
        assert torch.equal(data.reshape(-1), torch.arange(data.numel(), dtype=data.dtype))
        out_lines.append("data arange")
    else:
        raw = np.ascontiguousarray(data.numpy()).astype(NP_LE[dtype]).tobytes()
        out_lines.append("data b64 " + base64.b64encode(raw).decode("ascii"))
    for v in views:
        out_lines.append("view " + " ".join(str(x) for x in v))
    if options is not None:
        sci = "none" if options[4] is None else str(options[4]).lower()
        out_lines.append("options %d %s %d %d %s" % (options[0], repr(float(options[1])), options[2], options[3], sci))
    out_lines.append("grad " + gradline)
    lines = text.split("\n")
    out_lines.append("repr %d" % len(lines))
    out_lines.extend(lines)
    out_lines.append("end")
    count += 1


def t32(vals, *shape):
    t = torch.tensor(vals, dtype=torch.float32)
    return t.reshape(shape) if shape else t


# ---- the spec's verified examples (§15.3), recomputed here
emit("spec_ones22_div3", torch.ones(2, 2) * 4 / 3)
emit("spec_ones23_leaf", torch.ones(2, 3), grad="leaf")
emit("spec_zeros3", torch.zeros(3))
emit("spec_specials", t32([0., math.nan, math.inf, -math.inf]))
emit("spec_int_1000", t32([1., 2., 10., 1000.]))
emit("spec_int_1001", t32([1., 2., 10., 1001.]))
emit("spec_fixed_100", t32([1., 1.5, 100.]))
emit("spec_pi", t32([0.1, -0.25, 3.14159]))
emit("spec_neg_int", t32([-1., 0., 1.]))
emit("spec_small_nan", t32([1.23456e-5, math.nan, 0.]))
emit("spec_arange2000", torch.arange(2000), arange=True)
emit("spec_arange1001f", torch.arange(1001.), arange=True)
emit("spec_zeros_2_1000", torch.zeros(2, 1000))
emit("spec_arange1200_2060", torch.arange(1200.).reshape(20, 60), arange=True)
emit("spec_arange30_div7", torch.arange(30.) / 7)
emit("spec_arange9_div3_grad", torch.arange(9.) / 3, grad="div")
emit("spec_fp64_grad_wrap", torch.arange(6., dtype=torch.float64) / 3, grad="div")

# ---- hand-picked corners
emit("zero_dim_f32", torch.tensor(3.5))
emit("zero_dim_int_mode", torch.tensor(3.))
emit("zero_dim_sci", torch.tensor(2.5e-5))
emit("zero_dim_i64", torch.tensor(7))
emit("zero_dim_bool", torch.tensor(True))
emit("zero_dim_nan", torch.tensor(math.nan))
emit("zero_dim_negzero", torch.tensor(-0.0))
emit("zero_dim_f64_leaf", torch.tensor(1.25, dtype=torch.float64), grad="leaf")
emit("zero_dim_grad", torch.tensor(0.3333), grad="mul")
emit("negzero_fixed", t32([0.5, -0.0]))
emit("negzero_sci", t32([math.nan, -0.0, 1e-5]))
emit("all_nan", t32([math.nan, math.nan]))
emit("all_inf", t32([math.inf, -math.inf]))
emit("nan_fixed", t32([math.nan, 1.5]))
emit("inf_int", t32([math.inf, 1.]))
emit("f32_1e-4", t32([1e-4, 0.5]))
emit("f64_1e-4", torch.tensor([1e-4, 0.5], dtype=torch.float64))
emit("big_123456789", t32([123456789.]))
# each threshold exactly on its boundary (the comparisons are strict)
emit("f32_1e-4_ratio_ok", t32([1e-4, 0.05]))  # float32(1e-4) < 1e-4: scientific
emit("f64_1e-4_ratio_ok", torch.tensor([1e-4, 0.05], dtype=torch.float64))  # exactly 1e-4: fixed
emit("f64_amax_1e8", torch.tensor([1e8, 1e6 + 0.5], dtype=torch.float64))
emit("f64_amax_above_1e8", torch.tensor([1e8 + 2, 1e6 + 0.5], dtype=torch.float64))
emit("ratio_exactly_1000", t32([0.5, 500.]))
emit("ratio_above_1000", t32([0.5, 500.25]))
emit("int_ratio_exactly_1000", t32([1., 1000., -0.]))
emit("int_ratio_above_1000", t32([2., 2001., -0.]))
emit("big_1e8", t32([1e8]))
emit("big_1e9", t32([1e9]))
emit("f32_12345_678", t32([12345.678]))
emit("mixed_sci", t32([-1e-5, 2., -300.]))
emit("bool_pair", torch.tensor([True, False]))
emit("i64_row", torch.tensor([1, -20, 300]))
emit("f64_pair", torch.tensor([1., 2.], dtype=torch.float64))
emit("tie_1_03125", t32([1.03125, 0.15625]))
emit("tie_sci", t32([123455., 0.5, 1e-5]))
emit("round_to_10", t32([9.99995, 1.]))
emit("i64_extremes", torch.tensor([2 ** 63 - 1, -2 ** 63, 0]))
emit("wide_one_per_line", torch.tensor([1e300, -1e-300, 1.5] * 3, dtype=torch.float64))
emit("i64_wrap", torch.arange(40) * 123456789012)
emit("f64_max", torch.tensor([1.7976931348623157e308, 5e-324], dtype=torch.float64))
emit("ones44", torch.ones(4, 4))
emit("arange24_234", torch.arange(24.).reshape(2, 3, 4))
emit("arange24_2322_i64", torch.arange(24).reshape(2, 3, 2, 2))
torch.manual_seed(0)
emit("linear_weight_seed0", torch.nn.Linear(3, 2).weight.detach().clone(), grad="leaf")
torch.manual_seed(0)
emit("randint_34", torch.randint(0, 10, (3, 4)))
torch.manual_seed(0)
emit("randint_wide", torch.randint(-1000, 1000, (2, 5)))
torch.manual_seed(0)
emit("rand_23", torch.rand(2, 3))
torch.manual_seed(0)
emit("randn_23", torch.randn(2, 3))
emit("addmm_like", t32([[6.5, 12.5, 18.5, 24.5]]), grad="mul")

# ---- empty tensors
for shape in [(0,), (0, 4), (2, 0), (2, 0, 3), (0, 0), (1, 0, 1, 1)]:
    for dtype in DTYPES:
        emit("empty_%s_%s" % ("x".join(map(str, shape)), dtype), torch.zeros(shape, dtype=DTYPES[dtype]))
emit("empty_leaf", torch.zeros(0), grad="leaf")
emit("empty_leaf_2d", torch.zeros(3, 0, dtype=torch.float64), grad="leaf")
emit("empty_grad", torch.zeros(0, 5), grad="mul")

# ---- suffix wrapping around the 80-column edge
for n in range(4, 12):
    emit("suffix_edge_f64_%d" % n, torch.arange(float(n), dtype=torch.float64) / 3, grad="leaf")
    emit("suffix_edge_f64_fn_%d" % n, torch.arange(float(n), dtype=torch.float64) / 7, grad="mul")
for n in range(8, 14):
    emit("suffix_edge_f32_%d" % n, torch.arange(float(n)) * 1.5, grad="leaf")
    emit("suffix_edge_2d_%d" % n, (torch.arange(float(2 * n)) - 3).reshape(2, n) / 4, grad="clone")

# ---- summarisation
emit("sum_1001_f32", torch.arange(1001.) / 3)
emit("sum_2d_10x101", (torch.arange(1010.) - 500).reshape(10, 101) / 7)
emit("sum_3d_7x7x21", torch.arange(1029.).reshape(7, 7, 21) * 1e3)
emit("sum_4d_7777", torch.arange(2401).reshape(7, 7, 7, 7), arange=True)
emit("sum_no_long_dim_6666", torch.arange(1296.).reshape(6, 6, 6, 6), arange=True)
emit("sum_2000x1", torch.arange(2000.).reshape(2000, 1), arange=True)
emit("sum_1x1x2000_i64", torch.arange(2000).reshape(1, 1, 2000), arange=True)
emit("sum_1x3x512x512", torch.arange(786432.).reshape(1, 3, 512, 512), arange=True)
emit("sum_i64_3x4x100", torch.arange(1200).reshape(3, 4, 100) - 600)
emit("sum_bool_40x40", torch.arange(1600).reshape(40, 40) % 3 == 0)
emit("sum_grad", (torch.arange(1100.).reshape(11, 100) / 11), grad="mul")
emit("sum_leaf_f64", (torch.arange(1100., dtype=torch.float64).reshape(100, 11) / 13), grad="leaf")
# the formatter sees only the summarised data: a huge value hidden in the middle does not count
mid = torch.ones(2000)
mid[1000] = 1e12
emit("sum_hidden_huge", mid)
mid2 = torch.full((30, 40), 0.5)
mid2[15, 20] = 1e-9
emit("sum_hidden_tiny", mid2)
for i in range(14):
    dtype = rng.choice(["float32", "float32", "float64", "int64", "bool"])
    rank = rng.choice([1, 2, 2, 3, 4])
    while True:
        shape = [rng.choice([1, 2, 3, 5, 6, 7, 8, 11, 40, 150, 1001, 1500]) for _ in range(rank)]
        n = 1
        for d in shape:
            n *= d
        if 1000 < n <= 4000:
            break
    base, kind = make_base(dtype, shape, rng, specials=rng.choice([0.0, 0.0, 0.05]))
    emit("sum_rand_%d_%s_%s" % (i, dtype, kind), base)

# ---- non-contiguous views
for i in range(24):
    dtype = rng.choice(["float32", "float32", "float64", "int64", "bool"])
    rank = rng.choice([2, 3, 4])
    shape = [rng.randint(1, 6) for _ in range(rank)]
    base, kind = make_base(dtype, shape, rng, specials=rng.choice([0.0, 0.1]))
    perm = list(range(rank))
    rng.shuffle(perm)
    views = [("permute",) + tuple(perm)]
    if rng.random() < 0.6:
        dim = rng.randrange(rank)
        size = base.shape[perm[dim]]
        start = rng.randint(0, max(0, size - 1))
        views.append(("slice", dim, start, size, rng.choice([1, 2, 3])))
    grad = "none" if dtype in ("int64", "bool") else rng.choice(["none", "leaf", "mul"])
    emit("view_%d_%s_%s" % (i, dtype, kind), base, views=views, grad=grad)
big = torch.arange(3000.).reshape(30, 100)
emit("view_sum_transposed", big, views=[("permute", 1, 0)], arange=True)
emit("view_sum_strided", big, views=[("slice", 1, 1, 100, 2)], arange=True)

# ---- print options (torch.set_printoptions)
emit("opt_precision2", t32([1.12345, -2.5, 3.]), options=(2, 1000, 3, 80, None))
emit("opt_precision0_sci", t32([1.5e-7, 2.5, 3.]), options=(0, 1000, 3, 80, None))
emit("opt_precision8", torch.tensor([1 / 3, 2 / 3], dtype=torch.float64), options=(8, 1000, 3, 80, None))
emit("opt_sci_true", t32([1.5, 2.25, 100.]), options=(4, 1000, 3, 80, True))
emit("opt_sci_true_int", t32([1., 2., 3.]), options=(4, 1000, 3, 80, True))
emit("opt_sci_true_zeros", t32([0., 0.]), options=(4, 1000, 3, 80, True))
emit("opt_sci_false", t32([1e-6, 2.5, 1e5]), options=(4, 1000, 3, 80, False))
emit("opt_sci_false_int", t32([1., 1e9]), options=(4, 1000, 3, 80, False))
emit("opt_threshold5", torch.arange(10), options=(4, 5, 3, 80, None), arange=True)
emit("opt_edge1", torch.arange(100.).reshape(10, 10), options=(4, 10, 1, 80, None), arange=True)
emit("opt_edge2_short", torch.arange(2000.).reshape(40, 50) / 3, options=(2, 1000, 2, 80, None))
emit("opt_linewidth40", torch.arange(30.) / 7, options=(4, 1000, 3, 40, None))
emit("opt_linewidth40_suffix", torch.arange(5., dtype=torch.float64) / 7, options=(4, 1000, 3, 40, None),
     grad="leaf")
emit("opt_linewidth10", torch.arange(12.).reshape(3, 4) / 3, options=(4, 1000, 3, 10, None))
emit("opt_full", torch.arange(1200).reshape(2, 600), options=(4, math.inf, 3, 80, None), arange=True)

# ---- random tensors
for i in range(300):
    dtype = rng.choice(["float32"] * 5 + ["float64"] * 2 + ["int64", "bool"])
    shape = random_shape(rng)
    specials = rng.choice([0.0, 0.0, 0.0, 0.1, 0.3])
    base, kind = make_base(dtype, shape, rng, specials=specials)
    grad = "none"
    if dtype.startswith("float"):
        grad = rng.choice(["none", "none", "none", "leaf", "mul", "div", "add", "clone", "neg2", "view"])
    emit("rand_%d_%s_%s" % (i, dtype, kind), base, grad=grad)

with open(os.path.join(RES, "printing_cases.txt"), "w") as f:
    f.write("# generated by tools/printing/generate_cases.py with torch %s; do not edit\n" % torch.__version__)
    f.write("\n".join(out_lines) + "\n")
print("printing cases:", count, file=sys.stderr)


# ---------------------------------------------------------------- Python float repr table

def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


floats = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 1e-323, 2.2250738585072014e-308,
          2.225073858507201e-308, 1.7976931348623157e308, 1e16, 9999999999999998.0, 1e15, 123456789.0, 0.0001,
          0.00001, 1e-05 * 1.5, 0.3333333333333333, 0.1, 0.2, 0.3, 0.1 + 0.2, 1e22, 1e23, 2.0 ** 53, 2.0 ** 53 + 2,
          2.0 ** 63, 0.01, 0.125, 0.3333, 1.0, 2.0, 10.0, 100.0, 1e5, 1e-4 * 0.99999, 9.999999999999999e-05,
          1.0000000000000002, 0.9999999999999999, 4.35, 2.675, 1e-7, 5e-5, 3.14159, 2.718281828459045]
for e in range(-330, 310):
    for m in (1, 2, 5, 9, 1.5, 3.3, 7.25):
        try:
            floats.append(float("%se%d" % (m, e)))
        except OverflowError:
            pass
for e in range(-1075, 1024, 3):
    floats.append(math.ldexp(1.0, e))
    floats.append(math.ldexp(1.0, e) * 3)
for _ in range(3000):
    # random bit patterns over all finite doubles
    b = rng.getrandbits(64)
    x = struct.unpack("<d", struct.pack("<Q", b))[0]
    if math.isfinite(x):
        floats.append(x)
for _ in range(2000):
    # short decimals, as written in module constructors
    digits = rng.randint(1, 17)
    m = rng.randint(10 ** (digits - 1), 10 ** digits - 1)
    floats.append(float("%de%d" % (m, rng.randint(-25, 25))) * rng.choice([1, -1]))
for _ in range(2000):
    # float32 values seen as doubles (hyper-parameters read back from float32 tensors)
    b = rng.getrandbits(32)
    x = struct.unpack("<f", struct.pack("<I", b))[0]
    if math.isfinite(x):
        floats.append(x)
for _ in range(500):
    floats.append(float(np.float32(rng.uniform(-10, 10))))
seen = set()
with open(os.path.join(RES, "python_float_repr.txt"), "w") as f:
    f.write("# generated by tools/printing/generate_cases.py with CPython %s; hex IEEE bits, repr\n"
            % sys.version.split()[0])
    for x in floats:
        b = bits(x)
        if b in seen:
            continue
        seen.add(b)
        f.write("%016x %s\n" % (b, repr(x)))
print("float reprs:", len(seen), file=sys.stderr)
