#!/usr/bin/env python3
"""Exports the benchmark layers to ONNX with torch.onnx.export, for the ONNX Runtime column.

Usage: python3 tools/bench/export_onnx.py OUT_DIR [--only-small]

Uses the torch that Debian ships (python3-torch, 1.13.x). Each model has a fixed input shape,
the one the benchmark uses. The pooling and activation models are a few hundred bytes and are
committed under bench/onnx/; the Linear models carry their weights (up to 64 MiB) and are written
on demand by the bench command (into the same folder, git-ignored).
"""
import os
import sys
import warnings

import torch
import torch.nn as nn

warnings.filterwarnings("ignore")
BIG = (32, 64, 112, 112)
IMG = (1, 3, 512, 512)
UNPOOL = (32, 64, 56, 56)


class PoolUnpool(nn.Module):
    def __init__(self):
        super().__init__()
        self.pool = nn.MaxPool2d(2, 2, return_indices=True)
        self.unpool = nn.MaxUnpool2d(2, 2)

    def forward(self, x):
        v, i = self.pool(x)
        return self.unpool(v, i)


def models():
    yield "maxpool2_big", nn.MaxPool2d(2, 2), BIG
    yield "maxpool3_big", nn.MaxPool2d(3, stride=2, padding=1), BIG
    yield "maxpool2_img", nn.MaxPool2d(2, 2), IMG
    yield "maxpool3_img", nn.MaxPool2d(3, stride=2, padding=1), IMG
    yield "maxunpool", PoolUnpool(), UNPOOL
    yield "avgpool2_big", nn.AvgPool2d(2, 2), BIG
    yield "avgpool3_big", nn.AvgPool2d(3, 2, 1, count_include_pad=False), BIG
    yield "relu", nn.ReLU(), BIG
    yield "leakyrelu", nn.LeakyReLU(), BIG
    yield "sigmoid", nn.Sigmoid(), BIG
    yield "tanh", nn.Tanh(), BIG
    yield "prelu", nn.PReLU(64), BIG
    yield "rrelu_eval", nn.RReLU().eval(), BIG
    yield "rrelu_train", nn.RReLU().train(), BIG
    yield "linear_256", nn.Linear(1024, 1024), (256, 1024)
    yield "linear_4096", nn.Linear(4096, 4096), (4096, 4096)
    yield "linear_1x4096", nn.Linear(4096, 4096), (1, 4096)
    yield "linear_1x3", nn.Linear(3, 4), (1, 3)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "bench/onnx"
    only_small = "--only-small" in sys.argv
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    for name, m, shape in models():
        if only_small and name.startswith("linear_") and name != "linear_1x3":
            continue
        path = os.path.join(out, name + ".onnx")
        if os.path.exists(path):
            continue
        x = torch.randn(*shape)
        mode = torch.onnx.TrainingMode.TRAINING if m.training and name == "rrelu_train" else torch.onnx.TrainingMode.EVAL
        try:
            torch.onnx.export(m, (x,), path, input_names=["x"], output_names=["y"], opset_version=13,
                              training=mode, do_constant_folding=True)
            print("wrote", path, os.path.getsize(path), "bytes")
        except Exception as e:  # an op torch 1.13 cannot export: the ONNX Runtime column shows n/a
            print("cannot export", name + ":", str(e).splitlines()[0])
            if os.path.exists(path):
                os.remove(path)


if __name__ == "__main__":
    main()
