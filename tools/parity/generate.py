#!/usr/bin/python3
"""Generate Ember's `parity/1` suite from real PyTorch (reference: torch 1.13.1).

Usage:
    /usr/bin/python3 tools/parity/generate.py OUTDIR

Writes OUTDIR/cases.json and OUTDIR/tensors.safetensors (format:
shared spec `conformance-format.md`).  Output is deterministic: every builder
draws its data from its own numpy Generator seeded from the builder's name, and
the torch RNG is only used where a case says so (`seed`, or `check`).

Adding a layer: write `def build_<name>(s: Suite, rng)` that calls
`s.emit_case(...)` once per case, and list it in BUILDERS.
"""

import inspect
import json
import math
import os
import struct
import sys
import warnings
import zlib

import numpy as np
import torch
import torch.nn as nn

REFERENCE = "torch 1.13.1"
sys.dont_write_bytecode = True

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
torch.set_printoptions(profile="default")

NAN = float("nan")
INF = float("inf")

# id prefix per module (the part of the case id before '/').
PREFIX = {
    "MaxPool2d": "max_pool2d",
    "AvgPool2d": "avg_pool2d",
    "MaxUnpool2d": "max_unpool2d",
    "Linear": "linear",
    "Sigmoid": "sigmoid",
    "Tanh": "tanh",
    "ReLU": "relu",
    "LeakyReLU": "leaky_relu",
    "PReLU": "prelu",
    "RReLU": "rrelu",
}

# Ops whose results are bit-exact in a faithful re-implementation: tolerance 0
# and `printed` recorded.  (PReLU's weight gradient is a reduction, so PReLU
# cases with a backward pass get a tolerance; see build_prelu.)
EXACT = {"MaxPool2d", "AvgPool2d", "MaxUnpool2d", "ReLU", "LeakyReLU", "PReLU", "RReLU"}
PRINTED = EXACT
DEFAULT_TOL = {"Sigmoid": (1e-5, 1e-6), "Tanh": (1e-5, 1e-6)}

NP_TO_ST = {
    np.dtype(np.float32): "F32",
    np.dtype(np.float64): "F64",
    np.dtype(np.int64): "I64",
    np.dtype(np.bool_): "BOOL",
}
TORCH_TO_NP = {
    torch.float32: np.float32,
    torch.float64: np.float64,
    torch.int64: np.int64,
    torch.bool: np.bool_,
}


def to_numpy(t):
    """Exact copy of a torch tensor as a contiguous numpy array (bits preserved)."""
    if not isinstance(t, torch.Tensor):
        return np.array(t, order="C", copy=True)  # keeps 0-d arrays 0-d
    t = t.detach().contiguous()
    if t.dtype not in TORCH_TO_NP:
        raise TypeError("dtype %s not representable in parity/1" % t.dtype)
    return np.array(t.numpy(), order="C", copy=True)


def error_fragment(exc):
    msg = str(exc).strip().split("\n")[0].strip().lower()
    if msg.startswith("'") and msg.endswith("'"):  # KeyError-style quoting
        msg = msg[1:-1]
    return msg[:200]


def write_safetensors(path, tensors):
    """tensors: ordered dict name -> numpy array (F32/F64/I64/BOOL)."""
    header = {}
    blobs = []
    off = 0
    for name, a in tensors.items():
        st = NP_TO_ST[a.dtype]
        data = a.astype(a.dtype.newbyteorder("<"), copy=False).tobytes(order="C")
        header[name] = {"dtype": st, "shape": [int(d) for d in a.shape],
                        "data_offsets": [off, off + len(data)]}
        blobs.append(data)
        off += len(data)
    hb = json.dumps(header, separators=(",", ":")).encode("utf-8")
    hb += b" " * ((8 - len(hb) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(hb)))
        f.write(hb)
        for b in blobs:
            f.write(b)


def read_safetensors(path):
    """Independent reader (numpy only) used for the self-check."""
    st_to_np = {"F32": "<f4", "F64": "<f8", "I64": "<i8", "BOOL": "?"}
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    base = 8 + n
    out = {}
    for name, meta in header.items():
        b, e = meta["data_offsets"]
        a = np.frombuffer(raw[base + b:base + e], dtype=st_to_np[meta["dtype"]])
        out[name] = a.reshape(meta["shape"])
    return out


class Suite:
    def __init__(self):
        self.cases = []
        self.tensors = {}
        self.counters = {}

    # ------------------------------------------------------------------
    def _put(self, name, t):
        assert name not in self.tensors, name
        self.tensors[name] = to_numpy(t)
        return name

    def emit_case(self, module, args, inputs, *, training=True, params=None, seed=None,
                  output_size=None, backward=True, expect_error=False, check=None,
                  rtol=None, atol=None, printed=None, torch_seed=None):
        """Construct -> (load params) -> forward -> backward -> record one case.

        module:      torch.nn class name.
        args:        constructor kwargs, JSON-able; the module is built from the
                     JSON round-trip of args so that ints stay ints and tuples
                     are lists, exactly as the Java runner will see them.
        inputs:      numpy arrays (or torch tensors) passed positionally to forward.
        params:      name -> numpy array, copied into the module before forward.
        seed:        torch.manual_seed(seed) right before construction; params
                     are then recorded from the module's own initialisation.
        backward:    feed a random grad_output per floating output and record grads.
        expect_error: the builder's intent; a mismatch with torch raises.
        torch_seed:  private seed for the torch RNG (cases with `check`), not recorded.
        """
        prefix = PREFIX.get(module, module.lower())
        k = self.counters.get(prefix, 0)
        self.counters[prefix] = k + 1
        cid = "%s/%03d" % (prefix, k)
        rng = self._rng
        args = json.loads(json.dumps(args, allow_nan=False))

        case = {"id": cid, "module": module, "args": args, "training": bool(training)}
        if seed is not None:
            case["seed"] = int(seed)
        if check is not None:
            case["check"] = check
        if output_size is not None:
            output_size = json.loads(json.dumps(output_size))
            case["output_size"] = output_size

        np_inputs = [to_numpy(x) for x in inputs]
        case["inputs"] = [self._put("%s/in%d" % (cid, i), a) for i, a in enumerate(np_inputs)]
        case["params"] = {}
        case["outputs"] = []
        case["grad_outputs"] = []
        case["grads"] = {}
        case["error"] = None

        def finish(err=None, rt=0.0, at=0.0):
            case["rtol"], case["atol"] = float(rt), float(at)
            if err is not None:
                case["error"] = err
                case["outputs"], case["grad_outputs"], case["grads"] = [], [], {}
                case.pop("printed", None)
            if (err is not None) != bool(expect_error):
                raise AssertionError("%s: expect_error=%s but torch gave %r"
                                     % (cid, expect_error, err))
            # stable key order
            order = ["id", "module", "args", "training", "seed", "check", "inputs",
                     "output_size", "params", "outputs", "grad_outputs", "grads",
                     "rtol", "atol", "error", "repr", "printed"]
            self.cases.append({key: case[key] for key in order if key in case})
            return case

        # ---- construct ------------------------------------------------
        cls = getattr(nn, module)
        kwargs = dict(args)
        in_dtype = np_inputs[0].dtype if np_inputs else np.dtype(np.float32)
        if in_dtype == np.float64 and "dtype" in inspect.signature(cls.__init__).parameters:
            kwargs["dtype"] = torch.float64
        if params is not None and seed is None:
            for name, a in params.items():
                case["params"][name] = self._put("%s/%s" % (cid, name), a)
        if torch_seed is not None:
            torch.manual_seed(torch_seed)
        if seed is not None:
            torch.manual_seed(seed)
        try:
            m = cls(**kwargs)
        except Exception as e:  # construction failed
            return finish(error_fragment(e))
        m.train(bool(training))
        case["repr"] = str(m)
        if seed is not None:
            for name, p in m.named_parameters():
                case["params"][name] = self._put("%s/%s" % (cid, name), p)
        elif params is not None:
            with torch.no_grad():
                for name, a in params.items():
                    getattr(m, name).copy_(torch.from_numpy(a.copy()))

        # ---- forward --------------------------------------------------
        leaves = []
        call = []
        inplace = bool(args.get("inplace", False))
        for a in np_inputs:
            t = torch.from_numpy(a.copy())
            if t.is_floating_point() and backward:
                t.requires_grad_(True)
            leaves.append(t)
            call.append(t.clone() if inplace else t)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if output_size is not None:
                    out = m(*call, output_size=output_size)
                else:
                    out = m(*call)
        except Exception as e:
            return finish(error_fragment(e))
        outs = list(out) if isinstance(out, (tuple, list)) else [out]
        case["outputs"] = [self._put("%s/out%d" % (cid, i), o) for i, o in enumerate(outs)]
        if printed is None:
            printed = module in PRINTED and check is None
        if printed:
            case["printed"] = [str(o.detach()) for o in outs]

        # ---- backward -------------------------------------------------
        has_grad = False
        if backward:
            fouts = [o for o in outs if o.is_floating_point() and o.requires_grad]
            if fouts:
                has_grad = True
                gouts = []
                for i, o in enumerate(fouts):
                    g = rng.standard_normal(tuple(o.shape)).astype(TORCH_TO_NP[o.dtype])
                    if check == "rrelu_train":  # unit upstream grad: input grad == slope used
                        g = np.ones_like(g)
                    gouts.append(torch.from_numpy(g))
                    case["grad_outputs"].append(self._put("%s/gout%d" % (cid, i), g))
                torch.autograd.backward(fouts, gouts)
                for i, t in enumerate(leaves):
                    if t.is_floating_point():
                        g = t.grad if t.grad is not None else torch.zeros_like(t)
                        case["grads"]["input%d" % i] = self._put("%s/gin%d" % (cid, i), g)
                for name, p in m.named_parameters():
                    g = p.grad if p.grad is not None else torch.zeros_like(p)
                    case["grads"][name] = self._put("%s/g%s" % (cid, name), g)

        if rtol is None:
            rt, at = DEFAULT_TOL.get(module, (0.0, 0.0))
        else:
            rt, at = rtol, atol
        if module == "PReLU" and rtol is None and has_grad:
            rt, at = 1e-5, 1e-6  # weight grad is a reduction (order not reproducible)
        return finish(None, rt, at)

    # ------------------------------------------------------------------
    def run(self, builders, salt=0):
        for b in builders:
            base = zlib.crc32(b.__name__.encode()) ^ salt
            self._rng = np.random.default_rng(base)
            torch.manual_seed(base)
            b(self, self._rng)

    def write(self, outdir):
        os.makedirs(outdir, exist_ok=True)
        # one case per line: diff-friendly and still plain JSON
        lines = [json.dumps(c, allow_nan=False) for c in self.cases]
        with open(os.path.join(outdir, "cases.json"), "w") as f:
            f.write('{"format": "parity/1", "reference": %s, "cases": [\n' % json.dumps(REFERENCE))
            f.write(",\n".join(lines))
            f.write("\n]}\n")
        write_safetensors(os.path.join(outdir, "tensors.safetensors"), self.tensors)


# ======================================================================
# data helpers
# ======================================================================

EDGE_VALUES = [NAN, INF, -INF, 0.0, -0.0]


def data(rng, shape, kind="normal", dtype=np.float32):
    shape = tuple(int(d) for d in shape)
    if kind == "normal":
        a = rng.standard_normal(shape)
    elif kind == "normal5":
        a = rng.standard_normal(shape) * 5
    elif kind == "uniform":
        a = rng.uniform(-3, 3, shape)
    elif kind == "ties":  # few distinct integer values -> many ties
        a = rng.integers(-2, 3, shape).astype(np.float64)
    elif kind == "binary":
        a = rng.integers(0, 2, shape).astype(np.float64)
    elif kind == "edge":  # normal with NaN, +-inf, +-0 sprinkled in
        a = rng.standard_normal(shape)
        mask = rng.random(shape) < 0.35
        a[mask] = rng.choice(EDGE_VALUES, size=int(mask.sum()))
    elif kind == "nan":  # single NaNs
        a = rng.standard_normal(shape)
        a[rng.random(shape) < 0.12] = NAN
    elif kind == "nan_multi":  # several NaNs per window
        a = rng.standard_normal(shape)
        a[rng.random(shape) < 0.55] = NAN
    elif kind == "neginf":  # many -inf, so whole windows are -inf
        a = rng.standard_normal(shape)
        a[rng.random(shape) < 0.7] = -INF
        if len(shape) >= 2 and shape[-2] > 1:
            a[..., : shape[-2] // 2, :] = -INF
    elif kind == "allneginf":
        a = np.full(shape, -INF)
    elif kind == "inf":
        a = rng.standard_normal(shape)
        a[rng.random(shape) < 0.3] = INF
        a[rng.random(shape) < 0.2] = -INF
    elif kind == "zeros":  # +0/-0 only, plus ties
        a = np.where(rng.random(shape) < 0.5, -0.0, 0.0)
        a[rng.random(shape) < 0.1] = -1.0
    elif kind == "large":
        a = rng.choice([1e30, -1e30, 3e38, -3e38, 88.0, -88.0, 100.0, -100.0, 1e-30, -1e-30],
                       size=shape)
        if dtype == np.float64:
            a = a * rng.choice([1.0, 1e200], size=shape)
    elif kind == "int":
        return rng.integers(-9, 10, shape).astype(np.int64)
    else:
        raise ValueError(kind)
    return np.asarray(a).astype(dtype)


def pick(rng, seq):
    return seq[int(rng.integers(len(seq)))]


def pair_arg(rng, h, w, allow_int=True):
    """JSON form of a 2-d pair argument: int, [v] or [h, w]."""
    if h == w:
        r = rng.random()
        if allow_int and r < 0.5:
            return int(h)
        if r < 0.7:
            return [int(h)]
        return [int(h), int(w)]
    return [int(h), int(w)]


def pool_out(L, k, s, p, d, ceil):
    span = L + 2 * p - d * (k - 1) - 1
    if ceil:
        out = (span + s - 1) // s + 1
        if (out - 1) * s >= L + p:
            out -= 1
    else:
        out = span // s + 1
    return out


def expand(v):
    if v is None:
        return None
    if isinstance(v, int):
        return (v, v)
    if len(v) == 0:
        return None
    if len(v) == 1:
        return (v[0], v[0])
    return tuple(v)


def sample_pool(rng, dilation=True, avg=False):
    """Random valid 2-d pooling configuration.

    Returns (args, (kh, kw), (sh, sw), (ph, pw), (dh, dw))."""
    kh = int(rng.integers(1, 5))
    kw = kh if rng.random() < 0.45 else int(rng.integers(1, 5))
    args = {"kernel_size": pair_arg(rng, kh, kw)}
    r = rng.random()
    if r < 0.3:
        sh, sw = kh, kw
    elif r < 0.34:
        args["stride"] = []
        sh, sw = kh, kw
    else:
        sh = int(rng.integers(1, 4))
        sw = sh if rng.random() < 0.5 else int(rng.integers(1, 4))
        args["stride"] = pair_arg(rng, sh, sw)
    ph = int(rng.integers(0, kh // 2 + 1))
    pw = ph if (ph <= kw // 2 and rng.random() < 0.5) else int(rng.integers(0, kw // 2 + 1))
    if ph or pw or rng.random() < 0.3:
        args["padding"] = pair_arg(rng, ph, pw)
    dh = dw = 1
    if dilation and rng.random() < 0.5:
        dh = int(rng.integers(1, 4))
        dw = dh if rng.random() < 0.5 else int(rng.integers(1, 4))
        args["dilation"] = pair_arg(rng, dh, dw)
    if rng.random() < 0.5:
        args["ceil_mode"] = bool(rng.random() < 0.6)
    return args, (kh, kw), (sh, sw), (ph, pw), (dh, dw)


def sample_input_hw(rng, k, s, p, d, ceil, lo=1, hi=12):
    need = max(lo, d * (k - 1) + 1 - 2 * p)
    for _ in range(100):
        L = int(rng.integers(need, max(need, hi) + 1))
        if pool_out(L, k, s, p, d, ceil) >= 1:
            return L
    raise AssertionError("no valid size")


def sample_lead(rng, allow_empty_batch=True):
    """Leading dims: (C,) or (N, C)."""
    C = int(rng.integers(1, 5))
    if rng.random() < 0.3:
        return (C,)
    N = int(rng.integers(1, 4))
    if allow_empty_batch and rng.random() < 0.04:
        N = 0
    return (N, C)


VALUE_KINDS = ["normal", "normal", "uniform", "uniform", "ties", "ties", "binary", "edge",
               "nan", "nan_multi", "neginf", "inf", "zeros"]


# ======================================================================
# builders
# ======================================================================

def _pool_valid(s, rng, module, n_random):
    avg = module == "AvgPool2d"
    for i in range(n_random):
        args, (kh, kw), (sh, sw), (ph, pw), (dh, dw) = sample_pool(rng, dilation=not avg, avg=avg)
        ceil = args.get("ceil_mode", False)
        if avg:
            if rng.random() < 0.5:
                args["count_include_pad"] = bool(rng.random() < 0.5)
            r = rng.random()
            if r < 0.15:
                args["divisor_override"] = int(rng.integers(1, 10))
            elif r < 0.22:
                args["divisor_override"] = -int(rng.integers(1, 5))
            elif r < 0.27:
                args["divisor_override"] = None
        else:
            if rng.random() < 0.6:
                args["return_indices"] = bool(rng.random() < 0.7)
        H = sample_input_hw(rng, kh, sh, ph, dh, ceil)
        W = sample_input_hw(rng, kw, sw, pw, dw, ceil)
        lead = sample_lead(rng)
        kind = VALUE_KINDS[i % len(VALUE_KINDS)]
        dtype = np.float64 if rng.random() < 0.15 else np.float32
        s.emit_case(module, args, [data(rng, lead + (H, W), kind, dtype)],
                    training=bool(rng.random() < 0.85))


def _pool_targeted(s, rng, module):
    """Hand-picked configurations shared by MaxPool2d and AvgPool2d."""
    avg = module == "AvgPool2d"
    extra = {} if avg else {"return_indices": True}
    E = lambda args, x, **kw: s.emit_case(module, dict(args, **extra) if not avg else args,
                                          [x], **kw)
    # overlapping windows (stride < kernel) with ties and NaN -> scatter-add in backward
    E({"kernel_size": 3, "stride": 1}, data(rng, (1, 1, 5, 5), "ties"))
    E({"kernel_size": [3, 2], "stride": [1, 1], "padding": [1, 1]}, data(rng, (2, 2, 6, 5), "binary"))
    E({"kernel_size": 4, "stride": 2, "padding": 2}, data(rng, (3, 7, 7), "ties"))
    E({"kernel_size": 3, "stride": 1, "padding": 1}, data(rng, (1, 2, 4, 4), "nan"))
    # ceil-mode windows hanging past the edge
    E({"kernel_size": 2, "stride": 2, "ceil_mode": True}, data(rng, (1, 1, 5, 5), "normal"))
    E({"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True}, data(rng, (1, 4, 4), "normal"))
    E({"kernel_size": 2, "stride": 2, "padding": 1, "ceil_mode": True}, data(rng, (2, 1, 5, 5), "normal"))
    E({"kernel_size": [4, 3], "stride": 3, "padding": 1, "ceil_mode": True}, data(rng, (1, 1, 6, 7), "uniform"))
    E({"kernel_size": 3, "stride": 3, "ceil_mode": True}, data(rng, (1, 2, 7, 8), "ties"))
    # k=1, s=2, ceil
    E({"kernel_size": 1, "stride": 2, "ceil_mode": True}, data(rng, (1, 1, 5, 6), "normal"))
    E({"kernel_size": 1, "stride": 2, "ceil_mode": False}, data(rng, (2, 5, 5), "normal"))
    E({"kernel_size": [1], "stride": [2, 3], "ceil_mode": True}, data(rng, (1, 1, 4, 7), "normal"))
    # window = whole input, 1x1 input
    E({"kernel_size": [5, 6]}, data(rng, (2, 3, 5, 6), "normal"))
    E({"kernel_size": 1}, data(rng, (1, 1, 1, 1), "normal"))
    E({"kernel_size": 1, "stride": 1}, data(rng, (2, 2, 3, 3), "edge"))
    # N = 0
    E({"kernel_size": 2}, data(rng, (0, 2, 4, 4), "normal"))
    E({"kernel_size": [3, 2], "stride": 1, "padding": [1, 0]}, data(rng, (0, 1, 5, 5), "normal"))
    # stride = [] (= kernel)
    E({"kernel_size": [2, 3], "stride": []}, data(rng, (1, 2, 6, 7), "normal"))
    # explicit null stride
    E({"kernel_size": 2, "stride": None, "padding": 1}, data(rng, (1, 5, 5), "normal"))
    # float64 edge values
    E({"kernel_size": 2, "stride": 1}, data(rng, (1, 2, 4, 5), "edge", np.float64))
    E({"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True}, data(rng, (2, 6, 6), "ties", np.float64))
    # moderate sizes
    E({"kernel_size": 3, "stride": 2, "padding": 1}, data(rng, (2, 3, 32, 32), "normal"))
    E({"kernel_size": [2, 4], "stride": [2, 3], "ceil_mode": True}, data(rng, (1, 2, 40, 41), "uniform"))


def build_max_pool2d(s, rng):
    M = "MaxPool2d"
    _pool_valid(s, rng, M, 95)
    _pool_targeted(s, rng, M)
    E = lambda args, x, **kw: s.emit_case(M, args, [x], **kw)
    # NaN handling: single NaN, several NaNs per window, all-NaN
    E({"kernel_size": 2, "return_indices": True}, np.array([[[[NAN, 1], [NAN, 5]]]], np.float32))
    E({"kernel_size": 2, "return_indices": True}, np.array([[[[NAN, NAN], [NAN, 1]]]], np.float32))
    E({"kernel_size": 2, "stride": 1, "return_indices": True}, data(rng, (1, 1, 5, 5), "nan_multi"))
    E({"kernel_size": 3, "padding": 1, "return_indices": True}, np.full((1, 4, 4), NAN, np.float32))
    # +-inf, windows of only -inf, +0/-0 (first wins), ties (first max wins)
    E({"kernel_size": 2, "return_indices": True}, np.array([[[-INF, -INF], [-INF, -INF]]], np.float32))
    E({"kernel_size": 2, "stride": 1, "padding": 1, "return_indices": True}, data(rng, (1, 1, 4, 4), "allneginf"))
    E({"kernel_size": 2, "return_indices": True}, np.array([[[-0.0, 0.0, 0.0, -0.0], [0.0, -0.0, -0.0, 0.0]]], np.float32))
    E({"kernel_size": 3, "stride": 1, "padding": 1, "return_indices": True}, data(rng, (2, 2, 5, 5), "zeros"))
    E({"kernel_size": 2, "stride": 1, "return_indices": True}, np.array([[[[1, 1, 1], [1, 1, 1], [1, 1, 1]]]], np.float32))
    E({"kernel_size": 3, "stride": 1, "dilation": 2, "padding": 1, "return_indices": True}, data(rng, (1, 2, 7, 7), "ties"))
    E({"kernel_size": 2, "stride": 1, "return_indices": True}, data(rng, (1, 1, 4, 4), "inf"))
    # the spec's 3x3 scatter-add example (centre collects all four grads)
    E({"kernel_size": 2, "stride": 1, "return_indices": True}, np.array([[[[1, 2, 3], [4, 9, 5], [6, 7, 8]]]], np.float32))
    # dilation variants
    E({"kernel_size": [2, 3], "dilation": [3, 1], "padding": [1, 1], "stride": 1}, data(rng, (1, 1, 7, 6), "normal"))
    E({"kernel_size": 2, "padding": 1, "dilation": 3, "return_indices": True}, data(rng, (1, 2, 8, 8), "normal"))
    E({"kernel_size": 3, "dilation": 2, "ceil_mode": True, "stride": 2, "return_indices": True}, data(rng, (2, 9, 10), "uniform"))
    # int kernel with list stride etc. (repr forms)
    E({"kernel_size": 3, "stride": [2, 1]}, data(rng, (1, 1, 7, 5), "normal"))
    E({"kernel_size": 2, "padding": [1, 0]}, data(rng, (1, 4, 5), "normal"))
    E({"kernel_size": [3, 2], "stride": [2, 1], "padding": [1, 0], "dilation": [1, 2],
       "ceil_mode": True, "return_indices": True}, data(rng, (1, 2, 7, 7), "normal"))
    # degenerate dilated windows with no in-bounds cell (output -inf; index points
    # outside the window).  Forward only: torch's backward scatters into that index
    # (a cell outside the window, another plane, or out of bounds -> heap corruption).
    E({"kernel_size": 2, "stride": 1, "padding": 1, "dilation": 3, "return_indices": True},
      data(rng, (1, 1, 2, 2), "normal"), backward=False)
    E({"kernel_size": [1, 2], "stride": [2, 1], "padding": [0, 1], "dilation": [1, 3],
       "return_indices": True}, data(rng, (1, 1, 4, 2), "normal"), backward=False)
    E({"kernel_size": [1, 2], "stride": 1, "padding": [0, 1], "dilation": [1, 3],
       "return_indices": True}, data(rng, (2, 3, 2), "normal"), backward=False)
    E({"kernel_size": 3, "stride": 1, "padding": 1, "dilation": 3, "return_indices": True},
      data(rng, (1, 1, 5, 5), "normal"), backward=False)
    # a moderate float64 case
    E({"kernel_size": 3, "stride": 2, "return_indices": True}, data(rng, (1, 2, 24, 24), "normal", np.float64))

    _pool_errors(s, rng, M)


def _pool_errors(s, rng, M):
    avg = M == "AvgPool2d"
    X = lambda args, x: s.emit_case(M, args, [x], expect_error=True)
    x = data(rng, (1, 1, 5, 5))
    # row 1: bad tuple lengths
    X({"kernel_size": []}, x)
    X({"kernel_size": [2, 2, 2]}, x)
    X({"kernel_size": 2, "stride": [1, 1, 1]}, x)
    X({"kernel_size": 2, "padding": [0, 0, 0]}, x)
    if not avg:
        X({"kernel_size": 2, "dilation": [1, 1, 1]}, x)
        X({"kernel_size": 2, "dilation": []}, x)
    X({"kernel_size": 2.5}, x)  # float -> TypeError
    # row 2
    if avg:
        X({"kernel_size": 2, "divisor_override": 0}, x)
        X({"kernel_size": 2, "divisor_override": 0}, data(rng, (1, 5, 5, 5, 5)))
    # row 3: rank
    X({"kernel_size": 2}, data(rng, (5, 5)))
    X({"kernel_size": 2}, data(rng, (5,)))
    X({"kernel_size": 1}, data(rng, ()))
    X({"kernel_size": 2}, data(rng, (1, 1, 1, 5, 5)))
    X({"kernel_size": 2, "stride": 0}, data(rng, (1, 1, 1, 5, 5)))
    # row 4: stride 0 (also kernel 0 with default stride), pad < 0, pad > k/2
    X({"kernel_size": 2, "stride": 0}, x)
    X({"kernel_size": 2, "stride": [1, 0]}, x)
    X({"kernel_size": 0}, x)
    X({"kernel_size": [2, 0]}, x)
    X({"kernel_size": 2, "padding": -1}, x)
    X({"kernel_size": 3, "padding": 2}, x)
    X({"kernel_size": [3, 2], "padding": [1, 2]}, x)
    if not avg:
        X({"kernel_size": 3, "padding": 2, "dilation": 3}, data(rng, (1, 1, 9, 9)))
    # row 5: kernel <= 0, stride < 0, dilation <= 0
    X({"kernel_size": -1, "stride": 1}, x)
    X({"kernel_size": 0, "stride": 1}, x)
    X({"kernel_size": 2, "stride": -1}, x)
    X({"kernel_size": 2, "stride": [2, -2]}, x)
    if not avg:
        X({"kernel_size": 2, "dilation": 0}, x)
        X({"kernel_size": 2, "dilation": [1, -1]}, x)
    # row 6: C, H or W = 0
    X({"kernel_size": 2}, data(rng, (2, 0, 5, 5)))
    X({"kernel_size": 2}, data(rng, (1, 2, 0, 5)))
    X({"kernel_size": 2}, data(rng, (1, 2, 5, 0)))
    X({"kernel_size": 1}, data(rng, (0, 4, 4)))
    # row 7: output too small
    X({"kernel_size": 2}, data(rng, (1, 1, 1, 5)))
    X({"kernel_size": 6}, x)
    X({"kernel_size": 2, "padding": 1, "dilation": 7} if not avg else {"kernel_size": [8, 2], "padding": 1}, x)
    # dtype
    if not avg:
        X({"kernel_size": 2}, data(rng, (1, 1, 4, 4), "int"))
        X({"kernel_size": 2}, np.ones((1, 4, 4), np.bool_))


def build_avg_pool2d(s, rng):
    M = "AvgPool2d"
    _pool_valid(s, rng, M, 85)
    _pool_targeted(s, rng, M)
    E = lambda args, x, **kw: s.emit_case(M, args, [x], **kw)
    # count_include_pad / divisor_override with hanging ceil windows (spec §5 examples)
    ones = np.ones((1, 1, 4, 4), np.float32)
    for cip in (True, False):
        E({"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True, "count_include_pad": cip}, ones)
        E({"kernel_size": 4, "stride": 3, "padding": 1, "ceil_mode": True, "count_include_pad": cip},
          np.ones((1, 1, 6), np.float32))
        E({"kernel_size": [3, 2], "stride": [2, 2], "padding": [1, 1], "ceil_mode": True,
           "count_include_pad": cip}, data(rng, (2, 2, 5, 6), "uniform"))
    for div in (1, 3, 7, -1, -3, None):
        E({"kernel_size": 2, "stride": 1, "padding": 1, "divisor_override": div}, data(rng, (1, 2, 4, 5), "normal"))
    E({"kernel_size": 3, "padding": 1, "ceil_mode": True, "count_include_pad": False,
       "divisor_override": 4}, data(rng, (1, 7, 7), "ties"))
    E({"kernel_size": 2, "stride": 2, "count_include_pad": False}, data(rng, (1, 1, 4, 4), "edge"))
    E({"kernel_size": 2, "stride": 1}, data(rng, (1, 1, 4, 4), "inf"))
    E({"kernel_size": 3, "stride": 1, "padding": 1}, data(rng, (1, 1, 5, 5), "zeros"))
    E({"kernel_size": 2, "stride": 1}, np.array([[[[1e30, 3e38], [3e38, -1e30]]]], np.float32))
    # int64 input: forward only, truncating integer division
    E({"kernel_size": 2}, np.array([[[[1, 2], [3, 5]]]], np.int64), backward=False)
    E({"kernel_size": 2}, np.array([[[[-1, -2], [-3, -5]]]], np.int64), backward=False)
    E({"kernel_size": 2, "divisor_override": -1}, np.array([[[[1, 2], [3, 5]]]], np.int64), backward=False)
    E({"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True}, data(rng, (2, 2, 5, 5), "int"), backward=False)
    E({"kernel_size": 3, "stride": 1, "padding": 1, "count_include_pad": False}, data(rng, (3, 4, 4), "int"), backward=False)
    E({"kernel_size": [2, 3], "divisor_override": 4}, data(rng, (1, 2, 6, 6), "int"), backward=False)
    # moderate float64
    E({"kernel_size": 3, "stride": 2, "padding": 1, "count_include_pad": False}, data(rng, (1, 2, 24, 24), "normal", np.float64))

    _pool_errors(s, rng, M)


def build_max_unpool2d(s, rng):
    M = "MaxUnpool2d"

    def from_pool(args_pool, x, unpool_args=None, random_values=True, out_size="default",
                  os_len=2, values_kind="normal", dtype=None, **kw):
        """Run a real MaxPool2d(return_indices=True) and unpool its indices."""
        xp = torch.from_numpy(x)
        with torch.no_grad():
            v, idx = nn.MaxPool2d(**args_pool, return_indices=True)(xp)
        if random_values:
            vals = data(rng, tuple(v.shape), values_kind, dtype or x.dtype)
        else:
            vals = to_numpy(v)
        ua = unpool_args if unpool_args is not None else {
            k: args_pool[k] for k in ("kernel_size", "stride", "padding") if k in args_pool}
        osz = None
        if out_size == "orig":
            osz = list(x.shape[-2:])
        elif isinstance(out_size, list):
            osz = out_size
        if osz is not None and os_len == 4:
            osz = list(x.shape[:-2][-2:]) + osz if x.ndim == 4 else [1] + list(x.shape[:1]) + osz
        return s.emit_case(M, ua, [vals, to_numpy(idx)], output_size=osz, **kw)

    def unpool_default(Lin, k, st, p):
        return (Lin - 1) * st - 2 * p + k

    # random valid cases from real pooling
    for i in range(50):
        args, (kh, kw), (sh, sw), (ph, pw), _ = sample_pool(rng, dilation=False)
        args.pop("ceil_mode", None)
        if args.get("stride") == []:
            args.pop("stride")
        for key in ("kernel_size", "stride", "padding"):  # 1-lists are not broadcast by
            if isinstance(args.get(key), list) and len(args[key]) == 1:  # MaxUnpool2d
                args[key] = args[key][0]
        H = sample_input_hw(rng, kh, sh, ph, 1, False, lo=1, hi=10)
        W = sample_input_hw(rng, kw, sw, pw, 1, False, lo=1, hi=10)
        lead = sample_lead(rng)
        x = data(rng, lead + (H, W), pick(rng, ["normal", "uniform", "ties"]))
        dtype = np.float64 if rng.random() < 0.15 else np.float32
        r = rng.random()
        mode = "default" if r < 0.5 else "orig"
        os_len = 4 if rng.random() < 0.35 else 2
        vk = pick(rng, ["normal", "normal", "uniform", "nan", "edge"])
        # default output size must hold all indices; otherwise pass the original size
        Ho = (H + 2 * ph - kh) // sh + 1
        Wo = (W + 2 * pw - kw) // sw + 1
        dH = unpool_default(Ho, kh, sh, ph)
        dW = unpool_default(Wo, kw, sw, pw)
        if dH * dW < H * W and mode == "default":
            mode = "orig"  # indices could exceed the default plane
        if mode == "orig" and not (dH - sh < H < dH + sh and dW - sw < W < dW + sw):
            mode = "default"
        if mode == "default" and dH * dW < H * W:
            continue
        with torch.no_grad():
            _, idx = nn.MaxPool2d(**args, return_indices=True)(torch.from_numpy(x))
        limit = (dH * dW) if mode == "default" else H * W
        if idx.numel() and int(idx.max()) >= limit:
            continue
        from_pool(args, x, out_size=mode, os_len=os_len, values_kind=vk, dtype=dtype,
                  random_values=rng.random() < 0.8, training=bool(rng.random() < 0.85))

    # duplicate indices from overlapping windows: last write wins (deterministic, checked)
    from_pool({"kernel_size": 3, "stride": 1}, data(rng, (1, 1, 6, 6), "normal"), out_size="orig")
    from_pool({"kernel_size": 3, "stride": 1, "padding": 1}, data(rng, (2, 2, 5, 5), "ties"), out_size="orig")
    from_pool({"kernel_size": [3, 2], "stride": [2, 1], "padding": [1, 0]}, data(rng, (1, 3, 7, 6), "binary"), out_size="orig")
    from_pool({"kernel_size": 2, "stride": 1}, data(rng, (3, 5, 5), "ties"), out_size="orig", os_len=4)
    # output_size variants within (default - stride, default + stride)
    x = data(rng, (1, 1, 4, 4))
    for osz in ([4, 4], [5, 5], [5, 4], [4, 5]):
        from_pool({"kernel_size": 2, "stride": 2}, x, out_size=osz)
    from_pool({"kernel_size": 2, "stride": 3}, data(rng, (1, 2, 6, 6)), out_size=[6, 7])
    from_pool({"kernel_size": 2, "stride": 3}, data(rng, (1, 2, 6, 6)), out_size=[7, 6], os_len=4)
    # 4-entry output_size: N and C are not checked
    s.emit_case(M, {"kernel_size": 2}, [data(rng, (1, 1, 2, 2)), np.array([[[[0, 3], [8, 15]]]], np.int64)],
                output_size=[9, 9, 4, 5])
    # hand-written indices: arbitrary placement, duplicates in a plane, NaN values, N = 0
    s.emit_case(M, {"kernel_size": 2}, [np.array([[[[1, 2], [3, 4]]]], np.float32),
                                         np.array([[[[5, 5], [5, 0]]]], np.int64)])
    s.emit_case(M, {"kernel_size": 2}, [np.array([[[[NAN, 2], [-INF, -0.0]]]], np.float32),
                                         np.array([[[[15, 0], [7, 9]]]], np.int64)])
    s.emit_case(M, {"kernel_size": [2, 3], "stride": [1, 2], "padding": [0, 1]},
                [data(rng, (2, 3, 3)), rng.integers(0, 4 * 5, (2, 3, 3)).astype(np.int64)])
    s.emit_case(M, {"kernel_size": 3, "stride": 2, "padding": 1},
                [data(rng, (2, 2, 3, 3), "edge"), rng.integers(0, 25, (2, 2, 3, 3)).astype(np.int64)])
    s.emit_case(M, {"kernel_size": 2}, [data(rng, (0, 2, 3, 3)), np.zeros((0, 2, 3, 3), np.int64)])
    s.emit_case(M, {"kernel_size": 2, "stride": 1}, [data(rng, (1, 1, 1, 1)), np.array([[[[3]]]], np.int64)])
    s.emit_case(M, {"kernel_size": 4, "stride": 2, "padding": 1},
                [data(rng, (1, 1, 3, 3), "normal", np.float64), rng.integers(0, 36, (1, 1, 3, 3)).astype(np.int64)])
    # moderate
    from_pool({"kernel_size": 2, "stride": 2}, data(rng, (2, 3, 32, 32)), random_values=False)
    from_pool({"kernel_size": 3, "stride": 2, "padding": 1}, data(rng, (1, 2, 31, 31)), out_size="orig")

    # ---- errors --------------------------------------------------------
    X = lambda args, ins, **kw: s.emit_case(M, args, ins, expect_error=True, **kw)
    v = data(rng, (1, 1, 2, 2))
    i = np.array([[[[0, 3], [8, 15]]]], np.int64)
    X({"kernel_size": 2}, [v, i], output_size=[4, 4, 4])
    X({"kernel_size": 2}, [v, i], output_size=[4])
    X({"kernel_size": 2}, [v, i], output_size=[])
    X({"kernel_size": 2}, [v, i], output_size=[6, 6])
    X({"kernel_size": 2}, [v, i], output_size=[2, 4])
    X({"kernel_size": 2}, [v, i], output_size=[1, 1, 4, 6])
    X({"kernel_size": 2}, [v, np.array([[[[0, 3], [8, 16]]]], np.int64)])
    X({"kernel_size": 2}, [v, np.array([[[[0, -1], [8, 15]]]], np.int64)])
    X({"kernel_size": 2, "stride": 1}, [v, np.array([[[[0, 3], [8, 9]]]], np.int64)])  # 3x3 plane
    X({"kernel_size": 2}, [v, np.zeros((1, 1, 2, 3), np.int64)])
    X({"kernel_size": 2}, [data(rng, (2, 2)), np.zeros((2, 2), np.int64)])
    X({"kernel_size": 2}, [data(rng, (1, 1, 1, 2, 2)), np.zeros((1, 1, 1, 2, 2), np.int64)])
    X({"kernel_size": 2}, [data(rng, (1, 0, 2, 2)), np.zeros((1, 0, 2, 2), np.int64)])
    X({"kernel_size": 2}, [data(rng, (1, 1, 0, 2)), np.zeros((1, 1, 0, 2), np.int64)])
    X({"kernel_size": 2}, [data(rng, (1, 2, 0)), np.zeros((1, 2, 0), np.int64)])
    X({"kernel_size": 2}, [data(rng, (1, 1, 2, 2), "int"), i])
    X({"kernel_size": 2}, [v, i.astype(np.float32)])  # indices must be int64
    # MaxUnpool2d turns a 1-element list into a 1-tuple (no broadcast) -> forward fails
    X({"kernel_size": [2]}, [v, i])
    X({"kernel_size": 2, "stride": [2]}, [v, i])
    X({"kernel_size": 2, "padding": [0]}, [v, i], output_size=[4, 4])
    X({"kernel_size": 2, "stride": []}, [v, i])


def linear_atol(in_features):
    return float("%.3g" % (1e-6 * in_features + 1e-5))


def build_linear(s, rng):
    M = "Linear"

    def lin(inf, outf, lead, bias=True, dtype=np.float32, kind="normal", wkind="uniform", **kw):
        args = {"in_features": inf, "out_features": outf}
        if bias is not True or rng.random() < 0.5:
            args["bias"] = bias
        bound = 1.0 / math.sqrt(max(inf, 1))
        params = {"weight": (rng.uniform(-bound, bound, (outf, inf)) if wkind == "uniform"
                             else rng.standard_normal((outf, inf))).astype(dtype)}
        if bias:
            params["bias"] = rng.uniform(-bound, bound, (outf,)).astype(dtype)
        x = data(rng, tuple(lead) + (inf,), kind, dtype)
        tol = dict(rtol=1e-5, atol=linear_atol(inf))
        tol.update(kw.pop("tol", {}))
        return s.emit_case(M, args, [x], params=params, **tol, **kw)

    for i in range(48):
        inf = int(rng.integers(1, 17))
        outf = int(rng.integers(1, 17))
        rank = pick(rng, [1, 2, 2, 2, 3, 3, 4])
        lead = [int(rng.integers(1, 5)) for _ in range(rank - 1)]
        dtype = np.float64 if i % 6 == 5 else np.float32
        lin(inf, outf, lead, bias=bool(rng.random() < 0.7), dtype=dtype,
            kind=pick(rng, ["normal", "uniform", "ties"]), wkind=pick(rng, ["uniform", "normal"]),
            training=bool(rng.random() < 0.8))
    # specials
    lin(3, 4, [1])
    lin(3, 4, [0])             # empty batch
    lin(5, 2, [0, 3], bias=False)
    lin(0, 3, [2])             # in_features = 0 -> output = bias
    lin(0, 3, [2], bias=False)
    lin(4, 0, [3])             # out_features = 0
    lin(1, 1, [])
    lin(3, 2, [2], kind="edge")
    lin(4, 3, [2, 2], kind="large", tol={"rtol": 1e-5, "atol": 1e-5})
    lin(7, 5, [2], dtype=np.float64, kind="edge")
    # bigger
    lin(64, 33, [17])
    lin(64, 33, [2, 5], bias=False)
    lin(128, 40, [8], dtype=np.float64)
    lin(33, 64, [3, 2, 4])
    lin(256, 16, [4])

    # seeded: torch's own initialisation must be reproduced bit for bit
    for seed, inf, outf, bias, lead, dt in [
            (0, 3, 4, True, [2], np.float32), (1, 3, 4, True, [2], np.float32),
            (42, 3, 4, True, [1, 3], np.float32), (0, 1, 1, True, [], np.float32),
            (7, 5, 4, False, [3], np.float32), (12345, 20, 7, True, [2], np.float32),
            (2 ** 32 + 5, 4, 5, True, [2], np.float32), (3, 16, 16, True, [2, 2], np.float32),
            (0, 0, 3, True, [2], np.float32), (9, 784, 10, True, [2], np.float32),
            (5, 6, 3, True, [2], np.float64), (11, 17, 9, False, [3], np.float64)]:
        args = {"in_features": inf, "out_features": outf}
        if not bias:
            args["bias"] = False
        s.emit_case(M, args, [data(rng, tuple(lead) + (inf,), "normal", dt)], seed=seed,
                    rtol=1e-5, atol=linear_atol(inf))

    # errors
    X = lambda args, x, p: s.emit_case(M, args, [x], params=p, expect_error=True)
    w34 = {"weight": data(rng, (4, 3)), "bias": data(rng, (4,))}
    X({"in_features": 3, "out_features": 4}, data(rng, (2, 5)), w34)
    X({"in_features": 3, "out_features": 4}, data(rng, (5,)), w34)
    X({"in_features": 3, "out_features": 4}, data(rng, (2, 2, 2, 5)), w34)
    X({"in_features": 3, "out_features": 4, "bias": False}, data(rng, (2, 2)), {"weight": w34["weight"]})
    X({"in_features": 3, "out_features": 4}, data(rng, ()), w34)
    X({"in_features": -1, "out_features": 3}, data(rng, (2, 1)), None)


def build_sigmoid_tanh(module):
    def build(s, rng):
        shapes = [(), (1,), (7,), (3, 4), (2, 3, 5), (2, 3, 4, 4), (0,), (2, 0, 3), (16,), (40,)]
        i = 0
        for shape in shapes:
            for dt in (np.float32, np.float64):
                if dt == np.float64 and i % 3:
                    i += 1
                    continue
                s.emit_case(module, {}, [data(rng, shape, "normal5", dt)], training=bool(i % 4))
                i += 1
        for kind in ("edge", "large", "inf", "zeros", "uniform", "nan"):
            s.emit_case(module, {}, [data(rng, (3, 5), kind)])
            s.emit_case(module, {}, [data(rng, (2, 4), kind, np.float64)])
        specials = np.array([-INF, -1, -0.0, 0.0, 1, INF, NAN, 88.7, -88.7, 103.9, -103.9, 9.0, -9.0,
                             20.0, -20.0, 1e-8, -1e-8, 17.33, -17.33, 0.5493, 3e38, -3e38], np.float32)
        s.emit_case(module, {}, [specials])
        s.emit_case(module, {}, [specials.astype(np.float64)])
        s.emit_case(module, {}, [data(rng, (4, 8, 8), "normal5")])
        s.emit_case(module, {}, [data(rng, (2, 3, 16, 16), "normal5")])
        s.emit_case(module, {}, [data(rng, (2, 5), "int")], backward=False)  # int -> float32 out
    build.__name__ = "build_" + module.lower()
    return build


def build_relu(s, rng):
    M = "ReLU"
    specials = np.array([-INF, -1, -0.0, 0.0, 1, INF, NAN, 1e-45, -1e-45, 3e38, -3e38], np.float32)
    for inplace in (None, False, True):
        args = {} if inplace is None else {"inplace": inplace}
        s.emit_case(M, args, [specials])
        s.emit_case(M, args, [specials.astype(np.float64)])
        for shape, kind in [((), "normal"), ((5,), "normal"), ((3, 4), "uniform"), ((2, 3, 4), "edge"),
                            ((2, 2, 3, 3), "ties"), ((0, 3), "normal"), ((2, 3), "zeros"),
                            ((1, 4, 5), "nan"), ((3, 3), "inf")]:
            s.emit_case(M, args, [data(rng, shape, kind)], training=bool(rng.random() < 0.7))
        s.emit_case(M, args, [data(rng, (2, 6), "edge", np.float64)])
        s.emit_case(M, args, [data(rng, (3, 4), "int")], backward=False)
    s.emit_case(M, {}, [np.array([-3, 0, 7, -2 ** 62], np.int64)], backward=False)
    s.emit_case(M, {}, [np.int64(-5) * np.ones((), np.int64)], backward=False)
    s.emit_case(M, {}, [data(rng, (2, 3, 12, 12), "normal")])
    s.emit_case(M, {"inplace": True}, [data(rng, (4, 300), "normal")])


def build_leaky_relu(s, rng):
    M = "LeakyReLU"
    specials = np.array([-INF, -30, -1, -0.0, 0.0, 1, INF, NAN, 1e-45, -1e-45, 3e38, -3e38], np.float32)
    slopes = [None, 0.01, 0.2, 0.0, 0, -0.5, 1.5, 3, 1, 1e-5, 0.3333333333333333, -2]
    for j, slope in enumerate(slopes):
        args = {} if slope is None else {"negative_slope": slope}
        s.emit_case(M, args, [specials])
        s.emit_case(M, args, [data(rng, pick(rng, [(3, 4), (2, 3, 4), (2, 2, 3, 3), (7,), ()]),
                                   pick(rng, ["normal", "uniform", "edge", "zeros", "ties"]))],
                    training=bool(j % 3))
        if j % 2 == 0:
            s.emit_case(M, args, [data(rng, (2, 5), "edge", np.float64)])
    for slope in (None, 0.2, 0, 1, 2.5):
        args = {"inplace": True} if slope is None else {"negative_slope": slope, "inplace": True}
        s.emit_case(M, args, [data(rng, (3, 5), "edge")])
        s.emit_case(M, args, [specials.astype(np.float64)])
    # inplace with a negative slope: forward fine, backward unsupported in torch -> forward only
    s.emit_case(M, {"negative_slope": -0.5, "inplace": True}, [specials], backward=False)
    s.emit_case(M, {"negative_slope": -3, "inplace": True}, [data(rng, (2, 4), "normal")], backward=False)
    s.emit_case(M, {"negative_slope": 0.1}, [data(rng, (0, 4), "normal")])
    s.emit_case(M, {"negative_slope": 0.1}, [data(rng, (2, 3, 12, 12), "normal")])
    # errors
    s.emit_case(M, {}, [data(rng, (2, 3), "int")], expect_error=True)
    s.emit_case(M, {"negative_slope": 0.2}, [np.array([True, False])], expect_error=True)


def build_prelu(s, rng):
    M = "PReLU"

    def pr(num, shape, init=None, dtype=np.float32, kind="normal", weight="random", **kw):
        args = {}
        if num != 1 or rng.random() < 0.5:
            args["num_parameters"] = num
        if init is not None:
            args["init"] = init
        if weight == "random":
            w = (rng.standard_normal(num) * 0.5).astype(dtype)
        else:
            w = np.full(num, 0.25 if init is None else init, dtype)
        return s.emit_case(M, args, [data(rng, shape, kind, dtype)], params={"weight": w}, **kw)

    kinds = ["normal", "uniform", "edge", "zeros", "ties", "nan", "inf"]
    i = 0
    for shape in [(), (5,), (3, 4), (2, 3, 4), (2, 3, 4, 5), (4, 1), (1, 1, 2, 2), (2, 4, 3, 3),
                  (3, 2, 7), (0, 3), (0, 2, 3, 3), (2, 3, 0)]:
        C = shape[1] if len(shape) >= 2 else 1
        for num in sorted({1, C}):
            kind = kinds[i % len(kinds)]
            init = pick(rng, [None, 0.1, -0.5, 0.0, 0.25, 2])
            dt = np.float64 if i % 5 == 4 else np.float32
            pr(num, shape, init=init, dtype=dt, kind=kind, weight="random" if i % 4 else "init",
               training=bool(i % 3))
            # forward-only twin: bit-exact forward with rtol = atol = 0
            pr(num, shape, init=init, dtype=dt, kind=kinds[(i + 3) % len(kinds)], backward=False)
            i += 1
    pr(0, (2, 0))                  # PReLU(0) on (N, 0)
    pr(3, (2, 3, 12, 12))
    pr(1, (4, 40, 6))
    pr(2, (3, 2), kind="edge", dtype=np.float64)
    specials = np.array([[-INF, -1, -0.0, 0.0, 1, INF, NAN, 3e38, -3e38]], np.float32)
    pr(1, specials.shape, weight="init")
    s.emit_case(M, {}, [specials], params={"weight": np.array([0.25], np.float32)})
    s.emit_case(M, {"num_parameters": 9}, [specials.T.copy().reshape(1, 9)],
                params={"weight": rng.standard_normal(9).astype(np.float32)})
    # errors
    X = lambda args, x, w: s.emit_case(M, args, [x], params={"weight": w}, expect_error=True)
    X({"num_parameters": 3}, data(rng, (2, 4)), data(rng, (3,)))
    X({"num_parameters": 3}, data(rng, (2, 4, 5, 5)), data(rng, (3,)))
    X({"num_parameters": 3}, data(rng, (3,)), data(rng, (3,)))  # 1-D: channel size 1
    X({"num_parameters": 2}, data(rng, ()), data(rng, (2,)))
    X({"num_parameters": 4}, data(rng, (1, 3, 2)), data(rng, (4,)))


def build_rrelu(s, rng):
    M = "RReLU"
    specials = np.array([-INF, -1, -0.0, 0.0, 1, INF, NAN, 3e38, -3e38, -2.5, 0.5], np.float32)
    bounds = [None, (0.1, 0.3), (0.0, 1.0), (0.2, 0.2), (0.5, 0.5), (-0.5, -0.1), (0.5, 2.0),
              (0.25, 0.3333333333333333), (0, 1), (-1, 1), (0.2, 0.2000005)]
    seed_list = [0, 1, 42, 7, 2024, 99, 123456789, 5, 8, 13, 2 ** 33 + 3]
    for j, b in enumerate(bounds):
        args = {} if b is None else {"lower": b[0], "upper": b[1]}
        # eval: deterministic leaky slope (l+u)/2
        s.emit_case(M, args, [specials], training=False)
        s.emit_case(M, args, [data(rng, pick(rng, [(3, 4), (2, 3, 4), (2, 2, 3, 3), (7,), ()]),
                                   pick(rng, ["normal", "edge", "zeros", "uniform"]),
                                   np.float64 if j % 3 == 2 else np.float32)], training=False)
        # training with a seed: exact bits
        s.emit_case(M, args, [specials], training=True, seed=seed_list[j])
        s.emit_case(M, args, [data(rng, pick(rng, [(3, 4), (2, 3, 4), (2, 2, 3, 3), (17,), ()]),
                                   pick(rng, ["normal", "edge", "zeros", "uniform"]),
                                   np.float64 if j % 3 == 1 else np.float32)],
                    training=True, seed=seed_list[j] + 1000)
        # training, no seed: property check (finite non-zero inputs only)
        if b is None or b[1] - b[0] > 1e-6:
            x = data(rng, (3, 5), "uniform", np.float64 if j % 4 == 3 else np.float32)
            x[x == 0] = 1.0
            s.emit_case(M, args, [x], training=True, check="rrelu_train",
                        torch_seed=int(rng.integers(2 ** 31)))
    # lower == upper in training: output independent of the RNG -> exact without a seed
    s.emit_case(M, {"lower": 0.3, "upper": 0.3}, [specials], training=True)
    s.emit_case(M, {"lower": 0.125, "upper": 0.125}, [data(rng, (2, 3, 4), "edge")], training=True)
    # inplace
    s.emit_case(M, {"inplace": True}, [specials], training=False)
    s.emit_case(M, {"lower": 0.1, "upper": 0.3, "inplace": True}, [data(rng, (2, 6), "edge")],
                training=True, seed=314)
    s.emit_case(M, {"lower": -0.5, "upper": -0.2, "inplace": True}, [data(rng, (2, 6))],
                training=True, seed=315)
    # inplace eval with a negative slope: backward unsupported in torch -> forward only
    s.emit_case(M, {"lower": -0.5, "upper": -0.2, "inplace": True}, [specials], training=False,
                backward=False)
    # moderate sizes (seeded / eval / check)
    s.emit_case(M, {}, [data(rng, (2, 3, 12, 12))], training=True, seed=77)
    s.emit_case(M, {}, [data(rng, (2, 3, 12, 12), "normal", np.float64)], training=True, seed=78)
    s.emit_case(M, {"lower": 0.05, "upper": 0.5}, [data(rng, (4, 64))], training=False)
    x = data(rng, (4, 8, 8))
    x[x == 0] = 1.0
    s.emit_case(M, {}, [x], training=True, check="rrelu_train", torch_seed=4242)
    s.emit_case(M, {}, [data(rng, (0, 3))], training=True, seed=1)
    # errors
    X = lambda args, tr, x: s.emit_case(M, args, [x], training=tr, expect_error=True)
    X({"lower": 0.5, "upper": 0.2}, True, data(rng, (3, 4)))
    X({"lower": 0.5, "upper": 0.2}, False, data(rng, (3, 4)))
    X({"lower": 0.3333333333333334, "upper": 0.3333333333333333}, True, data(rng, (2,)))
    X({}, True, data(rng, (2, 3), "int"))
    X({}, False, data(rng, (2, 3), "int"))


BUILDERS = [
    build_max_pool2d,
    build_avg_pool2d,
    build_max_unpool2d,
    build_linear,
    build_sigmoid_tanh("Sigmoid"),
    build_sigmoid_tanh("Tanh"),
    build_relu,
    build_leaky_relu,
    build_prelu,
    build_rrelu,
]


# ======================================================================
# self-check
# ======================================================================

def self_check(suite, outdir):
    """Re-read both files independently and compare with what torch produced."""
    st = read_safetensors(os.path.join(outdir, "tensors.safetensors"))
    with open(os.path.join(outdir, "cases.json")) as f:
        manifest = json.load(f)
    assert manifest["format"] == "parity/1"
    assert set(st) == set(suite.tensors), "tensor name sets differ"
    for name, want in suite.tensors.items():
        got = st[name]
        assert got.dtype == want.dtype.newbyteorder("<") or got.dtype == want.dtype, name
        assert got.shape == want.shape, name
        assert got.tobytes() == want.tobytes(), "bytes differ: " + name
    referenced = set()
    for c in manifest["cases"]:
        names = list(c["inputs"]) + list(c["params"].values()) + list(c["outputs"]) + \
            list(c["grad_outputs"]) + list(c["grads"].values())
        for n in names:
            assert n in st, (c["id"], n)
            referenced.add(n)
    assert referenced == set(st), "unreferenced tensors"
    counts = {}
    errors = {}
    for c in manifest["cases"]:
        counts[c["module"]] = counts.get(c["module"], 0) + 1
        if c["error"] is not None:
            errors[c["module"]] = errors.get(c["module"], 0) + 1
    return counts, errors


def main(argv):
    if len(argv) not in (2, 3):
        print("usage: generate.py OUTDIR [SALT]  (SALT != 0 draws an independent suite: other shapes and values)",
              file=sys.stderr)
        return 2
    outdir = argv[1]
    salt = int(argv[2]) if len(argv) == 3 else 0
    suite = Suite()
    suite.run(BUILDERS, salt)
    suite.write(outdir)
    counts, errors = self_check(suite, outdir)
    size = os.path.getsize(os.path.join(outdir, "tensors.safetensors"))
    for mod, n in counts.items():
        print("%-12s %4d cases (%d error)" % (mod, n, errors.get(mod, 0)))
    print("total        %4d cases, %d tensors, tensors.safetensors %.2f MB"
          % (len(suite.cases), len(suite.tensors), size / 1e6))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
