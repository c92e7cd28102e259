#!/usr/bin/env python3
"""A second parity/1 suite with tensors large enough for Ember's vector and multi-threaded paths.

The main suite (generate.py) uses small tensors so it can be exhaustive about arguments and edge
values; this one reuses its machinery with shapes above the kernels' parallel grain (64 Ki
elements) and odd sizes that leave vector tails, so the fast kernels are held to torch directly.

    /usr/bin/python3 tools/parity/generate_large.py OUTDIR
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate as g  # noqa: E402


def build_large(s, rng):
    big = (2, 8, 67, 63)        # 67 536 elements: just over one grain, odd widths
    pool_in = (2, 16, 35, 37)   # 41 440 elements, odd widths
    for kind in ["normal", "edge"]:
        for m in ["ReLU", "Sigmoid", "Tanh"]:
            s.emit_case(m, {}, [g.data(rng, big, kind)], rtol=0 if m == "ReLU" else 1e-5,
                        atol=0 if m == "ReLU" else 1e-6, backward=(kind == "normal"))
        s.emit_case("LeakyReLU", {"negative_slope": 0.2}, [g.data(rng, big, kind)], backward=(kind == "normal"))
        s.emit_case("PReLU", {"num_parameters": 8}, [g.data(rng, big, kind)],
                    params={"weight": (rng.standard_normal(8) * 0.5).astype(np.float32)}, backward=False)
        s.emit_case("RReLU", {"lower": 0.1, "upper": 0.3}, [g.data(rng, big, kind)], training=False,
                    backward=(kind == "normal"))
    s.emit_case("PReLU", {"num_parameters": 8}, [g.data(rng, big, "normal")],
                params={"weight": (rng.standard_normal(8) * 0.5).astype(np.float32)})
    s.emit_case("RReLU", {}, [g.data(rng, big, "normal")], seed=1234, backward=False)
    s.emit_case("RReLU", {"lower": 0.05, "upper": 0.5}, [g.data(rng, (3, 30001), "edge")], seed=77, backward=False)

    for args, kind in [({"kernel_size": 2, "stride": 2}, "normal"),
                       ({"kernel_size": 3, "stride": 2, "padding": 1}, "ties"),
                       ({"kernel_size": [3, 2], "stride": [1, 2], "padding": [1, 0], "dilation": [2, 1],
                         "ceil_mode": True}, "nan"),
                       ({"kernel_size": 2, "stride": 2, "return_indices": True}, "edge"),
                       ({"kernel_size": 5, "stride": 3, "padding": 2, "ceil_mode": True}, "normal")]:
        s.emit_case("MaxPool2d", args, [g.data(rng, pool_in, kind)])
    for args, kind in [({"kernel_size": 2, "stride": 2}, "normal"),
                       ({"kernel_size": 3, "stride": 2, "padding": 1, "count_include_pad": False}, "normal"),
                       ({"kernel_size": [3, 4], "stride": [2, 3], "padding": [1, 2], "ceil_mode": True}, "edge"),
                       ({"kernel_size": 3, "stride": 1, "padding": 1, "divisor_override": 7}, "normal")]:
        s.emit_case("AvgPool2d", args, [g.data(rng, pool_in, kind)])

    import torch
    x = torch.from_numpy(g.data(rng, (2, 16, 40, 38), "ties"))
    vals, idx = torch.nn.MaxPool2d(2, 2, return_indices=True)(x)
    s.emit_case("MaxUnpool2d", {"kernel_size": 2, "stride": 2}, [vals.numpy(), idx.numpy()])
    vals, idx = torch.nn.MaxPool2d(3, 2, 1, return_indices=True)(x)
    s.emit_case("MaxUnpool2d", {"kernel_size": 3, "stride": 2, "padding": 1}, [vals.numpy(), idx.numpy()],
                output_size=[40, 38])

    for inf, outf, lead in [(256, 192, (64,)), (130, 70, (3, 20)), (1024, 96, (1,)), (77, 500, (5,))]:
        bound = 1 / np.sqrt(inf)
        params = {"weight": rng.uniform(-bound, bound, (outf, inf)).astype(np.float32),
                  "bias": rng.uniform(-bound, bound, (outf,)).astype(np.float32)}
        s.emit_case("Linear", {"in_features": inf, "out_features": outf}, [g.data(rng, lead + (inf,))],
                    params=params, rtol=1e-4, atol=g.linear_atol(inf) * 10)
    s.emit_case("Linear", {"in_features": 200, "out_features": 150}, [g.data(rng, (40, 200))], seed=5,
                rtol=1e-4, atol=g.linear_atol(200) * 10)


def main(argv):
    if len(argv) != 2:
        print("usage: generate_large.py OUTDIR", file=sys.stderr)
        return 2
    suite = g.Suite()
    suite.run([build_large])
    suite.write(argv[1])
    counts, errors = g.self_check(suite, argv[1])
    size = os.path.getsize(os.path.join(argv[1], "tensors.safetensors"))
    for mod, n in counts.items():
        print("%-12s %4d cases" % (mod, n))
    print("total        %4d cases, tensors.safetensors %.2f MB" % (len(suite.cases), size / 1e6))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
