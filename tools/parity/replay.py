#!/usr/bin/python3
"""Replay a `parity/1` suite against the installed torch (a reference runner).

Usage:
    /usr/bin/python3 tools/parity/replay.py SUITEDIR

Reads SUITEDIR/cases.json and SUITEDIR/tensors.safetensors with its own
numpy-only reader, rebuilds every module from the JSON `args` alone (exactly
what the Java runner sees), runs it, and checks outputs, gradients, `repr`,
`printed`, seeded parameters, `check` properties and expected errors.  It is
stricter than the runner contract: where rtol = atol = 0 the comparison is
bit-for-bit (so -0.0 vs +0.0 and NaN payload signs count).

Prints one line per failing case and then `parity: P passed, F failed`;
exit status 0 only when nothing failed.
"""

import inspect
import json
import os
import sys
import warnings

import numpy as np
import torch
import torch.nn as nn

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import read_safetensors  # noqa: E402

warnings.filterwarnings("ignore")
torch.set_num_threads(1)


def close(got, want, rtol, atol):
    got = np.asarray(got)
    want = np.asarray(want)
    if got.shape != want.shape:
        return "shape %s != %s" % (list(got.shape), list(want.shape))
    if got.dtype != want.dtype:
        return "dtype %s != %s" % (got.dtype, want.dtype)
    if want.dtype.kind in "biu":
        return None if np.array_equal(got, want) else "integer mismatch"
    if rtol == 0 and atol == 0:
        if got.tobytes() == want.tobytes():
            return None
        if np.array_equal(got, want, equal_nan=True):
            return "bits differ (signed zero / NaN payload)"
        return "values differ (max |d| %g)" % np.nanmax(np.abs(got.astype(np.float64) - want))
    gn, wn = np.isnan(got), np.isnan(want)
    if not np.array_equal(gn, wn):
        return "NaN positions differ"
    gi, wi = np.isinf(got), np.isinf(want)
    if not np.array_equal(gi, wi) or not np.array_equal(got[wi], want[wi]):
        return "inf mismatch"
    fin = ~(wn | wi)
    d = np.abs(got[fin].astype(np.float64) - want[fin].astype(np.float64))
    lim = atol + rtol * np.abs(want[fin].astype(np.float64))
    if d.size and not np.all(d <= lim):
        return "outside tolerance (max |d| %g)" % d.max()
    return None


def run_case(c, st):
    cls = getattr(nn, c["module"])
    kwargs = dict(c["args"])
    inputs = [torch.from_numpy(np.array(st[n])) for n in c["inputs"]]
    if inputs and inputs[0].dtype == torch.float64 and \
            "dtype" in inspect.signature(cls.__init__).parameters:
        kwargs["dtype"] = torch.float64
    err = None
    try:
        if "seed" in c:
            torch.manual_seed(c["seed"])
        m = cls(**kwargs)
        m.train(c["training"])
        if "repr" in c and str(m) != c["repr"]:
            return "repr %r != %r" % (str(m), c["repr"])
        if "seed" in c:
            for name, tn in c["params"].items():
                r = close(getattr(m, name).detach().numpy(), st[tn], 0, 0)
                if r:
                    return "seeded param %s: %s" % (name, r)
        else:
            with torch.no_grad():
                for name, tn in c["params"].items():
                    getattr(m, name).copy_(torch.from_numpy(np.array(st[tn])))
        want_grad = bool(c["grad_outputs"])
        leaves = [x.requires_grad_(True) if (want_grad and x.is_floating_point()) else x
                  for x in inputs]
        inplace = bool(c["args"].get("inplace", False))
        call = [x.clone() if inplace else x for x in leaves]
        if "output_size" in c:
            out = m(*call, output_size=c["output_size"])
        else:
            out = m(*call)
    except Exception as e:  # noqa: BLE001
        err = str(e).split("\n")[0].lower()
    if c["error"] is not None:
        if err is None:
            return "expected error %r, got none" % c["error"]
        return None
    if err is not None:
        return "unexpected error: " + err
    outs = list(out) if isinstance(out, (tuple, list)) else [out]
    if len(outs) != len(c["outputs"]):
        return "output count %d != %d" % (len(outs), len(c["outputs"]))
    check = c.get("check")
    if check == "rrelu_train":
        x = st[c["inputs"][0]]
        y = outs[0].detach().numpy()
        lo, up = m.lower, m.upper
        pos = x >= 0
        if not np.array_equal(y[pos], x[pos]):
            return "rrelu_train: out != in where in >= 0"
        ratio = y[~pos].astype(np.float64) / x[~pos]
        if ratio.size and not (np.all(ratio >= np.float32(lo) * (1 - 1e-6)) and
                               np.all(ratio <= np.float32(up) * (1 + 1e-6))):
            return "rrelu_train: slope outside [lower, upper]"
    else:
        for i, (o, tn) in enumerate(zip(outs, c["outputs"])):
            r = close(o.detach().numpy(), st[tn], c["rtol"], c["atol"])
            if r:
                return "out%d: %s" % (i, r)
    if "printed" in c:
        for i, (o, p) in enumerate(zip(outs, c["printed"])):
            if str(o.detach()) != p:
                return "printed out%d differs" % i
    if c["grad_outputs"]:
        fouts = [o for o in outs if o.is_floating_point() and o.requires_grad]
        gouts = [torch.from_numpy(np.array(st[n])) for n in c["grad_outputs"]]
        torch.autograd.backward(fouts, gouts)
        grads = {}
        for i, x in enumerate(leaves):
            if x.is_floating_point():
                grads["input%d" % i] = x.grad if x.grad is not None else torch.zeros_like(x)
        for name, p in m.named_parameters():
            grads[name] = p.grad if p.grad is not None else torch.zeros_like(p)
        if set(grads) != set(c["grads"]):
            return "grad names %s != %s" % (sorted(grads), sorted(c["grads"]))
        for name, tn in c["grads"].items():
            g = grads[name].detach().numpy()
            if check == "rrelu_train":
                y = outs[0].detach().numpy()
                x = st[c["inputs"][0]]
                slope = np.where(x >= 0, 1.0, y.astype(np.float64) / x)
                want = st[c["grad_outputs"][0]] * slope
                r = close(g.astype(np.float64), want, 1e-6, 1e-7)
            else:
                r = close(g, st[tn], c["rtol"], c["atol"])
            if r:
                return "grad %s: %s" % (name, r)
    return None


def main(argv):
    if len(argv) != 2:
        print("usage: replay.py SUITEDIR", file=sys.stderr)
        return 2
    st = read_safetensors(os.path.join(argv[1], "tensors.safetensors"))
    with open(os.path.join(argv[1], "cases.json")) as f:
        manifest = json.load(f)
    assert manifest["format"] == "parity/1", manifest.get("format")
    passed = failed = 0
    for c in manifest["cases"]:
        try:
            r = run_case(c, st)
        except Exception as e:  # noqa: BLE001
            r = "replay crashed: %r" % e
        if r:
            failed += 1
            print("%s: %s" % (c["id"], r))
        else:
            passed += 1
    print("parity: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
