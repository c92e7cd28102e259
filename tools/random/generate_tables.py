#!/usr/bin/python3
"""Reference tables for dev.ember.random, produced by real torch 1.13.1 (CPU default generator).

Run with the system interpreter that has torch 1.13.1:
    /usr/bin/python3 tools/random/generate_tables.py > core/src/test/resources/random/torch-1.13.1-tables.txt

Output: '#' comment lines, then one record per line

    name|seed|n|hex,hex,...

name  -- the case (the Java test, RandomTablesTest, knows how to replay each one)
seed  -- the argument of torch.manual_seed, decimal (unsigned)
n     -- number of values (for tensors with a shape, the element count)
hex   -- IEEE-754 bit patterns: 8 digits for float32, 16 for float64; int64 values as 16-digit
         two's complement; the RNG state as little-endian 64-bit words; sha256_* records hold
         the SHA-256 of a large fill's little-endian bytes as four 16-digit words.
"""
import sys
import warnings

import numpy as np
import torch

SEEDS = [0, 1, 42, 5, 7, 12345, 2**32 + 5]
SIZES = [1, 7, 15, 16, 17, 31, 32, 33, 100, 1000]
F32, F64 = torch.float32, torch.float64
warnings.filterwarnings('ignore', message='Initializing zero-element tensors is a no-op')

out = sys.stdout


def hexes(t):
    a = t.detach().contiguous().reshape(-1).numpy()
    if a.dtype == np.float32:
        return ','.join('%08x' % v for v in a.view(np.uint32).tolist())
    if a.dtype == np.float64:
        return ','.join('%016x' % v for v in a.view(np.uint64).tolist())
    if a.dtype == np.int64:
        return ','.join('%016x' % v for v in a.view(np.uint64).tolist())
    if a.dtype == np.uint8:  # RNG state: little-endian u64 words
        assert len(a) % 8 == 0
        return ','.join('%016x' % v for v in a.view('<u8').tolist())
    raise TypeError(a.dtype)


def emit(name, seed, t):
    n = t.numel()
    if t.dtype == torch.uint8:
        n = t.numel() // 8
    out.write('%s|%d|%d|%s\n' % (name, seed, n, hexes(t)))


def memory_order(t):
    """The elements of a dense tensor in storage order."""
    return torch.as_strided(t, (t.numel(),), (1,), t.storage_offset())


def sized_cases(seed, n):
    def run(name, fn):
        torch.manual_seed(seed)
        emit(name, seed, fn())

    run('rand_f32', lambda: torch.rand(n))
    run('rand_f64', lambda: torch.rand(n, dtype=F64))
    run('randn_f32', lambda: torch.randn(n))
    run('randn_f64', lambda: torch.randn(n, dtype=F64))
    run('normal_f32', lambda: torch.empty(n).normal_(-1.25, 0.3))
    run('normal_f64', lambda: torch.empty(n, dtype=F64).normal_(-1.25, 0.3))
    run('uniform_f32', lambda: torch.empty(n).uniform_(2, 7.3))
    run('uniform_f64', lambda: torch.empty(n, dtype=F64).uniform_(2, 7.3))
    run('randint_0_10', lambda: torch.randint(0, 10, (n,)))
    run('randint_m1000_1000', lambda: torch.randint(-1000, 1000, (n,)))
    run('randint_0_2p40', lambda: torch.randint(0, 2**40, (n,)))
    run('randint_0_2p32m1', lambda: torch.randint(0, 2**32 - 1, (n,)))
    run('randint_0_10_f32', lambda: torch.randint(0, 10, (n,), dtype=F32))
    run('randint_m7_2p40_f64', lambda: torch.randint(-7, 2**40, (n,), dtype=F64))
    run('bernoulli_f32', lambda: torch.empty(n).bernoulli_(0.3))
    run('bernoulli_f64', lambda: torch.empty(n, dtype=F64).bernoulli_(0.3))
    run('dropout_f32', lambda: torch.nn.functional.dropout(torch.ones(n), 0.3, training=True))


RRELU_INPUT = [-1.0, 2.0, 0.0, -0.0, float('nan'), -3.0, float('inf'), float('-inf'), 0.5, -0.25,
               1e-30, -1e-30, -1e-45, 7.0, -7.5, 0.0, -2.0, 3.25, -0.0, -100.0]


def seed_cases(seed):
    # randn(3) then randn(2): path (c) with the cache carried across calls (== randn(5))
    for name, dt in (('randn_cache_f32', F32), ('randn_cache_f64', F64)):
        torch.manual_seed(seed)
        a = torch.randn(3, dtype=dt)
        b = torch.randn(2, dtype=dt)
        emit(name, seed, torch.cat([a, b]))
    # the cache is shared across dtypes: randn(3) float32 leaves a double sample for float64
    torch.manual_seed(seed)
    a = torch.randn(3)
    b = torch.randn(2, dtype=F64)
    out.write('randn_cache_mixed|%d|5|%s,%s\n' % (seed, hexes(a), hexes(b)))

    # paths (a)/(b) neither use nor clear the cache: randn(3); randn(16); randn(16, f64); randn(1)
    torch.manual_seed(seed)
    torch.randn(3)
    torch.randn(16)
    torch.randn(16, dtype=F64)
    emit('cache_survives_block_paths', seed, torch.randn(1))

    # Linear(0, 4): no weight draws, the bias still consumes 4 draws (all values 0); then rand(2)
    torch.manual_seed(seed)
    lin = torch.nn.Linear(0, 4)
    emit('linear_0_4_then_rand2', seed, torch.cat([lin.bias.detach(), torch.rand(2)]))

    # RReLU on a transposed 4x5 input: noise follows the logical (row-major) order, because
    # torch runs the kernel on input.contiguous(); recorded in logical order
    torch.manual_seed(seed)
    xt = torch.tensor(RRELU_INPUT, dtype=F32).reshape(5, 4).t()
    xt.requires_grad_(True)
    torch.nn.functional.rrelu(xt, training=True).sum().backward()
    emit('rrelu_transposed_noise_f32', seed, xt.grad.contiguous())

    # randn_like of a transposed 5x4 (strides (1, 5)): path (c), memory order
    for name, dt in (('randn_like_t_f32', F32), ('randn_like_t_f64', F64)):
        torch.manual_seed(seed)
        x = torch.empty(4, 5, dtype=dt).t()
        y = torch.randn_like(x)
        assert y.stride() == (1, 5), y.stride()
        emit(name, seed, memory_order(y))

    # RReLU training noise (default bounds 1/8, 1/3, and custom ones)
    for dt, sfx in ((F32, 'f32'), (F64, 'f64')):
        x = torch.tensor(RRELU_INPUT, dtype=dt)
        for name, lo, hi in (('rrelu', 1.0 / 8, 1.0 / 3), ('rrelu_custom', 0.05, 0.7)):
            torch.manual_seed(seed)
            m = torch.nn.RReLU(lo, hi)
            m.train()
            xx = x.clone().requires_grad_(True)
            y = m(xx)
            # the noise is the gradient of sum(y) wrt x (noise is saved for backward)
            y.sum().backward()
            emit('%s_out_%s' % (name, sfx), seed, y)
            emit('%s_noise_%s' % (name, sfx), seed, xx.grad)

    # nn.Linear init: weight row-major, then bias
    for i, o in ((3, 4), (20, 7), (784, 10)):
        torch.manual_seed(seed)
        lin = torch.nn.Linear(i, o)
        emit('linear_%d_%d' % (i, o), seed, torch.cat([lin.weight.detach().reshape(-1), lin.bias.detach()]))

    # the tutorial: randint(high=5, size=(1,1,4,4), dtype=float) then randn_like of a 1x1x2x2
    torch.manual_seed(seed)
    a = torch.randint(high=5, size=(1, 1, 4, 4), dtype=torch.float)
    b = torch.randn_like(torch.empty(1, 1, 2, 2))
    emit('tutorial', seed, torch.cat([a.reshape(-1), b.reshape(-1)]))

    # RNG state: after rand(7), randn(3) (engine moved, a double normal cached)
    torch.manual_seed(seed)
    torch.rand(7)
    torch.randn(3)
    state = torch.get_rng_state()
    emit('state_after_rand7_randn3', seed, state)
    after = torch.randn(5, dtype=F64)
    emit('randn5_f64_after_state', seed, after)
    torch.set_rng_state(state)
    again = torch.randn(5, dtype=F64)
    assert torch.equal(after, again)
    out.write('initial_seed|%d|1|%016x\n' % (seed, torch.initial_seed()))


BIG_SEEDS = [0, 1, 42, 12345]
BIG_N = (1 << 20) + 5  # not a multiple of 16: exercises the redrawn tail block


def digest_cases(seed):
    """Large fills, recorded as the SHA-256 of their little-endian bytes (4 big-endian words)."""
    import hashlib

    def run(name, fn):
        torch.manual_seed(seed)
        t = fn().contiguous()
        h = hashlib.sha256(t.numpy().tobytes()).hexdigest()
        out.write('%s|%d|%d|%s\n' % (name, seed, t.numel(), ','.join(h[i:i + 16] for i in range(0, 64, 16))))

    run('sha256_rand_f32', lambda: torch.rand(BIG_N))
    run('sha256_uniform_f32', lambda: torch.empty(BIG_N).uniform_(-0.03571428571428571, 0.03571428571428571))
    run('sha256_randn_f32', lambda: torch.randn(BIG_N))
    run('sha256_normal_f32', lambda: torch.empty(BIG_N).normal_(-1.25, 0.3))
    run('sha256_randn_f64', lambda: torch.randn(BIG_N, dtype=F64))
    run('sha256_randint_0_2p40', lambda: torch.randint(0, 2**40, (BIG_N,)))
    run('sha256_bernoulli_f32', lambda: torch.empty(BIG_N).bernoulli_(0.5))
    # randn_like of a transposed 200x300 -> (300, 200) with strides (1, 300): path (c), memory order
    run('sha256_randn_like_t_f32', lambda: memory_order(torch.randn_like(torch.empty(200, 300).t())))


def main():
    out.write('# torch %s (%s), generated by tools/random/generate_tables.py\n'
              % (torch.__version__, torch.__config__.show().split('CPU capability usage: ')[1].split('\n')[0]))
    out.write('# format: name|seed|n|hex,hex,...  (see the script docstring)\n')
    out.write('rrelu_input_f32|0|%d|%s\n' % (len(RRELU_INPUT), hexes(torch.tensor(RRELU_INPUT, dtype=F32))))
    out.write('rrelu_input_f64|0|%d|%s\n' % (len(RRELU_INPUT), hexes(torch.tensor(RRELU_INPUT, dtype=F64))))
    out.write('generator_default_seed|0|1|%016x\n' % torch.Generator().initial_seed())
    for seed in SEEDS:
        for n in SIZES:
            sized_cases(seed, n)
        seed_cases(seed)
    for seed in BIG_SEEDS:
        digest_cases(seed)


if __name__ == '__main__':
    main()
